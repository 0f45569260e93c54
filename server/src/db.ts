import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

const handles = new WeakMap<PrismaClient, Database.Database>();

/** The better-sqlite3 connection under a client opened by openDatabase, for the few hot paths that skip Prisma. */
export const sqliteHandle = (prisma: PrismaClient): Database.Database | undefined => handles.get(prisma);

/** The adapter factory, keeping the connection it opens (Prisma opens exactly one per client). */
class KeptSQLite3 extends PrismaBetterSQLite3 {
  client?: Database.Database;
  override async connect() {
    const adapter = await super.connect();
    this.client = (adapter as unknown as { client: Database.Database }).client;
    return adapter;
  }
}

/** A Prisma client over SQLite in WAL mode, waiting up to 5 s on a busy database instead of failing. */
export async function openDatabase(url: string): Promise<PrismaClient> {
  const adapter = new KeptSQLite3({ url, timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  if (adapter.client) handles.set(prisma, adapter.client);
  await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}
