// The chatbot over HTTP: real Koa, a real SQLite file and the real trained intent model. Every amount and
// date a reply must show is asked of @changhu/rules with the same inputs, never typed here.
import path from 'node:path';
import request from 'supertest';
import { chineseDate, estimate, getClause, objectionDeadline, yuanText, type EstimateResult } from '@changhu/rules';
import { createApp } from '../src/app';
import { sharedClassifier } from '../src/bot/nlu';
import { OUTCOME_LABELS, OUTCOMES } from '../src/bot/service';
import { OUTCOMES as CONSOLE_OUTCOMES } from '../console/src/agentLabels';
import { firstSentence } from '../src/bot/replies';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { createLogger } from '../src/middleware/requestLogger';
import { bearer, createTestApp, DEMO_PHONE, expectErrorShape, signIn, type TestApp } from './helpers/app';
import { askedSlot, BotChat, fillForm } from './helpers/bot';

const TODAY = '2026-05-20';
let t: TestApp;
let agentToken: string;

beforeAll(async () => {
  // Trains the model once if it is missing or stale; every app below loads the same trained model.
  await sharedClassifier();
  t = await createTestApp({ now: `${TODAY}T02:00:00Z` });
  agentToken = await signIn(t, DEMO_PHONE.agent);
}, 600_000);
afterAll(() => t.close());

const rules = (input: Record<string, unknown>): EstimateResult => estimate(input, { today: TODAY });
const amountsOf = (r: EstimateResult) => [r.fundPaysFen, r.personPaysFen].map((f) => yuanText(f as number));

describe('multi-turn cost estimates, one for each seed region', () => {
  it('wenzhou: asks region, mode, grade, insurance and bill one at a time, and answers with the rules’ figures', async () => {
    const chat = new BotChat(t);
    const { answer, asked } = await fillForm(chat, '我想估算一下长护险每个月能报多少钱', {
      region: '温州市',
      careMode: '居家上门护理',
      grade: '重度失能Ⅲ级',
      insurance: '职工医保（退休）',
      monthlyBillFen: '3500元',
    });
    expect(asked).toEqual(['region', 'careMode', 'grade', 'insurance', 'monthlyBillFen']);
    const expected = rules({
      region: 'wenzhou',
      insurance: 'employee-retired',
      careMode: 'home',
      grade: 'severe-3',
      monthlyBillFen: 350000,
    });
    for (const amount of amountsOf(expected)) expect(answer.reply.text).toContain(amount);
    // wenzhou-2023 was a draft for 2023–2025: the answer says it is past its period, in one sentence.
    const expired = expected.notes.find((n) => n.code === 'document-expired')!;
    expect(answer.reply.text).toContain(firstSentence(expired.text));
    // Clauses by their Chinese names, each with a link to its words.
    expect(answer.reply.citations.length).toBeGreaterThan(0);
    for (const c of answer.reply.citations) {
      expect(c.name).toMatch(/^温州市长护险实施方案/);
      expect(answer.reply.text).toContain(c.name.replace(/^温州市长护险实施方案（征求意见稿）/, ''));
      const clause = await t.http.get(c.url);
      expect(clause.status).toBe(200);
      expect(clause.body.text).toBe(getClause('wenzhou-2023', c.clause)!.text);
    }
    expect(answer.reply.text).not.toMatch(/wenzhou|severe|§/);

    // A correction changes one slot and answers again.
    const corrected = await chat.say('不对，是重度一级');
    for (const amount of amountsOf(
      rules({
        region: 'wenzhou',
        insurance: 'employee-retired',
        careMode: 'home',
        grade: 'severe-1',
        monthlyBillFen: 350000,
      }),
    ))
      expect(corrected.reply.text).toContain(amount);
    expect(corrected.reply.text).toContain('重度失能Ⅰ级');

    // A follow-up that changes the mode.
    const institution = await chat.say('那机构护理呢');
    for (const amount of amountsOf(
      rules({
        region: 'wenzhou',
        insurance: 'employee-retired',
        careMode: 'institution',
        grade: 'severe-1',
        monthlyBillFen: 350000,
      }),
    ))
      expect(institution.reply.text).toContain(amount);
    expect(institution.reply.text).toContain('机构护理');

    // And one that changes the bill.
    const cheaper = await chat.say('如果一个月三千呢');
    for (const amount of amountsOf(
      rules({
        region: 'wenzhou',
        insurance: 'employee-retired',
        careMode: 'institution',
        grade: 'severe-1',
        monthlyBillFen: 300000,
      }),
    ))
      expect(cheaper.reply.text).toContain(amount);
  });

  it('jining: the residents’ rule does not look at the grade, so the bot never asks for one', async () => {
    const chat = new BotChat(t);
    const { answer, asked } = await fillForm(chat, '济宁居家护理每个月能报销多少', {
      careMode: '居家医疗护理（居家上门护理）',
      insurance: '城乡居民医保',
      district: '任城区',
      monthlyBillFen: '2000元',
    });
    expect(asked).not.toContain('grade');
    expect(asked).toContain('monthlyBillFen');
    const expected = rules({
      region: 'jining',
      district: 'rencheng',
      insurance: 'resident',
      careMode: 'home',
      monthlyBillFen: 200000,
    });
    expect(expected.fundPaysFen).not.toBeNull();
    for (const amount of amountsOf(expected)) expect(answer.reply.text).toContain(amount);
  });

  it('jinjiang: nothing to compute in the rule base — says so and who decides, and that the rules expired', async () => {
    const chat = new BotChat(t);
    const { answer, asked } = await fillForm(chat, '晋江的长护险，机构护理一个月5000元能报多少', {
      careMode: '机构护理',
      insurance: '职工医保（在职）',
      monthlyBillFen: '5000元',
    });
    expect(asked).not.toContain('grade');
    const expected = rules({
      region: 'jinjiang',
      insurance: 'employee',
      careMode: 'institution',
      monthlyBillFen: 500000,
    });
    expect(expected.fundPaysFen).toBeNull();
    expect(answer.reply.text).toContain('算不出具体金额');
    for (const code of ['set-locally', 'document-expired'] as const) {
      const note = expected.notes.find((n) => n.code === code)!;
      expect(answer.reply.text).toContain(firstSentence(note.text));
    }
  });

  it('changchun (a Jilin area): home care under jilin-2022 is an indication only, said as such', async () => {
    const chat = new BotChat(t);
    const { answer, asked } = await fillForm(chat, '长春居家照护一个月大概能报多少', {
      careMode: '居家照护（居家上门护理）',
      grade: '重度失能Ⅱ级',
      insurance: '职工医保（退休）',
      monthlyBillFen: '4000元',
    });
    expect(asked).toContain('grade');
    const expected = rules({
      region: 'changchun',
      insurance: 'employee-retired',
      careMode: 'home',
      grade: 'severe-2',
      monthlyBillFen: 400000,
    });
    expect(expected.indicative).toBe(true);
    expect(answer.reply.text).toContain(yuanText(expected.indicativeFundPaysFen!));
    expect(answer.reply.text).toContain('参考');
    expect(answer.reply.citations.some((c) => c.doc === 'jilin-2022')).toBe(true);
  });
});

describe('dates', () => {
  it('an objection deadline across the National Day holiday, on the Chinese calendar', async () => {
    const chat = new BotChat(t);
    const { answer } = await fillForm(chat, '温州的，对评估结论不服，2026年9月28日接到的通知，最晚哪天申请复评', {
      region: '温州市',
      noticeDate: '2026年9月28日',
    });
    const expected = objectionDeadline('2026-09-28', 'wenzhou');
    // Ten working days over 国庆: far more than two calendar weeks.
    expect(expected.deadline! > '2026-10-12').toBe(true);
    expect(answer.reply.text).toContain(chineseDate(expected.deadline!));
    expect(answer.reply.citations.map((c) => c.clause)).toEqual(expected.citations.map((c) => c.clause));
  });
});

describe('conversations live in the database', () => {
  it('slots survive a restart: a new app over the same database file takes the next message', async () => {
    const chat = new BotChat(t);
    const first = await chat.say('温州机构护理每个月能报多少');
    expect(askedSlot(first.reply.text)).toBe('grade');
    // Another server instance over the same file, with a clock of its own.
    const prisma = await openDatabase(t.db.url);
    const config = loadConfig({ NODE_ENV: 'test' }, { dataDir: path.join(t.db.dir, 'data') });
    const app = createApp({ prisma, config, clock: () => t.now(), logger: createLogger(() => {}) });
    const server = app.listen(0, '127.0.0.1');
    try {
      const res = await request(server)
        .post('/api/v1/bot/messages')
        .send({ sessionId: chat.sessionId, text: '重度失能Ⅱ级' });
      expect(res.status).toBe(200);
      // The next question, not one already answered before the restart.
      const next = askedSlot(res.body.reply.text);
      expect(next).toBeDefined();
      expect(['region', 'careMode', 'grade']).not.toContain(next);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prisma.$disconnect();
    }
  });
});

describe('hand-off to a person', () => {
  afterEach(async () => {
    await t.http.put('/api/v1/bot/agents/me').set(bearer(agentToken)).send({ available: false });
  });

  it('on the first ask with an agent available: queue, transcript with slots, the agent’s reply reaches the user', async () => {
    await t.http.put('/api/v1/bot/agents/me').set(bearer(agentToken)).send({ available: true }).expect(200);
    const chat = new BotChat(t);
    await chat.say('温州居家上门护理，重度失能Ⅲ级，我的身份证330302194501011239，每月账单多少能报');
    const handed = await chat.say('转人工');
    expect(handed.handoff).toMatchObject({ state: 'pending', kind: 'chat', position: 1 });
    expect(handed.reply.text).toContain('人工客服');

    const queue = await t.http.get('/api/v1/bot/handoffs').set(bearer(agentToken)).expect(200);
    const item = queue.body.find((q: { id: string }) => q.id === chat.sessionId);
    expect(item).toMatchObject({ state: 'pending', kind: 'chat', reason: '用户要求转人工' });
    expect(item.waitingSeconds).toBeGreaterThanOrEqual(0);
    expect(item.slots.map((s: { slot: string }) => s.slot)).toEqual(
      expect.arrayContaining(['region', 'careMode', 'grade']),
    );

    const taken = await t.http.post(`/api/v1/bot/handoffs/${chat.sessionId}/take`).set(bearer(agentToken)).expect(200);
    expect(taken.body.state).toBe('open');
    const userMessages = taken.body.messages.filter((m: { from: string }) => m.from === 'user');
    expect(userMessages[0].intent).toBe('cost.estimate');
    expect(userMessages[0].score).toBeGreaterThan(0);
    expect(userMessages[0].slots.find((s: { slot: string }) => s.slot === 'grade').text).toBe('重度失能Ⅲ级');
    // Masked before storing: the id number never reaches the table.
    expect(userMessages[0].text).toContain('3303**********1239');
    const rows = await t.db.prisma.botMessage.findMany({ where: { conversationId: chat.sessionId } });
    expect(JSON.stringify(rows)).not.toContain('330302194501011239');

    const answer = '您好，温州重度失能Ⅲ级居家上门护理，请把每月账单告诉我，我帮您算。';
    await t.http
      .post(`/api/v1/bot/handoffs/${chat.sessionId}/replies`)
      .set(bearer(agentToken))
      .send({ text: answer })
      .expect(200);
    const seen = await t.http.get(`/api/v1/bot/conversations/${chat.sessionId}/messages?after=${handed.messageId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.state).toBe('open');
    expect(
      seen.body.messages.filter((m: { from: string }) => m.from === 'agent').map((m: { text: string }) => m.text),
    ).toContain(answer);
    // While a person answers, the bot stays out of it.
    const during = await chat.say('好的，3500元');
    expect(during.handoff?.state).toBe('open');

    await t.http
      .post(`/api/v1/bot/handoffs/${chat.sessionId}/close`)
      .set(bearer(agentToken))
      .send({ outcome: 'answered' })
      .expect(200);
    const after = await chat.say('谢谢');
    expect(after.handoff).toBeUndefined();
    expect(after.intent).toBe('thanks');
  });

  it('with nobody available: offers a callback, takes a phone and a time window, and says what happens next', async () => {
    const chat = new BotChat(t);
    const offer = await chat.say('找个真人');
    expect(offer.handoff).toBeUndefined();
    expect(offer.reply.text).toContain('没有客服在线');
    const phone = await chat.say('13912345678');
    expect(phone.reply.text).toContain('139****5678');
    expect(phone.reply.quickReplies.length).toBeGreaterThan(1);
    const window = phone.reply.quickReplies[0];
    const booked = await chat.say(window);
    expect(booked.handoff).toMatchObject({
      state: 'pending',
      kind: 'callback',
      callback: { phoneMasked: '139****5678', window },
    });
    expect(booked.reply.text).toContain(window);
    expect(booked.reply.text).toContain('不用再说一遍');

    const rows = await t.db.prisma.botMessage.findMany({ where: { conversationId: chat.sessionId } });
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    const queue = await t.http.get('/api/v1/bot/handoffs?state=pending').set(bearer(agentToken)).expect(200);
    const item = queue.body.find((q: { id: string }) => q.id === chat.sessionId);
    expect(item).toMatchObject({ kind: 'callback', callback: { phoneMasked: '139****5678', window } });
    // The agent who calls back sees the whole number.
    const detail = await t.http.get(`/api/v1/bot/handoffs/${chat.sessionId}`).set(bearer(agentToken)).expect(200);
    expect(detail.body.callbackPhone).toBe('13912345678');
    // Meanwhile the bot still answers.
    const more = await chat.say('温州的长护险有哪些护理方式');
    expect(more.intent).toBe('caremode.explain');
    expect(more.reply.text).toContain('居家上门护理');
  });

  it('after two answers in a row that did not help, the conversation goes to the queue', async () => {
    await t.http.put('/api/v1/bot/agents/me').set(bearer(agentToken)).send({ available: true }).expect(200);
    const chat = new BotChat(t);
    const first = await chat.say('今天天气怎么样');
    expect(first.intent).toBe('None');
    expect(first.handoff).toBeUndefined();
    const second = await chat.say('周末去哪里玩比较好');
    expect(second.intent).toBe('None');
    expect(second.handoff).toMatchObject({ state: 'pending', kind: 'chat' });
    const detail = await t.http.get(`/api/v1/bot/handoffs/${chat.sessionId}`).set(bearer(agentToken)).expect(200);
    expect(detail.body.reason).toBe('连续两次没有答上来');
  });
});

describe('other questions', () => {
  it('off-topic: says what the bot can help with; near-domain: where to ask instead, never an LTCI answer', async () => {
    const off = await new BotChat(t).say('今天天气怎么样');
    expect(off.intent).toBe('None');
    expect(off.reply.text).toContain('我可以帮您');
    expect(off.reply.citations).toEqual([]);
    const medical = await new BotChat(t).say('住院报销比例是多少');
    expect(medical.intent).toBe('None');
    expect(medical.reply.text).toContain('12393');
    expect(medical.reply.text).toContain('医保经办机构');
    expect(medical.reply.text).not.toMatch(/\d+(,\d{3})*\.\d{2}元/);
  });

  it('"my application": from the database for a signed-in user; otherwise how to sign in', async () => {
    const anonymous = await new BotChat(t).say('我的申请办到哪一步了');
    expect(anonymous.intent).toBe('application.status');
    expect(anonymous.reply.text).toContain('登录');
    const token = await signIn(t, DEMO_PHONE.resident);
    const apps = await t.http.get('/api/v1/applications').set(bearer(token)).expect(200);
    expect(apps.body.length).toBeGreaterThan(0);
    const mine = await new BotChat(t, token).say('我的申请办到哪一步了');
    for (const a of apps.body) expect(mine.reply.text).toContain(`${a.person.name}的失能评估申请：${a.stateName}`);
  });

  it('providers: searches the directory of the region', async () => {
    const r = await new BotChat(t).say('温州有哪些定点护理机构');
    expect(r.intent).toBe('provider.find');
    // The directory searched with what the bot understood (a care mode named in the question narrows it).
    const mode = r.entities.find((e) => e.type === 'careMode')?.value;
    const providers = await t.http.get(`/api/v1/providers?region=wenzhou${mode ? `&mode=${mode}` : ''}`).expect(200);
    expect(providers.body.length).toBeGreaterThan(0);
    expect(r.reply.text).toContain(providers.body[0].name);
  });
});

describe('护理机构 is any provider, not a care mode', () => {
  it('looking for one searches every mode, and an estimate asked next still asks for the mode', async () => {
    const chat = new BotChat(t);
    const r = await chat.say('温州哪个护理机构好');
    expect(r.intent).toBe('provider.find');
    expect(r.entities.map((e) => e.type)).not.toContain('careMode');
    const all = await t.http.get('/api/v1/providers?region=wenzhou').expect(200);
    expect(r.reply.text).toContain(`温州市定点护理机构有${all.body.length}家`);
    const next = await chat.say('一个月能报多少');
    expect(next.intent).toBe('cost.estimate');
    expect(askedSlot(next.reply.text)).toBe('careMode');
  });

  it('staying in one is the institution mode', async () => {
    const r = await new BotChat(t).say('老人住护理机构一个月五千，温州能报多少');
    expect(r.entities).toContainEqual(expect.objectContaining({ type: 'careMode', value: 'institution' }));
  });
});

describe('bad input', () => {
  it('empty, blank and too long messages get a Chinese 400; only emoji gets a kind reply', async () => {
    for (const text of ['', '   ', '字'.repeat(5000)]) {
      const res = await t.http.post('/api/v1/bot/messages').send({ text });
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
    }
    const emoji = await t.http.post('/api/v1/bot/messages').send({ text: '😀😀👍' });
    expect(emoji.status).toBe(200);
    expect(emoji.body.reply.text).toContain('文字');
  });

  it('an unknown sessionId, or someone else’s, is a 404; an anonymous one is an unguessable random id', async () => {
    const unknown = await t.http.post('/api/v1/bot/messages').send({ sessionId: 'no-such-session', text: '你好' });
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body);

    const owner = await signIn(t, DEMO_PHONE['community-worker']);
    const theirs = await new BotChat(t, owner).say('你好');
    const other = await signIn(t, DEMO_PHONE.resident);
    for (const headers of [bearer(other), {}]) {
      const res = await t.http
        .post('/api/v1/bot/messages')
        .set(headers)
        .send({ sessionId: theirs.sessionId, text: '你好' });
      expect(res.status).toBe(404);
      const read = await t.http.get(`/api/v1/bot/conversations/${theirs.sessionId}/messages`).set(headers);
      expect(read.status).toBe(404);
    }

    const a = await new BotChat(t).say('你好');
    const b = await new BotChat(t).say('你好');
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(a.sessionId).toMatch(/^[A-Za-z0-9_-]{24,}$/);
  });
});

describe('the OpenAPI document', () => {
  it('documents the bot routes with their answers', async () => {
    const doc = (await t.http.get('/api/v1/openapi.json')).body;
    const post = doc.paths['/api/v1/bot/messages'].post;
    const schema = post.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['sessionId', 'intent', 'score', 'entities', 'reply']));
    expect(doc.paths['/api/v1/bot/handoffs'].get['x-roles']).toEqual(['agent']);
  });
});

describe('the console', () => {
  it('offers the outcomes the server takes, with the same names', () => {
    expect(CONSOLE_OUTCOMES).toEqual(OUTCOMES.map((id) => ({ id, label: OUTCOME_LABELS[id] })));
  });
});
