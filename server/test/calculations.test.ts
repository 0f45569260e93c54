// The fixed calls of api-contract.md and the reference lists. Expected numbers come from the rules
// module itself (no rule value typed into a fixture), except the contract's own worked example.
import {
  benefitStart,
  clauseText,
  compareModes,
  contributions,
  DOCUMENTS,
  documentStatus,
  eligibility,
  estimate,
  modeName,
  objectionDeadline,
  offeredModes,
  REGION_IDS,
  todayInShanghai,
} from '@changhu/rules';
import { createTestApp, expectErrorShape, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

const contractExample = {
  region: 'wenzhou',
  district: 'lucheng',
  insurance: 'employee',
  careMode: 'home',
  grade: 'severe-3',
  monthlyBillFen: 350000,
  month: '2024-05',
  asOf: '2024-05-20',
};

describe('POST /api/v1/estimates', () => {
  it('answers the contract example', async () => {
    const res = await t.http.post('/api/v1/estimates').send(contractExample);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      monthlyCapFen: 298000,
      eligibleCostFen: 298000,
      fundRatio: 0.8,
      fundPaysFen: 238400,
      personPaysFen: 111600,
    });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(estimate(contractExample))));
    expect(res.body.citations).toContainEqual({ doc: 'wenzhou-2023', clause: '§二(五)' });
  });

  const bad: [string, Record<string, unknown>][] = [
    ['an unknown region', { region: 'hangzhou' }],
    ['an unknown care mode', { careMode: 'spa' }],
    ['an unknown grade', { grade: 'severe-9' }],
    ['negative fen', { monthlyBillFen: -1 }],
    ['fractional fen', { monthlyBillFen: 100.5 }],
    ['fen as a string', { monthlyBillFen: '350000' }],
    ['a bad date', { asOf: '2024-02-30' }],
    ['a bad month', { month: '2024-13' }],
    ['a missing grade where the region needs one', { grade: undefined }],
  ];
  it.each(bad)('refuses %s with 400 and the error shape', async (_name, change) => {
    const res = await t.http.post('/api/v1/estimates').send({ ...contractExample, ...change });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('invalid-input');
    expect(res.body.error.details.length).toBeGreaterThan(0);
  });

  it('lists the known regions when the region is unknown', async () => {
    const res = await t.http.post('/api/v1/estimates').send({ ...contractExample, region: 'hangzhou' });
    for (const id of REGION_IDS) expect(JSON.stringify(res.body.error)).toContain(id);
  });

  it('refuses malformed JSON and a non-object body', async () => {
    const res = await t.http.post('/api/v1/estimates').set('Content-Type', 'application/json').send('{"region":');
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    const arr = await t.http.post('/api/v1/estimates').send([1, 2]);
    expect(arr.status).toBe(400);
    expectErrorShape(arr.body);
  });
});

describe('POST /api/v1/eligibility', () => {
  const example = {
    region: 'jining',
    district: 'liangshan',
    insurance: 'resident',
    grade: null,
    disabilityMonths: 8,
    disabilityCause: 'illness',
    asOf: '2024-05-20',
  };
  it('answers as the rules module does', async () => {
    const res = await t.http.post('/api/v1/eligibility').send(example);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(eligibility(example))));
    expect(['eligible', 'not-eligible', 'apply-for-assessment', 'unknown']).toContain(res.body.verdict);
  });
  it.each([
    ['no region', { region: undefined }],
    ['no insurance', { insurance: undefined }],
    ['an unknown cause', { disabilityCause: 'boredom' }],
    ['negative months', { disabilityMonths: -3 }],
  ])('refuses %s with 400', async (_n, change) => {
    const res = await t.http.post('/api/v1/eligibility').send({ ...example, ...change });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });
});

describe('reference lists and documents', () => {
  it('lists regions with their districts', async () => {
    const res = await t.http.get('/api/v1/regions');
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([...REGION_IDS]);
    const wenzhou = res.body.find((r: { id: string }) => r.id === 'wenzhou');
    expect(wenzhou.districts).toContainEqual({ id: 'lucheng', name: '鹿城区', group: 'wenzhou-city' });
  });

  it.each(['/api/v1/care-modes', '/api/v1/insurance-types', '/api/v1/grades'])(
    'lists %s with Chinese names',
    async (p) => {
      const res = await t.http.get(p);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      for (const item of res.body) expect(item.name).toMatch(/[\u4e00-\u9fa5]/);
    },
  );

  describe('GET /regions/:region/care-modes', () => {
    type ModesAnswer = {
      region: string;
      month: string;
      offered: { id: string; name: string; citations: { doc: string; clause: string }[] }[];
      setLocally: { id: string; name: string; citations: { doc: string; clause: string }[] }[];
      notOffered: { id: string; name: string; citations: { doc: string; clause: string }[] }[];
    };
    const ids = (list: { id: string }[]) => list.map((m) => m.id);

    // jilin-2022 brings home care to changchun from 2022-10-31: not in October 2022 (its 1st), in November.
    it.each([
      ['2022-10', false],
      ['2022-11', true],
    ])(
      'changchun in %s: home care offered = %s, as offeredModes says, with the regional names',
      async (month, home) => {
        const res = await t.http.get('/api/v1/regions/changchun/care-modes').query({ month });
        expect(res.status).toBe(200);
        const body = res.body as ModesAnswer;
        expect(body.region).toBe('changchun');
        expect(body.month).toBe(month);
        expect(ids(body.offered)).toEqual(offeredModes('changchun', month));
        expect(ids(body.offered).includes('home')).toBe(home);
        // Before jilin-2022 home care is the pilot city's decision (jilin-2017 §六(四)), never "not offered";
        // family, community and medical-special care are left to the city too (jilin-2017 §四(五)).
        expect(ids(body.setLocally).includes('home')).toBe(!home);
        expect(ids(body.notOffered)).toEqual([]);
        expect([...ids(body.offered), ...ids(body.setLocally)].sort()).toEqual(
          ['community', 'family', 'home', 'institution', 'medical-special'].sort(),
        );
        for (const m of [...body.offered, ...body.setLocally]) {
          expect(m.name).toBe(modeName('changchun', m.id as 'home'));
        }
        const homeMode = [...body.offered, ...body.setLocally].find((m) => m.id === 'home')!;
        expect(homeMode.citations.length).toBeGreaterThan(0);
        for (const c of homeMode.citations) expect(c.doc).toBe(home ? 'jilin-2022' : 'jilin-2017');
      },
    );

    it('takes this month (Shanghai) when no month is given', async () => {
      const res = await t.http.get('/api/v1/regions/wenzhou/care-modes');
      expect(res.status).toBe(200);
      const month = todayInShanghai(t.now()).slice(0, 7);
      expect(res.body.month).toBe(month);
      expect(ids(res.body.offered)).toEqual(offeredModes('wenzhou', month));
    });

    it('lists nothing as offered, without citations, in a month before any document', async () => {
      const res = await t.http.get('/api/v1/regions/wenzhou/care-modes').query({ month: '1990-01' });
      expect(res.status).toBe(200);
      expect(res.body.offered).toEqual([]);
      expect(res.body.notOffered.every((m: { citations: unknown[] }) => m.citations.length === 0)).toBe(true);
    });

    it('refuses an unknown region with 400 listing the region ids', async () => {
      const res = await t.http.get('/api/v1/regions/atlantis/care-modes').query({ month: '2026-06' });
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
      for (const id of REGION_IDS) expect(res.body.error.message).toContain(id);
    });

    it.each(['2026-13', '2026-6', 'june', '2026-06-01'])('refuses the month %s with 400', async (month) => {
      const res = await t.http.get('/api/v1/regions/changchun/care-modes').query({ month });
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
      expect(res.body.error.details[0].path).toBe('month');
    });

    it('is in the OpenAPI document with the reference calls, open to anyone', async () => {
      const doc = (await t.http.get('/api/v1/openapi.json')).body;
      const op = doc.paths['/api/v1/regions/{region}/care-modes'].get;
      expect(op.tags).toEqual(['reference']);
      expect(op['x-roles']).toBeUndefined();
      expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
        'path:region',
        'query:month',
      ]);
    });
  });

  it('gives each document its status on a date', async () => {
    const res = await t.http.get('/api/v1/documents').query({ asOf: '2026-05-20' });
    expect(res.status).toBe(200);
    for (const d of DOCUMENTS) {
      expect(res.body.find((x: { id: string }) => x.id === d.id).status).toBe(documentStatus(d.id, '2026-05-20'));
    }
    expect(res.body.find((x: { id: string }) => x.id === 'jinjiang-2023').status).toBe('expired');
    const bad = await t.http.get('/api/v1/documents').query({ asOf: '20-05-2026' });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });

  it('returns the words of a clause by its citation', async () => {
    const res = await t.http.get(`/api/v1/documents/wenzhou-2023/clauses/${encodeURIComponent('§三(三)')}`);
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(clauseText('wenzhou-2023', '§三(三)'));
    expect(res.body.text).toContain('10个工作日');
    const doc = await t.http.get('/api/v1/documents/wenzhou-2023');
    expect(doc.body.clauses.map((c: { id: string }) => c.id)).toContain('§二(五)');
  });

  it('answers 404 for an unknown clause and 400 for an unknown document', async () => {
    const clause = await t.http.get(`/api/v1/documents/wenzhou-2023/clauses/${encodeURIComponent('§九十九')}`);
    expect(clause.status).toBe(404);
    expectErrorShape(clause.body);
    const doc = await t.http.get('/api/v1/documents/shanghai-2020/clauses/x');
    expect(doc.status).toBe(400);
    expectErrorShape(doc.body);
  });

  it('agrees with the rules module on the objection deadline it reports', () => {
    expect(objectionDeadline('2026-09-28', 'wenzhou').deadline).toBe('2026-10-16');
  });
});

describe('other calculations of the rules module', () => {
  it('compares the modes of a region for one bill', async () => {
    const body = {
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'employee',
      grade: 'severe-2',
      monthlyBillFen: 200000,
      asOf: '2024-05-20',
    };
    const res = await t.http.post('/api/v1/comparisons').send(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(compareModes(body))));
    const bad = await t.http.post('/api/v1/comparisons').send({ ...body, monthlyBillFen: -5 });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });

  it('gives the contributions of a year', async () => {
    const res = await t.http
      .get('/api/v1/contributions')
      .query({ region: 'jinjiang', insurance: 'resident', year: '2024' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(contributions('jinjiang', 'resident', 2024))));
    for (const query of [
      { region: 'jinjiang', insurance: 'resident', year: 'soon' },
      { region: 'x', insurance: 'resident', year: '2024' },
      { region: 'jinjiang', insurance: 'nope', year: '2024' },
    ]) {
      const bad = await t.http.get('/api/v1/contributions').query(query);
      expect(bad.status).toBe(400);
      expectErrorShape(bad.body);
    }
  });

  it('gives the objection deadline and the benefit start', async () => {
    const od = await t.http.get('/api/v1/deadlines/objection').query({ region: 'wenzhou', noticeDate: '2026-09-28' });
    expect(od.status).toBe(200);
    expect(od.body.deadline).toBe(objectionDeadline('2026-09-28', 'wenzhou').deadline);
    const bs = await t.http
      .get('/api/v1/deadlines/benefit-start')
      .query({ region: 'wenzhou', approvalDate: '2026-10-20' });
    expect(bs.status).toBe(200);
    expect(bs.body.month).toBe(benefitStart('2026-10-20', 'wenzhou').month);
    const bad = await t.http.get('/api/v1/deadlines/objection').query({ region: 'wenzhou', noticeDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });
});
