// Applying for the assessment and following it, in the H5 build in headless Chromium against the real server,
// at 375×812 in the normal and the elder mode: a draft saved as the family types survives leaving; a photo is
// compressed, uploaded with progress, and retried after a failed upload; the review and submit; the visit
// checklist from the standard's items; an officer returns the application IN THE CONSOLE; the family reads
// why, fixes and resubmits; the officer approves in the console; the family sees the result, the objection
// deadline counting down in working days, and the inbox with its unread count going down when read.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveH5 } from '../../server/src/middleware/h5';
import { shanghaiDate } from '../../server/src/lib/time';
import { withCheckDigit } from '../../server/src/seed';
import {
  ApiClient,
  ensureConsoleBuilt,
  launchChromium,
  poll,
  startServer,
  type RunningServer,
  chromiumDescribe,
} from '../../server/test/helpers/browser';
import { check, OUT, type Mode } from './check';
import { ensureH5Built } from './h5';

const describeWithChromium = chromiumDescribe('apply.browser.test');

const DAY = 86_400_000;
const OFFICER_PHONE = '13800000004';

interface AppView {
  id: string;
  state: string;
  stateName: string;
  description: string | null;
  disabilityMonths: number | null;
  careMode: string | null;
  contactPhone: string | null;
  visitAddress: string | null;
  objectionDeadline: string | null;
  objectionWorkingDaysLeft: number | null;
  noticeDate: string | null;
  gradeName: string | null;
}

const dayWords = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

jest.setTimeout(120_000);

describeWithChromium.each<Mode>(['normal', 'elder'])('applying and following it in the %s mode', (mode) => {
  const PERSON = {
    name: mode === 'normal' ? '钱秀英' : '孙桂芳',
    idNumber: withCheckDigit(mode === 'normal' ? '33030219440312002' : '33030219430821004'),
    region: 'wenzhou',
    district: 'lucheng',
    insurance: 'employee-retired',
    phone: mode === 'normal' ? '13912300011' : '13912300012',
    address: '温州市鹿城区五马街道测试路8号',
  };
  const FAMILY_PHONE = mode === 'normal' ? '13912300001' : '13912300002';
  const RETURN_REASON = '请补充近三个月的住院病历。';

  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let family: ApiClient;
  let officer: ApiClient;
  let personId: string;
  let applicationId: string;
  let offsetMs = 0;
  let desk: Page | undefined;
  let careModeName: string;
  let causeName: string;

  const button = (name: string | RegExp) => page.getByRole('button', { name }).filter({ visible: true }).first();
  // Taro's H5 router keeps earlier pages of the stack in the document, hidden: look only at what is shown.
  const $ = (selector: string) => page.locator(selector).filter({ visible: true });
  const open = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${server.baseUrl}/#${hash}`);
  };
  const application = () => family.call<AppView>('GET', `/applications/${applicationId}`);

  beforeAll(async () => {
    const h5 = ensureH5Built();
    const consoleDir = ensureConsoleBuilt();
    server = await startServer(consoleDir, {
      extra: [serveH5(h5)],
      clock: () => new Date(Date.now() + offsetMs),
      config: { sessionTtlMinutes: 30 * 24 * 60 },
    });
    family = new ApiClient(server.baseUrl);
    // Signed in once, in the console (a phone gets one code a minute); its token also makes the API moves.
    officer = new ApiClient(server.baseUrl);
    // Signed in and acting for the mother (the sign-in and people pages are another part's tests).
    await family.call('POST', '/auth/codes', { phone: FAMILY_PHONE });
    const session = await family.call<{ token: string }>('POST', '/auth/sessions', {
      phone: FAMILY_PHONE,
      code: await family.latestCode(FAMILY_PHONE),
    });
    family.token = session.token;
    const person = await family.call<{ id: string; name: string }>('POST', '/persons', {
      ...PERSON,
      relationship: 'child',
      consent: { method: 'in-person', givenBy: PERSON.name, givenAt: new Date().toISOString() },
    });
    personId = person.id;
    const modes = await family.call<{ offered: { id: string; name: string }[] }>('GET', '/regions/wenzhou/care-modes');
    careModeName = modes.offered.find((m) => m.id === 'home')!.name;
    const causes = await family.call<{ id: string; name: string }[]>('GET', '/disability-causes');
    causeName = causes.find((c) => c.id === 'illness')!.name;

    fs.mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      deviceScaleFactor: 1,
    });
    // Taro keeps storage as {"data": value}; session.ts stores JSON strings.
    const stored = (v: unknown) => JSON.stringify({ data: JSON.stringify(v) });
    const init: [string, string][] = [
      ['changhu.session', stored(session)],
      ['changhu.acting', stored({ personId: person.id, name: person.name })],
      ...(mode === 'elder' ? [['changhu.elder', JSON.stringify({ data: 'on' })] as [string, string]] : []),
    ];
    // Only on the first load: later the page's own storage (e.g. the mode switch) is what counts.
    await context.addInitScript(
      `if (!localStorage.getItem('changhu.session')) { for (const [k, v] of ${JSON.stringify(init)}) localStorage.setItem(k, v); }`,
    );
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 300_000);

  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await server?.close();
  });

  async function elderOn() {
    if (mode !== 'elder') return;
    const on = page.getByRole('button', { name: '关怀模式：关' }).filter({ visible: true });
    if (await on.count()) await on.first().click();
    await poll(() => $('.page').first().getAttribute('class')).toContain('elder');
  }

  it('fills a draft in short steps, saved as typed, with the server’s message next to a bad field; the draft survives leaving', async () => {
    await open('/apply/form/index');
    await elderOn();
    await poll(() => $('.progress').textContent()).toBe('第 1 步，共 5 步');
    const drafts = await family.call<AppView[]>('GET', `/applications?personId=${personId}`);
    expect(drafts.map((a) => a.state)).toEqual(['draft']);
    applicationId = drafts[0].id;
    await check(page, mode, 'apply-step1');
    await button(careModeName).click();

    await poll(() => $('.progress').textContent()).toBe('第 2 步，共 5 步');
    await button(causeName).click();
    await $('input.months-input').fill('7');
    await poll(async () => (await application()).disabilityMonths).toBe(7);
    expect((await application()).careMode).toBe('home');
    await check(page, mode, 'apply-step2');
    await button('下一步').click();

    await poll(() => $('.progress').textContent()).toBe('第 3 步，共 5 步');
    await $('.desc-input textarea').fill('中风后卧床，吃饭要人喂，夜里要翻身。');
    await button('下一步').click();

    // The address is the person's; a wrong phone gets the server's words at the phone field, and stays typed.
    await poll(() => $('.progress').textContent()).toBe('第 4 步，共 5 步');
    expect(await $('input.address-input').inputValue()).toBe(PERSON.address);
    await $('input.phone-input').fill('1391230');
    await button('下一步').click();
    const phoneProblem = $('.phone-input + .problem');
    await poll(() => phoneProblem.count()).toBe(1);
    expect(await phoneProblem.textContent()).toMatch(/手机号/);
    expect(await $('input.phone-input').inputValue()).toBe('1391230');
    await poll(() => $('.progress').textContent()).toBe('第 4 步，共 5 步');
    await check(page, mode, 'apply-step4-bad-phone');
    await $('input.phone-input').fill(PERSON.phone);
    await button('下一步').click();
    await poll(() => $('.progress').textContent()).toBe('第 5 步，共 5 步');
    expect(await $('.problem').count()).toBe(0);

    // Leave for the home page, come back: everything is there.
    await open('/pages/index/index');
    await button('能不能申请').waitFor();
    await open('/apply/form/index?step=3');
    await poll(() => $('.desc-input textarea').inputValue()).toBe('中风后卧床，吃饭要人喂，夜里要翻身。');
    expect(await application()).toMatchObject({
      careMode: 'home',
      disabilityMonths: 7,
      description: '中风后卧床，吃饭要人喂，夜里要翻身。',
      visitAddress: PERSON.address,
    });
    await button('下一步').click();
    // The saved phone comes back masked: shown as kept, not typed again.
    const kept = await $('.phone-kept').textContent();
    expect(kept).toContain(`${PERSON.phone.slice(0, 3)}****${PERSON.phone.slice(-4)}`);
    expect((await family.call<AppView[]>('GET', `/applications?personId=${personId}`))[0].contactPhone).toBe(
      kept!.match(/\d{3}\*{4}\d{4}/)![0],
    );
  });

  /** A large PNG photo of a paper, drawn by the browser. */
  async function photo(title: string): Promise<Buffer> {
    const drawing = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await drawing.setContent(
      `<div style="width:1400px;height:1000px;box-sizing:border-box;padding:60px;background:linear-gradient(135deg,#dbe9f7,#f7e9db);font:48px sans-serif">` +
        `<b>${title}（测试样图）</b><br><br>姓名 ${PERSON.name}<br>温州市鹿城区</div>`,
    );
    const png = await drawing.screenshot({ type: 'png' });
    await drawing.close();
    return png;
  }

  async function upload(kind: string, file: Buffer, name: string) {
    const chooser = page.waitForEvent('filechooser');
    await button(new RegExp(`^拍照或选择：${kind}`)).click();
    await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: file });
  }

  it('keeps what was typed when saving fails, and sends it when the page opens again', async () => {
    await open('/apply/form/index?step=3');
    const before = (await application()).description;
    const cut = (route: import('playwright-core').Route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue();
    await page.route('**/api/v1/applications/*', cut);
    const words = '中风后卧床，吃饭要人喂，夜里要翻身两次。';
    await $('.desc-input textarea').fill(words);
    await poll(() => $('.failure').textContent()).toContain('网络好像断了');
    await check(page, mode, 'apply-save-failed');
    expect((await application()).description).toBe(before);
    // Closed and opened again, still without a connection at first: the words are there, then they are sent.
    await open('/apply/form/index?step=3');
    expect(await $('.desc-input textarea').inputValue()).toBe(words);
    await page.unroute('**/api/v1/applications/*', cut);
    await button('下一步').click();
    await poll(async () => (await application()).description).toBe(words);
    await poll(() => $('.progress').textContent()).toBe('第 4 步，共 5 步');
  });

  it('compresses a photo before uploading it with progress, and retries after a failed upload', async () => {
    await open('/apply/form/index?step=5');
    await poll(() => $('.progress').textContent()).toBe('第 5 步，共 5 步');
    const png = await photo('居民身份证');

    // Not a picture, whatever its name says: said so, and no retry of the same file.
    await upload('身份证', Buffer.from('这不是照片'), 'id-card.png');
    await poll(() => $('.upload-failed').textContent()).toContain('这个文件打不开，好像不是照片');
    expect(await button('再传一次').count()).toBe(0);
    await button('换一张照片').click();

    // The first try fails on the way (the network drops): the page says so and offers to send it again.
    const url = `**/api/v1/applications/${applicationId}/materials`;
    await page.route(url, (route) => route.abort('internetdisconnected'));
    await upload('身份证', png, 'id-card.png');
    await poll(() => $('.upload-failed').textContent()).toContain('照片没有传上去');
    await check(page, mode, 'apply-upload-failed');
    await page.unroute(url);
    // The second try is held up on the way: meanwhile the page shows how far it has got.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(url, async (route) => {
      await held;
      await route.continue();
    });
    await button('再传一次').click();
    await poll(() => $('.upload-progress').textContent()).toMatch(/^正在上传身份证：\d{1,3}%$/);
    expect(await $('.upload-progress .bar').count()).toBe(1);
    release();
    await poll(() => $('.material-name').count()).toBe(1);
    await page.unroute(url);
    expect(await $('.material-name').first().textContent()).toContain('身份证');

    // What reached the server is a JPEG smaller than the PNG photo: it was compressed on the phone.
    const [m] = await family.call<{ kind: string; contentType: string; sizeBytes: number }[]>(
      'GET',
      `/applications/${applicationId}/materials`,
    );
    expect(m).toMatchObject({ kind: 'id-card', contentType: 'image/jpeg' });
    expect(m.sizeBytes).toBeLessThan(png.length);
    fs.writeFileSync(
      `${OUT}/${mode}-apply-upload.json`,
      JSON.stringify({ pngBytes: png.length, sent: m.sizeBytes }) + '\n',
    );
    await check(page, mode, 'apply-materials');
  });

  it('reviews and submits, then shows the checklist for the visit from the standard’s items', async () => {
    await button('下一步：核对并提交').click();
    await poll(() => $('.title').textContent()).toBe('核对一遍再提交');
    const review = await $('.content').textContent();
    for (const words of [careModeName, causeName, '约7个月', '夜里要翻身两次', PERSON.address, '身份证']) {
      expect(review).toContain(words);
    }
    await check(page, mode, 'apply-review');
    await button('确认无误，提交申请').click();
    await poll(() => $('.title').textContent()).toBe('准备上门评估');
    expect((await application()).state).toBe('submitted');
    const questions = await family.call<{ domains: { name: string; items: { name: string }[] }[] }>(
      'GET',
      '/self-check/questions',
    );
    const items = await $('.assessor-items').textContent();
    for (const d of questions.domains) {
      expect(items).toContain(d.name);
      for (const i of d.items) expect(items).toContain(i.name);
    }
    await button(/老人的身份证原件/).click();
    await poll(() => button(/老人的身份证原件/).getAttribute('aria-pressed')).toBe('true');
    await check(page, mode, 'apply-prepare');
  });

  /** The officer's console in a desktop page of the same browser, signed in with a code from the outbox. */
  async function consolePage(): Promise<Page> {
    if (!desk) {
      desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      desk.setDefaultTimeout(10_000);
      await desk.goto(`${server.baseUrl}/console`);
      await desk.getByLabel('手机号').fill(OFFICER_PHONE);
      await desk.getByRole('button', { name: '获取验证码' }).click();
      await poll(() => desk!.locator('.dev-hint').textContent()).toContain('sms-outbox');
      await desk.getByLabel('验证码').fill(await officer.latestCode(OFFICER_PHONE));
      await desk.getByRole('button', { name: '登录' }).click();
      await poll(() => desk!.getByRole('heading', { level: 1 }).textContent()).toBe('待办队列');
      officer.token = (await desk.evaluate(`sessionStorage.getItem('changhu.console.token')`)) as string;
    }
    await desk.goto(`${server.baseUrl}/console/applications/${applicationId}`);
    return desk;
  }

  async function consoleMove(c: Page, label: string, fill: () => Promise<void>, state: string) {
    await c.getByRole('button', { name: label, exact: true }).click();
    await fill();
    await c
      .getByRole('form', { name: label })
      .getByRole('button', { name: `确认${label}` })
      .click();
    await poll(() => c.getByRole('status').filter({ hasText: '已办理' }).textContent()).toBe(
      `已办理“${label}”。现在的状态：${state}。`,
    );
  }

  it('shows why the officer returned it in the console, and lets the family fix it and resubmit', async () => {
    const c = await consolePage();
    await poll(() => c.getByTestId('state').textContent()).toBe('已提交');
    await consoleMove(
      c,
      '退回补充材料',
      () => c.getByRole('form', { name: '退回补充材料' }).getByLabel('需要补充的材料').fill(RETURN_REASON),
      '已退回',
    );

    await open(`/apply/detail/index?id=${applicationId}`);
    await poll(() => $('.state-now').textContent()).toBe('已退回');
    expect(await $('.return-reason').textContent()).toBe(RETURN_REASON);
    expect(await $('.timeline').textContent()).toContain(`需要补充：${RETURN_REASON}`);
    await check(page, mode, 'apply-returned');

    await button('修改后重新提交').click();
    await poll(() => $('.progress').textContent()).toBe('第 5 步，共 5 步');
    expect((await application()).state).toBe('draft');
    await upload('病历', await photo('住院病历'), 'record.png');
    await poll(() => $('.material-name').count()).toBe(2);
    await button('下一步：核对并提交').click();
    await poll(() => $('.title').textContent()).toBe('核对一遍再提交');
    expect(await $('.content').textContent()).toContain('病历');
    await button('确认无误，提交申请').click();
    await poll(() => $('.title').textContent()).toBe('准备上门评估');
    expect((await application()).state).toBe('submitted');
  });

  it('shows the result after the officer approves in the console, the objection deadline in working days, and the inbox', async () => {
    // The moves between are the officer's through the API; the decision is taken in the console.
    const today = shanghaiDate(new Date(Date.now() + offsetMs));
    await consolePage();
    const move = (body: Record<string, string>) => officer.call('POST', `/applications/${applicationId}/moves`, body);
    await move({ move: 'accept' });
    await move({ move: 'schedule', scheduledFor: today });
    await move({ move: 'assess', grade: 'severe-2' });
    await move({ move: 'publicize', publicityEndsOn: today });
    offsetMs += DAY; // the publicity is over the next day
    const c = await consolePage();
    await poll(() => c.getByTestId('state').textContent()).toBe('公示中');
    await consoleMove(c, '核准', async () => {}, '已核准');

    const decided = await application();
    expect(decided.state).toBe('approved');
    const window = await family.call<{ deadline: string; workingDays: number }>(
      'GET',
      `/deadlines/objection?region=wenzhou&noticeDate=${decided.noticeDate}`,
    );
    expect(decided.objectionDeadline).toBe(window.deadline);
    // The notice is today (on the server's clock): the whole window is ahead.
    expect(decided.objectionWorkingDaysLeft).toBe(window.workingDays);

    await open(`/apply/detail/index?id=${applicationId}`);
    await poll(() => $('.state-now').textContent()).toBe('已核准');
    expect(await $('.result-line').textContent()).toBe(`评估结论：${decided.gradeName}`);
    expect(await $('.countdown').textContent()).toBe(`申请复评还剩 ${window.workingDays} 个工作日`);
    expect(await $('.objection-card').textContent()).toContain(`截止到${dayWords(window.deadline)}（含当天）`);
    expect(await button(/^申请复评/).count()).toBe(1);
    const timeline = await $('.timeline-state').allTextContents();
    expect(timeline).toEqual([
      '开始填写申请',
      '提交申请：已提交',
      '退回补充材料：已退回',
      '修改后重新提交：草稿',
      '提交申请：已提交',
      '受理：已受理',
      '安排上门评估：待上门评估',
      '录入评估等级：已评估',
      '公示：公示中',
      '核准：已核准',
    ]);
    await check(page, mode, 'apply-result');

    const inbox = await family.call<{ readAt: string | null }[]>('GET', `/inbox?personId=${personId}`);
    const unread = inbox.filter((m) => !m.readAt).length;
    expect(unread).toBe(9);
    await button(`消息（${unread}条未读）`).click();
    await poll(() => $('.unread-count').textContent()).toBe(`${unread}条未读`);
    expect(await $('.message').first().textContent()).toContain('已核准');
    await check(page, mode, 'apply-inbox');
    await $('.message').first().getByRole('button').first().click();
    await poll(() => $('.unread-count').textContent()).toBe(`${unread - 1}条未读`);
    const after = await family.call<{ readAt: string | null }[]>('GET', `/inbox?personId=${personId}`);
    expect(after.filter((m) => !m.readAt).length).toBe(unread - 1);
    // The message opens the application it is about.
    await $('.message').first().getByRole('button', { name: '看这份申请' }).click();
    await poll(() => $('.state-now').textContent()).toBe('已核准');
    expect(await button(`消息（${unread - 1}条未读）`).count()).toBe(1);

    // All applications of the person: this one decided, and a new one can be started.
    await open('/apply/list/index');
    await button('失能评估申请：已核准').waitFor();
    expect(await button('申请失能评估').count()).toBe(1);
    await check(page, mode, 'apply-list');
  });

  it('lets the family object within the deadline, with the server’s message at the reason when it is empty', async () => {
    await open(`/apply/detail/index?id=${applicationId}`);
    await button(/^申请复评/).click();
    await button('提交复评申请').click();
    await poll(() => $('.objection-card .problem').textContent()).toBe('请填写原因');
    await check(page, mode, 'apply-object-reason');
    await $('.objection-card textarea').fill('母亲最近病情加重，申请重新评估。');
    await button('提交复评申请').click();
    await poll(() => $('.state-now').textContent()).toBe('复评申请中');
    expect((await application()).state).toBe('objection-filed');
    expect(await $('.timeline').textContent()).toContain('原因：母亲最近病情加重，申请重新评估。');
  });

  it('sends the user to choose the person first when nobody is acted for', async () => {
    await page.evaluate(`localStorage.removeItem('changhu.acting')`);
    await open('/apply/form/index');
    await poll(async () => page.url()).toContain('#/account/people/index');
  });
});
