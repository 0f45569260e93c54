// PostgreSQL and SQLite hold the same model: prisma/postgres/schema.prisma is derived from prisma/schema.prisma,
// every SQLite migration after the baseline has its PostgreSQL twin (and the other way round), and the two
// migration folders applied to fresh databases give the same tables, columns (name, nullability, type
// family), primary keys, unique constraints, indexes and foreign keys.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { deployPostgres } from '../../prisma/postgres/deploy';
import {
  derivePostgresSchema,
  migrationNames,
  PG_MIGRATIONS,
  PG_SCHEMA,
  SQLITE_SCHEMA,
  unpairedMigrations,
} from '../../prisma/postgres/schema';
import { databaseLabel, databaseUrl, defaultDatabaseUrl } from '../src/config';
import { urlKind } from '../src/db';
import { migrationFiles } from './helpers/db';
import { describeWithPostgres, startPostgres, type TestPostgres } from './helpers/postgres';

const FIX = 'after adding a SQLite migration run `npx tsx prisma/postgres/sync.ts` and commit what it writes';

interface Shape {
  /** table → "column type-family null|not-null", sorted */
  columns: Record<string, string[]>;
  primaryKeys: Record<string, string[]>;
  /** table → "name unique? (columns)", sorted; primary keys' own indexes left out */
  indexes: Record<string, string[]>;
  /** table → "(columns) → table(columns) on delete …", sorted */
  foreignKeys: Record<string, string[]>;
}

/** SQLite's declared types and PostgreSQL's data types, as the model's scalar types. */
function family(type: string): string {
  const t = type.toLowerCase();
  if (t === 'text' || t.startsWith('character')) return 'text';
  if (t === 'integer' || t === 'int') return 'integer';
  if (t === 'bigint') return 'bigint';
  if (t === 'real' || t === 'double precision') return 'float';
  if (t === 'boolean') return 'boolean';
  if (t === 'datetime' || t.startsWith('timestamp')) return 'datetime';
  if (t.startsWith('decimal') || t === 'numeric') return 'decimal';
  if (t === 'blob' || t === 'bytea') return 'bytes';
  return `unknown:${t}`;
}

const DELETE_RULES: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const shape: Shape = { columns: {}, primaryKeys: {}, indexes: {}, foreignKeys: {} };
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
      )
      .all() as { name: string }[];
    for (const { name } of tables) {
      const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      shape.columns[name] = cols
        .map((c) => `${c.name} ${family(c.type)} ${c.notnull || c.pk ? 'not-null' : 'null'}`)
        .sort();
      shape.primaryKeys[name] = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const indexes = db.prepare(`PRAGMA index_list("${name}")`).all() as {
        name: string;
        unique: number;
        origin: string;
      }[];
      shape.indexes[name] = indexes
        .filter((i) => i.origin !== 'pk')
        .map((i) => {
          const on = (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[])
            .sort((a, b) => a.seqno - b.seqno)
            .map((c) => c.name);
          return `${i.name} ${i.unique ? 'unique' : 'index'} (${on.join(', ')})`;
        })
        .sort();
      const fks = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[];
      const byId = new Map<number, typeof fks>();
      for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
      shape.foreignKeys[name] = [...byId.values()]
        .map((parts) => {
          parts.sort((a, b) => a.seq - b.seq);
          const from = parts.map((p) => p.from).join(', ');
          const to = parts.map((p) => p.to).join(', ');
          return `(${from}) → ${parts[0].table}(${to}) on delete ${parts[0].on_delete.toLowerCase()}`;
        })
        .sort();
    }
    return shape;
  } finally {
    db.close();
  }
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const shape: Shape = { columns: {}, primaryKeys: {}, indexes: {}, foreignKeys: {} };
    const cols = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const c of cols.rows) {
      (shape.columns[c.table_name] ??= []).push(
        `${c.column_name} ${family(c.data_type)} ${c.is_nullable === 'YES' ? 'null' : 'not-null'}`,
      );
      shape.primaryKeys[c.table_name] ??= [];
      shape.indexes[c.table_name] ??= [];
      shape.foreignKeys[c.table_name] ??= [];
    }
    for (const list of Object.values(shape.columns)) list.sort();
    // Index columns in their order in the index (array_position over indkey).
    const idx = await client.query<{
      table: string;
      name: string;
      primary: boolean;
      unique: boolean;
      columns: string[];
    }>(
      `SELECT t.relname::text AS table, i.relname::text AS name, x.indisprimary AS primary, x.indisunique AS unique,
              array_agg(a.attname::text ORDER BY array_position(x.indkey::int2[], a.attnum)) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(x.indkey)
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, x.indisprimary, x.indisunique`,
    );
    for (const i of idx.rows) {
      if (i.primary) shape.primaryKeys[i.table] = i.columns;
      else shape.indexes[i.table].push(`${i.name} ${i.unique ? 'unique' : 'index'} (${i.columns.join(', ')})`);
    }
    for (const list of Object.values(shape.indexes)) list.sort();
    const fks = await client.query<{ table: string; target: string; from: string[]; to: string[]; del: string }>(
      `SELECT t.relname::text AS table, r.relname::text AS target, c.confdeltype::text AS del,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num) AS from,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num) AS to
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    for (const f of fks.rows) {
      shape.foreignKeys[f.table].push(
        `(${f.from.join(', ')}) → ${f.target}(${f.to.join(', ')}) on delete ${DELETE_RULES[f.del]}`,
      );
    }
    for (const list of Object.values(shape.foreignKeys)) list.sort();
    return shape;
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL side kept in step (no database needed)', () => {
  it('prisma/postgres/schema.prisma is derived from prisma/schema.prisma', () => {
    const expected = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
    expect({ upToDate: fs.readFileSync(PG_SCHEMA, 'utf8') === expected, fix: FIX }).toEqual({
      upToDate: true,
      fix: FIX,
    });
  });

  it('every migration after the baseline exists for both databases under the same name', () => {
    expect({ ...unpairedMigrations(), fix: FIX }).toEqual({ missingInPostgres: [], missingInSqlite: [], fix: FIX });
  });
});

describe('DATABASE_URL', () => {
  it('is a SQLite file by default, PostgreSQL by its scheme, and refused otherwise with what it may be', () => {
    expect(databaseUrl({})).toBe(defaultDatabaseUrl());
    expect(urlKind(databaseUrl({ DATABASE_URL: 'file:/tmp/x.db' }))).toBe('sqlite');
    expect(urlKind(databaseUrl({ DATABASE_URL: 'postgresql://app:pw@db:5432/changhu' }))).toBe('postgresql');
    expect(urlKind(databaseUrl({ DATABASE_URL: 'postgres://db/changhu' }))).toBe('postgresql');
    expect(() => databaseUrl({ DATABASE_URL: 'mysql://db/changhu' })).toThrow('file:<path> (SQLite) or postgresql://');
  });

  it('is shown at start-up without its password', () => {
    expect(databaseLabel('file:/srv/changhu.db')).toBe('/srv/changhu.db');
    expect(databaseLabel('postgresql://app:s3cret@db:5432/changhu?sslmode=require')).toBe(
      'postgresql://app:***@db:5432/changhu',
    );
  });
});

describeWithPostgres()('the PostgreSQL migrations applied to a fresh database', () => {
  let pg: TestPostgres;
  let dir: string;
  let sqlite: Shape;
  beforeAll(async () => {
    pg = await startPostgres();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-schema-'));
    const file = path.join(dir, 'schema.db');
    const raw = new Database(file);
    for (const sql of migrationFiles()) raw.exec(fs.readFileSync(sql, 'utf8'));
    raw.close();
    sqlite = sqliteShape(file);
  }, 60_000);
  afterAll(() => {
    pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('give the same tables, columns, keys, unique constraints, indexes and foreign keys as SQLite’s', async () => {
    const url = await pg.migratedDatabase('same_shape');
    const postgres = await postgresShape(url);
    // What the comparison reads, on one table of each kind of thing.
    expect(Object.keys(sqlite.columns).length).toBeGreaterThan(20);
    expect(sqlite.indexes.User).toEqual(['User_phone_key unique (phone)']);
    expect(sqlite.foreignKeys.Session).toEqual(['(userId) → User(id) on delete restrict']);
    expect(postgres.columns.BotMessage).toContain('score float null');
    // Sorted so that a failure lists the differing table first, whatever the catalogue's order.
    const sorted = (s: Shape) =>
      Object.fromEntries(
        Object.keys(s.columns)
          .sort()
          .map((t) => [
            t,
            {
              columns: s.columns[t],
              primaryKey: s.primaryKeys[t],
              indexes: s.indexes[t],
              foreignKeys: s.foreignKeys[t],
            },
          ]),
      );
    expect(sorted(postgres)).toEqual(sorted(sqlite));
  });

  it('differ from SQLite’s when the newest PostgreSQL migration is left out (the comparison can fail)', async () => {
    const names = migrationNames(PG_MIGRATIONS);
    const partial = fs.mkdtempSync(path.join(dir, 'pg-'));
    for (const name of names.slice(0, -1))
      fs.cpSync(path.join(PG_MIGRATIONS, name), path.join(partial, name), { recursive: true });
    const url = await pg.createDatabase('one_missing');
    await deployPostgres(url, partial);
    expect(await postgresShape(url)).not.toEqual(sqlite);
  });

  it('are applied once: a second deploy finds nothing to do, and two at once apply each migration once', async () => {
    const url = await pg.createDatabase('twice');
    const [a, b] = await Promise.all([deployPostgres(url), deployPostgres(url)]);
    expect([...a, ...b].sort()).toEqual(migrationNames(PG_MIGRATIONS));
    expect(await deployPostgres(url)).toEqual([]);
  });
});
