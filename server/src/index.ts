// Listens; everything else is built by createApp. Migrations run before (npm start runs
// `prisma migrate deploy`), and the seed is idempotent, so a restart is always safe.
import { createApp } from './app';
import { defaultDatabaseUrl, loadConfig } from './config';
import { openDatabase } from './db';
import { serveH5 } from './middleware/h5';
import { devHostProblem, startupLines } from './devSetup';
import { seed } from './seed';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl();
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || '127.0.0.1';
  const config = loadConfig();
  const problem = devHostProblem(host, config);
  if (problem) throw new Error(problem);
  const prisma = await openDatabase(url);
  // Demo staff accounts (and the sample persons acting with them) only in the development setup.
  await seed(prisma, { demoAccounts: config.devOutbox });
  // `/` is the mini-program's H5 build (miniapp/dist/h5, built by `npm start`), in place of the landing page.
  const app = createApp({ prisma, config, extra: [serveH5()] });
  const server = app.listen(port, host, () => {
    const [listening, ...warning] = startupLines(host, port, url.replace(/^file:/, ''), config);
    process.stdout.write(listening + '\n');
    if (warning.length) process.stderr.write(warning.join('\n') + '\n');
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
