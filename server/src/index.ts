// Listens; everything else is built by createApp. Migrations run before (npm start runs
// `prisma migrate deploy`), and the seed is idempotent, so a restart is always safe.
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { databaseLabel, databaseUrl, loadConfig } from './config';
import { exclusively, openDatabase } from './db';
import { serveH5 } from './middleware/h5';
import { devHostProblem, startupLines } from './devSetup';
import { seed } from './seed';

async function main(): Promise<void> {
  const url = databaseUrl();
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || '127.0.0.1';
  const config = loadConfig();
  const problem = devHostProblem(host, config);
  if (problem) throw new Error(problem);
  const prisma = await openDatabase(url);
  // Demo staff accounts (and the sample persons acting with them) only in the development setup.
  // One instance at a time: instances starting together on PostgreSQL would both insert the same rows.
  await exclusively(prisma, 'seed', () => seed(prisma, { demoAccounts: config.devOutbox }));
  // `/` is the mini-program's H5 build (miniapp/dist/h5, built by `npm start`), in place of the landing page.
  const app = createApp({ prisma, config, extra: [serveH5()] });
  const server = app.listen(port, host, () => {
    // The bound port, not the asked one: PORT=0 lets the system choose.
    const bound = (server.address() as AddressInfo).port;
    const [listening, ...warning] = startupLines(host, bound, databaseLabel(url), config);
    process.stdout.write(listening + '\n');
    if (warning.length) process.stderr.write(warning.join('\n') + '\n');
  });
  const graceMs = Number(process.env.SHUTDOWN_GRACE_MS) || 10_000;
  let stopping = false;
  // Graceful stop: refuse new connections, let requests in flight finish, close the database, exit 0. A
  // request still running after the grace period is cut off (exit 1) so a deploy never hangs.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing requests in flight, then stopping\n`);
    let forced = false;
    // Keep-alive connections idle now, or once their answer is sent, would hold close() open.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      forced = true;
      process.stderr.write(`requests still in flight after ${graceMs} ms: stopping anyway\n`);
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      prisma.$disconnect().then(
        () => process.exit(forced ? 1 : 0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
