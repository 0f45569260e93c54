// Listens; everything else is built by createApp. Migrations run before (npm start runs
// `prisma migrate deploy`), and the seed is idempotent, so a restart is always safe.
import { createApp } from './app';
import { defaultDatabaseUrl, loadConfig } from './config';
import { openDatabase } from './db';
import { seed } from './seed';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl();
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || '127.0.0.1';
  const config = loadConfig();
  const prisma = await openDatabase(url);
  await seed(prisma);
  const app = createApp({ prisma, config });
  const server = app.listen(port, host, () => {
    process.stdout.write(
      `长护通 API listening on http://${host}:${port}/api/v1 (database ${url.replace(/^file:/, '')})\n`,
    );
    if (config.devOutbox)
      process.stdout.write(`dev SMS outbox: GET http://${host}:${port}/api/v1/dev/sms-outbox?phone=...\n`);
  });
  const stop = () => {
    server.close(() => void prisma.$disconnect().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
