// My benefit in the H5 build (headless Chromium, 375×812, normal and elder mode) against the real server with
// the officer console: the family sees the benefit; the officer settles a month in the console and the family
// sees the split (in yuan, equal to the server's fen); the family rates a visit once (a second rating is
// refused kindly); the family asks for another provider from next month, chosen on the providers page; the
// officer confirms it in the console (normal mode) or declines it with a reason (elder mode), and the family
// sees the outcome on the benefit and in the inbox. The server's clock starts 75 days back, so the benefit has
// a whole month behind it when the officer settles it today.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveH5 } from '../../server/src/middleware/h5';
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
import { check, OUT, yuan, type Mode } from './check';
import { ensureH5Built } from './h5';

const describeWithChromium = chromiumDescribe('benefit.browser.test');

const DAY = 86_400_000;
const OFFICER_PHONE = '13800000004';
const HOME = 'sample-wz-lucheng-home';
const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
const monthWords = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
};

interface Settlement {
  month: string;
  monthlyBillFen: number;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  notes: { text: string }[];
}
interface Provider {
  id: string;
  name: string;
  careModes: string[];
}

let server: RunningServer;
let browser: Browser;
let offsetMs = -75 * DAY;
const now = () => new Date(Date.now() + offsetMs);
let officer: ApiClient;
/** The console, signed in as the officer, at desktop width. */
let desk: Page;

beforeAll(async () => {
  const consoleDir = ensureConsoleBuilt();
  const h5Dir = ensureH5Built();
  server = await startServer(consoleDir, {
    clock: now,
    config: { sessionTtlMinutes: 365 * 24 * 60 },
    extra: [serveH5(h5Dir)],
  });
  officer = new ApiClient(server.baseUrl);
  await officer.signIn(OFFICER_PHONE);
  fs.mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  desk.setDefaultTimeout(10_000);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeWithChromium.each<[Mode, string, string]>([
  ['normal', '13912340001', '025'],
  ['elder', '13912340002', '036'],
])('my benefit in the %s mode (Chromium, 375×812)', (mode, familyPhone, serial) => {
  const name = mode === 'normal' ? '陈阿婆' : '林阿公';
  let family: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let benefitId: string;
  let personId: string;
  let startMonth: string;
  let visitIds: string[] = [];
  const $ = (selector: string) => page.locator(selector).filter({ visible: true });
  const button = (label: string) => page.getByRole('button', { name: label }).filter({ visible: true }).first();
  const open = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${server.baseUrl}/#${hash}`);
  };
  const asFamily = <T>(method: string, route: string, body?: unknown) => family.call<T>(method, route, body);

  beforeAll(async () => {
    // 75 days ago: the family registers the person and applies; the officer takes it to approval.
    offsetMs = -75 * DAY;
    family = new ApiClient(server.baseUrl);
    await family.signIn(familyPhone);
    const person = await asFamily<{ id: string }>('POST', '/persons', {
      name,
      idNumber: withCheckDigit(`33030219400512${serial}`),
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'employee-retired',
      phone: familyPhone,
      address: '温州市鹿城区五马街道测试路9号',
      relationship: 'child',
      consent: { method: 'in-person', givenBy: name, givenAt: now().toISOString() },
    });
    personId = person.id;
    const application = await asFamily<{ id: string }>('POST', '/applications', { personId, careMode: 'home' });
    await asFamily('POST', `/applications/${application.id}/moves`, { move: 'submit' });
    const day = shanghaiDay(now());
    for (const body of [
      { move: 'accept', reason: '材料已在窗口核对原件。' },
      { move: 'schedule', scheduledFor: day },
      { move: 'assess', grade: 'severe-3' },
      { move: 'publicize', publicityEndsOn: day },
    ]) {
      await officer.call('POST', `/applications/${application.id}/moves`, body);
    }
    offsetMs = -74 * DAY;
    await officer.call('POST', `/applications/${application.id}/moves`, { move: 'approve' });
    const benefit = await officer.call<{ id: string; startMonth: string }>('POST', '/benefits', {
      applicationId: application.id,
      careMode: 'home',
      providerId: HOME,
      planItems: ['助浴', '生活照料'],
    });
    benefitId = benefit.id;
    startMonth = benefit.startMonth;
    // Today: the provider came twice in the first month.
    offsetMs = 0;
    visitIds = [];
    for (const [dayOfMonth, worker] of [
      ['05', '陈护理员'],
      ['12', '周护理员'],
    ]) {
      const visit = await officer.call<{ id: string }>('POST', `/benefits/${benefitId}/service-records`, {
        workerName: worker,
        startAt: `${startMonth}-${dayOfMonth}T09:00:00+08:00`,
        endAt: `${startMonth}-${dayOfMonth}T10:30:00+08:00`,
        items: [
          { name: '助浴', minutes: 45 },
          { name: '陪同就医', minutes: 30, priceFen: 8000 },
        ],
        identityChecked: true,
        identityMethod: 'id-card',
        selfPaidConsent: { givenBy: name, method: 'in-person' },
      });
      visitIds.push(visit.id);
    }

    context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      deviceScaleFactor: 1,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // Signed in the way lib/session.ts keeps it (Taro's storage wraps each value as {data}), with the
    // family's session token and account as the server shows it.
    const me = await asFamily<Record<string, unknown>>('GET', '/me');
    const session = { token: family.token, expiresAt: new Date(Date.now() + 300 * DAY).toISOString(), user: me };
    // Once per context: a page reloaded later keeps what the app itself stored since.
    const stored = (v: string) => JSON.stringify(JSON.stringify({ data: v }));
    await context.addInitScript({
      content:
        `if (!localStorage.getItem('changhu.session')) {` +
        `localStorage.setItem('changhu.session', ${stored(JSON.stringify(session))});` +
        `localStorage.setItem('changhu.elder', ${stored(mode === 'elder' ? 'on' : '')}); }`,
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  it('the family sees the benefit: mode, provider and the month it started', async () => {
    const b = await asFamily<{ current: { careModeName: string; providerName: string } }>(
      'GET',
      `/benefits/${benefitId}`,
    );
    await open('/benefit/home/index');
    await poll(() => $('.benefit-card').count()).toBe(1);
    const field = (k: string) => $(`.benefit-card [data-field="${k}"]`).textContent();
    expect(await field('护理方式')).toBe(b.current.careModeName);
    expect(await field('定点机构')).toBe(b.current.providerName);
    expect(await field('开始享受')).toBe(monthWords(startMonth));
    expect(await field('参保人')).toBe(name);
    await check(page, mode, 'benefit-home');
  });

  it('the officer settles the first month in the console; the family sees the split in yuan, as the server computed it', async () => {
    if (mode === 'normal') {
      await desk.goto(`${server.baseUrl}/console/`);
      await desk.getByLabel('手机号').fill(OFFICER_PHONE);
      await desk.getByRole('button', { name: '获取验证码' }).click();
      await desk.getByLabel('验证码').fill(await new ApiClient(server.baseUrl).latestCode(OFFICER_PHONE));
      await desk.getByRole('button', { name: '登录' }).click();
      await poll(() => desk.getByRole('heading', { level: 1 }).textContent()).toBe('待办队列');
    }
    await desk.goto(`${server.baseUrl}/console/benefits/${benefitId}`);
    await poll(() => desk.getByRole('heading', { level: 1 }).textContent()).toBe(`${name}的长护待遇`);
    const form = desk.getByRole('form', { name: '录入月度账单' });
    await form.getByLabel('结算月份').selectOption({ label: monthWords(startMonth) });
    await form.getByLabel('当月账单（元）').fill(mode === 'normal' ? '3456.78' : '2999.99');
    await form.getByRole('button', { name: '查看结算结果' }).click();
    await desk
      .getByTestId('settle-confirm')
      .getByRole('button', { name: `确认结算${monthWords(startMonth)}` })
      .click();
    await poll(() => desk.locator('.notice-ok[role="status"]').textContent()).toBe(`已结算${monthWords(startMonth)}。`);

    const [s] = await asFamily<Settlement[]>('GET', `/benefits/${benefitId}/settlements`);
    expect(s.monthlyBillFen).toBe(mode === 'normal' ? 345678 : 299999);
    await open(`/benefit/bill/index?id=${benefitId}`);
    const card = $(`.settlement[data-month="${startMonth}"]`);
    await poll(() => card.count()).toBe(1);
    const figure = (f: string) => card.locator(`[data-field="${f}"]`).textContent();
    expect(await figure('bill')).toBe(yuan(s.monthlyBillFen));
    expect(await figure('fund')).toBe(yuan(s.fundPaysFen!));
    expect(await figure('own')).toBe(yuan(s.personPaysFen!));
    expect(s.fundPaysFen! + s.personPaysFen!).toBe(s.monthlyBillFen);
    const text = await card.textContent();
    for (const note of s.notes) expect(text).toContain(note.text);
    // The clauses the split rests on open in words.
    expect(await card.locator('.cite').count()).toBeGreaterThan(0);
    await check(page, mode, 'benefit-bill');
  });

  it('rates a visit once; a second rating of the same visit is refused kindly', async () => {
    await open(`/benefit/visits/index?id=${benefitId}`);
    await poll(() => $('.visit').count()).toBe(2);
    const first = $(`.visit[data-visit="${visitIds[0]}"]`);
    expect(await first.locator('[data-field="worker"]').textContent()).toContain('陈护理员');
    expect(await first.textContent()).toContain(`计划外自费 ${yuan(8000)}`);
    await check(page, mode, 'benefit-visits');
    // Sending without a score: told what to do, nothing sent.
    await first.getByRole('button', { name: '提交评价' }).click();
    await poll(() => first.locator('.problem').textContent()).toContain('请先选一个分数');
    await first.getByRole('button', { name: '4分 满意' }).click();
    await first.locator('textarea').fill('护理员很耐心，助浴很仔细。');
    await first.getByRole('button', { name: '提交评价' }).click();
    await poll(() => first.locator('[data-field="rating"]').textContent()).toBe(
      '您的评价：4分（满意），“护理员很耐心，助浴很仔细。”',
    );
    const rated = await asFamily<{ rating: { score: number } | null }>('GET', `/service-records/${visitIds[0]}`);
    expect(rated.rating?.score).toBe(4);

    // The other visit is rated meanwhile (another family member's phone): this one's form is refused kindly,
    // the typed words stay, and the rating given is one tap away.
    const second = $(`.visit[data-visit="${visitIds[1]}"]`);
    await second.getByRole('button', { name: '5分 非常满意' }).click();
    await second.locator('textarea').fill('很好');
    await asFamily('POST', `/service-records/${visitIds[1]}/rating`, { score: 3 });
    await second.getByRole('button', { name: '提交评价' }).click();
    await poll(() => second.locator('[data-field="rating-problem"]').textContent()).toBe(
      '这次服务已经评价过了，每次服务只能评价一次。',
    );
    expect(await second.locator('textarea').inputValue()).toBe('很好');
    await check(page, mode, 'benefit-visits-refused');
    await second.getByRole('button', { name: '看看已有的评价' }).click();
    await poll(() => second.locator('[data-field="rating"]').textContent()).toBe('您的评价：3分（一般）');
    const still = await asFamily<{ rating: { score: number } | null }>('GET', `/service-records/${visitIds[1]}`);
    expect(still.rating?.score).toBe(3);
  });

  it('asks for another provider from next month, chosen on the providers page; the officer decides in the console', async () => {
    const others = (await asFamily<Provider[]>('GET', '/providers?region=wenzhou&mode=home')).filter(
      (p) => p.id !== HOME,
    );
    expect(others.length).toBeGreaterThan(0);
    const target = others[0];
    await open(`/benefit/home/index`);
    await button('申请更换护理方式或机构').click();
    await poll(() => $('[data-field="provider"]').textContent()).toContain('（现在的机构）');
    // The same choice as now: the server's words next to the choice of mode, nothing else lost.
    await button('提交申请').click();
    await poll(() => $('.problem').first().textContent()).toBe('新的选择与现在的相同，不需要变更。');
    await check(page, mode, 'benefit-change-same');

    await $('textarea').fill('想换一家离女儿家近的机构');
    await button('选择其他机构').click();
    await poll(() => page.getByRole('heading', { level: 1 }).filter({ visible: true }).textContent()).toBe(
      '选择定点机构',
    );
    const card = $(`.provider[data-provider="${target.id}"]`);
    await card.getByRole('button', { name: '选这家' }).click();
    await poll(() => $('[data-field="provider"]').textContent()).toBe(target.name);
    // What was typed before choosing is still there.
    expect(await $('textarea').inputValue()).toBe('想换一家离女儿家近的机构');
    await check(page, mode, 'benefit-change');
    await button('提交申请').click();
    await poll(() => $('[role="status"] .card-title').textContent()).toBe('申请已提交，等经办人员确认');
    await check(page, mode, 'benefit-change-sent');
    const asked = await asFamily<{ plans: unknown[]; planRequests: { id: string; state: string }[] }>(
      'GET',
      `/benefits/${benefitId}`,
    );
    expect(asked.plans).toHaveLength(1);
    expect(asked.planRequests.map((r) => r.state)).toEqual(['pending']);
    await button('回到我的待遇').click();
    await poll(() => $('[data-field="pending"]').textContent()).toContain('正在等经办人员确认');

    // The officer sees the request on the benefit page of the console.
    await desk.goto(`${server.baseUrl}/console/benefits/${benefitId}`);
    const pending = desk.getByTestId('pending-plan-request');
    await poll(() => pending.textContent()).toContain(target.name);
    expect(await pending.textContent()).toContain('想换一家离女儿家近的机构');
    const next = (() => {
      const [y, m] = shanghaiDay(new Date()).slice(0, 7).split('-').map(Number);
      return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    })();
    const inbox = async () =>
      (await asFamily<{ data: Record<string, { value: string }> }[]>('GET', `/inbox?personId=${personId}`))[0];
    if (mode === 'normal') {
      await pending.getByRole('button', { name: '确认变更' }).click();
      await poll(() => desk.locator('.notice-ok[role="status"]').textContent()).toContain(
        `已确认变更：${monthWords(next)}1日起`,
      );
      const b = await asFamily<{ plans: { fromMonth: string; providerId: string; scheduled: boolean }[] }>(
        'GET',
        `/benefits/${benefitId}`,
      );
      expect(b.plans.at(-1)).toMatchObject({ fromMonth: next, providerId: target.id, scheduled: true });
      expect((await inbox()).data.phrase2.value).toBe('已确认');
      await open(`/benefit/home/index`);
      const confirmed = $('[data-field="confirmed"]');
      await poll(() => confirmed.textContent()).toContain(`经办人员已确认：${monthWords(next)}1日起`);
      expect(await confirmed.textContent()).toContain(target.name);
      expect(await $('[data-field="booked"]').count()).toBe(0);
      await check(page, mode, 'benefit-confirmed');
    } else {
      await pending.getByRole('button', { name: '不同意' }).click();
      const form = desk.getByRole('form', { name: '不同意这次变更申请' });
      await form.getByRole('button', { name: '不同意并告知家属' }).click();
      await poll(() => form.locator('.field-error').first().textContent()).toBe('请填写原因');
      await form.getByLabel('原因').fill('这家机构本月已满员，请下月再申请。');
      await form.getByRole('button', { name: '不同意并告知家属' }).click();
      await poll(() => desk.locator('.notice-ok[role="status"]').textContent()).toContain('未通过');
      expect(await desk.getByTestId('plan-requests').textContent()).toContain('这家机构本月已满员');
      expect((await inbox()).data.phrase2.value).toBe('未通过');
      await open(`/benefit/home/index`);
      await poll(() => $('[data-field="declined"]').textContent()).toContain(
        '原因：这家机构本月已满员，请下月再申请。',
      );
      await check(page, mode, 'benefit-declined');
    }
    expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
