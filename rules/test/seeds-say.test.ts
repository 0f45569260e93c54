// Answers that say only what the documents in rules/law say (issue 8): each table is a wrong answer a family
// would have acted on, with cases on both sides of the dates where the rule changes.
import * as fs from 'fs';
import * as path from 'path';
import {
  benefitStart,
  careConditions,
  clauseText,
  compareModes,
  contributions,
  DOC_IDS,
  eligibility,
  estimate,
  JILIN_REGIONS,
  objectionDeadline,
  REGION_IDS,
  CARE_MODE_IDS,
  type Cite,
  type EligibilityResult,
  type EstimateResult,
} from '../src';

const codes = (r: { notes: { code: string }[] }) => r.notes.map((n) => n.code);
const noteText = (r: EstimateResult, code: string) =>
  r.notes
    .filter((n) => n.code === code)
    .map((n) => n.text)
    .join('');
const reasonCodes = (r: EligibilityResult) => r.reasons.map((x) => x.code);
const cited = (cites: Cite[], c: string) => {
  const [doc, clause] = c.split(' ');
  return cites.some((x) => x.doc === doc && x.clause === clause);
};

describe('1. Jilin modes are set locally, never "not offered"', () => {
  const rows: [string, string, string, string][] = [];
  for (const region of JILIN_REGIONS)
    for (const mode of ['family', 'community', 'medical-special'])
      for (const month of ['2021-05', '2023-05']) rows.push([region, mode, month, 'jilin-2017 §四(五)']);
  test.each(rows)('%s %s %s: set locally, no fund share invented', (region, careMode, month) => {
    const r = estimate({ region, careMode, grade: 'severe-3', monthlyBillFen: 100000, month, hospitalTier: 1 });
    expect(codes(r)).not.toContain('mode-not-offered');
    expect(codes(r)).toContain('set-locally');
    expect(r).toMatchObject({ fundPaysFen: null, personPaysFen: null, monthlyCapFen: null });
    expect(noteText(r, 'set-locally')).toMatch(/医疗保障部门确定/);
  });

  test.each([
    // Relatives' care: jilin-2017 §六(四) before jilin-2022, jilin-2022 §(六) from its day (home-care areas).
    ['changchun', '2022-10-30', 'jilin-2017 §六(四)'],
    ['changchun', '2022-10-31', 'jilin-2022 §(六)'],
    ['jilin-city', '2022-10-31', 'jilin-2017 §六(四)'],
  ])('%s family care on %s cites %s', (region, asOf, cite) => {
    const r = estimate({ region, careMode: 'family', grade: 'severe-1', monthlyBillFen: 1000, asOf });
    expect(cited(r.citations, cite)).toBe(true);
  });

  test.each([
    ['jilin-city', '2024-05', 'home'],
    ['changchun', '2021-05', 'family'],
    ['changchun', '2023-05', 'family'],
    ['songyuan', '2023-05', 'community'],
  ])('compareModes %s %s lists %s among the possible modes', (region, month, mode) => {
    const c = compareModes({ region, grade: 'severe-2', monthlyBillFen: 100000, month });
    expect(c.modes.find((m) => m.careMode === mode)?.offer).toBe('set-locally');
    expect(c.notOffered.map((m) => m.careMode)).not.toContain(mode);
  });

  test('in Jilin only a missing document leaves modes out; institutions are offered', () => {
    const c = compareModes({ region: 'jilin-city', grade: 'severe-2', monthlyBillFen: 100000, month: '2024-05' });
    expect(c.notOffered).toEqual([]);
    expect(c.modes.find((m) => m.careMode === 'institution')?.offer).toBe('offered');
    const before = compareModes({ region: 'jilin-city', grade: 'severe-2', monthlyBillFen: 1, month: '2017-03' });
    expect(before.modes).toEqual([]);
  });

  test('elsewhere a mode the document does not name is still not offered', () => {
    const r = estimate({ region: 'wenzhou', careMode: 'community', grade: 'severe-1', monthlyBillFen: 1000 });
    expect(codes(r)).toContain('mode-not-offered');
    const c = compareModes({ region: 'jinjiang', grade: 'severe-1', monthlyBillFen: 1000, month: '2024-05' });
    expect(c.notOffered.map((m) => m.careMode)).toEqual(['family', 'medical-special']);
  });
});

describe('2. Wenzhou flexible workers contribute "as employees", no invented half', () => {
  test.each([
    [2022, null],
    [2023, 10000],
  ] as const)('%i: total %p as employees', (year, total) => {
    const r = contributions('wenzhou', 'flexible', year);
    expect(r.contribution?.totalFen ?? null).toBe(total);
    expect(r.personPaysFen).toBeNull();
    if (r.contribution) {
      expect(r.contribution.shares.every((s) => s.fen === null)).toBe(true);
      expect(r.contribution.shares[0].how).toContain('参照职工执行');
      expect(r.notes.filter((n) => n.code === 'set-locally').map((n) => n.text)).toEqual([
        expect.stringContaining('由温州市医保经办机构确定'),
        expect.stringContaining('由温州市医保经办机构确定'),
      ]);
    }
  });
  test('employees keep the split the document states', () => {
    const r = contributions('wenzhou', 'employee', 2023);
    expect(r.contribution?.shares.map((s) => s.fen)).toEqual([5000, 5000]);
    expect(r.personPaysFen).toBe(5000);
  });
  test('2024: the last known amount only, set locally', () => {
    const r = contributions('wenzhou', 'flexible', 2024);
    expect(r.contribution).toBeNull();
    expect(r.lastKnown?.shares.map((s) => s.fen)).toEqual([null, null]);
  });
});

describe("3. Jining's pass level is outside the rule base", () => {
  test.each([
    ['2021-12-31', 'unknown', 'no-document'],
    ['2022-01-01', 'unknown', 'set-locally'],
    ['2024-05-20', 'unknown', 'set-locally'],
  ])('severe grade on %s → %s (%s)', (asOf, verdict, code) => {
    for (const grade of ['severe-1', 'severe-2', 'severe-3']) {
      const r = eligibility({ region: 'jining', district: 'qufu', insurance: 'resident', grade, asOf });
      expect(r.verdict).toBe(verdict);
      expect(reasonCodes(r)).toContain(code);
      expect(reasonCodes(r)).not.toContain('grade-eligible');
      const text = r.reasons.map((x) => x.text).join('');
      expect(text).not.toContain('评定为相应失能等级');
      if (code === 'set-locally') expect(text).toContain('通过标准');
    }
  });
  test('the estimate says it assumes the assessment was passed', () => {
    const r = estimate({ region: 'jining', careMode: 'home', grade: 'severe-2', monthlyBillFen: 100000 });
    expect(noteText(r, 'set-locally')).toContain('按重度失能Ⅱ级已通过评估来估算');
    expect(r.fundPaysFen).toBe(70000);
  });
  test("Jinjiang's own words still make a severe grade eligible", () => {
    const r = eligibility({ region: 'jinjiang', insurance: 'resident', grade: 'severe-1', asOf: '2024-05-20' });
    expect(r.verdict).toBe('eligible');
    expect(cited(r.citations, 'jinjiang-2023 §二(三)')).toBe(true);
  });
});

describe('4. Benefits start when the person is covered, by insurance and district', () => {
  test.each([
    // wenzhou-2023 §五(四): city-district residents from 2024-01-01.
    ['resident', 'lucheng', '2023-11-15', '2024-01', 'wenzhou-2023 §五(四)'],
    ['resident', 'lucheng', '2023-12-31', '2024-01', 'wenzhou-2023 §二(四)'],
    ['resident', 'lucheng', '2024-01-10', '2024-02', 'wenzhou-2023 §二(四)'],
    ['resident', undefined, '2023-11-15', '2024-01', 'wenzhou-2023 §五(四)'],
    // §一(三): county residents from 2025 (read as 2025-01-01).
    ['resident', 'ruian', '2024-06-10', '2025-01', 'wenzhou-2023 §一(三)'],
    ['resident', 'ruian', '2024-12-31', '2025-01', 'wenzhou-2023 §一(三)'],
    ['resident', 'ruian', '2025-03-10', '2025-04', 'wenzhou-2023 §二(四)'],
    ['employee', 'lucheng', '2023-11-15', '2023-12', 'wenzhou-2023 §二(四)'],
    ['flexible', 'ruian', '2023-11-15', '2023-12', 'wenzhou-2023 §二(四)'],
  ])('wenzhou %s %s approved %s → %s', (insurance, district, approval, month, cite) => {
    const r = benefitStart(approval, 'wenzhou', { insurance: insurance as 'resident', district });
    expect(r.month).toBe(month);
    expect(r.firstDay).toBe(`${month}-01`);
    expect(cited(r.citations, cite)).toBe(true);
  });
  test('without a district the answer says the district decides', () => {
    const r = benefitStart('2023-11-15', 'wenzhou', { insurance: 'resident' });
    expect(codes(r)).toContain('coverage-assumed');
  });
  test('a county resident approved in 2024 is told the year-only reading', () => {
    const r = benefitStart('2024-06-10', 'wenzhou', { insurance: 'resident', district: 'ruian' });
    expect(r.notes.find((n) => n.code === 'interpretation')?.text).toContain('2025年1月1日起算');
  });
  test('a Jining resident outside the pilot is told he is not covered yet', () => {
    const r = benefitStart('2024-05-20', 'jining', { insurance: 'resident', district: 'liangshan' });
    expect(codes(r)).toContain('not-covered');
    expect(r.month).toBe('2024-06');
  });
  test('without a person the rule of the month after approval stays', () => {
    expect(benefitStart('2023-11-15', 'wenzhou').month).toBe('2023-12');
  });
});

describe('5. A hospital stay: only what jilin-2022 §(四) says, the rest said to be practice', () => {
  test.each([...JILIN_REGIONS.filter((r) => r !== 'jilin-city')])('%s home care', (region) => {
    const c = careConditions(region, 'home').find((x) => x.code === 'suspended-during-stay')!;
    expect(c.basis).toBe('rule');
    expect(c.cite).toEqual([{ doc: 'jilin-2022', clause: '§(四)' }]);
    expect(clauseText('jilin-2022', '§(四)')).toContain('住院、机构照护服务期间停止居家照护服务');
    expect(clauseText('jilin-2022', '§(四)')).not.toContain('天数');
    // The day count is the product's: said so in the same sentence that mentions it.
    expect(c.text).toMatch(/按实际享受的天数结算，这是本系统的做法/);
  });
  test('the Jilin home estimate does not put wenzhou-2023 words in a jilin-2022 note', () => {
    const r = estimate({
      region: 'changchun',
      careMode: 'home',
      grade: 'severe-1',
      monthlyBillFen: 1,
      month: '2024-05',
    });
    const n = r.notes.find((x) => x.code === 'suspended-during-stay')!;
    expect(n.cite).toEqual([{ doc: 'jilin-2022', clause: '§(四)' }]);
    expect(n.text).toContain('本系统的做法');
  });
  test('where no document stops care during a stay it is practice, without a citation', () => {
    const c = careConditions('jinjiang', 'home').find((x) => x.code === 'suspended-during-stay')!;
    expect(c).toMatchObject({ basis: 'practice', cite: [] });
    expect(c.text).toContain('本系统的做法');
  });
});

describe("6. Jining's residents' rules are not shown to employees", () => {
  test.each([
    ['resident', true],
    [undefined, true],
    ['employee', false],
    ['employee-retired', false],
  ] as const)('%s: no-double-benefit %p', (insurance, shown) => {
    const r = estimate({
      region: 'jining',
      careMode: 'medical-special',
      hospitalTier: 2,
      grade: 'severe-3',
      monthlyBillFen: 100000,
      month: '2024-05',
      ...(insurance ? { insurance, district: 'qufu' } : {}),
    });
    expect(codes(r).includes('no-double-benefit')).toBe(shown);
    expect(careConditions('jining', 'medical-special', insurance).some((c) => c.code === 'no-double-benefit')).toBe(
      shown,
    );
  });
});

describe('7. Rules that change what a family is told', () => {
  test.each([
    ['home', '2022-12', false],
    ['home', '2023-01', true],
    ['institution', '2024-05', true],
    ['family', '2024-05', false],
  ])('wenzhou §二(四): %s %s may start at the family-care standard: %p', (careMode, month, shown) => {
    const r = estimate({ region: 'wenzhou', careMode, grade: 'severe-3', monthlyBillFen: 350000, month });
    expect(codes(r).includes('first-period-family-rate')).toBe(shown);
    if (shown) expect(noteText(r, 'first-period-family-rate')).toContain('1,490.00元');
  });

  test.each([
    ['2022-12-31', false],
    ['2023-01-01', true],
  ])('wenzhou §三(三): an eligible person on %s is told a reassessment may stop benefits: %p', (asOf, shown) => {
    const r = eligibility({ region: 'wenzhou', insurance: 'employee', grade: 'severe-2', asOf });
    expect(reasonCodes(r).includes('reassessment-may-stop')).toBe(shown);
  });

  test.each([
    ['home', 'resident', ['paid-elsewhere-not-paid', 'outpatient-continues'], ['no-double-benefit']],
    ['institution', 'resident', ['paid-elsewhere-not-paid', 'outpatient-continues'], []],
    ['medical-special', 'resident', ['paid-elsewhere-not-paid', 'no-double-benefit'], ['outpatient-continues']],
    ['home', 'employee', [], ['paid-elsewhere-not-paid', 'outpatient-continues']],
  ])('jining §三(三) %s %s', (careMode, insurance, shown, hidden) => {
    const r = estimate({
      region: 'jining',
      district: 'qufu',
      insurance,
      careMode,
      hospitalTier: 1,
      grade: 'severe-3',
      monthlyBillFen: 100000,
      month: '2024-05',
    });
    for (const c of shown) expect(codes(r)).toContain(c);
    for (const c of hidden) expect(codes(r)).not.toContain(c);
    for (const c of shown)
      expect(r.notes.find((n) => n.code === c)?.cite).toEqual([{ doc: 'jining-2022', clause: '§三(三)' }]);
  });

  test.each([
    ['changchun', '2022-10-30', false],
    ['changchun', '2022-10-31', true],
    ['meihekou', '2024-05-20', true],
    ['jilin-city', '2024-05-20', false],
  ])(
    'jilin-2022 §(四): %s home care on %s may start with city districts or needy groups: %p',
    (region, asOf, shown) => {
      const r = estimate({ region, careMode: 'home', grade: 'severe-1', monthlyBillFen: 1000, asOf });
      expect(codes(r).includes('pilot-scope')).toBe(shown);
      const e = eligibility({ region, insurance: 'employee', grade: 'severe-1', asOf });
      expect(reasonCodes(e).includes('pilot-scope')).toBe(shown);
    },
  );

  test.each([
    ['2022-12', false],
    ['2023-01', true],
  ])('wenzhou §二(四): services inside the city on %s: %p', (month, shown) => {
    const r = estimate({ region: 'wenzhou', careMode: 'family', grade: 'severe-1', monthlyBillFen: 1000, month });
    expect(codes(r).includes('local-services-only')).toBe(shown);
  });

  test.each([
    ['resident', 2022, false],
    ['resident', 2023, true],
    ['resident', 2024, true],
    ['employee', 2023, false],
  ] as const)('wenzhou §二(三): %s %i, medical-assistance subsidy said: %p', (insurance, year, shown) => {
    expect(codes(contributions('wenzhou', insurance, year)).includes('subsidised-contribution')).toBe(shown);
  });
});

describe('8. Every interpretation is noted where it is used', () => {
  test.each([
    ['2021-12', 'no-document', false],
    ['2022-01', 'interpretation', true],
    ['2024-05', 'interpretation', true],
  ])('Jining applied from 2022-01-01: %s', (month, code, noted) => {
    const r = estimate({ region: 'jining', careMode: 'home', grade: 'severe-1', monthlyBillFen: 1000, month });
    expect(codes(r)).toContain(code);
    expect(r.notes.some((n) => n.text.includes('没有写发文日期，这里按2022年1月1日起适用'))).toBe(noted);
  });
  test.each([
    ['ruian', '2024-12-31', 'not-eligible', true],
    ['ruian', '2025-01-01', 'eligible', true],
    ['lucheng', '2025-01-01', 'eligible', false],
  ])('Wenzhou counties from 2025-01-01: %s on %s', (district, asOf, verdict, noted) => {
    const r = eligibility({ region: 'wenzhou', district, insurance: 'resident', grade: 'severe-1', asOf });
    expect(r.verdict).toBe(verdict);
    expect(r.reasons.some((x) => x.code === 'interpretation' && x.text.includes('按2025年1月1日起算'))).toBe(noted);
  });

  // The README's list, each with a result that carries its note.
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const list = readme.slice(readme.indexOf('### Interpretations the product makes'), readme.indexOf('## Conventions'));
  test.each([
    [
      'cap-on-eligible-cost',
      () => estimate({ region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1 }),
    ],
    [
      'prorated',
      () => estimate({ region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1, daysCovered: 3 }),
    ],
    [
      'indicative',
      () => estimate({ region: 'changchun', careMode: 'institution', grade: 'severe-3', monthlyBillFen: 1 }),
    ],
    ['set-locally', () => estimate({ region: 'jining', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1 })],
    ['draft-document', () => estimate({ region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1 })],
    [
      'document-expired',
      () => estimate({ region: 'jinjiang', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1, month: '2026-05' }),
    ],
    ['interpretation', () => estimate({ region: 'jining', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1 })],
    ['calendar-unpublished', () => objectionDeadline('2099-12-28', 'wenzhou')],
    ['set-locally', () => benefitStart('2024-05-20', 'jinjiang')],
    ['coverage-assumed', () => benefitStart('2023-11-15', 'wenzhou', { insurance: 'resident' })],
    [
      'suspended-during-stay',
      () => estimate({ region: 'songyuan', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1, month: '2024-05' }),
    ],
  ])('README lists `%s` and a result carries it', (code, run) => {
    expect(list).toContain(`\`${code}\``);
    expect(codes(run())).toContain(code);
  });
});

describe('9. Words for an elderly reader', () => {
  // Every answer text over regions × modes × grades × dates, eligibility, contributions and dates.
  const texts: string[] = [];
  const months = ['2017-05', '2022-06', '2022-11', '2023-05', '2024-05', '2025-06', '2026-05'];
  for (const region of REGION_IDS)
    for (const careMode of CARE_MODE_IDS)
      for (const grade of ['moderate', 'severe-3'])
        for (const month of months) {
          const r = estimate({ region, careMode, grade, monthlyBillFen: 123456, month, hospitalTier: 3 });
          texts.push(...r.notes.map((n) => n.text), ...r.steps.map((s) => s.text));
        }
  for (const region of REGION_IDS)
    for (const insurance of ['employee', 'flexible', 'resident', 'retired-cadre'])
      for (const asOf of ['2023-11-15', '2025-06-01']) {
        for (const grade of [undefined, 'severe-2']) {
          const e = eligibility({ region, insurance, asOf, grade, disabilityCause: 'short-term' });
          texts.push(...e.reasons.map((x) => x.text), ...e.nextSteps, ...e.steps.map((s) => s.text));
        }
        const c = contributions(region, insurance, Number(asOf.slice(0, 4)));
        texts.push(...c.notes.map((n) => n.text), ...c.steps.map((s) => s.text));
        const b = benefitStart(asOf, region, { insurance: insurance as 'resident' });
        texts.push(...b.notes.map((n) => n.text), ...b.steps.map((s) => s.text));
      }
  test('many texts were walked', () => expect(texts.length).toBeGreaterThan(2000));
  test.each([
    ['规则库', /规则库/],
    ['raw clause ids', /§/],
    ['document ids', new RegExp(DOC_IDS.join('|'))],
    ['a draft said to be a draft twice', /征求意见稿[）》]*是征求意见稿/],
  ])('no %s', (_what, re) => {
    expect(texts.filter((x) => re.test(x))).toEqual([]);
  });

  test.each([
    ['2023-03-31', false],
    ['2023-04-01', true],
  ])("Jinjiang's short-term reason in its own words on %s: %p", (asOf, own) => {
    const r = eligibility({ region: 'jinjiang', insurance: 'resident', disabilityCause: 'short-term', asOf });
    const text = r.reasons.map((x) => x.text).join('');
    expect(text.includes('经过不少于6个月治疗')).toBe(own);
    expect(text).not.toContain('失能6个月以上');
  });

  test.each([...JILIN_REGIONS])('%s residents are told plainly that 城镇居民 are included', (region) => {
    const r = eligibility({ region, insurance: 'resident', asOf: '2024-05-20' });
    const text = r.reasons.find((x) => x.code === 'set-locally')?.text ?? '';
    expect(text).toContain('城镇居民已经纳入');
    expect(r.reasons.find((x) => x.code === 'set-locally')?.citation).toEqual({ doc: 'jilin-2017', clause: '§四(二)' });
  });

  test.each([
    ['2023-11-15', undefined, true],
    ['2023-11-15', 'severe-2', false],
    ['2024-01-01', undefined, true],
  ])('wenzhou city resident on %s, grade %p: told to apply first: %p', (asOf, grade, told) => {
    const r = eligibility({ region: 'wenzhou', district: 'lucheng', insurance: 'resident', grade, asOf });
    const all = [...r.reasons.map((x) => x.text), ...r.nextSteps].join('');
    expect(/先申请评估|需要先申请失能等级评估/.test(all)).toBe(told);
  });
});
