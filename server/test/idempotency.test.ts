// Idempotency-Key on POST writes, over real HTTP on one SQLite file: a repeat gets the first answer and acts
// no more, a key reused for another body is refused, two requests racing with one key act once, and keys
// belong to the user who sent them.
import { bearer, createTestApp, DEMO_PHONE, expectErrorShape, signIn, type TestApp } from './helpers/app';
import { addPerson } from './helpers/fixtures';

let t: TestApp;
let resident: string;
beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t, DEMO_PHONE.resident);
});
afterAll(() => t.close());

interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: string | null;
}

/** A raw POST (fetch, not supertest) so hundreds can be in flight at once. */
async function post(path: string, token: string, body: unknown, key?: string): Promise<Answer> {
  const res = await fetch(t.baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(token), ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    replayed: res.headers.get('idempotent-replayed'),
  };
}

const applicationsOf = (personIds: string[]) =>
  t.db.prisma.application.count({ where: { personId: { in: personIds } } });

describe('Idempotency-Key on application creation', () => {
  it('200 concurrent creations, then the same 200 again: 200 applications, the repeats answered with the first answer', async () => {
    const persons: string[] = [];
    // Registered in batches: 200 at once would only measure SQLite's write queue.
    for (let i = 0; i < 200; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => addPerson(t, resident)));
      persons.push(...batch.map((p) => p.id));
    }
    const keys = persons.map((_, i) => `create-${i}-${Math.random().toString(36).slice(2)}`);
    const send = () =>
      Promise.all(
        persons.map((personId, i) => post('/api/v1/applications', resident, { personId, careMode: 'home' }, keys[i])),
      );

    const started = performance.now();
    const first = await send();
    const firstMs = performance.now() - started;
    expect(first.map((a) => a.status)).toEqual(persons.map(() => 201));
    expect(first.every((a) => a.replayed === null)).toBe(true);
    expect(new Set(first.map((a) => a.body.id)).size).toBe(200);

    const again = performance.now();
    const second = await send();
    const secondMs = performance.now() - again;
    expect(second.map((a) => a.status)).toEqual(persons.map(() => 201));
    expect(second.map((a) => a.body)).toEqual(first.map((a) => a.body));
    expect(second.every((a) => a.replayed === 'true')).toBe(true);

    expect(await applicationsOf(persons)).toBe(200);
    // Each person has exactly its one application, the one its first answer named.
    const rows = await t.db.prisma.application.findMany({ where: { personId: { in: persons } } });
    expect(rows.map((r) => `${r.personId}:${r.id}`).sort()).toEqual(
      first.map((a, i) => `${persons[i]}:${String(a.body.id)}`).sort(),
    );
    process.stdout.write(
      `idempotency: 200 concurrent creations ${firstMs.toFixed(0)} ms, 200 repeats ${secondMs.toFixed(0)} ms\n`,
    );
  });

  it('without a key, the same creation twice is the second refused by the rules (the key is what makes a retry safe)', async () => {
    const person = await addPerson(t, resident);
    const a = await post('/api/v1/applications', resident, { personId: person.id, careMode: 'home' });
    const b = await post('/api/v1/applications', resident, { personId: person.id, careMode: 'home' });
    expect([a.status, b.status]).toEqual([201, 409]);
  });

  it('30 requests racing with one key act once, and all get that one answer', async () => {
    const person = await addPerson(t, resident);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        post('/api/v1/applications', resident, { personId: person.id, careMode: 'home' }, 'race-key-1'),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(await applicationsOf([person.id])).toBe(1);
  });

  it('the same key with another body is refused in Chinese and does nothing', async () => {
    const p1 = await addPerson(t, resident);
    const p2 = await addPerson(t, resident);
    const first = await post('/api/v1/applications', resident, { personId: p1.id, careMode: 'home' }, 'reused-key');
    expect(first.status).toBe(201);
    const other = await post('/api/v1/applications', resident, { personId: p2.id, careMode: 'home' }, 'reused-key');
    expect(other.status).toBe(422);
    expectErrorShape(other.body);
    expect((other.body.error as { message: string }).message).toContain('换一个新的编号');
    expect(await applicationsOf([p2.id])).toBe(0);
    // The same body with its fields in another order is the same body.
    const reordered = await post('/api/v1/applications', resident, { careMode: 'home', personId: p1.id }, 'reused-key');
    expect([reordered.status, reordered.body.id, reordered.replayed]).toEqual([201, first.body.id, 'true']);
    // Another route with the key is another request too.
    const elsewhere = await post('/api/v1/persons', resident, {}, 'reused-key');
    expect(elsewhere.status).toBe(422);
  });

  it('keys belong to their user: another resident with the same key acts for themself', async () => {
    const other = await signIn(t, '13900000077');
    const mine = await addPerson(t, resident);
    const theirs = await addPerson(t, other);
    const a = await post('/api/v1/applications', resident, { personId: mine.id, careMode: 'home' }, 'shared-key');
    const b = await post('/api/v1/applications', other, { personId: theirs.id, careMode: 'home' }, 'shared-key');
    expect([a.status, b.status, b.replayed]).toEqual([201, 201, null]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(await applicationsOf([mine.id, theirs.id])).toBe(2);
  });

  it('a refusal is the first answer too, and a malformed key is refused', async () => {
    const person = await addPerson(t, resident);
    await post('/api/v1/applications', resident, { personId: person.id, careMode: 'home' });
    const refused = await post('/api/v1/applications', resident, { personId: person.id, careMode: 'home' }, 'k-409');
    const again = await post('/api/v1/applications', resident, { personId: person.id, careMode: 'home' }, 'k-409');
    expect([refused.status, again.status, again.replayed]).toEqual([409, 409, 'true']);
    expect(again.body).toEqual(refused.body);

    const bad = await post('/api/v1/applications', resident, { personId: person.id }, 'has space');
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });

  it('sign-in answers are never kept: two sign-ins with one key get two sessions', async () => {
    const code = async () => {
      t.advance(61_000);
      await t.http.post('/api/v1/auth/codes').send({ phone: DEMO_PHONE.resident });
      const msg = await t.db.prisma.smsMessage.findFirst({
        where: { phone: DEMO_PHONE.resident },
        orderBy: { createdAt: 'desc' },
      });
      return /(\d{6})/.exec(msg?.text ?? '')![1];
    };
    const s1 = await post('/api/v1/auth/sessions', resident, { phone: DEMO_PHONE.resident, code: await code() }, 'k');
    const s2 = await post('/api/v1/auth/sessions', resident, { phone: DEMO_PHONE.resident, code: await code() }, 'k');
    expect([s1.status, s2.status]).toEqual([201, 201]);
    expect(s2.body.token).not.toBe(s1.body.token);
    expect(await t.db.prisma.idempotencyKey.count({ where: { key: 'k' } })).toBe(0);
  });
});
