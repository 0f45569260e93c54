// A fresh SQLite file per test file, migrated by applying prisma/migrations/*/migration.sql in order
// (what `prisma migrate deploy` does, without spawning the CLI).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../src/db';

const MIGRATIONS = path.resolve(__dirname, '..', '..', '..', 'prisma', 'migrations');

export interface TestDb {
  prisma: Db;
  url: string;
  dir: string;
  cleanup(): Promise<void>;
}

export function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => path.join(MIGRATIONS, name, 'migration.sql'));
}

export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-test-'));
  const file = path.join(dir, 'test.db');
  const raw = new Database(file);
  for (const sql of migrationFiles()) raw.exec(fs.readFileSync(sql, 'utf8'));
  raw.close();
  const url = 'file:' + file;
  const prisma = await openDatabase(url);
  return {
    prisma,
    url,
    dir,
    async cleanup() {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
