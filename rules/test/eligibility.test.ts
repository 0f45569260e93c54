import { eligibility, RulesInputError, type Verdict } from '../src';

type Row = [name: string, input: Record<string, unknown>, verdict: Verdict, reasons: string[], cite: string];
const asOf = '2024-05-20';

const rows: Row[] = [
  // api-contract.md's example: liangshan is not a jining pilot district.
  [
    'contract example',
    {
      region: 'jining',
      district: 'liangshan',
      insurance: 'resident',
      grade: null,
      disabilityMonths: 8,
      disabilityCause: 'illness',
      asOf,
    },
    'not-eligible',
    ['not-covered'],
    'jining-2022 §一',
  ],
  [
    'jining pilot resident, not yet assessed',
    { region: 'jining', district: 'rencheng', insurance: 'resident', asOf },
    'apply-for-assessment',
    ['covered', 'assessment-needed'],
    'jining-2022 §三(一)',
  ],
  [
    // jining-2022 §三(一): the pass level of its assessment is in the 2018 measures, not in the rule base.
    'jining pilot resident, severe: the pass level is set locally',
    { region: 'jining', district: 'wenshang', insurance: 'resident', grade: 'severe-1', asOf },
    'unknown',
    ['covered', 'set-locally'],
    'jining-2022 §一',
  ],
  [
    'jining moderate: set locally',
    { region: 'jining', district: 'wenshang', insurance: 'resident', grade: 'moderate', asOf },
    'unknown',
    ['set-locally'],
    'jining-2022 §三(一)',
  ],
  [
    'jining employees: not in the rule base',
    { region: 'jining', insurance: 'employee', asOf },
    'unknown',
    ['set-locally'],
    'jining-2022 §七',
  ],
  [
    'jining resident, district unknown',
    { region: 'jining', insurance: 'resident', asOf },
    'unknown',
    ['set-locally'],
    'jining-2022 §一',
  ],
  [
    'jining before the pilot',
    { region: 'jining', district: 'rencheng', insurance: 'resident', asOf: '2021-12-31' },
    'unknown',
    ['no-document'],
    '',
  ],
  [
    'wenzhou employee, severe',
    { region: 'wenzhou', insurance: 'employee', grade: 'severe-2', asOf },
    'eligible',
    ['covered', 'grade-eligible', 'draft-document'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'wenzhou employee, mild',
    { region: 'wenzhou', insurance: 'employee', grade: 'mild', asOf },
    'not-eligible',
    ['grade-not-eligible'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'wenzhou 3 months of illness',
    { region: 'wenzhou', insurance: 'employee', disabilityMonths: 3, disabilityCause: 'illness', asOf },
    'not-eligible',
    ['duration-too-short'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'wenzhou 6 months of illness',
    { region: 'wenzhou', insurance: 'employee', disabilityMonths: 6, disabilityCause: 'illness', asOf },
    'apply-for-assessment',
    ['duration-met'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'wenzhou old age needs no 6 months',
    { region: 'wenzhou', insurance: 'employee-retired', disabilityMonths: 2, disabilityCause: 'old-age', asOf },
    'apply-for-assessment',
    ['duration-met'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'wenzhou short-term',
    { region: 'wenzhou', insurance: 'employee', disabilityCause: 'short-term', asOf },
    'not-eligible',
    ['short-term-disability'],
    'wenzhou-2023 §二(二)',
  ],
  // wenzhou-2023 §五(四): city residents enrolled in 2023, applications from Q4 2023, benefits from 2024-01-01.
  [
    'wenzhou city resident before applications open',
    { region: 'wenzhou', district: 'ouhai', insurance: 'resident', asOf: '2023-09-30' },
    'not-eligible',
    ['not-covered'],
    'wenzhou-2023 §五(四)',
  ],
  [
    'wenzhou city resident in Q4 2023: apply now',
    { region: 'wenzhou', district: 'ouhai', insurance: 'resident', asOf: '2023-10-01' },
    'apply-for-assessment',
    ['benefits-not-started'],
    'wenzhou-2023 §五(四)',
  ],
  [
    'wenzhou city resident assessed in Q4 2023',
    { region: 'wenzhou', district: 'ouhai', insurance: 'resident', grade: 'severe-3', asOf: '2023-12-31' },
    'eligible',
    ['benefits-not-started', 'grade-eligible'],
    'wenzhou-2023 §五(四)',
  ],
  [
    'wenzhou resident, no district, 2023',
    { region: 'wenzhou', insurance: 'resident', asOf: '2023-06-01' },
    'not-eligible',
    ['not-covered'],
    'wenzhou-2023 §一(三)',
  ],
  [
    'jilin residents: former rural members set locally',
    { region: 'changchun', insurance: 'resident', grade: 'severe-2', asOf },
    'unknown',
    ['set-locally'],
    'jilin-2017 §四(二)',
  ],
  [
    'meihekou employees before jilin-2022',
    { region: 'meihekou', insurance: 'employee', asOf: '2022-10-30' },
    'unknown',
    ['set-locally'],
    'jilin-2017 §二(一)',
  ],
  [
    'meihekou employees from jilin-2022',
    { region: 'meihekou', insurance: 'employee', asOf: '2022-10-31' },
    'apply-for-assessment',
    ['covered'],
    'jilin-2022 §(三)',
  ],
  [
    'jilin: how long is long-term is set locally',
    { region: 'jilin-city', insurance: 'employee', grade: 'severe-3', disabilityMonths: 1, asOf },
    'eligible',
    ['duration-set-locally'],
    '',
  ],
  [
    'wenzhou city resident from 2024',
    { region: 'wenzhou', district: 'ouhai', insurance: 'resident', grade: 'severe-3', asOf: '2024-01-01' },
    'eligible',
    ['covered'],
    'wenzhou-2023 §五(四)',
  ],
  [
    'wenzhou county resident 2024',
    { region: 'wenzhou', district: 'yueqing', insurance: 'resident', grade: 'severe-3', asOf: '2024-12-31' },
    'not-eligible',
    ['not-covered'],
    'wenzhou-2023 §一(三)',
  ],
  [
    'wenzhou county resident 2025',
    { region: 'wenzhou', district: 'yueqing', insurance: 'resident', grade: 'severe-3', asOf: '2025-01-01' },
    'eligible',
    ['covered'],
    'wenzhou-2023 §一(三)',
  ],
  [
    'wenzhou retired cadre: set locally',
    { region: 'wenzhou', insurance: 'retired-cadre', asOf },
    'unknown',
    ['set-locally'],
    'wenzhou-2023 §二(三)',
  ],
  [
    'wenzhou after the plan',
    { region: 'wenzhou', insurance: 'employee', grade: 'severe-1', asOf: '2026-01-01' },
    'eligible',
    ['document-expired', 'draft-document'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'jinjiang resident severe',
    { region: 'jinjiang', insurance: 'resident', grade: 'severe-1', asOf },
    'eligible',
    ['covered', 'grade-eligible'],
    'jinjiang-2023 §二(一)',
  ],
  [
    'jinjiang disabled veteran',
    { region: 'jinjiang', insurance: 'disabled-veteran', asOf },
    'apply-for-assessment',
    ['covered'],
    'jinjiang-2023 §二(一)',
  ],
  [
    'jinjiang mild: set locally',
    { region: 'jinjiang', insurance: 'resident', grade: 'mild', asOf },
    'unknown',
    ['set-locally'],
    'jinjiang-2023 §二(三)',
  ],
  [
    'jinjiang 4 months of illness',
    { region: 'jinjiang', insurance: 'employee', disabilityMonths: 4, disabilityCause: 'injury', asOf },
    'not-eligible',
    ['duration-too-short'],
    'jinjiang-2023 §二(三)',
  ],
  [
    'jinjiang before it took effect',
    { region: 'jinjiang', insurance: 'resident', asOf: '2023-03-31' },
    'unknown',
    ['no-document'],
    '',
  ],
  [
    'jinjiang last day',
    { region: 'jinjiang', insurance: 'resident', grade: 'severe-1', asOf: '2026-03-31' },
    'eligible',
    ['covered'],
    'jinjiang-2023 §二(一)',
  ],
  [
    'jinjiang expired',
    { region: 'jinjiang', insurance: 'resident', grade: 'severe-1', asOf: '2026-04-01' },
    'eligible',
    ['document-expired'],
    'jinjiang-2023 §四(四)',
  ],
  [
    'changchun short-term disability',
    { region: 'changchun', insurance: 'resident', disabilityCause: 'short-term', asOf },
    'not-eligible',
    ['short-term-disability'],
    'jilin-2017 §四(四)',
  ],
  [
    'changchun moderate: set locally',
    { region: 'changchun', insurance: 'employee', grade: 'moderate', asOf },
    'unknown',
    ['set-locally'],
    'jilin-2017 §四(四)',
  ],
  [
    'changchun severe',
    { region: 'changchun', insurance: 'employee', grade: 'severe-1', asOf },
    'eligible',
    ['grade-eligible'],
    'jilin-2017 §四(四)',
  ],
  [
    'jilin city before jilin-2017',
    { region: 'jilin-city', insurance: 'employee', asOf: '2017-04-15' },
    'unknown',
    ['no-document'],
    '',
  ],
  [
    'jilin city from jilin-2017',
    { region: 'jilin-city', insurance: 'employee', asOf: '2017-04-16' },
    'apply-for-assessment',
    ['covered'],
    'jilin-2017 §四(二)',
  ],
];

describe('eligibility', () => {
  test.each(rows)('%s', (_name, input, verdict, reasons, cite) => {
    const r = eligibility(input);
    expect(r.verdict).toBe(verdict);
    const codes = r.reasons.map((x) => x.code);
    for (const code of reasons) expect(codes).toContain(code);
    if (cite) {
      const [doc, clause] = cite.split(' ');
      expect(r.citations).toContainEqual({ doc, clause });
    }
    expect(r.nextSteps.length).toBeGreaterThan(0);
    for (const reason of r.reasons) expect(reason.text).toMatch(/[\u4e00-\u9fff]/);
  });

  test('unknown verdicts say who decides', () => {
    const r = eligibility({ region: 'jining', insurance: 'employee', asOf });
    expect(r.reasons.find((x) => x.code === 'set-locally')?.text).toMatch(/济政办发〔2018〕33号/);
  });

  test.each([
    [{ region: 'jining' }, 'insurance'],
    [{ region: 'nowhere', insurance: 'resident' }, 'region'],
    [{ region: 'jining', insurance: 'resident', disabilityCause: 'sad' }, 'disabilityCause'],
    [{ region: 'jining', insurance: 'resident', asOf: '2024-02-30' }, 'asOf'],
    [{ region: 'jining', insurance: 'resident', district: 'lucheng' }, 'district'],
  ])('bad input %j → %s', (input, path) => {
    expect(() => eligibility(input)).toThrow(RulesInputError);
    try {
      eligibility(input);
    } catch (e) {
      expect((e as RulesInputError).details[0].path).toBe(path);
    }
  });
});
