import { estimate, RulesInputError, type EstimateResult } from '../src';

type Row = [
  name: string,
  input: Record<string, unknown>,
  expected: Partial<
    Pick<
      EstimateResult,
      | 'monthlyCapFen'
      | 'eligibleCostFen'
      | 'fundRatio'
      | 'fundPaysFen'
      | 'personPaysFen'
      | 'indicative'
      | 'indicativeFundPaysFen'
      | 'proratedCapFen'
    >
  >,
  notes: string[],
  cite: string,
];

const wz = { region: 'wenzhou', insurance: 'employee', asOf: '2024-05-20' };
const paysNothing = (bill: number) => ({
  monthlyCapFen: 0,
  eligibleCostFen: 0,
  fundRatio: 0,
  fundPaysFen: 0,
  personPaysFen: bill,
});

// wenzhou-2023 §二(五): caps by severe grade × mode (yuan/month) and the fund's 80%.
const WENZHOU_CAPS: [string, string, number][] = [
  ['home', 'severe-3', 298000],
  ['home', 'severe-2', 238400],
  ['home', 'severe-1', 178800],
  ['institution', 'severe-3', 298000],
  ['institution', 'severe-2', 238400],
  ['institution', 'severe-1', 178800],
  ['family', 'severe-3', 149000],
  ['family', 'severe-2', 119200],
  ['family', 'severe-1', 89400],
];

const rows: Row[] = [
  // The digest's worked example: grade III, home visits, bill 3,500 → eligible 2,980 → fund 2,384 → person 1,116.
  [
    'digest example',
    { ...wz, district: 'lucheng', careMode: 'home', grade: 'severe-3', monthlyBillFen: 350000, month: '2024-05' },
    {
      monthlyCapFen: 298000,
      eligibleCostFen: 298000,
      fundRatio: 0.8,
      fundPaysFen: 238400,
      personPaysFen: 111600,
      indicative: false,
    },
    ['draft-document', 'cap-on-eligible-cost'],
    'wenzhou-2023 §二(五)',
  ],
  // No covered day: the prorated cap is 0, the policy's cap and ratio stay what they are.
  [
    'no day covered in wenzhou',
    { ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 100, month: '2024-02', daysCovered: 0 },
    {
      monthlyCapFen: 298000,
      proratedCapFen: 0,
      eligibleCostFen: 0,
      fundRatio: 0.8,
      fundPaysFen: 0,
      personPaysFen: 100,
    },
    ['prorated'],
    'wenzhou-2023 §四(四)',
  ],
  // The digest: 15 days of a 30-day month → cap 1,490.
  [
    'digest part month',
    { ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 350000, month: '2024-06', daysCovered: 15 },
    {
      monthlyCapFen: 298000,
      proratedCapFen: 149000,
      eligibleCostFen: 149000,
      fundPaysFen: 119200,
      personPaysFen: 230800,
    },
    ['prorated'],
    'wenzhou-2023 §四(四)',
  ],
  // Proration rounds half up: 89400 × 15 ÷ 29 = 46241.379… → 46241; 80% = 36992.8 → 36993.
  [
    'part month rounding',
    { ...wz, careMode: 'family', grade: 'severe-1', monthlyBillFen: 100000, month: '2024-02', daysCovered: 15 },
    { proratedCapFen: 46241, eligibleCostFen: 46241, fundPaysFen: 36993, personPaysFen: 63007 },
    ['prorated', 'daily-living-share'],
    'wenzhou-2023 §四(四)',
  ],
  [
    'bill under the cap',
    { ...wz, careMode: 'home', grade: 'severe-1', monthlyBillFen: 123457 },
    { monthlyCapFen: 178800, eligibleCostFen: 123457, fundPaysFen: 98766, personPaysFen: 24691 },
    [],
    'wenzhou-2023 §二(五)',
  ],
  [
    'zero bill',
    { ...wz, careMode: 'home', grade: 'severe-1', monthlyBillFen: 0 },
    { eligibleCostFen: 0, fundPaysFen: 0, personPaysFen: 0 },
    [],
    'wenzhou-2023 §二(五)',
  ],
  [
    'moderate is not paid',
    { ...wz, careMode: 'home', grade: 'moderate', monthlyBillFen: 350000 },
    paysNothing(350000),
    ['grade-not-eligible'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'mild is not paid',
    { ...wz, careMode: 'family', grade: 'mild', monthlyBillFen: 100000 },
    paysNothing(100000),
    ['grade-not-eligible'],
    'wenzhou-2023 §二(二)',
  ],
  [
    'no community care in wenzhou',
    { ...wz, careMode: 'community', monthlyBillFen: 100000 },
    paysNothing(100000),
    ['mode-not-offered'],
    'wenzhou-2023 §二(五)',
  ],
  [
    'no insurance given',
    { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 100000, asOf: '2024-05-20' },
    { fundPaysFen: 80000, personPaysFen: 20000 },
    ['coverage-assumed'],
    'wenzhou-2023 §二(五)',
  ],
  // Dates: the plan period 2023-2025, before and after.
  [
    'wenzhou before its plan',
    { ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 100000, month: '2022-12' },
    { monthlyCapFen: null, fundRatio: null, fundPaysFen: null, personPaysFen: null },
    ['no-document'],
    '',
  ],
  [
    'wenzhou first month',
    { ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 100000, month: '2023-01' },
    { fundPaysFen: 80000 },
    ['draft-document'],
    'wenzhou-2023 §二(五)',
  ],
  [
    'wenzhou last month of the plan',
    { ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 400000, month: '2025-12' },
    { fundPaysFen: 238400 },
    ['draft-document'],
    'wenzhou-2023 §二(五)',
  ],
  [
    'wenzhou past its plan: last known, marked',
    { ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 400000, month: '2026-01' },
    { monthlyCapFen: 298000, fundPaysFen: 238400, personPaysFen: 161600 },
    ['draft-document', 'document-expired'],
    'wenzhou-2023 §二(五)',
  ],
  // Residents: city districts from 2024-01-01, counties from 2025.
  [
    'city resident 2023',
    {
      region: 'wenzhou',
      insurance: 'resident',
      district: 'lucheng',
      careMode: 'home',
      grade: 'severe-2',
      monthlyBillFen: 300000,
      month: '2023-12',
    },
    paysNothing(300000),
    ['not-covered'],
    'wenzhou-2023 §五(四)',
  ],
  [
    'city resident 2024',
    {
      region: 'wenzhou',
      insurance: 'resident',
      district: 'dongtou',
      careMode: 'home',
      grade: 'severe-2',
      monthlyBillFen: 300000,
      month: '2024-01',
    },
    { fundPaysFen: 190720, personPaysFen: 109280 },
    [],
    'wenzhou-2023 §五(四)',
  ],
  [
    'county resident 2024',
    {
      region: 'wenzhou',
      insurance: 'resident',
      district: 'ruian',
      careMode: 'institution',
      grade: 'severe-2',
      monthlyBillFen: 300000,
      month: '2024-12',
    },
    paysNothing(300000),
    ['not-covered'],
    'wenzhou-2023 §一(三)',
  ],
  [
    'county resident 2025',
    {
      region: 'wenzhou',
      insurance: 'resident',
      district: 'taishun',
      careMode: 'institution',
      grade: 'severe-2',
      monthlyBillFen: 300000,
      month: '2025-01',
    },
    { fundPaysFen: 190720 },
    [],
    'wenzhou-2023 §一(三)',
  ],
  [
    'resident, district unknown, nobody paid yet',
    {
      region: 'wenzhou',
      insurance: 'resident',
      careMode: 'home',
      grade: 'severe-2',
      monthlyBillFen: 300000,
      month: '2023-06',
    },
    paysNothing(300000),
    ['not-covered'],
    'wenzhou-2023 §五(四)',
  ],
  [
    'resident, district unknown and it matters',
    {
      region: 'wenzhou',
      insurance: 'resident',
      careMode: 'home',
      grade: 'severe-2',
      monthlyBillFen: 300000,
      month: '2024-06',
    },
    { fundPaysFen: 190720 },
    ['coverage-assumed'],
    'wenzhou-2023 §一(三)',
  ],
  [
    'flexible workers are employees',
    {
      region: 'wenzhou',
      insurance: 'flexible',
      careMode: 'family',
      grade: 'severe-3',
      monthlyBillFen: 200000,
      month: '2024-06',
    },
    { monthlyCapFen: 149000, fundPaysFen: 119200, personPaysFen: 80800 },
    [],
    'wenzhou-2023 §二(三)',
  ],

  // jining-2022 §三(二): ratios by mode and hospital tier; caps set by the 2018 measures.
  ...(
    [
      ['home', undefined, 0.7, 70000],
      ['institution', undefined, 0.65, 65000],
      ['medical-special', 1, 0.7, 70000],
      ['medical-special', 2, 0.65, 65000],
      ['medical-special', 3, 0.6, 60000],
    ] as const
  ).map(([careMode, hospitalTier, ratio, fund]): Row => [
    `jining ${careMode} ${hospitalTier ?? ''}`,
    {
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode,
      hospitalTier,
      monthlyBillFen: 100000,
      month: '2024-05',
    },
    { monthlyCapFen: null, eligibleCostFen: 100000, fundRatio: ratio, fundPaysFen: fund, personPaysFen: 100000 - fund },
    ['set-locally'],
    'jining-2022 §三(二)',
  ]),
  [
    'jining rounding half up',
    {
      region: 'jining',
      district: 'qufu',
      insurance: 'resident',
      careMode: 'medical-special',
      hospitalTier: 2,
      monthlyBillFen: 123457,
      month: '2024-05',
    },
    { fundPaysFen: 80247, personPaysFen: 43210 },
    [],
    'jining-2022 §三(二)',
  ],
  [
    'jining no family care',
    {
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode: 'family',
      monthlyBillFen: 100000,
      month: '2024-05',
    },
    paysNothing(100000),
    ['mode-not-offered'],
    'jining-2022 §三(二)',
  ],
  [
    'jining no community care',
    { region: 'jining', careMode: 'community', monthlyBillFen: 100000, month: '2024-05' },
    paysNothing(100000),
    ['mode-not-offered'],
    'jining-2022 §三(二)',
  ],
  [
    'jining not a pilot district',
    {
      region: 'jining',
      district: 'liangshan',
      insurance: 'resident',
      careMode: 'home',
      monthlyBillFen: 100000,
      month: '2024-05',
    },
    paysNothing(100000),
    ['not-covered'],
    'jining-2022 §一',
  ],
  [
    'jining employees: 2018 measures not in the rule base',
    { region: 'jining', insurance: 'employee', careMode: 'home', monthlyBillFen: 100000, month: '2024-05' },
    { fundRatio: null, fundPaysFen: null, personPaysFen: null },
    ['coverage-assumed', 'set-locally'],
    'jining-2022 §七',
  ],
  // jining-2022 §一: the notice's ratios are for residents' insurance; without insurance a pilot resident is assumed.
  [
    'jining without insurance',
    { region: 'jining', careMode: 'institution', monthlyBillFen: 100000, month: '2024-05' },
    { fundRatio: 0.65, fundPaysFen: 65000 },
    ['coverage-assumed'],
    'jining-2022 §三(二)',
  ],
  [
    'jining mild: whether it qualifies is set locally',
    {
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode: 'home',
      grade: 'mild',
      monthlyBillFen: 100000,
      month: '2024-05',
    },
    { fundPaysFen: null },
    ['set-locally'],
    'jining-2022 §三(一)',
  ],
  [
    'jining no days covered',
    {
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode: 'home',
      monthlyBillFen: 100000,
      month: '2024-05',
      daysCovered: 0,
    },
    paysNothing(100000),
    ['prorated'],
    '',
  ],
  [
    'jining medical special: no double benefits',
    {
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode: 'medical-special',
      hospitalTier: 1,
      monthlyBillFen: 100000,
      month: '2024-05',
    },
    { fundPaysFen: 70000 },
    ['no-double-benefit'],
    'jining-2022 §三(三)',
  ],
  [
    'jining before the pilot',
    { region: 'jining', careMode: 'home', monthlyBillFen: 100000, month: '2021-12' },
    { fundPaysFen: null },
    ['no-document'],
    '',
  ],
  [
    'jining first month',
    { region: 'jining', careMode: 'home', monthlyBillFen: 100000, month: '2022-01' },
    { fundPaysFen: 70000 },
    [],
    'jining-2022 §三(二)',
  ],

  // jinjiang-2023: three modes, amounts in a document outside the rule base; in force 2023-04-01..2026-03-31.
  ...(['home', 'institution', 'community'] as const).map((careMode): Row => [
    `jinjiang ${careMode}`,
    {
      region: 'jinjiang',
      insurance: 'resident',
      careMode,
      grade: 'severe-2',
      monthlyBillFen: 100000,
      month: '2024-05',
    },
    {
      monthlyCapFen: null,
      eligibleCostFen: null,
      fundRatio: null,
      fundPaysFen: null,
      personPaysFen: null,
      indicative: false,
    },
    ['set-locally', 'one-mode-at-a-time'],
    'jinjiang-2023 §二(四)1',
  ]),
  [
    'jinjiang no family care',
    { region: 'jinjiang', careMode: 'family', monthlyBillFen: 100000, month: '2024-05' },
    paysNothing(100000),
    ['mode-not-offered'],
    'jinjiang-2023 §二(四)1',
  ],
  [
    'jinjiang no medical special care',
    { region: 'jinjiang', careMode: 'medical-special', monthlyBillFen: 100000, month: '2024-05' },
    paysNothing(100000),
    ['mode-not-offered'],
    'jinjiang-2023 §二(四)1',
  ],
  [
    'jinjiang before it took effect',
    { region: 'jinjiang', careMode: 'home', monthlyBillFen: 100000, month: '2023-03' },
    { fundPaysFen: null },
    ['no-document'],
    '',
  ],
  [
    'jinjiang first month',
    { region: 'jinjiang', careMode: 'home', monthlyBillFen: 100000, month: '2023-04' },
    { fundPaysFen: null },
    ['set-locally'],
    'jinjiang-2023 §二(三)',
  ],
  [
    'jinjiang last month',
    { region: 'jinjiang', careMode: 'home', monthlyBillFen: 100000, month: '2026-03' },
    { fundPaysFen: null },
    ['set-locally'],
    'jinjiang-2023 §二(三)',
  ],
  [
    'jinjiang expired',
    { region: 'jinjiang', careMode: 'home', monthlyBillFen: 100000, month: '2026-04' },
    { fundPaysFen: null },
    ['document-expired', 'set-locally'],
    'jinjiang-2023 §四(四)',
  ],
  [
    'jinjiang basic normal',
    { region: 'jinjiang', careMode: 'home', grade: 'normal', monthlyBillFen: 100000, month: '2024-05' },
    paysNothing(100000),
    ['grade-not-eligible'],
    'jinjiang-2023 §二(三)',
  ],

  // Jilin: ratio and annual cap set by the pilot city; 70% only as an indication (jilin-2017 §四(五)).
  ...(['changchun', 'songyuan', 'meihekou', 'jilin-provincial'] as const).flatMap((region): Row[] => [
    [
      `${region} home care`,
      { region, insurance: 'employee', careMode: 'home', grade: 'severe-1', monthlyBillFen: 100001, month: '2024-05' },
      {
        monthlyCapFen: null,
        eligibleCostFen: null,
        fundRatio: null,
        fundPaysFen: null,
        personPaysFen: null,
        indicative: true,
        indicativeFundPaysFen: 70001,
      },
      ['set-locally', 'indicative', 'beyond-plan-self-paid'],
      'jilin-2022 §(十)3',
    ],
    [
      `${region} institution`,
      {
        region,
        insurance: 'resident',
        careMode: 'institution',
        grade: 'severe-3',
        monthlyBillFen: 200000,
        month: '2024-05',
      },
      { fundPaysFen: null, indicative: true, indicativeFundPaysFen: 140000 },
      ['indicative'],
      'jilin-2017 §四(五)',
    ],
    [
      // jilin-2022 §(六): relatives' care is explored; whether it is paid is the pilot city's decision.
      `${region} family care set locally`,
      { region, careMode: 'family', grade: 'severe-3', monthlyBillFen: 200000, month: '2024-05' },
      { fundPaysFen: null, indicative: false },
      ['set-locally'],
      'jilin-2022 §(六)',
    ],
  ]),
  // Before jilin-2022 home care was the pilot city's own matter; from 2022-10-31 it is offered.
  [
    'jilin home care before jilin-2022',
    { region: 'changchun', careMode: 'home', grade: 'severe-1', monthlyBillFen: 100000, month: '2022-10' },
    { fundPaysFen: null, indicative: false },
    ['set-locally'],
    'jilin-2017 §六(四)',
  ],
  [
    'jilin home care the day before jilin-2022',
    { region: 'changchun', careMode: 'home', grade: 'severe-1', monthlyBillFen: 100000, asOf: '2022-10-30' },
    { indicative: false },
    ['set-locally'],
    'jilin-2017 §六(四)',
  ],
  [
    'jilin home care the day jilin-2022 is issued',
    { region: 'changchun', careMode: 'home', grade: 'severe-1', monthlyBillFen: 100000, asOf: '2022-10-31' },
    { indicativeFundPaysFen: 70000 },
    ['indicative'],
    'jilin-2022 §(四)',
  ],
  [
    'jilin home care from jilin-2022',
    { region: 'changchun', careMode: 'home', grade: 'severe-1', monthlyBillFen: 100000, month: '2022-11' },
    { indicativeFundPaysFen: 70000 },
    ['indicative'],
    'jilin-2022 §(四)',
  ],
  [
    'jilin home care needs severe disability',
    { region: 'songyuan', careMode: 'home', grade: 'moderate', monthlyBillFen: 100000, month: '2024-05' },
    paysNothing(100000),
    ['grade-not-eligible'],
    'jilin-2022 §(四)',
  ],
  [
    'jilin moderate elderly in institutions: set locally',
    { region: 'changchun', careMode: 'institution', grade: 'moderate', monthlyBillFen: 100000, month: '2024-05' },
    { fundPaysFen: null, indicative: false },
    ['set-locally'],
    'jilin-2017 §四(四)',
  ],
  [
    'jilin mild is not paid',
    { region: 'changchun', careMode: 'institution', grade: 'mild', monthlyBillFen: 100000, month: '2024-05' },
    paysNothing(100000),
    ['grade-not-eligible'],
    'jilin-2017 §四(四)',
  ],
  [
    'jilin city: home care not in the 2022 list, set locally',
    { region: 'jilin-city', careMode: 'home', grade: 'severe-3', monthlyBillFen: 100000, month: '2024-05' },
    { fundPaysFen: null, indicative: false },
    ['set-locally'],
    'jilin-2022 §(三)',
  ],
  [
    // jilin-2017 §四(五), §六(四): modes are the pooling area's to decide, never refused by the province.
    'jilin city family care: set locally',
    { region: 'jilin-city', careMode: 'family', grade: 'severe-3', monthlyBillFen: 100000, month: '2024-05' },
    { monthlyCapFen: null, fundPaysFen: null, personPaysFen: null, indicative: false },
    ['set-locally'],
    'jilin-2017 §六(四)',
  ],
  [
    'jilin city institution',
    { region: 'jilin-city', careMode: 'institution', grade: 'severe-3', monthlyBillFen: 100000, month: '2024-05' },
    { indicativeFundPaysFen: 70000 },
    ['indicative'],
    'jilin-2017 §四(五)',
  ],
  [
    'jilin before jilin-2017',
    { region: 'jilin-city', careMode: 'institution', grade: 'severe-3', monthlyBillFen: 100000, month: '2017-04' },
    { fundPaysFen: null, indicative: false },
    ['no-document'],
    '',
  ],
  [
    'jilin from jilin-2017',
    { region: 'jilin-city', careMode: 'institution', grade: 'severe-3', monthlyBillFen: 100000, month: '2017-05' },
    { indicativeFundPaysFen: 70000 },
    ['indicative'],
    'jilin-2017 §四(五)',
  ],
];

// Every wenzhou cap, above and below it.
for (const [careMode, grade, cap] of WENZHOU_CAPS) {
  rows.push([
    `wenzhou ${careMode} ${grade} over the cap`,
    { ...wz, careMode, grade, monthlyBillFen: cap + 12345 },
    {
      monthlyCapFen: cap,
      eligibleCostFen: cap,
      fundRatio: 0.8,
      fundPaysFen: (cap * 8) / 10,
      personPaysFen: cap + 12345 - (cap * 8) / 10,
    },
    [],
    'wenzhou-2023 §二(五)',
  ]);
  rows.push([
    `wenzhou ${careMode} ${grade} under the cap`,
    { ...wz, careMode, grade, monthlyBillFen: cap - 1 },
    {
      monthlyCapFen: cap,
      eligibleCostFen: cap - 1,
      fundPaysFen: Math.round(((cap - 1) * 8) / 10),
      personPaysFen: cap - 1 - Math.round(((cap - 1) * 8) / 10),
    },
    [],
    'wenzhou-2023 §二(五)',
  ]);
}

describe('estimate', () => {
  test.each(rows)('%s', (_name, input, expected, notes, cite) => {
    const r = estimate(input);
    expect(r).toMatchObject(expected);
    const codes = r.notes.map((n) => n.code);
    for (const code of notes) expect(codes).toContain(code);
    if (cite) {
      const [doc, clause] = cite.split(' ');
      expect(r.citations).toContainEqual({ doc, clause });
    }
    // What the person pays plus what the fund pays is always the bill, where both are known.
    if (r.fundPaysFen !== null && r.personPaysFen !== null) {
      expect(r.fundPaysFen + r.personPaysFen).toBe(input.monthlyBillFen);
    }
  });

  test('month defaults to the month of asOf, asOf to today in Shanghai', () => {
    expect(estimate({ ...wz, careMode: 'home', grade: 'severe-3', monthlyBillFen: 1 }).month).toBe('2024-05');
    expect(estimate({ region: 'jining', careMode: 'home', monthlyBillFen: 1 }, { today: '2025-03-04' }).month).toBe(
      '2025-03',
    );
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    [
      'unknown region lists the known ids',
      { region: 'shanghai', careMode: 'home', monthlyBillFen: 1 },
      'region',
      /wenzhou、jinjiang、jining/,
    ],
    [
      'unknown mode',
      { region: 'wenzhou', careMode: 'nursing', monthlyBillFen: 1 },
      'careMode',
      /family、home、institution/,
    ],
    [
      'unknown grade',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-4', monthlyBillFen: 1 },
      'grade',
      /severe-3/,
    ],
    [
      'unknown insurance',
      { region: 'wenzhou', careMode: 'home', insurance: 'commercial', monthlyBillFen: 1 },
      'insurance',
      /resident/,
    ],
    [
      'negative fen',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: -1 },
      'monthlyBillFen',
      /负数/,
    ],
    [
      'fractional fen',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 100.5 },
      'monthlyBillFen',
      /整数/,
    ],
    [
      'bill as a string',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: '3500' },
      'monthlyBillFen',
      /数字/,
    ],
    ['missing bill', { region: 'wenzhou', careMode: 'home', grade: 'severe-3' }, 'monthlyBillFen', /请填写/],
    [
      'impossible date',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1, asOf: '2023-02-29' },
      'asOf',
      /真实存在/,
    ],
    [
      'impossible month',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1, month: '2024-13' },
      'month',
      /月份/,
    ],
    [
      'more days than the month',
      { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1, month: '2023-02', daysCovered: 29 },
      'daysCovered',
      /28天/,
    ],
    [
      'district of another region',
      { region: 'wenzhou', district: 'rencheng', careMode: 'home', grade: 'severe-3', monthlyBillFen: 1 },
      'district',
      /济宁市/,
    ],
    [
      'district where none is needed',
      { region: 'jinjiang', district: 'lucheng', careMode: 'home', monthlyBillFen: 1 },
      'district',
      /不需要/,
    ],
    [
      'missing grade where caps depend on it',
      { region: 'wenzhou', careMode: 'home', monthlyBillFen: 1, asOf: '2024-05-20' },
      'grade',
      /失能等级/,
    ],
    [
      'missing grade for the jilin threshold',
      { region: 'changchun', careMode: 'institution', monthlyBillFen: 1, asOf: '2024-05-20' },
      'grade',
      /失能等级/,
    ],
    [
      'missing hospital tier for 医疗专护',
      { region: 'jining', careMode: 'medical-special', monthlyBillFen: 1, asOf: '2024-05-20' },
      'hospitalTier',
      /医院等级/,
    ],
    [
      'hospital tier out of range',
      { region: 'jining', careMode: 'medical-special', hospitalTier: 4, monthlyBillFen: 1 },
      'hospitalTier',
      /1、2 或 3/,
    ],
  ];
  test.each(bad)('bad input: %s', (_name, input, path, message) => {
    let error: unknown;
    try {
      estimate(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesInputError);
    const e = error as RulesInputError;
    expect(e.code).toBe('invalid-input');
    expect(e.details.map((d) => d.path)).toContain(path);
    expect(e.message).toMatch(message);
  });

  test('a grade is not needed where nothing depends on it', () => {
    expect(
      estimate({ region: 'wenzhou', careMode: 'community', monthlyBillFen: 5, asOf: '2024-05-20' }).fundPaysFen,
    ).toBe(0);
    expect(estimate({ region: 'jining', careMode: 'home', monthlyBillFen: 5, asOf: '2024-05-20' }).fundPaysFen).toBe(4);
  });
});
