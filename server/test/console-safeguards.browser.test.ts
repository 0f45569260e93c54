// The console's safeguards for a real day (issue 9 §1), in headless Chromium, on a fresh install's demo data
// (seed.ts + seed-demo.ts, dated from today) and the real clock: accepting without materials needs a reason,
// no grade before the visit day, the publicity's last day and the decision that waits for it, a grade the
// region pays nothing for flagged when recorded, a month settled only after its split is confirmed, a benefit
// before its first month, the agent finding a caller, citations in words, and the compact phone header.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, seed, withCheckDigit } from '../src/seed';
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
const AGENT = DEMO_ACCOUNTS.find((a) => a.role === 'agent')!;
const SHOTS = '/tmp';

interface Application {
  id: string;
  state: string;
  person: { name: string };
  gradeProblem: string | null;
  materialCount: number;
}
interface Benefit {
  id: string;
  startMonth: string;
  person: { name: string };
}
interface Settlement {
  month: string;
  monthlyBillFen: number;
  fundPaysFen: number | null;
  personPaysFen: number | null;
}

const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
const dayWords = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const monthWords = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
};
const monthBefore = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/** Fen as the console must show it, written independently of the console's formatter. */
function yuan(fen: number): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '−' : ''}${whole}.${digits.slice(-2)} 元`;
}

const describeWithChromium = chromiumDescribe('console-safeguards.browser.test');

describeWithChromium('console safeguards on a fresh install (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let officer: ApiClient;
  let applications: Application[];
  const today = shanghaiDay(new Date());
  const thisMonth = today.slice(0, 7);

  const heading = () => page.getByRole('heading', { level: 1 });
  const stateBadge = () => page.getByTestId('state');
  const done = () => page.locator('.notice-ok[role="status"]');
  const byName = (name: string) => applications.find((a) => a.person.name === name)!;

  async function signIn(p: Page, phone: string, landing: string) {
    await p.goto(`${server.baseUrl}/console/`);
    await p.getByLabel('手机号').fill(phone);
    await p.getByRole('button', { name: '获取验证码' }).click();
    await poll(() => p.locator('.dev-hint').textContent()).toContain(phone);
    await p.getByLabel('验证码').fill(await new ApiClient(server.baseUrl).latestCode(phone));
    await p.getByRole('button', { name: '登录' }).click();
    await poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe(landing);
  }

  async function openApplication(name: string) {
    await page.goto(`${server.baseUrl}/console/applications/${byName(name).id}`);
    await poll(() => heading().textContent()).toBe(`${name}的失能评估申请`);
  }

  /** The API's refusal of a call, as { status, message }. */
  async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
    try {
      await call;
    } catch (err) {
      const m = /→ (\d{3}) (.*)$/s.exec((err as Error).message);
      if (!m) throw err;
      return { status: Number(m[1]), message: (JSON.parse(m[2]) as { error: { message: string } }).error.message };
    }
    throw new Error('the call went through');
  }

  beforeAll(async () => {
    const consoleDir = ensureConsoleBuilt();
    server = await startServer(consoleDir);
    // What a fresh development install writes on its first start (index.ts passes demoAccounts: true).
    await seed(server.db.prisma, { demoAccounts: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    // The officer signs in on the page (one code a minute per phone); the API calls use the same session.
    await signIn(page, OFFICER.phone, '待办队列');
    officer = new ApiClient(server.baseUrl);
    officer.token = (await page.evaluate(`sessionStorage.getItem('changhu.console.token')`)) as string;
    applications = await officer.call<Application[]>('GET', '/applications');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the queue with waits of days and every sample marked 示例 once', async () => {
    const items = page.locator('.queue-item');
    await poll(() => items.count()).toBe(2);
    const texts = await items.allTextContents();
    expect(texts[0]).toContain('已等 3 天');
    expect(texts[1]).toContain('已等 1 天');
    for (const name of await items.locator('.queue-name').allTextContents()) {
      expect(name.match(/示例/g)).toHaveLength(1);
    }
    // Every state has its sample.
    const tabs = await page.locator('.tab').allTextContents();
    for (const tab of tabs) expect(tab).toMatch(/\d+$/);
  });

  it('refuses to accept an application without materials until a reason is given', async () => {
    const name = '王秀英（示例）';
    expect(byName(name).materialCount).toBe(0);
    await openApplication(name);
    expect(await page.locator('.area-person').textContent()).not.toContain('示例数据');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    const form = page.getByRole('form', { name: '受理' });
    expect(await form.textContent()).toContain('这份申请还没有上传任何材料');
    await form.getByRole('button', { name: '确认受理' }).click();
    await poll(() => form.locator('.field-error').textContent()).toBe('这份申请还没有材料，请写明仍要受理的原因。');
    expect(await stateBadge().textContent()).toBe('已提交');
    // The server refuses it too.
    const refused = await refusal(officer.call('POST', `/applications/${byName(name).id}/moves`, { move: 'accept' }));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('没有上传任何材料');

    await form.getByLabel('没有材料仍受理的原因').fill('材料原件已在窗口核对。');
    await form.getByRole('button', { name: '确认受理' }).click();
    await poll(() => done().textContent()).toBe('已办理“受理”。现在的状态：已受理。');
    const last = page.locator('.history-row').last();
    expect(await last.textContent()).toContain('原因：材料原件已在窗口核对。');
    expect(await last.textContent()).toContain('受理时没有上传材料');
    expect(await last.textContent()).toContain(`办理人：${OFFICER.name}`);
  });

  it('flags a grade the region pays nothing for as soon as it is recorded', async () => {
    const name = '王秀英（示例）';
    await page.getByRole('button', { name: '安排上门评估', exact: true }).click();
    const scheduling = page.getByRole('form', { name: '安排上门评估' });
    await scheduling.getByLabel('上门评估日期').fill(today);
    await scheduling.getByRole('button', { name: '确认安排上门评估' }).click();
    await poll(() => stateBadge().textContent()).toBe('待上门评估');
    await page.getByRole('button', { name: '录入评估等级', exact: true }).click();
    const form = page.getByRole('form', { name: '录入评估等级' });
    await form.getByLabel('失能等级').selectOption({ label: '轻度失能' });
    await form.getByRole('button', { name: '确认录入评估等级' }).click();
    await poll(() => stateBadge().textContent()).toBe('已评估');
    const { gradeProblem } = await officer.call<Application>('GET', `/applications/${byName(name).id}`);
    expect(gradeProblem).toContain('不予核准');
    expect(await page.getByTestId('grade-problem').textContent()).toBe(gradeProblem);
    expect(await done().textContent()).toBe(`已办理“录入评估等级”。现在的状态：已评估。请注意：${gradeProblem}`);
  });

  it('keeps the grade form closed before the scheduled visit day', async () => {
    await openApplication('郑美华（示例）');
    expect(await stateBadge().textContent()).toBe('待上门评估');
    const visit = shanghaiDay(new Date(Date.now() + 3 * DAY));
    expect(await page.getByTestId('waiting-for').textContent()).toBe(
      `上门评估安排在${dayWords(visit)}，评估之后才能录入评估等级。`,
    );
    expect(await page.getByRole('button', { name: '录入评估等级（上门评估之后）' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '录入评估等级', exact: true }).count()).toBe(0);
  });

  it('publicizes with the last day the officer sets; the decision waits for it and says so in Chinese', async () => {
    const name = '冯志强（示例）';
    await openApplication(name);
    await page.getByRole('button', { name: '公示', exact: true }).click();
    const form = page.getByRole('form', { name: '公示' });
    await form.getByRole('button', { name: '确认公示' }).click();
    await poll(() => form.locator('.field-error').textContent()).toBe('请选择公示期的最后一天。');
    const last = shanghaiDay(new Date(Date.now() + 5 * DAY));
    await form.getByLabel('公示期的最后一天').fill(last);
    await form.getByRole('button', { name: '确认公示' }).click();
    await poll(() => stateBadge().textContent()).toBe('公示中');
    expect(await page.locator('.area-summary').textContent()).toContain(`公示期至${dayWords(last)}（含当天）`);
    const waiting = `公示期到${dayWords(last)}（含当天），公示结束后才能核准或不予核准。`;
    expect(await page.getByTestId('waiting-for').textContent()).toBe(waiting);
    for (const label of ['核准（公示结束后）', '不予核准（公示结束后）']) {
      expect(await page.getByRole('button', { name: label, exact: true }).isDisabled()).toBe(true);
    }
    expect(await page.getByRole('button', { name: '核准', exact: true }).count()).toBe(0);
    // The server waits too: 409 publicity-running, in Chinese.
    const refused = await refusal(officer.call('POST', `/applications/${byName(name).id}/moves`, { move: 'approve' }));
    expect(refused).toEqual({ status: 409, message: `公示期到${dayWords(last)}（含当天），公示结束后才能核准。` });
    await page.screenshot({ path: `${SHOTS}/console-publicity-waits.png`, fullPage: true });

    // A publicity that ended yesterday: both decisions are offered, the refusal under its own words.
    await openApplication('何玉梅（示例）');
    const buttons = await page.getByRole('group', { name: '可办理的操作' }).getByRole('button').allTextContents();
    expect(buttons).toEqual(['核准', '不予核准']);
    expect(await page.getByTestId('waiting-for').count()).toBe(0);
    await page.getByRole('button', { name: '不予核准', exact: true }).click();
    expect(await page.getByRole('form', { name: '不予核准' }).getByLabel('不予核准的理由').count()).toBe(1);
    // The history names the officer who did each step.
    const rows = await page.locator('.history-row').allTextContents();
    expect(rows.filter((r) => r.includes(`办理人：${OFFICER.name}`)).length).toBe(rows.length - 1);
  });

  it('settles a month only after the split is shown and confirmed; the picker never moves on', async () => {
    const benefits = await officer.call<Benefit[]>('GET', '/benefits');
    const long = benefits.find((b) => b.person.name === '孙凤英（示例）')!;
    const before = await officer.call<Settlement[]>('GET', `/benefits/${long.id}/settlements`);
    const open = monthBefore(thisMonth);
    expect(before.map((s) => s.month)).not.toContain(open);

    await page.goto(`${server.baseUrl}/console/benefits/${long.id}`);
    await poll(() => heading().textContent()).toBe('孙凤英（示例）的长护待遇');
    expect(await page.getByTestId('benefit-state').textContent()).toBe('享受中');
    // The demo's hospital stay, visits and ratings are there; citations read as words.
    expect(await page.locator('[data-suspension]').first().textContent()).toContain('住院');
    await poll(() => page.locator('.settlement').count()).toBe(before.length);
    const citations = await page.locator('.citations').allTextContents();
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) expect(c).not.toMatch(/§|[a-z]+-\d{4}/);

    const form = page.getByRole('form', { name: '录入月度账单' });
    const picker = form.getByLabel('结算月份');
    expect(await picker.inputValue()).toBe('');
    const offered = (await picker.locator('option').allTextContents()).slice(1);
    expect(offered).toEqual([monthWords(open)]);
    await picker.selectOption({ label: monthWords(open) });
    await form.getByLabel('当月账单（元）').fill('3,210.50');
    await form.getByRole('button', { name: '查看结算结果' }).click();
    const confirm = page.getByTestId('settle-confirm');
    await poll(() => confirm.locator('h3').textContent()).toBe(`请确认${monthWords(open)}的结算`);
    const shown = {
      bill: await confirm.locator('dd[data-field="bill"]').textContent(),
      fund: await confirm.locator('dd[data-field="fund"]').textContent(),
      own: await confirm.locator('dd[data-field="own"]').textContent(),
    };
    expect(shown.bill).toBe('3,210.50 元');
    // Nothing is saved until the officer confirms; going back keeps the month and the bill.
    expect(await officer.call<Settlement[]>('GET', `/benefits/${long.id}/settlements`)).toHaveLength(before.length);
    await confirm.getByRole('button', { name: '返回修改' }).click();
    expect(await page.getByTestId('settle-confirm').count()).toBe(0);
    await form.getByRole('button', { name: '查看结算结果' }).click();
    await confirm.getByRole('button', { name: `确认结算${monthWords(open)}` }).click();
    await poll(() => done().textContent()).toBe(`已结算${monthWords(open)}。`);

    const after = await officer.call<Settlement[]>('GET', `/benefits/${long.id}/settlements`);
    const saved = after.find((s) => s.month === open)!;
    expect(saved.monthlyBillFen).toBe(321050);
    expect([shown.fund, shown.own]).toEqual([yuan(saved.fundPaysFen!), yuan(saved.personPaysFen!)]);
    // Every ended month is settled now, and this month (not ended) is never offered.
    expect(await page.getByRole('form', { name: '录入月度账单' }).count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="b-settlements"]').textContent()).toContain(
      '已结束的月份都已结算',
    );
    await page.screenshot({ path: `${SHOTS}/console-settled-confirmed.png`, fullPage: true });
  });

  it('shows a benefit before its first month as 待开始, with no every-month-settled line', async () => {
    const benefits = await officer.call<Benefit[]>('GET', '/benefits');
    const future = benefits.find((b) => b.startMonth > thisMonth)!;
    expect(future.person.name).toBe('罗德明（示例）');
    await page.goto(`${server.baseUrl}/console/benefits/${future.id}`);
    await poll(() => heading().textContent()).toBe('罗德明（示例）的长护待遇');
    expect(await page.getByTestId('benefit-state').textContent()).toBe('待开始');
    const settlements = await page.locator('section[aria-labelledby="b-settlements"]').textContent();
    expect(settlements).toContain(
      `待遇从${monthWords(future.startMonth)}开始，${monthWords(future.startMonth)}结束后才能录入这个月的账单。`,
    );
    expect(settlements).not.toContain('都已结算');
    expect(await page.getByRole('form', { name: '录入月度账单' }).count()).toBe(0);
    // The application and the list say the same.
    await openApplication('罗德明（示例）');
    await poll(() => page.locator('.benefit-start').textContent()).toContain(
      `已建立待遇（待开始，${monthWords(future.startMonth)}起`,
    );
    await page.goto(`${server.baseUrl}/console/benefits`);
    const row = page.locator('.queue-item').filter({ hasText: '罗德明（示例）' });
    await poll(() => row.locator('.badge').textContent()).toBe('待开始');
  });

  it('lets an agent find a caller by name, whole ID number or phone, masked as the agent may see', async () => {
    const agent = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    try {
      const p = agent;
      await signIn(p, AGENT.phone, '申请查询');
      await p.getByRole('navigation', { name: '控制台栏目' }).getByRole('link', { name: '查找来电人' }).click();
      await poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('查找来电人');
      const field = p.getByLabel('参保人的姓名、身份证号或手机号');
      const results = p.locator('[data-testid="caller"]');
      const idNumber = withCheckDigit('33030219360521007');
      const find = async (text: string) => {
        await field.fill(text);
        await p.getByRole('button', { name: '查询', exact: true }).click();
      };

      await find('孙凤英');
      await poll(() => results.count()).toBe(1);
      const text = await results.first().textContent();
      expect(text).toContain('孙凤英（示例）');
      expect(text).toContain(`${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(-4)}`);
      expect(text).toContain('139****0031');
      expect(text).toContain('失能评估申请：已核准');
      expect(text).toContain('长护待遇：享受中');
      expect(await p.content()).not.toContain(idNumber);
      expect(await p.content()).not.toContain('13900000031');

      await find(idNumber);
      await poll(() =>
        results
          .locator('strong')
          .allTextContents()
          .then((n) => n.join('、')),
      ).toBe('孙凤英（示例）');
      await find('139 0000 0031');
      await poll(() =>
        results
          .locator('strong')
          .allTextContents()
          .then((n) => n.join('、')),
      ).toBe('孙凤英（示例）');
      // The family's phone finds everyone they act for.
      await find('13800000001');
      await poll(() => results.count()).toBe(10);
      await find('1390000');
      await poll(() => p.getByRole('alert').textContent()).toContain('号码要输入完整');
      await find('没有这个人');
      await poll(() => p.getByRole('status').textContent()).toContain('没有找到这位参保人');
      // Agents read the person's pages without any move.
      await find('罗德明');
      await poll(() => results.count()).toBe(1);
      expect(await results.first().textContent()).toContain('长护待遇：待开始');
      await results
        .first()
        .getByRole('link', { name: /失能评估申请/ })
        .click();
      await poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('罗德明（示例）的失能评估申请');
      expect(await p.locator('.area-actions').textContent()).toContain('没有需要您办理的事项');
      await p.screenshot({ path: `${SHOTS}/console-agent-search.png`, fullPage: true });
    } finally {
      await agent.close();
    }
  });

  it('has a compact header on a 375px phone, and a favicon', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.baseUrl}/console/`);
    await poll(() => heading().textContent()).toBe('待办队列');
    const header = await page.locator('.topbar').boundingBox();
    const nav = await page.locator('.sections').boundingBox();
    // One line each: the page's own content starts in the top eighth of the screen.
    expect(header!.height).toBeLessThanOrEqual(56);
    expect(header!.height + nav!.height).toBeLessThanOrEqual(812 / 8);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SHOTS}/console-header-375.png` });
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const res = await fetch(`${server.baseUrl}${icon}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  });
});
