// Serves the mini-program's H5 build (miniapp/dist/h5, Taro's hash router) at `/`: the page people open in a
// browser. Files of the build are served as they are; `/` is its index.html. Until it is built, `/` falls
// through to the small landing page, and every other path keeps the JSON 404.
import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';
import { repoRoot } from '../config';
import type { AppState } from '../lib/context';

export const defaultH5Dir = () => path.join(repoRoot, 'miniapp', 'dist', 'h5');

// The H5 talks only to its own origin; Taro sets inline styles on elements.
const CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export function serveH5(dir: string = defaultH5Dir()): Middleware<AppState> {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!fs.existsSync(path.join(dir, 'index.html'))) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    if (rel === '' || rel === 'index.html') {
      ctx.set('Content-Security-Policy', CSP);
      ctx.set('Cache-Control', 'no-cache');
      await send(ctx, 'index.html', { root: dir });
      return;
    }
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
    // Taro names the built scripts and styles with content hashes, so they never change.
    if (/^(js|css|static)\//.test(rel)) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    await send(ctx, rel, { root: dir });
  };
}
