// For the H5 browser tests: builds the mini-program's H5 (type check, then `taro build --type h5`) when the
// build is missing or older than its sources, and starts the real server with that build at `/`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serveH5 } from '../../server/src/middleware/h5';
import { startServer, type RunningServer } from '../../server/test/helpers/browser';

export const MINIAPP = path.resolve(__dirname, '..');
export const H5_DIR = path.join(MINIAPP, 'dist', 'h5');
const SOURCES = ['src', 'config', 'types', 'babel.config.js', 'package.json', 'tsconfig.json'].map((p) =>
  path.join(MINIAPP, p),
);

function newestMtime(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

const bin = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

function run(args: string[], what: string): void {
  try {
    execFileSync(process.execPath, args, {
      cwd: MINIAPP,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${what} failed\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}

/** The H5 build, rebuilt (≈30 s) only when a source is newer, so CI, which starts without one, builds it. */
export function ensureH5Built(): string {
  const built = fs.statSync(path.join(H5_DIR, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > Math.max(...SOURCES.map(newestMtime))) return H5_DIR;
  run([bin('typescript', 'bin/tsc'), '-p', path.join(MINIAPP, 'tsconfig.json')], 'mini-program type check');
  run([bin('@tarojs/cli', 'bin/taro'), 'build', '--type', 'h5'], 'taro build --type h5');
  return H5_DIR;
}

export type H5Server = RunningServer;

/** The test server (fresh, migrated and seeded database, on 127.0.0.1:0) with the H5 build at `/`. */
export function startH5Server(h5Dir: string, consoleDir?: string): Promise<H5Server> {
  return startServer(consoleDir, { extra: [serveH5(h5Dir)] });
}
