// A copy of the SQLite database that is safe to take while the server runs: SQLite's online backup API
// (better-sqlite3's db.backup) copies one consistent snapshot, and in WAL mode the server's writes go on
// meanwhile. Copying the file with cp could catch a write half done, or miss what is still in the -wal file.
// The copy is checked (PRAGMA integrity_check) before it gets its name, so a file under that name is whole.
//   npm run db:backup [-- <destination file>]   (DATABASE_URL names the database, as for the server)
// Restore: stop the server, put the copy in the database's place (removing any old -wal and -shm files).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { defaultDatabaseUrl } from '../config';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
  ms: number;
}

// The whole database in one step: a step copies under one read snapshot, and a copy in many small steps
// starts over whenever the server writes between two of them.
const ALL_PAGES = 0x7fffffff;

export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''));
}

/** Copies the database at `source` to `dest` (a new file), checks the copy, and only then names it `dest`. */
export async function backupDatabase(source: string, dest: string): Promise<BackupResult> {
  const started = Date.now();
  const from = path.resolve(source);
  const to = path.resolve(dest);
  if (from === to) throw new Error('the backup must go to another file than the database');
  if (fs.existsSync(to)) throw new Error(`${to} exists already; a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.partial-${process.pid}`;
  const db = new Database(from, { fileMustExist: true, timeout: 5000 });
  let pages = 0;
  try {
    const progress = await db.backup(partial, { progress: () => ALL_PAGES });
    pages = progress.totalPages;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  let integrity: unknown;
  try {
    integrity = copy.pragma('integrity_check', { simple: true });
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    throw new Error(`the copy failed its integrity check (${String(integrity)}); nothing was kept`);
  }
  fs.renameSync(partial, to);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  return { file: to, pages, bytes: fs.statSync(to).size, ms: Date.now() - started };
}

/** data/backups/changhu-20261202T150405Z.db next to the database. */
export function defaultBackupFile(source: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = path.basename(source, path.extname(source));
  return path.join(path.dirname(source), 'backups', `${base}-${stamp}.db`);
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl();
  if (/^postgres(ql)?:/i.test(url)) {
    throw new Error('db:backup copies a SQLite file; for PostgreSQL use pg_dump (see the README)');
  }
  const source = databaseFile(url);
  const dest = process.argv[2] ? path.resolve(process.argv[2]) : defaultBackupFile(source);
  const result = await backupDatabase(source, dest);
  process.stdout.write(
    `backup of ${source} written to ${result.file}: ${result.pages} pages, ${result.bytes} bytes, ` +
      `integrity ok, ${result.ms} ms\n`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
