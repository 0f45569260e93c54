// A throwaway PostgreSQL server for a test file: Debian's binaries (apt-get install postgresql), a cluster
// under /tmp on a free port of 127.0.0.1, fsync off. PostgreSQL refuses to run as root, so as root the
// cluster belongs to the `postgres` user. Without the binaries the tests skip with a warning (like the browser
// tests without Chromium); .ci/run installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { deployPostgres } from '../../../prisma/postgres/deploy';

/** The directory of initdb and pg_ctl: PG_BIN, or the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string | undefined {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : (fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql') : [])
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join('/usr/lib/postgresql', v, 'bin'));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
}

/** `describe` when PostgreSQL can run here, `describe.skip` with a warning saying why not. */
export function describeWithPostgres(): jest.Describe {
  if (postgresBin()) return describe;
  console.warn(
    'PostgreSQL tests skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin (apt-get install -y postgresql; .ci/run does)',
  );
  return describe.skip;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  port: number;
  /** A new empty database; answers its URL. */
  createDatabase(name: string): Promise<string>;
  /** A new database with every PostgreSQL migration applied; answers its URL. */
  migratedDatabase(name: string): Promise<string>;
  stop(): void;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The PostgreSQL client generated once, where `npm install` has not (it is gitignored like the SQLite one).
 * Under a lock and checked again inside it: jest's workers start both PostgreSQL test files at once.
 */
function ensurePostgresClient(): void {
  const client = path.join(ROOT, 'server', 'src', 'generated', 'prisma-pg', 'client.ts');
  if (fs.existsSync(client)) return;
  const prisma = path.join(ROOT, 'node_modules', '.bin', 'prisma');
  execFileSync(
    'flock',
    [
      path.join(os.tmpdir(), 'changhu-prisma-pg-generate.lock'),
      'sh',
      '-c',
      `test -f "${client}" || "${prisma}" generate --config prisma/postgres/prisma.config.ts`,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  ensurePostgresClient();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-pg-'));
  const data = path.join(dir, 'data');
  // As root, the cluster's files and process belong to the postgres user.
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    const res = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (res.status !== 0) throw new Error(`${cmd} failed (${res.status}): ${res.stderr || res.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start']);
  const base = `postgresql://postgres@127.0.0.1:${port}`;
  const createDatabase = async (name: string) => {
    const admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    return `${base}/${name}`;
  };
  return {
    port,
    createDatabase,
    async migratedDatabase(name: string) {
      const url = await createDatabase(name);
      await deployPostgres(url);
      return url;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
