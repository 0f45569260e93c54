// The officer console in headless Chromium: one application from `submitted` to `approved`, driven
// through the screens an officer uses, against the real server, database and built console. The publicity
// ends on the day it starts; the server's clock then moves a day on, so the decision can be taken.
import type { Browser, Locator, Page } from 'playwright-core';
import { chineseDate, shanghaiDate } from '../src/lib/time';
import { DEMO_ACCOUNTS, withCheckDigit } from '../src/seed';
import {
  ApiClient,
  ensureConsoleBuilt,
  launchChromium,
  poll,
  startServer,
  type RunningServer,
  chromiumDescribe,
} from './helpers/browser';

const DAY = 86_400_000;
const OFFICER = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
const PERSON = {
  name: '赵桂兰',
  idNumber: withCheckDigit('33030219450618002'),
  region: 'wenzhou',
  district: 'lucheng',
  insurance: 'employee-retired',
  phone: '13912345679',
  address: '温州市鹿城区五马街道测试路2号',
};
const RESIDENT_PHONE = '13912345678';
const SHOTS = '/tmp';

const describeWithChromium = chromiumDescribe('console.browser.test');

describeWithChromium('officer console (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let applicationId: string;
  let family: ApiClient;
  let offsetMs = 0;
  const resident = () => new ApiClient(server.baseUrl);

  beforeAll(async () => {
    const consoleDir = ensureConsoleBuilt();
    server = await startServer(consoleDir, { clock: () => new Date(Date.now() + offsetMs) });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);

    // A family member signs in, registers her mother with consent, drafts, uploads the ID card and submits.
    family = resident();
    await family.signIn(RESIDENT_PHONE);
    const person = await family.call<{ id: string }>('POST', '/persons', {
      ...PERSON,
      relationship: 'child',
      consent: { method: 'in-person', givenBy: PERSON.name, givenAt: new Date().toISOString() },
    });
    const application = await family.call<{ id: string }>('POST', '/applications', {
      personId: person.id,
      careMode: 'home',
    });
    applicationId = application.id;
    await family.call('PATCH', `/applications/${applicationId}`, {
      disabilityCause: 'illness',
      disabilityMonths: 7,
      description: '中风后长期卧床，需要上门护理。',
    });
    // A picture of an ID card, drawn by the browser, so the officer's thumbnail shows something real.
    const drawing = await browser.newPage({ viewport: { width: 320, height: 200 } });
    await drawing.setContent(
      `<div style="width:320px;height:200px;box-sizing:border-box;padding:20px;background:#dbe9f7;font:18px sans-serif">` +
        `<b>居民身份证（测试样图）</b><br><br>姓名 ${PERSON.name}<br>住址 温州市鹿城区</div>`,
    );
    const idCard = await drawing.screenshot({ type: 'png' });
    await drawing.close();
    const form = new FormData();
    form.set('kind', 'id-card');
    form.set('file', new Blob([new Uint8Array(idCard)], { type: 'image/png' }), 'id-card.png');
    await family.call('POST', `/applications/${applicationId}/materials`, form);
    await family.call('POST', `/applications/${applicationId}/moves`, { move: 'submit' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const heading = () => page.getByRole('heading', { level: 1 });
  const stateBadge = () => page.getByTestId('state');
  const historyRows = () => page.locator('.history-row');
  const done = () => page.getByRole('status').filter({ hasText: '已办理' });

  /** Opens a move's form, fills it, confirms, and waits for the new state on screen. */
  async function move(label: string, fill: (form: Locator) => Promise<void>, expectedState: string) {
    await page.getByRole('button', { name: label, exact: true }).click();
    const form = page.getByRole('form', { name: label });
    await fill(form);
    await form.getByRole('button', { name: `确认${label}` }).click();
    // The page confirms a move only once it shows all of it, so what follows reads a settled page.
    await poll(() => done().textContent()).toBe(`已办理“${label}”。现在的状态：${expectedState}。`);
    expect(await stateBadge().textContent()).toBe(expectedState);
  }

  /** The history as the officer reads it: one "move | from → to" line per row, oldest first. */
  async function history(): Promise<string[]> {
    const rows = await historyRows().all();
    return Promise.all(
      rows.map(
        async (r) => `${await r.locator('strong').textContent()} | ${await r.locator('.history-states').textContent()}`,
      ),
    );
  }

  it('signs the officer in with a code from the dev outbox', async () => {
    await page.goto(`${server.baseUrl}/console`);
    await poll(() => heading().textContent()).toBe('经办人员登录');
    await page.getByLabel('手机号').fill(OFFICER.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    // In development the page says where the code went instead of an SMS.
    const hint = page.locator('.dev-hint');
    await poll(() => hint.textContent()).toContain(`/api/v1/dev/sms-outbox?phone=${OFFICER.phone}`);
    const code = await resident().latestCode(OFFICER.phone);
    expect(await hint.textContent()).toContain(code);

    // A wrong code gets the server's own Chinese message.
    await page.getByLabel('验证码').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.getByRole('alert').textContent()).toMatch(/验证码/);

    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => heading().textContent()).toBe('待办队列');
    expect(await page.locator('.whoami').textContent()).toBe(`${OFFICER.name}（经办人员）`);
  });

  it('shows the queue of submitted applications, oldest first, with masked ID numbers', async () => {
    const current = page.locator('.tab[aria-current="page"]');
    await poll(() => current.textContent()).toMatch(/^已提交\d+$/);
    const items = page.locator('.queue-item');
    await poll(() => items.count()).toBe(3);
    const names = await items.locator('.queue-name').allTextContents();
    // The two seeded samples were submitted days ago; today's application waits last.
    expect(names[2]).toBe(PERSON.name);
    expect(names.slice(0, 2).every((n) => n.includes('示例'))).toBe(true);
    const ours = items.nth(2);
    const masked = PERSON.idNumber.slice(0, 4) + '*'.repeat(10) + PERSON.idNumber.slice(-4);
    expect(await ours.locator('.mono').textContent()).toBe(masked);
    expect(await page.content()).not.toContain(PERSON.idNumber);
    expect(await ours.textContent()).toContain('居家上门护理');
    await page.screenshot({ path: `${SHOTS}/console-queue-desktop.png`, fullPage: true });
  });

  it('opens the application with the person, materials and history', async () => {
    await page.getByRole('link', { name: new RegExp(PERSON.name) }).click();
    await poll(() => heading().textContent()).toBe(`${PERSON.name}的失能评估申请`);
    expect(page.url()).toBe(`${server.baseUrl}/console/applications/${applicationId}`);
    expect(await stateBadge().textContent()).toBe('已提交');
    const person = page.locator('.area-person');
    await poll(() => person.textContent()).toContain('鹿城区');
    expect(await person.textContent()).toContain('职工医保（退休）');
    expect(await page.locator('.area-request').textContent()).toContain('中风后长期卧床');
    // The ID card is fetched with the officer's token and shown as a thumbnail.
    const thumb = page.getByRole('img', { name: '身份证：id-card.png' });
    await poll(() =>
      thumb.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(await history()).toEqual(['提交申请 | 草稿 → 已提交']);
    expect(await historyRows().first().textContent()).toContain('办理人：居民（本人或家属）');
  });

  it('moves it submitted → accepted → assessment-scheduled → assessed → publicized → approved', async () => {
    await move('受理', async () => {}, '已受理');
    expect(await history()).toEqual(['提交申请 | 草稿 → 已提交', '受理 | 已提交 → 已受理']);
    expect(await historyRows().last().textContent()).toContain(`办理人：${OFFICER.name}（您本人）`);

    // The visit date: empty is caught on the page, a past date by the server, in plain Chinese. The visit is
    // today, so its grade can be recorded (a later visit day keeps the grade form closed: console-safeguards).
    const visit = shanghaiDate(new Date());
    await page.getByRole('button', { name: '安排上门评估', exact: true }).click();
    const scheduling = page.getByRole('form', { name: '安排上门评估' });
    await scheduling.getByRole('button', { name: '确认安排上门评估' }).click();
    await poll(() => scheduling.locator('.field-error').textContent()).toBe('请选择上门评估的日期。');
    await scheduling.getByLabel('上门评估日期').fill(shanghaiDate(new Date(Date.now() - 2 * DAY)));
    await scheduling.getByRole('button', { name: '确认安排上门评估' }).click();
    await poll(() => scheduling.getByRole('alert').textContent()).toBe('上门评估日期不能早于今天。');
    await page.getByRole('button', { name: '取消' }).click();
    await move('安排上门评估', (form) => form.getByLabel('上门评估日期').fill(visit), '待上门评估');
    expect(await page.locator('.area-summary').textContent()).toContain(`上门评估日期${chineseDate(visit)}`);
    expect(await historyRows().last().textContent()).toContain(`上门评估日期：${chineseDate(visit)}`);

    // Grades come from the API's list.
    await move(
      '录入评估等级',
      (form) =>
        form
          .getByLabel('失能等级')
          .selectOption({ label: '重度失能Ⅱ级' })
          .then(() => undefined),
      '已评估',
    );
    expect(await page.locator('.area-summary').textContent()).toContain('评估等级重度失能Ⅱ级');
    expect(await historyRows().last().textContent()).toContain('失能等级：重度失能Ⅱ级');

    // The officer sets the publicity's last day; until it has passed the decision waits, and says so.
    const today = shanghaiDate(new Date());
    await move('公示', (form) => form.getByLabel('公示期的最后一天').fill(today), '公示中');
    expect(await page.locator('.area-summary').textContent()).toContain(`公示期至${chineseDate(today)}（含当天）`);
    expect(await page.getByTestId('waiting-for').textContent()).toBe(
      `公示期到${chineseDate(today)}（含当天），公示结束后才能核准或不予核准。`,
    );
    expect(await page.getByRole('button', { name: '核准（公示结束后）', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '不予核准（公示结束后）' }).isDisabled()).toBe(true);
    expect(await historyRows().last().textContent()).toContain(`公示期至：${chineseDate(today)}（含当天）`);
    offsetMs = DAY;
    await page.reload();
    await poll(() => stateBadge().textContent()).toBe('公示中');
    await poll(() => page.getByRole('button', { name: '核准', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('waiting-for').count()).toBe(0);
    await move('核准', async () => {}, '已核准');

    // The objection deadline and benefit start are the server's (computed by the rules module).
    const officerView = await page.evaluate(
      `fetch('/api/v1/applications/${applicationId}', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('changhu.console.token') } }).then(r => r.json())`,
    );
    const { objectionDeadline, benefitStartMonth } = officerView as {
      objectionDeadline: string;
      benefitStartMonth: string;
    };
    expect(objectionDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const summary = await page.locator('.area-summary').textContent();
    expect(summary).toContain(`复评申请截止${chineseDate(objectionDeadline)}（含当天）`);
    const [y, m] = benefitStartMonth.split('-').map(Number);
    expect(summary).toContain(`待遇开始月份${y}年${m}月`);
    expect(await page.getByRole('button', { name: '核准', exact: true }).count()).toBe(0);
    expect(await page.locator('.area-actions').textContent()).toContain('没有需要您办理的事项');

    expect(await history()).toEqual([
      '提交申请 | 草稿 → 已提交',
      '受理 | 已提交 → 已受理',
      '安排上门评估 | 已受理 → 待上门评估',
      '录入评估等级 | 待上门评估 → 已评估',
      '公示 | 已评估 → 公示中',
      '核准 | 公示中 → 已核准',
    ]);
    expect(await historyRows().last().textContent()).toContain(`复评申请截止：${chineseDate(objectionDeadline)}`);
    await page.screenshot({ path: `${SHOTS}/console-application-desktop.png`, fullPage: true });
  });

  it('handles an objection: the family asks for reassessment, the officer records it and decides again', async () => {
    await family.call('POST', `/applications/${applicationId}/moves`, {
      move: 'object',
      reason: '母亲近一个月病情加重，申请重新评估。',
    });
    await page.reload();
    await poll(() => stateBadge().textContent()).toBe('复评申请中');
    expect(await page.locator('.area-summary .notice-warn').textContent()).toBe(
      '申请人提出复评，理由：母亲近一个月病情加重，申请重新评估。',
    );
    // Once an objection is filed its deadline no longer applies, so it is not shown.
    expect(await page.locator('.area-summary').textContent()).not.toContain('复评申请截止');
    await move(
      '录入复评等级',
      (form) =>
        form
          .getByLabel('复评的失能等级')
          .selectOption({ label: '重度失能Ⅲ级' })
          .then(() => undefined),
      '已复评',
    );
    await page.screenshot({ path: `${SHOTS}/console-reassessed-desktop.png`, fullPage: true });
    await move('核准', async () => {}, '已核准');
    const summary = await page.locator('.area-summary').textContent();
    expect(summary).toContain('评估等级重度失能Ⅲ级');
    // After a reassessment the conclusion is final: no new objection deadline.
    expect(summary).not.toContain('复评申请截止');
    expect(summary).toContain('复评结论为最终结论');
    expect((await history()).slice(-3)).toEqual([
      '申请复评 | 已核准 → 复评申请中',
      '录入复评等级 | 复评申请中 → 已复评',
      '核准 | 已复评 → 已核准',
    ]);
    expect(await historyRows().nth(-3).textContent()).toContain('办理人：居民（本人或家属）');
  });

  it('returns another application for materials, with the reason the family will read', async () => {
    await page.getByRole('link', { name: '← 返回待办队列' }).click();
    await page.getByRole('link', { name: /^已提交/ }).click();
    await poll(() => page.locator('.queue-name').count()).toBe(2);
    await page.locator('.queue-link').first().click();
    await poll(() => stateBadge().textContent()).toBe('已提交');
    await page.getByRole('button', { name: '退回补充材料', exact: true }).click();
    const form = page.getByRole('form', { name: '退回补充材料' });
    await form.getByLabel('需要补充的材料').fill('请补充近三个月的住院病历。');
    // Every input, select and textarea on screen has a label.
    expect(
      await page.evaluate(
        `[...document.querySelectorAll('input, select, textarea')].filter(el => el.labels.length === 0).length`,
      ),
    ).toBe(0);
    await page.screenshot({ path: `${SHOTS}/console-return-form-desktop.png`, fullPage: true });
    await form.getByRole('button', { name: '确认退回补充材料' }).click();
    await poll(() => done().textContent()).toBe('已办理“退回补充材料”。现在的状态：已退回。');
    expect(await stateBadge().textContent()).toBe('已退回');
    expect(await historyRows().last().textContent()).toContain('原因：请补充近三个月的住院病历。');
  });

  it('lays out at 375px without sideways scrolling, with 44px targets and labelled inputs', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.baseUrl}/console/applications/${applicationId}`);
    await poll(() => stateBadge().textContent()).toBe('已核准');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SHOTS}/console-application-375.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/console-application-375-top.png` });

    await page.getByRole('link', { name: '← 返回待办队列' }).click();
    await poll(() => page.locator('.tab[aria-current="page"]').textContent()).toMatch(/^已核准1$/);
    expect(await page.locator('.queue-name').allTextContents()).toEqual([PERSON.name]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const small = await page.evaluate(
      `[...document.querySelectorAll('button, .tab, .queue-link, .back a')].filter(el => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).map(el => el.textContent)`,
    );
    expect(small).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/console-queue-375.png`, fullPage: true });

    // Large text for those who need it: 18px body text, still no sideways scrolling.
    await page.getByRole('button', { name: '大字' }).click();
    expect(await page.evaluate('getComputedStyle(document.querySelector("dd")).fontSize')).toBe('18px');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    // Keyboard focus is visible: from the last state tab, Tab moves to the first queue entry.
    await page.locator('.tab').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('queue-link');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.screenshot({ path: `${SHOTS}/console-queue-375-large.png` });
    await page.getByRole('button', { name: '大字' }).click();
  });

  it('tells a resident who signs in that the console is for officers (375px sign-in)', async () => {
    const phone = '13912340000';
    const mobile = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    try {
      await mobile.goto(`${server.baseUrl}/console/`);
      await mobile.getByLabel('手机号').fill(phone);
      await mobile.getByRole('button', { name: '获取验证码' }).click();
      await poll(() => mobile.locator('.dev-hint').textContent()).toContain('开发环境');
      expect(await mobile.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await mobile.screenshot({ path: `${SHOTS}/console-signin-375.png`, fullPage: true });
      await mobile.getByLabel('验证码').fill(await resident().latestCode(phone));
      await mobile.getByRole('button', { name: '登录' }).click();
      await poll(() => mobile.getByRole('heading', { level: 1 }).textContent()).toBe('这里是经办人员的控制台');
      expect(await mobile.locator('main').textContent()).toContain('小程序');
    } finally {
      await mobile.close();
    }
  });

  it('serves the console as an app: deep links load it, unknown assets are 404', async () => {
    const deep = await fetch(`${server.baseUrl}/console/applications/${applicationId}`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${server.baseUrl}/console/assets/missing.js`)).status).toBe(404);
    expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
