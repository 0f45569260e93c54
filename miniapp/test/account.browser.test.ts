// The H5 mini-program's account part in headless Chromium against the real server, at 375×812, in the normal
// and the elder mode: signing in with the texted code (read from the development outbox), the session kept
// across a reload, the people one acts for (an ID number checked as typed, shown masked, the consent recorded
// and revoked), a community worker switching between two people, signing out, and an expired session that
// sends the user to sign in and back with what they typed still there.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, launchChromium, poll, chromiumDescribe } from '../../server/test/helpers/browser';
import { idNumberProblem } from '../../rules/src/personal';
import { check, OUT, type Mode } from './check';
import { ensureH5Built, startH5Server, type H5Server } from './h5';

const describeWithChromium = chromiumDescribe('account.browser.test');

const RESIDENT = '13800000001';
const NEWCOMER = '13900000021';
const WORKER = '13800000002';
const OFFICER = '13800000004';

/** A valid ID number from its first 17 digits (the check digit found with the rules' own check). */
const withCheck = (first17: string) =>
  [...'0123456789X'].map((c) => first17 + c).find((id) => idNumberProblem(id) === null)!;
const maskedId = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

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

  it('adds a family member with the recorded consent, keeps the form through an expired session, acts for her, and revokes the consent', async () => {
    const [regions, insurance] = await Promise.all([
      api.call<{ id: string; name: string; districts: { id: string; name: string }[] }[]>('GET', '/regions'),
      api.call<{ id: string; name: string }[]>('GET', '/insurance-types'),
    ]);
    const wenzhou = regions.find((r) => r.id === 'wenzhou')!;
    const id = withCheck('33030219420615002');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

    await open('#/account/people/index');
    await poll(() => $('.content').textContent()).toContain('还没有添加老人');
    await button('添加一位老人').click();
    await button('我的父亲或母亲').click();
    await field('老人的姓名').fill('张桂兰');
    await field('老人的身份证号').fill(id.slice(0, 10) + 'A');
    await poll(() => $('.content').textContent()).toContain('最后一位是数字或 X');
    await field('老人的身份证号').fill(wrong);
    await button(wenzhou.name).click();
    await button(wenzhou.districts.find((d) => d.id === 'lucheng')!.name).click();
    await button(insurance.find((i) => i.id === 'employee-retired')!.name).click();
    await field('联系手机号').fill('13900000031');
    await field('居住地址').fill('温州市鹿城区五马街道示例路3号');
    await button('当面同意').click();
    await button('老人（或监护人）已经同意由我代办').click();
    await check(page, mode, 'people-add');
    // The wrong check digit: the server's words next to the ID number field, nothing typed lost.
    await button('保存').click();
    await poll(() =>
      $('.problem')
        .allTextContents()
        .then((t) => t.join(' ')),
    ).toContain('校验位');
    expect(await field('老人的姓名').inputValue()).toBe('张桂兰');
    await check(page, mode, 'people-add-wrong-id');
    await field('老人的身份证号').fill(id);
    await poll(() => $('.content').textContent()).toContain('身份证号格式正确');

    // The session ends on the server before saving: sign in again, back to the same form, still filled.
    const token = await storedToken();
    await fetch(`${server.baseUrl}/api/v1/auth/sessions/current`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    await button('保存').click();
    await field('手机号').waitFor();
    // A minute has passed since the last code (the server sends one a minute per phone).
    await server.db.prisma.loginCode.updateMany({
      where: { phone: NEWCOMER },
      data: { createdAt: new Date(Date.now() - 2 * 60_000) },
    });
    await signInOnPage(NEWCOMER);
    await poll(() => field('老人的姓名').inputValue()).toBe('张桂兰');
    expect(await field('老人的身份证号').inputValue()).toBe(id);
    await button('保存').click();

    await poll(() => $('.person').first().textContent()).toContain(`身份证号：${maskedId(id)}`);
    expect(await $('.content').textContent()).not.toContain(id);
    await poll(() => $('.acting-line').first().textContent()).toContain('正在为 张桂兰 办理');
    await check(page, mode, 'people-list');
    // The home page says so too.
    await open('#/pages/index/index');
    await poll(() => button('我的申请和待遇').textContent()).toContain('已登录，正在为张桂兰办理');
    await open('#/account/people/index');

    await button('查看资料和代办授权').click();
    await poll(() => $('.consents').textContent()).toContain('张桂兰于');
    expect(await $('.consents').textContent()).toContain('当面同意，现在有效');
    await check(page, mode, 'person');
    await button('撤销这项授权').click();
    await button('确定撤销').click();
    await poll(() => $('.content').textContent()).toContain('还没有添加老人');
    expect(await $('.content').textContent()).not.toContain('正在为 张桂兰');
  });

  it('lets a community worker switch between two people, each with the next step and its deadline', async () => {
    const officer = new ApiClient(server.baseUrl);
    await officer.signIn(OFFICER);
    const worker = new ApiClient(server.baseUrl);
    await worker.signIn(WORKER);
    // The seeded 李建国 has a submitted application: the officer accepts it and books the home assessment.
    const [li] = await worker.call<{ id: string; name: string }[]>('GET', '/persons');
    const [liApp] = await worker.call<{ id: string }[]>('GET', `/applications?personId=${li.id}`);
    await officer.call('POST', `/applications/${liApp.id}/moves`, { move: 'accept', reason: '材料已在社区服务点核验' });
    await officer.call('POST', `/applications/${liApp.id}/moves`, { move: 'schedule', scheduledFor: '2026-12-28' });
    // A second person who consented in writing, with a draft application.
    const zhao = await worker.call<{ id: string }>('POST', '/persons', {
      name: '赵福生',
      idNumber: withCheck('33030219390808001'),
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'resident',
      phone: '13900000032',
      address: '温州市鹿城区五马街道示例路5号',
      relationship: 'community-help',
      consent: { method: 'written', givenBy: '赵福生', givenAt: new Date(Date.now() - 60_000).toISOString() },
    });
    await worker.call('POST', '/applications', { personId: zhao.id });

    // The worker signs in on a phone of their own.
    const phone = await context.browser()!.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    const before = page;
    page = await phone.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await open('#/more/mine/index');
      if (mode === 'elder') await button('关怀模式：关').click();
      await button('用手机号登录').click();
      await server.db.prisma.loginCode.updateMany({
        where: { phone: WORKER },
        data: { createdAt: new Date(Date.now() - 2 * 60_000) },
      });
      await signInOnPage(WORKER);
      await button('我帮办的老人').click();
      const card = (name: string) => $('.person').filter({ hasText: name });
      await poll(() => card('李建国').textContent()).toContain('待上门评估');
      expect(await card('李建国').textContent()).toContain('期限：上门评估：2026年12月28日');
      await poll(() => card('赵福生').textContent()).toContain('草稿：下一步是“提交申请”');
      await check(page, mode, 'worker');

      await button('为李建国（示例）办理').click();
      await poll(() => $('.acting-line').textContent()).toContain('正在为 李建国（示例） 办理');
      await button('为赵福生办理').click();
      await poll(() => $('.acting-line').textContent()).toContain('正在为 赵福生 办理');
      expect(await button('正在为赵福生办理').getAttribute('aria-pressed')).toBe('true');
      await check(page, mode, 'worker-acting');
      // The choice is kept for the flows (they read it from the phone's storage), across a reload too.
      await page.reload();
      await poll(() => $('.acting-line').textContent()).toContain('正在为 赵福生 办理');
    } finally {
      await phone.close();
      page = before;
    }
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
