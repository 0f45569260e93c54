// `npx tsx prisma/seed.ts`: seeds the database of DATABASE_URL (default <repo>/data/changhu.db).
// The server also seeds on every start; the seed is idempotent.
import { defaultDatabaseUrl } from '../server/src/config';
import { openDatabase } from '../server/src/db';
import { seed } from '../server/src/seed';

async function main(): Promise<void> {
  const prisma = await openDatabase(process.env.DATABASE_URL || defaultDatabaseUrl());
  await seed(prisma, { demoAccounts: true });
  await prisma.$disconnect();
}

void main();
