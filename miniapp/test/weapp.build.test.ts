// `npm run build:weapp` as CI runs it (through `npm test`): the WeChat build succeeds, WeChat DevTools finds
// it where the root project.config.json points, the features are subpackages, and the main package (what
// WeChat downloads before the first screen) stays ≤ 800 KB (WeChat's limit is 2 MB).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const MINIAPP = path.resolve(__dirname, '..');
const ROOT = path.resolve(MINIAPP, '..');
const OUT = path.join(MINIAPP, 'dist', 'weapp');

function sizeOf(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}

describe('the WeChat build', () => {
  let app: {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    subpackages?: { root: string; pages: string[] }[];
  };

  beforeAll(() => {
    fs.rmSync(OUT, { recursive: true, force: true });
    const taro = path.join(path.dirname(require.resolve('@tarojs/cli/package.json')), 'bin', 'taro');
    try {
      execFileSync(process.execPath, [taro, 'build', '--type', 'weapp'], {
        cwd: MINIAPP,
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch (err) {
      const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`taro build --type weapp failed\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    }
    app = JSON.parse(fs.readFileSync(path.join(OUT, 'app.json'), 'utf8'));
  }, 240_000);

  it('is where the root project.config.json sends WeChat DevTools', () => {
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'));
    expect(path.resolve(ROOT, project.miniprogramRoot)).toBe(OUT);
    expect(fs.existsSync(path.join(OUT, 'app.js'))).toBe(true);
  });

  it('keeps the home page in the main package and every feature in a subpackage', () => {
    expect(app.pages).toEqual(['pages/index/index']);
    const subs = app.subPackages ?? app.subpackages ?? [];
    expect(subs.map((s) => s.root).sort()).toEqual(['account', 'apply', 'benefit', 'check', 'cost', 'law', 'more']);
    for (const s of subs) for (const p of s.pages) expect(fs.existsSync(path.join(OUT, s.root, `${p}.js`))).toBe(true);
  });

  it('has a main package of at most 800 KB', () => {
    const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root);
    const main = fs
      .readdirSync(OUT)
      .filter((name) => !subs.includes(name))
      .reduce((sum, name) => sum + sizeOf(path.join(OUT, name)), 0);
    const total = sizeOf(OUT);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results', 'weapp-size.json'), JSON.stringify({ main, total }) + '\n');
    expect(main).toBeLessThanOrEqual(800 * 1024);
  });
});
