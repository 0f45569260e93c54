// `npx tsx prisma/postgres/sync.ts [--from <previous PostgreSQL schema>]`: after adding a SQLite migration,
// brings the PostgreSQL side in step. It rewrites prisma/postgres/schema.prisma from prisma/schema.prisma and
// writes the twin of the new SQLite migration (same folder name) with `prisma migrate diff` from the previous
// model (default: prisma/schema.prisma as last committed) to the new one; no database is needed. Read the
// twin it writes, as you read your SQLite migration, then regenerate the client:
// `npx prisma generate --config prisma/postgres/prisma.config.ts`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  derivePostgresSchema,
  PG_MIGRATIONS,
  PG_SCHEMA,
  PRISMA_DIR,
  SQLITE_SCHEMA,
  unpairedMigrations,
} from './schema';

const ROOT = path.resolve(PRISMA_DIR, '..');
const PRISMA = path.join(ROOT, 'node_modules', '.bin', 'prisma');

function previousSchema(args: string[]): string {
  const at = args.indexOf('--from');
  if (at !== -1) return fs.readFileSync(args[at + 1], 'utf8');
  const committed = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: ROOT, encoding: 'utf8' });
  return derivePostgresSchema(committed);
}

function main(args: string[]): void {
  const next = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  const { missingInPostgres, missingInSqlite } = unpairedMigrations();
  if (missingInSqlite.length)
    throw new Error(`PostgreSQL migrations without a SQLite twin: ${missingInSqlite.join(', ')}`);
  if (missingInPostgres.length > 1) {
    throw new Error(
      `several SQLite migrations lack a PostgreSQL twin (${missingInPostgres.join(', ')}): write them one at a time, ` +
        'each with --from the PostgreSQL schema before it',
    );
  }
  if (missingInPostgres.length === 1) {
    const name = missingInPostgres[0];
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-pg-sync-'));
    const from = path.join(tmp, 'from.prisma');
    const to = path.join(tmp, 'to.prisma');
    fs.writeFileSync(from, previousSchema(args));
    fs.writeFileSync(to, next);
    let sql: string;
    try {
      sql = execFileSync(
        PRISMA,
        ['migrate', 'diff', '--from-schema-datamodel', from, '--to-schema-datamodel', to, '--script'],
        // The SQLite configuration: the diff reads no database, but the CLI still opens the configured adapter,
        // and the PostgreSQL one would need a server.
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'file:' + path.join(tmp, 'unused.db') } },
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    fs.mkdirSync(path.join(PG_MIGRATIONS, name), { recursive: true });
    fs.writeFileSync(path.join(PG_MIGRATIONS, name, 'migration.sql'), sql);
    process.stdout.write(`wrote prisma/postgres/migrations/${name}/migration.sql\n`);
  }
  if (!fs.existsSync(PG_SCHEMA) || fs.readFileSync(PG_SCHEMA, 'utf8') !== next) {
    fs.writeFileSync(PG_SCHEMA, next);
    process.stdout.write('wrote prisma/postgres/schema.prisma\n');
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
