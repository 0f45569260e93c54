// The PostgreSQL side of the one data model: its schema is derived from prisma/schema.prisma (SQLite) and
// never edited by hand, and its migrations sit beside SQLite's under the same names, each the PostgreSQL
// form of its twin. 20261202185900_baseline is the whole model as it stood before the first twin (no
// PostgreSQL database existed before it). server/test/postgres-schema.test.ts keeps the two in step.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PRISMA_DIR = path.resolve(__dirname, '..');
export const SQLITE_SCHEMA = path.join(PRISMA_DIR, 'schema.prisma');
export const SQLITE_MIGRATIONS = path.join(PRISMA_DIR, 'migrations');
export const PG_DIR = __dirname;
export const PG_SCHEMA = path.join(PG_DIR, 'schema.prisma');
export const PG_MIGRATIONS = path.join(PG_DIR, 'migrations');
/** The PostgreSQL migration that holds every SQLite migration up to its timestamp. */
export const BASELINE = '20261202185900_baseline';

const HEADER =
  '// GENERATED from ../schema.prisma by `npx tsx prisma/postgres/sync.ts`: edit that file, never this one.\n';

/** The PostgreSQL schema of a SQLite schema's text: the same models, another provider and generated client. */
export function derivePostgresSchema(sqlite: string): string {
  const replace = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`prisma/schema.prisma no longer contains ${from}`);
    return text.replace(from, to);
  };
  let s = replace(sqlite, 'provider = "sqlite"', 'provider = "postgresql"');
  s = replace(s, 'url      = "file:../data/changhu.db"', 'url      = "postgresql://127.0.0.1/changhu"');
  s = replace(
    s,
    'output       = "../server/src/generated/prisma"',
    'output       = "../../server/src/generated/prisma-pg"',
  );
  return HEADER + s;
}

/** Migration folder names, oldest first. */
export function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/**
 * What is out of step between the two migration folders: SQLite migrations after the baseline without a
 * PostgreSQL twin, and PostgreSQL migrations (other than the baseline) without a SQLite one.
 */
export function unpairedMigrations(): { missingInPostgres: string[]; missingInSqlite: string[] } {
  const sqlite = migrationNames(SQLITE_MIGRATIONS);
  const pg = migrationNames(PG_MIGRATIONS);
  return {
    missingInPostgres: sqlite.filter((n) => n > BASELINE && !pg.includes(n)),
    missingInSqlite: pg.filter((n) => n !== BASELINE && !sqlite.includes(n)),
  };
}

/** Prisma's checksum of a migration script: SHA-256 of its bytes, in hex. */
export const migrationChecksum = (sql: string): string => crypto.createHash('sha256').update(sql).digest('hex');
