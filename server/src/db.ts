import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

/** Which database a client talks to: the embedded SQLite file, or PostgreSQL for several instances. */
export type DatabaseKind = 'sqlite' | 'postgresql';

const handles = new WeakMap<PrismaClient, Database.Database>();
const kinds = new WeakMap<PrismaClient, DatabaseKind>();

/** The better-sqlite3 connection under a client opened by openDatabase, for the few hot paths that skip Prisma. */
export const sqliteHandle = (prisma: PrismaClient): Database.Database | undefined => handles.get(prisma);

export const databaseKind = (prisma: PrismaClient): DatabaseKind => kinds.get(prisma) ?? 'sqlite';

/** A DATABASE_URL's kind: postgres:// or postgresql:// is PostgreSQL, anything else a SQLite file. */
export const urlKind = (url: string): DatabaseKind => (/^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite');

/** The adapter factory, keeping the connection it opens (Prisma opens exactly one per client). */
class KeptSQLite3 extends PrismaBetterSQLite3 {
  client?: Database.Database;
  override async connect() {
    const adapter = await super.connect();
    this.client = (adapter as unknown as { client: Database.Database }).client;
    return adapter;
  }
}

/**
 * A Prisma client over the database of `url`: SQLite in WAL mode, waiting up to 5 s on a busy database
 * instead of failing; or PostgreSQL through a connection pool (prisma/postgres has its schema, migrations and
 * generated client, kept in step with SQLite's by server/test/postgres-schema.test.ts).
 */
export async function openDatabase(url: string): Promise<PrismaClient> {
  if (urlKind(url) === 'postgresql') return openPostgres(url);
  const adapter = new KeptSQLite3({ url, timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  if (adapter.client) handles.set(prisma, adapter.client);
  await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}

async function openPostgres(url: string): Promise<PrismaClient> {
  // Loaded only here: a SQLite installation needs neither pg nor the PostgreSQL client. Both generated
  // clients come from one model (the PostgreSQL schema is derived from the SQLite one), so the PostgreSQL
  // client is used through the SQLite client's type.
  const { PrismaPg } = await import('@prisma/adapter-pg');
  let generated: { PrismaClient: new (options: { adapter: unknown }) => unknown };
  try {
    // A path the compiler does not follow: the server builds and type-checks where it was never generated.
    generated = require(path.join(__dirname, 'generated', 'prisma-pg', 'client')) as typeof generated;
  } catch {
    throw new Error(
      'the PostgreSQL client is not generated: run `npx prisma generate --config prisma/postgres/prisma.config.ts`',
    );
  }
  const prisma = new generated.PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as PrismaClient;
  kinds.set(prisma, 'postgresql');
  await prisma.$queryRawUnsafe('SELECT 1');
  return prisma;
}

/** The client inside a transaction. */
export type DbTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Runs `fn` in a transaction that no other transaction holding one of the same keys runs beside, on any instance: a
 * check-then-write (a limit counted from rows) holds under a burst. PostgreSQL takes a transaction-scoped
 * advisory lock on the key; SQLite has one writer and the adapter runs one transaction at a time. On SQLite a
 * query outside any transaction may run on the same connection meanwhile and would be undone by a rollback, so
 * `fn` answers what went wrong instead of throwing.
 */
export async function withKeyLock<T>(prisma: PrismaClient, keys: string[], fn: (tx: DbTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      if (databaseKind(prisma) === 'postgresql') {
        // Always in the order given, so two callers with overlapping keys cannot deadlock. hashtext gives an
        // int4; the void result of the lock function is not read.
        for (const key of keys) {
          await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
        }
      }
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/**
 * Runs `fn` while no other instance runs it for the same key (the start-up seed, when instances start
 * together). On PostgreSQL a transaction holds the advisory lock while `fn` works through the client's other
 * connections; SQLite serves one instance, so `fn` simply runs.
 */
export async function exclusively<T>(prisma: PrismaClient, key: string, fn: () => Promise<T>): Promise<T> {
  if (databaseKind(prisma) !== 'postgresql') return fn();
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
      return fn();
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}
