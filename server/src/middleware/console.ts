// Serves the officer console (a Vite build in server/console/dist) at /console, with the SPA fallback:
// any /console/... path that is not a built file gets index.html, and the console's router takes over.
import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';
import { repoRoot } from '../config';
import type { AppState } from '../lib/context';

export const CONSOLE_PREFIX = '/console';
export const defaultConsoleDir = () => path.join(repoRoot, 'server', 'console', 'dist');

// The console only talks to its own origin; material previews are blob: URLs made by the console.
const CSP =
  "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>长护通 · 经办控制台</title>
<p>经办控制台还没有构建。请在项目根目录运行 <code>npm run build</code>（或 <code>npm start</code>）后刷新本页。</p></html>`;

export function serveConsole(dir: string = defaultConsoleDir()): Middleware<AppState> {
  return async (ctx, next) => {
    if (ctx.path !== CONSOLE_PREFIX && !ctx.path.startsWith(CONSOLE_PREFIX + '/')) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === CONSOLE_PREFIX) {
      ctx.status = 301;
      ctx.redirect(CONSOLE_PREFIX + '/' + (ctx.querystring ? `?${ctx.querystring}` : ''));
      return;
    }
    const index = path.join(dir, 'index.html');
    if (!fs.existsSync(index)) {
      ctx.status = 503;
      ctx.type = 'html';
      ctx.body = NOT_BUILT;
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path.slice(CONSOLE_PREFIX.length + 1));
    } catch {
      return next();
    }
    // A NUL (or another control character) is no file name: fs would throw on it.
    // eslint-disable-next-line no-control-regex -- refused, not matched by accident
    if (/[\u0000-\u001f]/.test(rel)) return next();
    const file = path.resolve(dir, rel);
    const isFile =
      rel !== '' && file.startsWith(dir + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile();
    if (isFile) {
      // Built assets have content hashes in their names, so they never change.
      if (rel.startsWith('assets/')) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
      await send(ctx, rel, { root: dir });
      return;
    }
    // A missing asset is a 404 (not the page), so a stale tab sees a clear failure instead of HTML as JS.
    if (rel.startsWith('assets/')) return next();
    ctx.set('Content-Security-Policy', CSP);
    ctx.set('Cache-Control', 'no-cache');
    await send(ctx, 'index.html', { root: dir });
  };
}
