// Prisma CLI configuration of the PostgreSQL client: `npx prisma generate --config prisma/postgres/prisma.config.ts`
// writes server/src/generated/prisma-pg. Migrations are applied by deploy.ts, not by `prisma migrate`, which
// cannot read PostgreSQL through the adapter in 6.19 (prisma/prisma#27403).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL || 'postgresql://127.0.0.1/changhu' });
  },
});
