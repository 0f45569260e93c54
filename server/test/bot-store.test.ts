// The bot's turn store: on SQLite it writes with prepared statements on Prisma's own connection, elsewhere
// through Prisma. Both must leave the same rows (Prisma reads the prepared-statement rows as its own), and a
// turn must never join, or be rolled back with, a Prisma transaction open on the same connection.
import { sqliteHandle } from '../src/db';
import { conversationStore, newConversation, PrismaStore, type NewBotMessage } from '../src/bot/store';
import { createTestDb, type TestDb } from './helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const at = new Date('2026-12-02T08:30:00.000Z');
const turn = (text: string): NewBotMessage[] => [
  {
    sender: 'user',
    authorId: null,
    text,
    intent: 'cost.estimate',
    score: 0.93,
    entities: '[]',
    slots: '{"region":"wenzhou"}',
    createdAt: at,
  },
  { sender: 'bot', text: '每月约1,116.00元', quickReplies: '["转人工"]', citations: '[]', createdAt: at },
];

async function stored(id: string) {
  const conv = await t.prisma.botConversation.findUniqueOrThrow({ where: { id } });
  const messages = await t.prisma.botMessage.findMany({ where: { conversationId: id }, orderBy: { id: 'asc' } });
  return {
    conv: { ...conv, id: undefined, updatedAt: undefined },
    messages: messages.map((m) => ({ ...m, id: undefined, conversationId: undefined })),
  };
}

it('uses prepared statements on SQLite, and leaves the same rows as Prisma would', async () => {
  expect(sqliteHandle(t.prisma)).toBeDefined();
  const fast = conversationStore(t.prisma);
  expect(fast).not.toBeInstanceOf(PrismaStore);
  const slow = new PrismaStore(t.prisma);
  for (const [name, store] of [
    ['fast', fast],
    ['slow', slow],
  ] as const) {
    const conv = newConversation(`conv-${name}`, null, at);
    const first = await store.saveTurn(conv, true, { slots: '{"region":"wenzhou"}', unhelpful: 0 }, turn('温州'));
    expect(first.messageIds).toHaveLength(2);
    expect(first.messageIds[1]).toBeGreaterThan(first.messageIds[0]);
    const again = await store.find(conv.id);
    expect(again).toMatchObject({ id: conv.id, slots: '{"region":"wenzhou"}', state: 'bot', createdAt: at });
    await store.saveTurn(
      again!,
      false,
      { state: 'pending', handoffKind: 'chat', waitingSince: at, unhelpful: 1 },
      turn('转人工'),
    );
  }
  // The turn's commit skips the disk wait for itself only: everything else keeps the connection's full setting.
  expect(Number(sqliteHandle(t.prisma)!.pragma('synchronous', { simple: true }))).toBe(2);
  const [a, b] = [await stored('conv-fast'), await stored('conv-slow')];
  expect(a).toEqual(b);
  expect(a.conv).toMatchObject({ state: 'pending', waitingSince: at, unhelpful: 1 });
  expect(a.messages.map((m) => m.text)).toEqual(['温州', '每月约1,116.00元', '转人工', '每月约1,116.00元']);
  // Prisma's own date comparisons work on the rows written without it.
  expect(await t.prisma.botConversation.count({ where: { waitingSince: { lte: at } } })).toBe(2);
});

it('waits for a Prisma transaction open on the connection, and is not rolled back with it', async () => {
  const store = conversationStore(t.prisma);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const failing = t.prisma
    .$transaction(async (tx) => {
      await tx.botConversation.create({ data: { id: 'rolled-back' } });
      await held;
      throw new Error('roll back');
    })
    .catch((e: Error) => e.message);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const saving = store.saveTurn(newConversation('kept', null, at), true, {}, turn('你好'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  release();
  expect(await failing).toBe('roll back');
  await saving;
  expect(await t.prisma.botConversation.findUnique({ where: { id: 'rolled-back' } })).toBeNull();
  expect(await t.prisma.botMessage.count({ where: { conversationId: 'kept' } })).toBe(2);
});

it('commits the turns that arrive together in one group, and a failing turn fails alone', async () => {
  const store = conversationStore(t.prisma);
  await store.saveTurn(newConversation('taken', null, at), true, {}, turn('先来的'));
  const before = await t.prisma.botMessage.count();
  // Sent in one turn of the event loop: they share one commit.
  const saving = [
    store.saveTurn(newConversation('group-1', null, at), true, {}, turn('一')),
    // The same id again: its insert fails, inside the same group as the others.
    store.saveTurn(newConversation('taken', null, at), true, {}, turn('重复')),
    store.saveTurn(newConversation('group-2', null, at), true, {}, turn('二')),
  ];
  const settled = await Promise.allSettled(saving);
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(await t.prisma.botMessage.count()).toBe(before + 4);
  expect((await t.prisma.botMessage.findMany({ where: { conversationId: 'taken' } })).map((m) => m.text)).toEqual([
    '先来的',
    '每月约1,116.00元',
  ]);
  // The two turns that were kept got ids in the order they were sent.
  const [a, , b] = settled as PromiseFulfilledResult<{ messageIds: number[] }>[];
  expect(b.value.messageIds[0]).toBeGreaterThan(a.value.messageIds[1]);
  expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
});
