// Where a bot turn is read and written. A turn is the hot path of the chat (one conversation row read, then
// the row and two messages written), and through Prisma 6's client engine each query is compiled to a plan in
// WebAssembly on the main thread (≈0.6 ms a query here, ≈1.7 ms for the turn's transaction). On SQLite the
// store therefore uses prepared statements on Prisma's own connection. Turns are committed in groups: every
// turn that arrives in one turn of the event loop is written in one transaction (each in its own savepoint, so
// one turn's failure is its own), and each caller is answered only after that commit. A commit costs more than
// the turn's inserts on this disk (≈10 pages written to the WAL), so under load this is the store's main
// saving. Elsewhere (PostgreSQL) it goes through Prisma.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { sqliteHandle, type Db } from '../db';
import type { BotConversation } from '../generated/prisma/client';

export interface NewBotMessage {
  sender: 'user' | 'bot';
  authorId?: string | null;
  text: string;
  intent?: string | null;
  score?: number | null;
  entities?: string | null;
  slots?: string | null;
  quickReplies?: string;
  citations?: string;
  createdAt: Date;
}

/** The columns a turn may change. */
export type ConversationChange = Partial<
  Pick<
    BotConversation,
    | 'userId'
    | 'state'
    | 'slots'
    | 'dialog'
    | 'results'
    | 'unhelpful'
    | 'handoffKind'
    | 'handoffReason'
    | 'waitingSince'
    | 'assigneeId'
    | 'callbackPhone'
    | 'callbackWindow'
  >
>;

export interface ConversationStore {
  find(id: string): Promise<BotConversation | null>;
  /**
   * One turn, atomically: the conversation (inserted when `isNew`) with `change` applied, and the messages in
   * order. Answers the conversation as stored and the ids of the messages.
   */
  saveTurn(
    conv: BotConversation,
    isNew: boolean,
    change: ConversationChange,
    messages: NewBotMessage[],
  ): Promise<{ conv: BotConversation; messageIds: number[] }>;
}

// Anonymous conversations are read by their id alone, so it carries 18 random bytes, drawn from a pool refilled
// 512 ids at a time (one randomBytes call costs ≈5 µs, most of it the call itself). The id starts with the time
// in base 36, so new conversations sort by time: their index entries, and their messages', land on the same
// few pages, and a group commit of new conversations writes about half the pages it would with random ids.
let idPool = Buffer.alloc(0);
let idOffset = 0;
export function newSessionId(now: Date): string {
  if (idOffset + 18 > idPool.length) {
    idPool = crypto.randomBytes(18 * 512);
    idOffset = 0;
  }
  idOffset += 18;
  return now.getTime().toString(36).padStart(9, '0') + idPool.toString('base64url', idOffset - 18, idOffset);
}

/** A conversation not yet stored, with the schema's defaults. */
export function newConversation(id: string, userId: string | null, now: Date): BotConversation {
  return {
    id,
    userId,
    state: 'bot',
    slots: '{}',
    dialog: '{}',
    results: '{}',
    unhelpful: 0,
    handoffKind: null,
    handoffReason: null,
    waitingSince: null,
    assigneeId: null,
    callbackPhone: null,
    callbackWindow: null,
    outcome: null,
    outcomeNote: null,
    resolvedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function conversationStore(prisma: Db): ConversationStore {
  const db = sqliteHandle(prisma);
  return db ? new SqliteStore(db) : new PrismaStore(prisma);
}

export class PrismaStore implements ConversationStore {
  constructor(private readonly prisma: Db) {}

  find(id: string) {
    return this.prisma.botConversation.findUnique({ where: { id } });
  }

  async saveTurn(conv: BotConversation, isNew: boolean, change: ConversationChange, messages: NewBotMessage[]) {
    return this.prisma.$transaction(async (tx) => {
      const saved = isNew
        ? await tx.botConversation.create({ data: { ...conv, ...change, updatedAt: undefined } })
        : await tx.botConversation.update({ where: { id: conv.id }, data: change });
      const messageIds: number[] = [];
      for (const m of messages) {
        messageIds.push((await tx.botMessage.create({ data: { ...m, conversationId: conv.id } })).id);
      }
      return { conv: saved, messageIds };
    });
  }
}

const COLUMNS = [
  'id',
  'userId',
  'state',
  'slots',
  'dialog',
  'results',
  'unhelpful',
  'handoffKind',
  'handoffReason',
  'waitingSince',
  'assigneeId',
  'callbackPhone',
  'callbackWindow',
  'outcome',
  'outcomeNote',
  'resolvedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof BotConversation)[];
const DATES = new Set<string>(['waitingSince', 'resolvedAt', 'createdAt', 'updatedAt']);
const MESSAGE_COLUMNS = [
  'conversationId',
  'sender',
  'authorId',
  'text',
  'intent',
  'score',
  'entities',
  'slots',
  'quickReplies',
  'citations',
  'createdAt',
] as const;

/** Prisma's own text form of a DateTime in SQLite, so that Prisma reads these rows as it reads its own. */
const sqlDate = (d: Date | null | undefined) => (d ? d.toISOString().replace('Z', '+00:00') : null);

type Row = Record<string, unknown>;

interface PendingTurn {
  conv: BotConversation;
  isNew: boolean;
  change: Row;
  messages: Row[];
  resolve: (messageIds: number[]) => void;
  reject: (err: unknown) => void;
}

class SqliteStore implements ConversationStore {
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly insertMessage: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  /** Writes one group of turns; answers, per turn in order, its message ids or its error. */
  private readonly commit: (turns: PendingTurn[]) => (number[] | { error: unknown })[];
  /** Turns waiting for the group commit scheduled at the end of this turn of the event loop. */
  private pending: PendingTurn[] = [];

  constructor(private readonly db: Database.Database) {
    const q = (c: string) => `"${c}"`;
    this.select = db.prepare(`SELECT ${COLUMNS.map(q).join(', ')} FROM "BotConversation" WHERE "id" = ?`);
    this.select.safeIntegers(false);
    this.insert = db.prepare(
      `INSERT INTO "BotConversation" (${COLUMNS.map(q).join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`,
    );
    this.insertMessage = db.prepare(
      `INSERT INTO "BotMessage" (${MESSAGE_COLUMNS.map(q).join(', ')}) VALUES (${MESSAGE_COLUMNS.map((c) => '@' + c).join(', ')})`,
    );
    this.insertMessage.safeIntegers(false);
    // Called inside the group's transaction, better-sqlite3 makes this a savepoint: a turn that fails (a
    // conversation id already taken, say) is rolled back alone, and the group's other turns are kept.
    const one = db.transaction((t: PendingTurn) => {
      if (t.isNew) this.insert.run({ ...toRow(t.conv), ...t.change });
      else this.updateOf(Object.keys(t.change)).run({ ...t.change, id: t.conv.id });
      return t.messages.map((m) => Number(this.insertMessage.run(m).lastInsertRowid));
    });
    const group = db.transaction((turns: PendingTurn[]) =>
      turns.map((t) => {
        try {
          return one(t);
        } catch (error) {
          return { error };
        }
      }),
    );
    // A chat turn commits without waiting for the disk (synchronous=NORMAL, for this commit only: it runs
    // synchronously, so no other commit shares the setting). In WAL mode that still survives the process being
    // killed; only a power cut can lose the latest turns, and the next ordinary commit or checkpoint secures
    // them. The fsync was a fifth of a turn's time. Applications, benefits and the rest keep the full setting.
    const usual = db.pragma('synchronous', { simple: true }) as number;
    // Prepared once: db.pragma() would compile the statement on every commit.
    const relaxed = db.prepare('PRAGMA synchronous = NORMAL');
    const restored = db.prepare(`PRAGMA synchronous = ${Number(usual)}`);
    this.commit = (turns) => {
      relaxed.run();
      try {
        return group(turns);
      } finally {
        restored.run();
      }
    };
  }

  /** One prepared statement per set of changed columns (a handful of shapes in practice). */
  private updateOf(columns: string[]): Database.Statement {
    const key = columns.join(',');
    let st = this.updates.get(key);
    if (!st) {
      const sets = [...columns.filter((c) => c !== 'updatedAt'), 'updatedAt'].map((c) => `"${c}" = @${c}`);
      st = this.db.prepare(`UPDATE "BotConversation" SET ${sets.join(', ')} WHERE "id" = @id`);
      this.updates.set(key, st);
    }
    return st;
  }

  async find(id: string): Promise<BotConversation | null> {
    const row = this.select.get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  async saveTurn(conv: BotConversation, isNew: boolean, change: ConversationChange, messages: NewBotMessage[]) {
    const updatedAt = new Date();
    const changed: Row = { ...toRow(change), updatedAt: sqlDate(updatedAt) };
    const rows = messages.map((m) => ({
      conversationId: conv.id,
      sender: m.sender,
      authorId: m.authorId ?? null,
      text: m.text,
      intent: m.intent ?? null,
      score: m.score ?? null,
      entities: m.entities ?? null,
      slots: m.slots ?? null,
      quickReplies: m.quickReplies ?? '[]',
      citations: m.citations ?? '[]',
      createdAt: sqlDate(m.createdAt),
    }));
    const messageIds = await new Promise<number[]>((resolve, reject) => {
      this.pending.push({ conv, isNew, change: changed, messages: rows, resolve, reject });
      if (this.pending.length === 1) setImmediate(this.flush);
    });
    return { conv: { ...conv, ...change, updatedAt }, messageIds };
  }

  /** The group commit: after the I/O of this turn of the event loop, so every turn read in it joins. */
  private readonly flush = (): void => {
    // Prisma's transactions hold BEGIN on this same connection across awaits: wait until none is open, so that
    // no turn joins (and is rolled back with) someone else's transaction.
    if (this.db.inTransaction) {
      setImmediate(this.flush);
      return;
    }
    const turns = this.pending;
    this.pending = [];
    let outcomes: (number[] | { error: unknown })[];
    try {
      outcomes = this.commit(turns);
    } catch (err) {
      for (const t of turns) t.reject(err);
      return;
    }
    turns.forEach((t, i) => {
      const o = outcomes[i];
      if (Array.isArray(o)) t.resolve(o);
      else t.reject(o.error);
    });
  };
}

function toRow(values: Partial<BotConversation>): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    row[k] = DATES.has(k) ? sqlDate(v as Date | null) : v;
  }
  return row;
}

function fromRow(row: Row): BotConversation {
  const out: Row = {};
  for (const c of COLUMNS) {
    const v = row[c];
    out[c] = DATES.has(c) && v !== null ? new Date(v as string) : v;
  }
  return out as unknown as BotConversation;
}
