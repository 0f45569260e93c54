// The mini-program's public routes besides the fixed calls: "this looks wrong" (stored with masked words,
// listed for officers only, bounded and rate-limited), the A–G screen and the 17-item self-check as the
// rules module computes them, and the Chinese names of documents and clauses.
import { quickScreen, selfCheck, SELF_CHECK_STANDARD, documentShortName, citationText } from '@changhu/rules';
import { createTestApp, DEMO_PHONE, signIn, type TestApp } from './helpers/app';

const expectErrorShape = (body: { error: { code: string; message: string; details: unknown[] } }) => {
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(Array.isArray(body.error.details)).toBe(true);
};

describe('feedback, self-check and names for the mini-program', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const report = {
    topic: 'comparison',
    page: '/cost/compare/index?region=jining&bill=350000',
    region: 'jining',
    inputs: { region: 'jining', monthlyBillFen: 350000, note: '联系我 13912345678' },
    answer: { modes: [{ name: '机构护理' }] },
    message: '  比例好像不对，身份证 110101199003071234，电话 139 1234 5678  ',
  };

  it('stores a report without sign-in, masking phones and id numbers, and lists it for officers only', async () => {
    const res = await t.http.post('/api/v1/feedback').send(report);
    expect(res.status).toBe(201);
    expect(res.body.message).toContain('谢谢');
    const row = await t.db.prisma.feedback.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.message).not.toMatch(/13912345678|139 1234 5678|110101199003071234/);
    expect(row.message.startsWith('比例好像不对')).toBe(true);
    expect(row.inputs).not.toContain('13912345678');

    expect((await t.http.get('/api/v1/feedback')).status).toBe(401);
    const resident = await signIn(t, DEMO_PHONE.resident);
    expect((await t.http.get('/api/v1/feedback').set('Authorization', `Bearer ${resident}`)).status).toBe(403);
    const officer = await signIn(t, DEMO_PHONE.officer);
    const list = await t.http.get('/api/v1/feedback').set('Authorization', `Bearer ${officer}`);
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({
      id: res.body.id,
      topic: 'comparison',
      topicName: '费用对比',
      regionName: '济宁市',
      page: report.page,
      answer: report.answer,
    });
    expect(list.body[0].inputs.monthlyBillFen).toBe(350000);
  });

  it.each([
    [{ ...report, message: '' }, 'message'],
    [{ ...report, message: 'x'.repeat(501) }, 'message'],
    [{ ...report, topic: 'weather' }, 'topic'],
    [{ ...report, region: 'shanghai' }, 'region'],
    [{ ...report, inputs: undefined }, 'inputs'],
    [{ ...report, answer: { big: 'x'.repeat(20_001) } }, 'answer'],
    [{ ...report, extra: 1 }, ''],
  ])('refuses a bad report with a Chinese message (%#)', async (body, field) => {
    const res = await t.http.post('/api/v1/feedback').send(body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    if (field) expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
  });

  it('limits reports from one address to 20 an hour (429), and lets it send again an hour later', async () => {
    const sent = await t.db.prisma.feedback.count();
    let status = 201;
    let n = 0;
    while (status === 201 && n < 30) {
      status = (await t.http.post('/api/v1/feedback').send(report)).status;
      n++;
    }
    expect(status).toBe(429);
    expect(sent + n - 1).toBe(20);
    t.advance(60 * 60_000 + 1);
    expect((await t.http.post('/api/v1/feedback').send(report)).status).toBe(201);
  });

  it('gives the self-check questions from the rules module, and computes both screens as the rules do', async () => {
    const qs = await t.http.get('/api/v1/self-check/questions');
    expect(qs.status).toBe(200);
    const items = SELF_CHECK_STANDARD.domains.flatMap((d) => d.items);
    expect(qs.body.domains.flatMap((d: { items: unknown[] }) => d.items)).toHaveLength(items.length);
    expect(qs.body.quickScreen.items).toHaveLength(6);

    const marks = {
      a: { eating: 'dependent', continence: 'dependent', bathing: 'independent' },
      b: { dressing: 'dependent', toileting: 'partial', transfer: 'independent' },
    } as const;
    const screen = await t.http.post('/api/v1/quick-screen').send(marks);
    expect(screen.status).toBe(200);
    expect(screen.body).toEqual(JSON.parse(JSON.stringify(quickScreen(marks))));

    const answers = Object.fromEntries(items.map((i) => [i.id, i.options[1]?.points ?? i.options[0].points]));
    const check = await t.http.post('/api/v1/self-check').send(answers);
    expect(check.status).toBe(200);
    expect(check.body).toEqual(JSON.parse(JSON.stringify(selfCheck(answers as never))));
    expect(check.body.notes[0].code).toBe('estimate-only');

    const incomplete = await t.http.post('/api/v1/self-check').send({ eating: 0 });
    expect(incomplete.status).toBe(400);
    expectErrorShape(incomplete.body);
    const badScreen = await t.http.post('/api/v1/quick-screen').send({ a: {} });
    expect(badScreen.status).toBe(400);
    expectErrorShape(badScreen.body);
  });

  it('names the causes of disability, documents and clauses in Chinese', async () => {
    const causes = await t.http.get('/api/v1/disability-causes');
    expect(causes.body.map((c: { id: string }) => c.id)).toEqual(['illness', 'injury', 'old-age', 'short-term']);
    const docs = await t.http.get('/api/v1/documents');
    for (const d of docs.body) expect(d.shortName).toBe(documentShortName(d.id));
    const clause = await t.http.get(`/api/v1/documents/jinjiang-2023/clauses/${encodeURIComponent('§二(三)')}`);
    expect(clause.body.label).toBe(citationText({ doc: 'jinjiang-2023', clause: '§二(三)' }));
    const doc = await t.http.get('/api/v1/documents/jinjiang-2023');
    expect(doc.body.shortName).toBe('晋江市长护险暂行规定');
  });

  it('lists every new route in the OpenAPI document with its schemas', async () => {
    const doc = await t.http.get('/api/v1/openapi.json');
    const paths = doc.body.paths;
    expect(paths['/api/v1/feedback'].post.requestBody).toBeDefined();
    expect(paths['/api/v1/feedback'].get['x-roles']).toEqual(['officer', 'admin']);
    for (const p of ['/api/v1/self-check', '/api/v1/quick-screen']) expect(paths[p].post.requestBody).toBeDefined();
    expect(paths['/api/v1/self-check/questions'].get.responses['200'].content).toBeDefined();
  });
});
