import {
  benefitStart,
  careConditions,
  contributions,
  objectionDeadline,
  CALENDAR_LAST_YEAR,
  RulesInputError,
  workingDaysAfter,
} from '../src';

describe('objectionDeadline: 10 working days after the notice (wenzhou-2023 §三(三))', () => {
  test.each([
    // An ordinary fortnight: Mon 2024-05-20 → two weeks later.
    ['2024-05-20', '2024-06-03'],
    // Across 国庆 2026 (10-01..10-07 off) with the make-up Saturday 2026-10-10 counted.
    ['2026-09-28', '2026-10-16'],
    // Across 国庆 2024 (10-01..10-07 off; make-up 09-29 Sun and 10-12 Sat).
    ['2024-09-27', '2024-10-16'],
    // Across 春节 2025 (01-28..02-04 off; make-up Sunday 01-26 and Saturday 02-08 both count).
    ['2025-01-24', '2025-02-13'],
    // A notice on a holiday: counting starts the next working day (10-08), the make-up Saturday 10-12 counts.
    ['2024-10-01', '2024-10-18'],
  ])('notice %s → last day %s', (notice, deadline) => {
    const r = objectionDeadline(notice, 'wenzhou');
    expect(r.deadline).toBe(deadline);
    expect(r.workingDays).toBe(10);
    expect(r.citations).toContainEqual({ doc: 'wenzhou-2023', clause: '§三(三)' });
    expect(r.notes.map((n) => n.code)).toContain('draft-document');
  });

  test('years the calendar does not hold yet are said to be counted by weekends only', () => {
    const r = objectionDeadline(`${CALENDAR_LAST_YEAR}-12-28`, 'wenzhou');
    expect(r.deadline! > `${CALENDAR_LAST_YEAR}-12-31`).toBe(true);
    expect(r.notes.map((n) => n.code)).toContain('calendar-unpublished');
    expect(r.provisional).toBe(true);
    const known = objectionDeadline('2024-05-20', 'wenzhou');
    expect(known.notes.map((n) => n.code)).not.toContain('calendar-unpublished');
    expect(known.provisional).toBe(false);
  });

  test.each(['jinjiang', 'jining', 'changchun', 'jilin-city'] as const)('%s: window set locally', (region) => {
    const r = objectionDeadline('2024-05-20', region);
    expect(r.deadline).toBeNull();
    expect(r.notes.map((n) => n.code)).toContain('set-locally');
  });
});

describe('workingDaysAfter: what is left of a window, on the same calendar', () => {
  test.each([
    // 2026: 中秋 09-25..09-27 and 国庆 10-01..10-07 off; 09-20 (Sun) and 10-10 (Sat) are make-up working days.
    ['2026-09-24', '2026-09-27', 0], // a holiday Friday, a Saturday, a holiday Sunday
    ['2026-09-19', '2026-09-20', 1], // the make-up Sunday
    ['2026-09-29', '2026-10-08', 2], // 09-30 and 10-08; the holiday counts nothing
    ['2026-09-30', '2026-10-07', 0],
    ['2026-10-08', '2026-10-10', 2], // 10-09 and the make-up Saturday
    ['2026-10-12', '2026-10-12', 0], // the day itself is not counted
    ['2026-10-13', '2026-10-12', 0], // an end before the start
  ] as const)('after %s up to %s: %i', (from, to, n) => {
    expect(workingDaysAfter(from, to)).toBe(n);
  });

  it('agrees with the objection deadline: 10 working days after the notice end on its deadline', () => {
    for (const notice of ['2026-06-15', '2026-09-24', '2026-09-30', '2026-11-20']) {
      const { deadline } = objectionDeadline(notice, 'wenzhou');
      expect(workingDaysAfter(notice, deadline!)).toBe(10);
    }
  });
});

describe('benefitStart', () => {
  test.each([
    ['2024-01-31', '2024-02-01'],
    ['2024-12-15', '2025-01-01'],
    ['2024-02-01', '2024-03-01'],
  ])('wenzhou: approved %s → benefits from %s (§二(四))', (approval, first) => {
    const r = benefitStart(approval, 'wenzhou');
    expect(r.firstDay).toBe(first);
    expect(r.basis).toBe('rule');
    expect(r.citations).toContainEqual({ doc: 'wenzhou-2023', clause: '§二(四)' });
  });
  test('elsewhere the month after is only the product default, said so', () => {
    const r = benefitStart('2024-05-20', 'jining');
    expect(r.month).toBe('2024-06');
    expect(r.basis).toBe('product-default');
    expect(r.notes.map((n) => n.code)).toContain('set-locally');
  });
});

describe('contributions', () => {
  type Row = [
    region: string,
    insurance: string,
    year: number,
    totalFen: number | null,
    personPaysFen: number | null,
    cite: string,
  ];
  test.each<Row>([
    ['wenzhou', 'employee', 2023, 10000, 5000, 'wenzhou-2023 §二(三)'],
    ['wenzhou', 'employee-retired', 2023, 10000, 5000, 'wenzhou-2023 §二(三)'],
    ['wenzhou', 'resident', 2023, 9000, null, 'wenzhou-2023 §二(三)'],
    ['wenzhou', 'employee', 2024, null, null, 'wenzhou-2023 §二(三)'],
    ['wenzhou', 'employee', 2022, null, null, ''],
    ['jinjiang', 'employee', 2023, 9000, 6000, 'jinjiang-2023 §二(二)'],
    ['jinjiang', 'resident', 2024, 9000, 6000, 'jinjiang-2023 §二(二)'],
    ['jinjiang', 'retired-cadre', 2024, 9000, 0, 'jinjiang-2023 §二(二)'],
    ['jinjiang', 'disabled-veteran', 2025, 9000, 0, 'jinjiang-2023 §二(二)'],
    ['jinjiang', 'employee', 2022, null, null, ''],
    ['jining', 'resident', 2024, 3000, 0, 'jining-2022 §二'],
    ['jining', 'employee', 2024, null, null, 'jining-2022 §七'],
    ['changchun', 'employee', 2024, null, null, 'jilin-2017 §四(三)2'],
  ])('%s %s %i → total %p, person %p', (region, insurance, year, total, person, cite) => {
    const r = contributions(region, insurance, year);
    expect(r.contribution?.totalFen ?? null).toBe(total);
    expect(r.personPaysFen).toBe(person);
    if (r.contribution) {
      const known = r.contribution.shares.filter((s) => s.fen !== null);
      if (known.length === r.contribution.shares.length) {
        expect(known.reduce((a, s) => a + (s.fen ?? 0), 0)).toBe(r.contribution.totalFen);
      }
    }
    if (cite) {
      const [doc, clause] = cite.split(' ');
      expect(r.citations).toContainEqual({ doc, clause });
    }
  });
  test('jinjiang 2027: the document expired, last known amount marked', () => {
    const r = contributions('jinjiang', 'resident', 2027);
    expect(r.contribution?.totalFen).toBe(9000);
    expect(r.notes.map((n) => n.code)).toContain('document-expired');
  });
  test('wenzhou 2024 shows the last published amount as such', () => {
    expect(contributions('wenzhou', 'employee', 2024).lastKnown?.totalFen).toBe(10000);
  });
  test('bad input', () => {
    expect(() => contributions('wenzhou', 'employee', 20.5)).toThrow(RulesInputError);
    expect(() => contributions('paris', 'employee', 2024)).toThrow(/不认识的统筹地区/);
  });
});

describe('careConditions', () => {
  test.each([
    ['changchun', 'home', 'suspended-during-stay', 'rule', 'jilin-2022 §(四)'],
    ['changchun', 'home', 'identity-check', 'rule', 'jilin-2022 §(九)'],
    ['changchun', 'home', 'beyond-plan-self-paid', 'rule', 'jilin-2022 §(十)4'],
    ['jinjiang', 'institution', 'one-mode-at-a-time', 'rule', 'jinjiang-2023 §二(四)1'],
    ['jining', 'medical-special', 'no-double-benefit', 'rule', 'jining-2022 §三(三)'],
    ['wenzhou', 'home', 'suspended-during-stay', 'practice', ''],
    ['wenzhou', 'family', 'one-mode-at-a-time', 'practice', ''],
  ] as const)('%s %s: %s is %s', (region, mode, code, basis, cite) => {
    const c = careConditions(region, mode).find((x) => x.code === code);
    expect(c?.basis).toBe(basis);
    if (cite) {
      const [doc, clause] = cite.split(' ');
      expect(c?.cite).toContainEqual({ doc, clause });
    } else expect(c?.cite).toEqual([]);
  });
  test('no visit conditions for family care, no stays for institutions', () => {
    expect(careConditions('wenzhou', 'family').map((c) => c.code)).not.toContain('identity-check');
    expect(careConditions('wenzhou', 'institution').map((c) => c.code)).not.toContain('suspended-during-stay');
  });
});
