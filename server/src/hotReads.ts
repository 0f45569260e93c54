// The reads every signed-in request and the most frequent page make, as prepared statements on Prisma's own
// SQLite connection. Through Prisma 6's client engine each query is compiled to a plan in WebAssembly on the
// main thread (≈1–1.5 ms a query here): a signed-in read of one application made three, and spent most of its
// time there. The rows come back in the shapes Prisma gives (dates as Date, booleans as boolean), so the
// services use them as they use Prisma's. On PostgreSQL there is no handle and the services use Prisma.
import type Database from 'better-sqlite3';
import { sqliteHandle, type Db } from './db';
import type { Application, Person, Provider, ProviderItem, User } from './generated/prisma/client';

type Row = Record<string, unknown>;

/** Turns raw rows of a table into Prisma's shapes, by the column types the migrations declared. */
function rowMapper(db: Database.Database, table: string): (row: Row) => Row {
  const columns = db.pragma(`table_info("${table}")`) as { name: string; type: string }[];
  const dates = columns.filter((c) => /^DATETIME$/i.test(c.type)).map((c) => c.name);
  const bools = columns.filter((c) => /^BOOLEAN$/i.test(c.type)).map((c) => c.name);
  return (row) => {
    for (const c of dates) if (row[c] !== null && row[c] !== undefined) row[c] = sqliteDate(row[c]);
    for (const c of bools) if (row[c] !== null && row[c] !== undefined) row[c] = Boolean(row[c]);
    return row;
  };
}

/**
 * A DateTime as SQLite holds it: Prisma's text (ISO with an offset), SQL's CURRENT_TIMESTAMP text (UTC
 * without a zone), or milliseconds.
 */
export function sqliteDate(v: unknown): Date {
  if (typeof v === 'number' || typeof v === 'bigint') return new Date(Number(v));
  const text = String(v);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? text.replace(' ', 'T') + 'Z' : text);
}

export interface SessionUser {
  expiresAt: Date;
  revokedAt: Date | null;
  user: User;
}

export type ApplicationWithPerson = Application & { person: Person; _count: { materials: number } };

export interface ProviderFilter {
  region?: string;
  district?: string;
  /** Part of the name or the address (ASCII letters in any case, as Prisma's `contains` on SQLite). */
  q?: string;
}

export interface HotReads {
  /** The session of a token hash with its user. */
  sessionUser(tokenHash: string): Promise<SessionUser | null>;
  /** An application with its person and the number of its materials. */
  application(id: string): Promise<ApplicationWithPerson | null>;
  /** Whether the account holds a consent, not revoked, to act for the person. */
  actsFor(personId: string, granteeId: string): Promise<boolean>;
  /** Providers matching the filter (at most `limit`, in table order), with their posted items when asked. */
  providers(filter: ProviderFilter, withItems: true, limit: number): Promise<(Provider & { items: ProviderItem[] })[]>;
  providers(filter: ProviderFilter, withItems: false, limit: number): Promise<Provider[]>;
}

const cache = new WeakMap<Db, HotReads | null>();

/** The hot reads of a client opened on SQLite; null on PostgreSQL (use Prisma there). */
export function hotReads(prisma: Db): HotReads | null {
  if (!cache.has(prisma)) {
    const db = sqliteHandle(prisma);
    cache.set(prisma, db ? sqliteHotReads(db) : null);
  }
  return cache.get(prisma)!;
}

function sqliteHotReads(db: Database.Database): HotReads {
  const user = rowMapper(db, 'User');
  const session = rowMapper(db, 'Session');
  const application = rowMapper(db, 'Application');
  const person = rowMapper(db, 'Person');
  const sessionUser = db.prepare(
    'SELECT s."expiresAt" AS "s_expiresAt", s."revokedAt" AS "s_revokedAt", u.* ' +
      'FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = ?',
  );
  const applicationById = db.prepare(
    'SELECT a.*, (SELECT count(*) FROM "Material" m WHERE m."applicationId" = a."id") AS "_materials" ' +
      'FROM "Application" a WHERE a."id" = ?',
  );
  const personById = db.prepare('SELECT * FROM "Person" WHERE "id" = ?');
  const consent = db.prepare(
    'SELECT 1 FROM "Consent" WHERE "personId" = ? AND "granteeId" = ? AND "revokedAt" IS NULL LIMIT 1',
  );
  for (const st of [sessionUser, applicationById, personById, consent]) st.safeIntegers(false);
  const provider = rowMapper(db, 'Provider');
  const item = rowMapper(db, 'ProviderItem');
  // One pair of statements per combination of filters given (eight at most).
  const providerQueries = new Map<string, { providers: Database.Statement; items: Database.Statement }>();
  const providerQuery = (f: ProviderFilter) => {
    const key = `${f.region !== undefined}${f.district !== undefined}${f.q !== undefined}`;
    let qs = providerQueries.get(key);
    if (!qs) {
      const where = [
        ...(f.region !== undefined ? ['"region" = @region'] : []),
        ...(f.district !== undefined ? ['"district" = @district'] : []),
        ...(f.q !== undefined ? [`("name" LIKE @like ESCAPE '\\' OR "address" LIKE @like ESCAPE '\\')`] : []),
      ];
      const matching = `SELECT * FROM "Provider"${where.length ? ' WHERE ' + where.join(' AND ') : ''} LIMIT @limit`;
      qs = {
        providers: db.prepare(matching).safeIntegers(false),
        items: db
          .prepare(`SELECT i.* FROM "ProviderItem" i WHERE i."providerId" IN (SELECT "id" FROM (${matching}))`)
          .safeIntegers(false),
      };
      providerQueries.set(key, qs);
    }
    return qs;
  };

  // Prisma's interactive transactions hold BEGIN on this same connection across awaits: a read waits until none
  // is open, so that it never sees another request's uncommitted writes.
  const settled = async () => {
    while (db.inTransaction) await new Promise((resolve) => setImmediate(resolve));
  };

  return {
    async sessionUser(tokenHash) {
      await settled();
      const row = sessionUser.get(tokenHash) as Row | undefined;
      if (!row) return null;
      const { s_expiresAt, s_revokedAt, ...rest } = row;
      const times = session({ expiresAt: s_expiresAt, revokedAt: s_revokedAt });
      return {
        expiresAt: times.expiresAt as Date,
        revokedAt: (times.revokedAt as Date | null) ?? null,
        user: user(rest) as unknown as User,
      };
    },
    async application(id) {
      await settled();
      const row = applicationById.get(id) as Row | undefined;
      if (!row) return null;
      const { _materials, ...rest } = row;
      const p = personById.get(rest.personId) as Row;
      return {
        ...(application(rest) as unknown as Application),
        person: person(p) as unknown as Person,
        _count: { materials: Number(_materials) },
      };
    },
    async actsFor(personId, granteeId) {
      await settled();
      return consent.get(personId, granteeId) !== undefined;
    },
    async providers(f: ProviderFilter, withItems: boolean, limit: number) {
      await settled();
      const params: Record<string, unknown> = { limit };
      if (f.region !== undefined) params.region = f.region;
      if (f.district !== undefined) params.district = f.district;
      if (f.q !== undefined) params.like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      const qs = providerQuery(f);
      const rows = (qs.providers.all(params) as Row[]).map((r) => provider(r) as unknown as Provider);
      if (!withItems) return rows;
      const byProvider = new Map<string, ProviderItem[]>(rows.map((r) => [r.id, []]));
      for (const r of qs.items.all(params) as Row[]) {
        byProvider.get(r.providerId as string)?.push(item(r) as unknown as ProviderItem);
      }
      return rows.map((r) => ({ ...r, items: byProvider.get(r.id)! }));
    },
  } as HotReads;
}
