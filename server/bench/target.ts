// The servers `npm run bench` measures, in one child process (so the load generator has the other core):
// a bare Koa app (the baseline) and the real app over a fresh, migrated and seeded SQLite file, with the
// request logger on (it writes to /dev/null, so masking and formatting are counted, the terminal is not), and
// the H5 build at `/`; and the floor of a bot message on the same database.
// Prints one JSON line {bare, app, floor} with the ports, then serves until killed.
import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Koa from 'koa';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { serveH5 } from '../src/middleware/h5';
import { batchedWriter, createLogger } from '../src/middleware/requestLogger';
import { seed } from '../src/seed';
import { conversationStore, newConversation, newSessionId } from '../src/bot/store';
import { sharedClassifier } from '../src/bot/nlu';
import type { Db } from '../src/db';
import { prepareBot } from './bot';

const MIGRATIONS = path.resolve(__dirname, '..', '..', 'prisma', 'migrations');

function listen(app: Koa): Promise<number> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

/** A request's JSON body, read as plainly as Node allows: the baseline's reading, shared by the floor. */
async function jsonBody(ctx: Koa.Context): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of ctx.req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

/**
 * The least any bot message costs: a bare Koa POST route that only classifies the text with the trained model
 * and commits the turn (a new conversation and its two messages) through the bot's own store — no entities,
 * rules, dialog, sign-in, validation or log line. The real call's ratio to the bare POST cannot pass its ratio.
 */
function botFloorApp(prisma: Db): Koa {
  const store = conversationStore(prisma);
  const app = new Koa();
  app.use(async (ctx) => {
    const text = String((await jsonBody(ctx)).text);
    const { intent, score } = await (await sharedClassifier()).classify(text);
    const now = new Date();
    const conv = newConversation(newSessionId(now), null, now);
    await store.saveTurn(conv, true, {}, [
      { sender: 'user', text, intent, score, createdAt: now },
      { sender: 'bot', text: '好的', createdAt: now },
    ]);
    ctx.body = { sessionId: conv.id, intent, score };
  });
  return app;
}

async function main(): Promise<void> {
  // The baseline: a JSON answer, and a JSON body read and answered, with nothing else in the way.
  const bare = new Koa();
  bare.use(async (ctx) => {
    if (ctx.method === 'POST') ctx.body = { received: Object.keys(await jsonBody(ctx)).length };
    else ctx.body = { status: 'ok' };
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-bench-'));
  const file = path.join(dir, 'bench.db');
  const raw = new Database(file);
  for (const name of fs.readdirSync(MIGRATIONS).sort()) {
    const sql = path.join(MIGRATIONS, name, 'migration.sql');
    if (fs.existsSync(sql)) raw.exec(fs.readFileSync(sql, 'utf8'));
  }
  raw.close();
  const prisma = await openDatabase('file:' + file);
  await seed(prisma);
  const devNull = fs.createWriteStream('/dev/null');
  const app = createApp({
    prisma,
    config: loadConfig({ NODE_ENV: 'test' }, { dataDir: dir }),
    // As the server logs to stdout: lines gathered and written once per turn of the event loop.
    logger: createLogger(batchedWriter(devNull)),
    // The mini-program's H5 build at `/`, as `npm start` serves it (its first contentful paint is measured).
    extra: [serveH5()],
  });
  // The bot's model is trained (if stale) and loaded before serving, not on the first request.
  await prepareBot();
  const ports = {
    bare: await listen(bare),
    app: await listen(app as unknown as Koa),
    floor: await listen(botFloorApp(prisma)),
  };
  // BENCH_CPU_PROFILE=<file>: a CPU profile of the serving time only (not start-up), for chrome://inspect.
  const profileFile = process.env.BENCH_CPU_PROFILE;
  const session = profileFile ? new inspector.Session() : null;
  if (session) {
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.start');
  }
  process.stdout.write(JSON.stringify(ports) + '\n');
  const stop = () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (!session) process.exit(0);
    session.post('Profiler.stop', (err, result) => {
      if (!err) fs.writeFileSync(profileFile!, JSON.stringify(result.profile));
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench target failed: ${String(err)}\n`);
  process.exit(1);
});
