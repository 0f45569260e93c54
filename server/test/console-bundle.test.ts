// The console reaches the server only over HTTP: nothing it bundles may come from server/src. Walks the
// console's import graph from its entry (relative imports and @changhu/rules, as Vite resolves them) and
// checks the display names it keeps against the server's tables, so a copy cannot drift.
import fs from 'node:fs';
import path from 'node:path';
import { ROLE_NAMES as SERVER_ROLE_NAMES } from '../src/lib/roles';
import * as serverVisits from '../src/lib/visits';
import * as labels from '../console/src/labels';

const SERVER_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(SERVER_DIR, '..');
const ENTRY = path.join(SERVER_DIR, 'console', 'src', 'main.tsx');
const RULES_ENTRY = path.join(REPO_ROOT, 'rules', 'src', 'index.ts');

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function resolveFile(base: string): string | null {
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file the console's entry reaches, and the bare packages it imports. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('.')) {
        const target = resolveFile(path.resolve(path.dirname(file), spec));
        if (!target) throw new Error(`${path.relative(REPO_ROOT, file)}: cannot resolve ${spec}`);
        queue.push(target);
      } else if (spec === '@changhu/rules') {
        queue.push(RULES_ENTRY);
      } else {
        packages.add(spec);
      }
    }
  }
  return { files, packages };
}

describe('the console bundle', () => {
  const graph = importGraph(ENTRY);
  const relative = [...graph.files].map((f) => path.relative(REPO_ROOT, f));

  it('reaches its own sources and the rules module, and no file of the server', () => {
    expect(relative).toContain('server/console/src/labels.ts');
    expect(relative).toContain('rules/src/names.ts');
    expect(relative.filter((f) => f.startsWith('server/src/'))).toEqual([]);
    expect(relative.filter((f) => !f.startsWith('server/console/src/') && !f.startsWith('rules/src/'))).toEqual([]);
  });

  it("imports no Node built-in and none of the server's own packages (Koa, Prisma, SQLite…)", () => {
    const server = JSON.parse(fs.readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const serverOnly = Object.keys(server.dependencies).filter((d) => d !== 'zod');
    const root = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    const packages = [...graph.packages];
    expect(packages).toContain('react');
    expect(packages.filter((p) => p.startsWith('node:') || serverOnly.includes(root(p)))).toEqual([]);
  });

  it('keeps the same display names as the server for roles, identity checks and consents', () => {
    expect(labels.ROLE_NAMES).toEqual(SERVER_ROLE_NAMES);
    expect(labels.IDENTITY_METHODS).toEqual([...serverVisits.IDENTITY_METHODS]);
    expect(labels.IDENTITY_METHOD_NAMES).toEqual(serverVisits.IDENTITY_METHOD_NAMES);
    expect(labels.SELF_PAID_CONSENT_METHODS).toEqual([...serverVisits.SELF_PAID_CONSENT_METHODS]);
    expect(labels.SELF_PAID_CONSENT_NAMES).toEqual(serverVisits.SELF_PAID_CONSENT_NAMES);
  });
});
