// `npx tsx prisma/postgres/deploy.ts`: applies the pending migrations to the database of DATABASE_URL.
// PostgreSQL: prisma/postgres/migrations, applied here, because Prisma 6.19's migrate cannot read a PostgreSQL
// database through the driver adapter (prisma/prisma#27403: "Column type 'name' could not be deserialized").
// Each migration runs in one transaction and is recorded in Prisma's own _prisma_migrations table (same
// checksum), under Prisma's migration advisory lock, so instances starting together migrate once. A SQLite
// file: `prisma migrate deploy`, as before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrationChecksum, migrationNames, PG_MIGRATIONS } from './schema';

/** Prisma Migrate's advisory lock key, so that this and a future working `prisma migrate` exclude each other. */
const MIGRATION_LOCK = 72707369;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Applies what is pending in `dir` to the PostgreSQL database of `url`; answers the names applied. */
export async function deployPostgres(url: string, dir = PG_MIGRATIONS): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const rows = (
      await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
      )
    ).rows;
    const failed = rows.find((r) => !r.finished_at);
    if (failed) throw new Error(`migration ${failed.migration_name} failed earlier: fix the database, then mark it`);
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const name of migrationNames(dir)) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = migrationChecksum(sql);
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (gen_random_uuid()::text, $1, now(), $2, 1)`,
          [checksum, name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      done.push(name);
    }
    return done;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? '';
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const done = await deployPostgres(url);
    process.stdout.write(done.length ? `applied ${done.join(', ')}\n` : 'no pending migrations\n');
    return;
  }
  const prisma = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'prisma');
  const run = spawnSync(prisma, ['migrate', 'deploy'], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
