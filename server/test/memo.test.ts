// The pure calculation calls keep their answers by question and date (middleware/memo.ts): a repeated
// question gets the same answer as the rules give, a new day gets the new day's answer, and a refusal is
// never kept in place of an answer.
import { estimate, eligibility } from '@changhu/rules';
import { shanghaiDate } from '../src/lib/time';
import { createTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-20T02:00:00Z' });
});
afterAll(() => t.close());

// No month and no asOf: the answer is for today, so it must change with the date.
const question = {
  region: 'wenzhou',
  district: 'lucheng',
  insurance: 'employee',
  careMode: 'home',
  grade: 'severe-3',
  monthlyBillFen: 350000,
};

describe('answers kept by question and date', () => {
  it('answers a repeated question with what the rules say, and a new month with the new month', async () => {
    const first = await t.http.post('/api/v1/estimates').send(question);
    const again = await t.http.post('/api/v1/estimates').send(question);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toEqual(first.body);
    expect(again.body).toEqual(JSON.parse(JSON.stringify(estimate(question, { today: '2026-05-20' }))));

    t.setNow('2026-06-02T02:00:00Z');
    const nextMonth = await t.http.post('/api/v1/estimates').send(question);
    expect(nextMonth.body).toEqual(JSON.parse(JSON.stringify(estimate(question, { today: '2026-06-02' }))));
    expect(nextMonth.body).not.toEqual(first.body);
  });

  it('keeps each call apart: the same body sent to another call gets that call’s answer', async () => {
    const body = {
      region: 'jining',
      district: 'liangshan',
      insurance: 'resident',
      disabilityMonths: 8,
      disabilityCause: 'illness',
      asOf: '2026-05-20',
    };
    const res = await t.http.post('/api/v1/eligibility').send(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(eligibility(body, { today: shanghaiDate(t.now()) }))));
    const asEstimate = await t.http.post('/api/v1/estimates').send(body);
    expect(asEstimate.status).toBe(400);
  });

  it('never keeps a refusal: a question refused once is refused again, in the error shape', async () => {
    const wrong = { ...question, grade: 'no-such-grade' };
    for (let i = 0; i < 2; i++) {
      const res = await t.http.post('/api/v1/estimates').send(wrong);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('logs the answered question without its body, and a refused one with it', async () => {
    t.logs.length = 0;
    await t.http.post('/api/v1/estimates').send(question);
    await t.http.post('/api/v1/estimates').send({ ...question, grade: 'no-such-grade' });
    const [answered, refused] = t.logs.map((l) => JSON.parse(l));
    expect(answered).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      url: '/api/v1/estimates',
      status: 200,
    });
    expect(answered).not.toHaveProperty('body');
    expect(refused).toMatchObject({ status: 400, body: { grade: 'no-such-grade' } });
  });
});
