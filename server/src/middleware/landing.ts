// The page a person's browser gets at `/`: what 长护通 is, the way to the mini-program, the console for staff
// and the API document. A small static page until the mini-program's H5 build is served here; every other
// path that nothing serves still answers the JSON error shape (errorHandler).
import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { CONSOLE_PREFIX } from './console';

// Only its own inline styles: no scripts, no other origin.
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const LANDING_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>长护通 · 长期护理保险自助服务</title>
<meta name="description" content="长护通帮助失能老人和家属了解长期护理保险、估算费用、申请失能评估、查看待遇和结算。">
<style>
  :root { color: #1b1f24; background: #f4f6f8; font-family: system-ui, -apple-system, 'Noto Sans CJK SC',
    'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 18px; line-height: 1.7; }
  body { margin: 0; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 2.5rem; }
  h1 { font-size: 1.8rem; line-height: 1.3; margin: 0 0 0.75rem; color: #08467f; }
  h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
  p { margin: 0.5rem 0; }
  section { background: #fff; border: 1px solid #c9d1da; border-radius: 8px; padding: 1rem; margin-top: 1rem; }
  .lead { font-size: 1.1rem; }
  a { color: #0b5cad; }
  .link { display: inline-flex; align-items: center; min-height: 44px; min-width: 44px; font-weight: 600; }
  a:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  .muted { color: #4a5360; }
</style>
</head>
<body>
<main>
  <h1>长护通</h1>
  <p class="lead">长护通是长期护理保险（长护险）的自助服务：帮失能老人和家属弄清政策、估算费用，在家就能申请失能评估，查看待遇和每月结算。</p>
  <section aria-labelledby="families">
    <h2 id="families">老人和家属</h2>
    <p>请在微信中打开“长护通”小程序办理；这里的网页版正在准备中。有疑问也可以联系当地医保经办机构，工作人员会耐心帮您。</p>
  </section>
  <section aria-labelledby="staff">
    <h2 id="staff">工作人员</h2>
    <p><a class="link" href="${CONSOLE_PREFIX}/">进入经办控制台</a></p>
    <p class="muted">经办人员、客服坐席和管理员用手机号和验证码登录。</p>
  </section>
  <section aria-labelledby="developers">
    <h2 id="developers">开发者</h2>
    <p><a class="link" href="/api/v1/openapi.json">接口文档（OpenAPI 3.1）</a></p>
  </section>
</main>
</body>
</html>
`;

/** GET (and HEAD) `/` answers the landing page; anything else goes on. */
export function serveLanding(): Middleware<AppState> {
  return async (ctx, next) => {
    if (ctx.path !== '/' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.status = 200;
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', CSP);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = LANDING_PAGE;
  };
}
