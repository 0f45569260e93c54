// Meta-tests over the rule base itself: every value cites a clause that exists; no gaps or overlaps in time.
import {
  allRules,
  addDays,
  CARE_MODE_IDS,
  DOCUMENTS,
  documentStatus,
  hasClause,
  INSURANCE_IDS,
  MODES_OFFERED,
  REGION_IDS,
  segmentAt,
  estimate,
  districtsOf,
} from '../src';
import { BEGIN } from '../src/rulebase/timeline';
import { coverageRules } from '../src/rulebase';

describe('every rule value cites a clause that exists', () => {
  const rules = allRules();
  test('the rule base is not empty', () => expect(rules.length).toBeGreaterThan(40));
  test.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    for (const seg of rule.timeline) {
      if (seg.kind === 'no-document') continue;
      expect(seg.cite.length).toBeGreaterThan(0);
      for (const c of seg.cite)
        expect(`${c.doc} ${c.clause} ${hasClause(c.doc, c.clause)}`).toBe(`${c.doc} ${c.clause} true`);
      // A value cites its own document; only jilin-2022 values also lean on jilin-2017.
      expect(seg.cite.every((c) => c.doc === seg.doc || (seg.doc === 'jilin-2022' && c.doc === 'jilin-2017'))).toBe(
        true,
      );
      if (seg.kind === 'set-locally') expect(seg.decidedBy).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  test('documents cite their own clauses', () => {
    for (const d of DOCUMENTS) for (const c of d.cite) expect(hasClause(c.doc, c.clause)).toBe(true);
  });
  test('notes of results cite existing clauses', () => {
    const r = estimate({
      region: 'wenzhou',
      careMode: 'family',
      grade: 'severe-1',
      monthlyBillFen: 1,
      month: '2026-02',
      daysCovered: 3,
    });
    for (const c of r.citations) expect(hasClause(c.doc, c.clause)).toBe(true);
  });
});

describe('timelines have no gap and no overlap', () => {
  test.each(allRules().map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const t = rule.timeline;
    expect(t[0].from).toBe(BEGIN);
    expect(t[t.length - 1].to).toBeNull();
    for (let i = 1; i < t.length; i++) expect(t[i].from).toBe(addDays(t[i - 1].to as string, 1));
  });

  // Walk the calendar 2017–2027 over every region × mode and every region × insurance × district group.
  const days: string[] = [];
  for (let d = '2017-01-01'; d <= '2027-12-31'; d = addDays(d, 7)) days.push(d);
  days.push(
    '2022-10-30',
    '2022-10-31',
    '2023-03-31',
    '2023-04-01',
    '2026-03-31',
    '2026-04-01',
    '2025-12-31',
    '2026-01-01',
  );
  test.each(REGION_IDS.flatMap((region) => CARE_MODE_IDS.map((mode) => [region, mode] as const)))(
    'modes: %s × %s',
    (region, mode) => {
      const rule = MODES_OFFERED[region][mode];
      for (const d of days) {
        expect(rule.timeline.filter((s) => s.from <= d && (s.to === null || d <= s.to))).toHaveLength(1);
        expect(() => segmentAt(rule, d)).not.toThrow();
      }
    },
  );
  test.each(REGION_IDS.flatMap((region) => INSURANCE_IDS.map((ins) => [region, ins] as const)))(
    'coverage: %s × %s',
    (region, insurance) => {
      const districts = [undefined, ...districtsOf(region).map((d) => d.id)];
      for (const district of districts) {
        for (const rule of coverageRules(region, insurance, district)) {
          for (const d of days)
            expect(rule.timeline.filter((s) => s.from <= d && (s.to === null || d <= s.to))).toHaveLength(1);
        }
      }
    },
  );
});

describe('documents', () => {
  test.each([
    ['wenzhou-2023', '2022-12-31', 'not-yet'],
    ['wenzhou-2023', '2023-01-01', 'draft'],
    ['wenzhou-2023', '2025-12-31', 'draft'],
    ['wenzhou-2023', '2026-01-01', 'expired'],
    ['jinjiang-2023', '2023-03-31', 'not-yet'],
    ['jinjiang-2023', '2023-04-01', 'in-force'],
    ['jinjiang-2023', '2026-03-31', 'in-force'],
    ['jinjiang-2023', '2026-04-01', 'expired'],
    ['jilin-2022', '2022-10-30', 'not-yet'],
    ['jilin-2022', '2022-10-31', 'in-force'],
    ['jilin-2017', '2017-04-15', 'not-yet'],
    ['jilin-2017', '2026-11-23', 'in-force'],
    ['jining-2022', '2026-11-23', 'in-force'],
  ] as const)('%s on %s is %s', (doc, date, status) => {
    expect(documentStatus(doc, date)).toBe(status);
  });
});

describe('every region × mode × grade × insurance gives an answer', () => {
  const grades = [undefined, 'normal', 'mild', 'moderate', 'severe-1', 'severe-2', 'severe-3'] as const;
  const cases = REGION_IDS.flatMap((region) =>
    CARE_MODE_IDS.flatMap((careMode) => grades.map((grade) => [region, careMode, grade] as const)),
  );
  test.each(cases)('%s × %s × %s', (region, careMode, grade) => {
    for (const month of ['2024-05', '2026-11']) {
      for (const insurance of [undefined, ...INSURANCE_IDS]) {
        const input = { region, careMode, grade, insurance, monthlyBillFen: 287654, month, hospitalTier: 2 };
        let r;
        try {
          r = estimate(input);
        } catch (e) {
          // The only refusal of a well-formed request: a grade where the region's rule needs one.
          expect((e as { details: { path: string }[] }).details[0].path).toBe('grade');
          expect(grade).toBeUndefined();
          continue;
        }
        expect(r.notes.length + r.steps.length).toBeGreaterThan(0);
        if (r.fundPaysFen !== null) {
          expect(r.fundPaysFen + (r.personPaysFen ?? NaN)).toBe(287654);
          expect(r.fundPaysFen).toBeLessThanOrEqual(r.eligibleCostFen ?? 0);
        } else {
          // No silent null: a note says why.
          expect(r.notes.map((n) => n.code)).toEqual(
            expect.arrayContaining([expect.stringMatching(/set-locally|no-document/)]),
          );
        }
        for (const c of r.citations) expect(hasClause(c.doc, c.clause)).toBe(true);
      }
    }
  });
});
