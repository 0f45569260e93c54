// Prisma CLI configuration of the SQLite database (PostgreSQL's is prisma/postgres/prisma.config.ts): Prisma
// 6.19 with the WASM schema engine and the better-sqlite3 adapter,
// which works offline (no engine download). DATABASE_URL is honoured; the default file
// lives under <repo>/data/ (gitignored).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const defaultUrl = 'file:' + path.join(__dirname, 'data', 'changhu.db');

function databaseUrl(): string {
  const url = process.env.DATABASE_URL || defaultUrl;
  // Prisma 6.19's migrate cannot read PostgreSQL through the adapter (prisma/prisma#27403); PostgreSQL has its
  // own schema, migrations and deploy script under prisma/postgres.
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('DATABASE_URL is PostgreSQL: migrate it with `npx tsx prisma/postgres/deploy.ts`');
  }
  // better-sqlite3 creates the file but not its directory.
  fs.mkdirSync(path.dirname(url.replace(/^file:/, '')), { recursive: true });
  return url;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
