// What a reader sees for a document, a citation and a state: plain Chinese, never an id or a clause mark.
import {
  allRules,
  APPLICATION_STATES,
  applicationStateLabel,
  BENEFIT_STATES,
  benefitStateLabel,
  citationsText,
  citationText,
  clausePlace,
  compareModes,
  DOC_IDS,
  DOCUMENTS,
  documentShortName,
  eligibility,
  estimate,
  listClauses,
  type Cite,
  type DocId,
} from '../src';

/** No id, clause mark, Latin letter or ASCII bracket may reach a reader. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/[§A-Za-z()]/);
  for (const id of DOC_IDS) expect(text).not.toContain(id);
}

describe('document short names', () => {
  test.each([
    ['jilin-2022', '吉林省居家照护试点指导意见'],
    ['jilin-2017', '吉林省长护险试点实施意见'],
    ['wenzhou-2023', '温州市长护险实施方案（征求意见稿）'],
    ['jinjiang-2023', '晋江市长护险暂行规定'],
    ['jining-2022', '济宁市居民长护险试点通知'],
  ] as [DocId, string][])('%s → %s', (doc, name) => {
    expect(documentShortName(doc)).toBe(name);
    expectPlain(name);
  });

  test('a draft says so in its name; the names are distinct', () => {
    for (const d of DOCUMENTS) expect(documentShortName(d.id).includes('征求意见稿')).toBe(d.draft);
    expect(new Set(DOC_IDS.map(documentShortName)).size).toBe(DOC_IDS.length);
  });

  test('an unknown document is an error, not a raw id', () => {
    expect(() => documentShortName('nowhere' as DocId)).toThrow(/unknown document/);
  });
});

describe('citations in words', () => {
  test.each([
    ['wenzhou-2023', '§二(四)', '温州市长护险实施方案（征求意见稿）第二部分第（四）项'],
    ['wenzhou-2023', '§二', '温州市长护险实施方案（征求意见稿）第二部分'],
    ['wenzhou-2023', '§标题', '温州市长护险实施方案（征求意见稿）标题和发文信息'],
    ['wenzhou-2023', '§前言', '温州市长护险实施方案（征求意见稿）开头部分'],
    ['jilin-2022', '§(四)', '吉林省居家照护试点指导意见第（四）项'],
    ['jilin-2022', '§(十)2', '吉林省居家照护试点指导意见第（十）项第2点'],
    ['jilin-2022', '§(十五)', '吉林省居家照护试点指导意见第（十五）项'],
    ['jilin-2017', '§四(三)2', '吉林省长护险试点实施意见第四部分第（三）项第2点'],
    ['jinjiang-2023', '§二(四)1(3)', '晋江市长护险暂行规定第二部分第（四）项第1点第（3）小点'],
    ['jinjiang-2023', '§附', '晋江市长护险暂行规定文末附注'],
    ['jining-2022', '§七', '济宁市居民长护险试点通知第七部分'],
  ] as [DocId, string, string][])('%s %s', (doc, clause, words) => {
    expect(citationText({ doc, clause })).toBe(words);
  });

  // Every clause of every document, so any id the rule base may cite has words.
  const everyClause = DOC_IDS.flatMap((doc) => listClauses(doc).map((c) => [doc, c.id] as [DocId, string]));
  test.each(everyClause)('every clause: %s %s', (doc, clause) => {
    const words = citationText({ doc, clause });
    expect(words.startsWith(documentShortName(doc))).toBe(true);
    expect(words.length).toBeGreaterThan(documentShortName(doc).length);
    expectPlain(words);
  });

  test('the clauses of one document read differently', () => {
    for (const doc of DOC_IDS) {
      const places = listClauses(doc).map((c) => clausePlace(c.id));
      expect(new Set(places).size).toBe(places.length);
    }
  });

  test('ids of no known form are refused, never shown raw', () => {
    for (const bad of ['§', '§九九x', '二(四)', '§1', '§(1)', '§二(四)x'])
      expect(() => clausePlace(bad)).toThrow(/unknown clause/);
  });

  // Every citation the rule base and the results carry.
  const used = new Map<string, Cite>();
  const add = (c: Cite): void => void used.set(`${c.doc} ${c.clause}`, c);
  for (const r of allRules()) for (const s of r.timeline) if (s.kind !== 'no-document') s.cite.forEach(add);
  for (const d of DOCUMENTS) d.cite.forEach(add);
  const results = [
    estimate({ region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 350000, month: '2024-05' }),
    estimate({ region: 'changchun', careMode: 'home', grade: 'severe-1', monthlyBillFen: 350000, month: '2024-05' }),
    estimate({ region: 'jining', careMode: 'medical-special', hospitalTier: 2, monthlyBillFen: 1, month: '2024-05' }),
    estimate({ region: 'jinjiang', careMode: 'community', grade: 'severe-1', monthlyBillFen: 1, month: '2026-05' }),
    eligibility({ region: 'jilin-city', insurance: 'resident', disabilityMonths: 8, disabilityCause: 'illness' }),
    ...compareModes({ region: 'songyuan', grade: 'severe-2', monthlyBillFen: 100000, month: '2023-05' }).modes.map(
      (m) => m.estimate,
    ),
  ];
  for (const r of results) r.citations.forEach(add);
  test('the rule base cites many clauses', () => expect(used.size).toBeGreaterThan(30));
  test.each([...used.values()].map((c) => [c.doc, c.clause, c] as const))('used: %s %s', (_d, _c, cite) => {
    expectPlain(citationText(cite));
  });

  test('several citations read as one phrase, grouped by document', () => {
    expect(
      citationsText([
        { doc: 'wenzhou-2023', clause: '§一(三)' },
        { doc: 'wenzhou-2023', clause: '§五(四)' },
        { doc: 'jilin-2017', clause: '§四(五)' },
        { doc: 'wenzhou-2023', clause: '§五(四)' },
      ]),
    ).toBe(
      '温州市长护险实施方案（征求意见稿）第一部分第（三）项、第五部分第（四）项；吉林省长护险试点实施意见第四部分第（五）项',
    );
  });
});

describe('state labels', () => {
  test.each([
    ['draft', '草稿'],
    ['submitted', '已提交'],
    ['accepted', '已受理'],
    ['returned', '已退回'],
    ['assessment-scheduled', '待上门评估'],
    ['assessed', '已评估'],
    ['publicized', '公示中'],
    ['approved', '已核准'],
    ['rejected', '未核准'],
    ['objection-filed', '复评申请中'],
    ['reassessed', '已复评'],
  ] as const)('application %s → %s', (state, label) => expect(applicationStateLabel(state)).toBe(label));

  test('every application state has its own label', () => {
    const labels = APPLICATION_STATES.map(applicationStateLabel);
    expect(new Set(labels).size).toBe(APPLICATION_STATES.length);
    labels.forEach(expectPlain);
  });

  test.each([
    ['active', '享受中'],
    ['suspended', '暂停中'],
    ['stopped', '已终止'],
  ] as const)('benefit %s → %s', (state, label) => expect(benefitStateLabel(state)).toBe(label));

  test('every benefit state has a label; unknown states are errors', () => {
    expect(BENEFIT_STATES.map(benefitStateLabel)).toHaveLength(3);
    expect(() => benefitStateLabel('paused' as never)).toThrow(/unknown state/);
    expect(() => applicationStateLabel('done' as never)).toThrow(/unknown state/);
  });
});
