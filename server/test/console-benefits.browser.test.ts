// The officer console's provider, benefit, settlement and service-record pages in headless Chromium, against
// the real server and database. The server's clock starts 75 days back, so applications are approved then and
// their benefits have a whole month behind them by the time the officer (on today's clock) settles it.
// On the benefit page the officer also records a visit, books a change of mode and provider for next month,
// and (on the other parent's benefit) stops it after a confirmation.
import { citationText } from '@changhu/rules';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, withCheckDigit } from '../src/seed';
import {
  ApiClient,
  ensureConsoleBuilt,
  launchChromium,
  layoutReport,
  poll,
  startServer,
  type RunningServer,
  chromiumDescribe,
} from './helpers/browser';

const DAY = 86_400_000;
const OFFICER = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
const HOME = 'sample-wz-lucheng-home';
const HOME_NAME = '示例·鹿城康护居家护理站';
const INSTITUTION = 'sample-wz-ouhai-institution';
const INSTITUTION_NAME = '示例·瓯海颐养护理院';
const FAMILY_PHONE = '13912345688';
const MOTHER = '钱玉兰';
const FATHER = '王德福';
const SHOTS = '/tmp';

interface Settlement {
  id: string;
  month: string;
  monthlyBillFen: number;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  monthlyCapFen: number | null;
  proratedCapFen: number | null;
  daysCovered: number;
  daysInMonth: number;
  notes: { code: string; text: string }[];
  citations: { doc: string; clause: string }[];
  corrected: boolean;
}

/** Fen as the console must show it, written independently of the console's own formatter. */
function yuan(fen: number): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '−' : ''}${whole}.${digits.slice(-2)} 元`;
}

const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
const monthWords = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
};
const dayWords = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const monthAfter = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const describeWithChromium = chromiumDescribe('console-benefits.browser.test');

describeWithChromium('officer console: providers, benefits, settlements, service records (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let offsetMs = -75 * DAY;
  const now = () => new Date(Date.now() + offsetMs);
  let officer: ApiClient;
  let family: ApiClient;
  let motherApplication: string;
  let startMonth: string;
  let benefitId: string;
  let fatherBenefit: string;

  /**
   * A person registered by the family, their application submitted, accepted (no materials: with the counter's
   * reason), visited and graded the same day, and publicized until that day (server "now"); the decision waits.
   */
  async function publicizedApplicationOf(name: string, serial: string): Promise<string> {
    const person = await family.call<{ id: string }>('POST', '/persons', {
      name,
      idNumber: withCheckDigit(`33030219440312${serial}`),
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'employee-retired',
      phone: FAMILY_PHONE,
      address: '温州市鹿城区五马街道测试路8号',
      relationship: 'child',
      consent: { method: 'in-person', givenBy: name, givenAt: now().toISOString() },
    });
    const application = await family.call<{ id: string }>('POST', '/applications', {
      personId: person.id,
      careMode: 'home',
    });
    await family.call('POST', `/applications/${application.id}/moves`, { move: 'submit' });
    const day = shanghaiDay(now());
    for (const body of [
      { move: 'accept', reason: '材料已在窗口核对原件。' },
      { move: 'schedule', scheduledFor: day },
      { move: 'assess', grade: 'severe-3' },
      { move: 'publicize', publicityEndsOn: day },
    ]) {
      await officer.call('POST', `/applications/${application.id}/moves`, body);
    }
    return application.id;
  }

  /** The officer approves once the publicity has ended; the server computes the benefit's first month. */
  async function approve(applicationId: string): Promise<{ id: string; startMonth: string }> {
    await officer.call('POST', `/applications/${applicationId}/moves`, { move: 'approve' });
    const approved = await officer.call<{ benefitStartMonth: string }>('GET', `/applications/${applicationId}`);
    return { id: applicationId, startMonth: approved.benefitStartMonth };
  }

  beforeAll(async () => {
    const consoleDir = ensureConsoleBuilt();
    server = await startServer(consoleDir, { clock: now, config: { sessionTtlMinutes: 365 * 24 * 60 } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);

    // 75 days ago: the family registers both parents; the officer approves both applications.
    officer = new ApiClient(server.baseUrl);
    await officer.signIn(OFFICER.phone);
    family = new ApiClient(server.baseUrl);
    await family.signIn(FAMILY_PHONE);
    const motherPublicized = await publicizedApplicationOf(MOTHER, '022');
    const fatherPublicized = await publicizedApplicationOf(FATHER, '037');
    offsetMs = -74 * DAY;
    const mother = await approve(motherPublicized);
    motherApplication = mother.id;
    startMonth = mother.startMonth;
    const father = await approve(fatherPublicized);
    const benefit = await officer.call<{ id: string }>('POST', '/benefits', {
      applicationId: father.id,
      careMode: 'home',
      providerId: HOME,
      planItems: ['助浴', '生活照料'],
    });
    fatherBenefit = benefit.id;

    // Today: the provider came on the 5th of the first month; the family rates the visit.
    offsetMs = 0;
    const visit = await officer.call<{ id: string }>('POST', `/benefits/${fatherBenefit}/service-records`, {
      workerName: '陈护理员',
      startAt: `${father.startMonth}-05T09:00:00+08:00`,
      endAt: `${father.startMonth}-05T10:30:00+08:00`,
      items: [
        { name: '助浴', minutes: 45 },
        { name: '生活照料', minutes: 30 },
        { name: '陪同就医', minutes: 15, priceFen: 10000 },
      ],
      identityChecked: true,
      identityMethod: 'id-card',
      selfPaidConsent: { givenBy: FATHER, method: 'in-person' },
    });
    await family.call('POST', `/service-records/${visit.id}/rating`, {
      score: 4,
      comment: '护理员很耐心，助浴很仔细。',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const heading = () => page.getByRole('heading', { level: 1 });
  const status = () => page.locator('.notice-ok[role="status"]');
  const token = () => page.evaluate(`sessionStorage.getItem('changhu.console.token')`) as Promise<string>;
  /** The API as the signed-in officer reads it, from inside the page. */
  async function asOfficer<T>(route: string): Promise<T> {
    const bearer = await token();
    return page.evaluate(
      ([r, t]) => fetch(`/api/v1${r}`, { headers: { Authorization: `Bearer ${t}` } }).then((res) => res.json()),
      [route, bearer] as const,
    ) as Promise<T>;
  }
  const card = (month: string) => page.locator(`.settlement[data-month="${month}"]`);
  const figure = (month: string, field: string) => card(month).locator(`dd[data-field="${field}"]`);

  /** Nothing wider than the viewport, every control at least 44px, every input labelled, no text under 16px. */
  async function checkLayout(width: number) {
    const report = await layoutReport(
      page,
      'button, main a, .sections a, select, input:not([type=checkbox]), summary, .choice',
    );
    expect(report.scrollWidth).toBeLessThanOrEqual(width);
    expect(report.targets).toBeGreaterThan(5);
    expect(report.smallTargets).toEqual([]);
    expect(report.unlabelled).toEqual([]);
    expect(report.texts).toBeGreaterThan(20);
    expect(report.smallTexts).toEqual([]);
    expect(report.poorContrast).toEqual([]);
  }

  it('signs the officer in and shows the sections of the console', async () => {
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel('手机号').fill(OFFICER.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('验证码').fill(await new ApiClient(server.baseUrl).latestCode(OFFICER.phone));
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => heading().textContent()).toBe('待办队列');
    const nav = page.getByRole('navigation', { name: '控制台栏目' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      '待办队列',
      '查找参保人',
      '定点机构',
      '待遇与结算',
      '服务记录',
    ]);
  });

  it('searches providers by region, mode and text, sorts them, and opens one with its items and ratings', async () => {
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('link', { name: '定点机构' }).click();
    await poll(() => heading().textContent()).toBe('定点机构');
    await poll(() => page.locator('.provider-item').count()).toBe(4);

    // Wenzhou providers offering home care, the rated one first.
    await page.getByLabel('统筹区').selectOption('wenzhou');
    await page.getByLabel('护理方式').selectOption('home');
    await page.getByLabel('排序').selectOption('rating');
    await page.getByRole('button', { name: '查找' }).click();
    await poll(() => page.locator('.list-heading').textContent()).toBe('找到 2 家定点机构');
    expect(page.url()).toContain('region=wenzhou');
    expect(page.url()).toContain('sort=rating');
    const names = await page.locator('.provider-item .queue-name').allTextContents();
    expect(names[0]).toBe(HOME_NAME);
    expect(await page.locator('.provider-item').first().locator('[data-field="rating"]').textContent()).toBe(
      '4 分（满分 5 分，1 条评价）',
    );

    // By district and text.
    await page.getByLabel('区县').selectOption('lucheng');
    await page.getByLabel('机构名称或地址').fill('康护');
    await page.getByRole('button', { name: '查找' }).click();
    await poll(() => page.locator('.list-heading').textContent()).toBe('找到 1 家定点机构');
    await checkLayout(1280);
    await page.screenshot({ path: `${SHOTS}/console-providers-desktop.png`, fullPage: true });

    await page.getByRole('link', { name: new RegExp(HOME_NAME) }).click();
    await poll(() => heading().textContent()).toBe(HOME_NAME);
    const api = await asOfficer<{ careModeNames: string[]; freePlaces: number; capacity: number }>(
      `/providers/${HOME}`,
    );
    expect(await page.locator('[data-field="modes"]').textContent()).toBe(api.careModeNames.join('、'));
    expect(await page.locator('[data-field="free-places"]').textContent()).toBe(`${api.freePlaces} 个`);
    const items = await page.locator('.items-table tbody tr').allTextContents();
    expect(items).toContain(`助浴每次${yuan(8000)}`);
    await poll(() => page.locator('[data-field="rating-average"]').textContent()).toBe(
      '评分：4 分（满分 5 分，1 条评价）',
    );
    const rating = page.locator('.rating');
    expect(await rating.count()).toBe(1);
    expect(await rating.textContent()).toContain('护理员很耐心，助浴很仔细。');
    expect(await rating.textContent()).toContain('王**');
    expect(await rating.textContent()).not.toContain(FATHER);
    expect(await rating.locator('.stars').getAttribute('aria-label')).toBe('4 分（满分 5 分）');
  });

  it('creates the benefit from the approved application: mode and provider of the region', async () => {
    await page.goto(`${server.baseUrl}/console/applications/${motherApplication}`);
    await poll(() => heading().textContent()).toBe(`${MOTHER}的失能评估申请`);
    await page.getByRole('button', { name: '建立待遇' }).click();
    const form = page.getByRole('form', { name: '建立待遇' });
    // The modes are those the region offers in the start month (the API, from the rules module), as it names them.
    await poll(() => form.getByLabel('护理方式').locator('option:checked').textContent()).toBe(
      '居家上门护理（申请时选择的）',
    );
    const modes = await asOfficer<{ offered: { name: string }[]; notOffered: { name: string }[] }>(
      `/regions/wenzhou/care-modes?month=${startMonth}`,
    );
    const options = await form.getByLabel('护理方式').locator('option').allTextContents();
    expect(options.map((o) => o.replace('（申请时选择的）', ''))).toEqual(modes.offered.map((m) => m.name));
    expect(await form.locator('[data-field="modes-hint"]').textContent()).toContain(
      `不提供${modes.notOffered.map((m) => m.name).join('、')}`,
    );
    await form.getByRole('button', { name: '确认建立待遇' }).click();
    await poll(() => form.locator('.field-error').textContent()).toBe('请选择定点机构。');
    await form.getByLabel('定点机构').selectOption(HOME);
    await form.getByLabel('助浴').check();
    await form.getByLabel('生活照料').check();
    await checkLayout(1280);
    await form.screenshot({ path: `${SHOTS}/console-benefit-form-desktop.png` });
    await form.getByRole('button', { name: '确认建立待遇' }).click();
    await poll(() => heading().textContent()).toBe(`${MOTHER}的长护待遇`);
    benefitId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await page.getByTestId('benefit-state').textContent()).toBe('享受中');
    expect(await page.locator('[data-field="start-month"]').textContent()).toBe(monthWords(startMonth));
    expect(await page.locator('[data-field="mode"]').textContent()).toBe('居家上门护理');
    const benefit = await asOfficer<{ startMonth: string; planItems: string[] }>(`/benefits/${benefitId}`);
    expect(benefit.startMonth).toBe(startMonth);
    expect(benefit.planItems).toEqual(['助浴', '生活照料']);
    // Back on the application, the benefit is linked instead of offered again.
    await page.goto(`${server.baseUrl}/console/applications/${motherApplication}`);
    await poll(() => page.locator('.benefit-start').textContent()).toContain('已建立待遇（享受中');
    expect(await page.getByRole('button', { name: '建立待遇' }).count()).toBe(0);
    await page.getByRole('link', { name: '查看待遇与月度结算' }).click();
    await poll(() => heading().textContent()).toBe(`${MOTHER}的长护待遇`);
  });

  let settled: Settlement;

  it("enters a month's bill and shows the fund share and own share exactly as the API computed them", async () => {
    const form = page.getByRole('form', { name: '录入月度账单' });
    // The month is the officer's choice: nothing is picked for them, and this month (not ended) is not offered.
    expect(await form.getByLabel('结算月份').inputValue()).toBe('');
    const thisMonth = shanghaiDay(new Date()).slice(0, 7);
    const offered = await form.getByLabel('结算月份').locator('option').allTextContents();
    expect(offered[0]).toBe('请选择');
    expect(offered).toContain(monthWords(startMonth));
    expect(offered).not.toContain(monthWords(thisMonth));
    await form.getByLabel('当月账单（元）').fill('abc');
    await form.getByRole('button', { name: '查看结算结果' }).click();
    await poll(() => form.locator('.field-error').first().textContent()).toBe('请选择结算的月份。');
    expect(await form.locator('.field-error').nth(1).textContent()).toContain('请填写金额');
    await form.getByLabel('结算月份').selectOption({ label: monthWords(startMonth) });
    await form.getByLabel('当月账单（元）').fill('3456.78');
    await form.getByRole('button', { name: '查看结算结果' }).click();
    // The split is shown for confirmation, from the preview route; nothing is saved yet.
    const confirm = page.getByTestId('settle-confirm');
    await poll(() => confirm.locator('h3').textContent()).toBe(`请确认${monthWords(startMonth)}的结算`);
    expect(await asOfficer<Settlement[]>(`/benefits/${benefitId}/settlements`)).toEqual([]);
    expect(await confirm.locator('dd[data-field="bill"]').textContent()).toBe('3,456.78 元');
    const fundShown = await confirm.locator('dd[data-field="fund"]').textContent();
    const ownShown = await confirm.locator('dd[data-field="own"]').textContent();
    await confirm.getByRole('button', { name: `确认结算${monthWords(startMonth)}` }).click();
    await poll(() => status().textContent()).toBe(`已结算${monthWords(startMonth)}。`);
    // The picker does not move on to the next month by itself.
    expect(await form.getByLabel('结算月份').inputValue()).toBe('');

    const [fromApi] = await asOfficer<Settlement[]>(`/benefits/${benefitId}/settlements`);
    settled = fromApi;
    expect(fromApi.month).toBe(startMonth);
    expect(fromApi.monthlyBillFen).toBe(345678);
    expect(fromApi.fundPaysFen).not.toBeNull();
    expect(await figure(startMonth, 'bill').textContent()).toBe('3,456.78 元');
    expect(await figure(startMonth, 'fund').textContent()).toBe(yuan(fromApi.fundPaysFen!));
    expect(await figure(startMonth, 'own').textContent()).toBe(yuan(fromApi.personPaysFen!));
    expect([fundShown, ownShown]).toEqual([yuan(fromApi.fundPaysFen!), yuan(fromApi.personPaysFen!)]);
    expect(await figure(startMonth, 'cap').textContent()).toBe(yuan(fromApi.monthlyCapFen!));
    expect(await figure(startMonth, 'days').textContent()).toBe(
      `${fromApi.daysCovered}天（当月共${fromApi.daysInMonth}天）`,
    );
    expect(fromApi.daysCovered).toBe(fromApi.daysInMonth);
    // Notes and citations are the API's, citations in words (never a document id or §); one opens the
    // clause text from the rules module.
    const text = await card(startMonth).textContent();
    for (const note of fromApi.notes) expect(text).toContain(note.text);
    expect(await card(startMonth).locator('.citations').textContent()).not.toMatch(/§|[a-z]+-\d{4}/);
    const cite = fromApi.citations[0] as Parameters<typeof citationText>[0];
    const words = citationText(cite);
    expect(words).toMatch(/^[^§a-zA-Z]+$/);
    const button = card(startMonth).getByRole('button', { name: words, exact: true });
    await button.click();
    const clause = await asOfficer<{ title: string; text: string }>(
      `/documents/${cite.doc}/clauses/${encodeURIComponent(cite.clause)}`,
    );
    const region = card(startMonth).getByRole('region', { name: `${words}原文` });
    await poll(() => region.locator('.clause-text').textContent()).toBe(clause.text);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/console-benefit-settled-desktop.png`, fullPage: true });
  });

  it('adds a hospital stay and shows the month settled again for the days covered', async () => {
    await page.getByRole('button', { name: '登记暂停' }).click();
    const form = page.getByRole('form', { name: '登记暂停' });
    await form.getByLabel('暂停原因').selectOption('hospital-stay');
    await form.getByLabel('暂停的第一天').fill(`${startMonth}-10`);
    await form.getByLabel('暂停的最后一天（仍在住院可以不填）').fill(`${startMonth}-14`);
    await form.getByRole('button', { name: '确认登记暂停' }).click();
    await poll(() => status().textContent()).toContain(`已结算的${monthWords(startMonth)}按享受待遇的天数重新结算`);

    const [again] = await asOfficer<Settlement[]>(`/benefits/${benefitId}/settlements`);
    expect(again.id).toBe(settled.id);
    expect(again.daysCovered).toBe(settled.daysCovered - 5);
    expect(again.corrected).toBe(true);
    expect(await figure(startMonth, 'days').textContent()).toBe(
      `${again.daysCovered}天（当月共${again.daysInMonth}天）`,
    );
    expect(await figure(startMonth, 'fund').textContent()).toBe(yuan(again.fundPaysFen!));
    expect(await figure(startMonth, 'own').textContent()).toBe(yuan(again.personPaysFen!));
    expect(await figure(startMonth, 'prorated-cap').textContent()).toBe(yuan(again.proratedCapFen!));
    expect(again.fundPaysFen).not.toBe(settled.fundPaysFen);
    const badges = await card(startMonth).locator('.badge').allTextContents();
    expect(badges).toEqual(expect.arrayContaining([`按${again.daysCovered}天结算`, '已更正']));
    const revisions = card(startMonth).locator('.revisions');
    expect(await revisions.textContent()).toContain('登记暂停（住院');
    expect(await revisions.textContent()).toContain(`基金支付 ${yuan(settled.fundPaysFen!)}`);
    const suspension = page.locator('[data-suspension]');
    expect(await suspension.textContent()).toContain('住院');
    expect(await page.locator('.history-row[data-action="suspend"]').textContent()).toContain(
      `重新结算：${monthWords(startMonth)}`,
    );
  });

  it('corrects the bill with a reason', async () => {
    await card(startMonth).getByRole('button', { name: '更正这个月的账单' }).click();
    const form = page.getByRole('form', { name: `更正${monthWords(startMonth)}的账单` });
    await form.getByLabel('更正后的当月账单（元）').fill('1,500');
    await form.getByRole('button', { name: '确认更正' }).click();
    await poll(() => form.locator('.field-error').textContent()).toBe('请写明更正的原因。');
    await form.getByLabel('更正原因').fill('机构重新核对账单，多计了三次助浴。');
    await form.getByRole('button', { name: '确认更正' }).click();
    await poll(() => status().textContent()).toBe(`已更正${monthWords(startMonth)}的账单并重新结算。`);
    const [corrected] = await asOfficer<Settlement[]>(`/benefits/${benefitId}/settlements`);
    expect(corrected.monthlyBillFen).toBe(150000);
    expect(await figure(startMonth, 'bill').textContent()).toBe('1,500.00 元');
    expect(await figure(startMonth, 'fund').textContent()).toBe(yuan(corrected.fundPaysFen!));
    expect(await figure(startMonth, 'own').textContent()).toBe(yuan(corrected.personPaysFen!));
    expect(await card(startMonth).locator('.revisions li').count()).toBe(2);
    expect(await card(startMonth).locator('.revisions').textContent()).toContain('多计了三次助浴');
    await checkLayout(1280);
    await page.screenshot({ path: `${SHOTS}/console-benefit-desktop.png`, fullPage: true });
  });

  it('records a stay still going on, then ends it: the benefit is suspended, then active again', async () => {
    const [y, m] = startMonth.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await page.getByRole('button', { name: '登记暂停' }).click();
    const form = page.getByRole('form', { name: '登记暂停' });
    await form.getByLabel('暂停原因').selectOption('institution-stay');
    await form.getByLabel('暂停的第一天').fill(`${next}-03`);
    await form.getByRole('button', { name: '确认登记暂停' }).click();
    await poll(() => page.getByTestId('benefit-state').textContent()).toBe('暂停中');
    const open = page.locator('[data-suspension]').last();
    expect(await open.textContent()).toContain('今（仍在暂停）');
    await open.getByRole('button', { name: '结束暂停' }).click();
    const ending = page.getByRole('form', { name: '结束暂停' });
    await ending.getByLabel('暂停的最后一天').fill(`${next}-06`);
    await ending.getByRole('button', { name: '确认结束暂停' }).click();
    await poll(() => page.getByTestId('benefit-state').textContent()).toBe('享受中');
    const [, again] = (
      await asOfficer<{ suspensions: { from: string; to: string | null }[] }>(`/benefits/${benefitId}`)
    ).suspensions;
    expect(again).toMatchObject({ from: `${next}-03`, to: `${next}-06` });
    expect(await status().textContent()).toContain('已结束暂停');
  });

  it('records a visit (officer): a day in a hospital stay is refused, an item outside the plan needs consent', async () => {
    await page.getByRole('button', { name: '录入服务记录' }).click();
    const form = page.getByRole('form', { name: '录入服务记录' });
    await form.getByRole('button', { name: '确认录入服务记录' }).click();
    await poll(() => form.locator('.field-error').first().textContent()).toBe('请填写上门服务人员的姓名。');
    await form.getByLabel('上门服务人员姓名').fill('李护理员');
    // The 12th is inside the hospital stay recorded above (10th–14th).
    await form.getByLabel('服务日期').fill(`${startMonth}-12`);
    await form.getByLabel('开始时间').fill('14:00');
    await form.getByLabel('结束时间').fill('15:30');
    await form.getByLabel('项目 1 名称').fill('助浴');
    await form.getByLabel('项目 1 时长（分钟）').fill('40');
    await form.getByRole('button', { name: '添加服务项目' }).click();
    await form.getByLabel('项目 2 名称').fill('陪同就医');
    await form.getByLabel('项目 2 时长（分钟）').fill('30');
    // Outside the plan: paid by the person, with the price and the consent.
    expect(await form.getByRole('group', { name: '服务项目 2' }).textContent()).toContain('计划外，个人自费');
    // The provider's posted price is filled in; the officer can change it.
    expect(await form.getByLabel('项目 2 自费收费（元，可不填）').inputValue()).toBe('100.00');
    await form.getByLabel('项目 2 自费收费（元，可不填）').fill('80');
    await form.getByLabel('服务前核实服务对象身份').selectOption('social-security-card');
    await form.getByRole('button', { name: '确认录入服务记录' }).click();
    await poll(() => form.locator('.field-error').first().textContent()).toBe('请填写同意自费的人。');
    await form.getByLabel('同意自费的人').fill(MOTHER);
    await form.getByLabel('同意的方式').selectOption('written');
    await form.getByRole('button', { name: '确认录入服务记录' }).click();
    // The server's refusal, its dates in words.
    await poll(() => form.locator('[role="alert"]').textContent()).toContain(
      `${dayWords(`${startMonth}-12`)}这项待遇不在享受期内`,
    );
    await form.getByLabel('服务日期').fill(`${startMonth}-20`);
    await form.getByRole('button', { name: '确认录入服务记录' }).click();
    await poll(() => status().textContent()).toBe(`已录入${dayWords(`${startMonth}-20`)}的服务记录。`);

    const [visit] = await asOfficer<
      {
        workerName: string;
        date: string;
        items: { name: string; minutes: number; selfPaid: boolean; priceFen: number | null }[];
        identityMethod: string;
        selfPaidConsent: { givenBy: string; method: string };
        providerId: string;
      }[]
    >(`/benefits/${benefitId}/service-records`);
    expect(visit).toMatchObject({
      workerName: '李护理员',
      date: `${startMonth}-20`,
      identityMethod: 'social-security-card',
      selfPaidConsent: { givenBy: MOTHER, method: 'written' },
      providerId: HOME,
    });
    expect(visit.items).toEqual([
      { name: '助浴', minutes: 40, selfPaid: false, priceFen: null },
      { name: '陪同就医', minutes: 30, selfPaid: true, priceFen: 8000 },
    ]);
    const record = page.locator('section[aria-labelledby="b-records"] .record');
    await poll(() => record.count()).toBe(1);
    expect(await record.textContent()).toContain('14:00–15:30');
    expect(await record.locator('[data-field="identity"]').textContent()).toBe('已核实（查验社保卡）');
    expect(await record.textContent()).toContain(`计划外项目由${MOTHER}书面同意个人自费。`);
  });

  it('schedules a change of mode and provider for next month, among the modes the region offers then', async () => {
    await page.getByRole('button', { name: '变更护理方式或机构' }).click();
    const form = page.getByRole('form', { name: '变更护理方式或机构' });
    const next = monthAfter(shanghaiDay(now()).slice(0, 7));
    const offered = await asOfficer<{ offered: { id: string; name: string }[] }>(
      `/regions/wenzhou/care-modes?month=${next}`,
    );
    const mode = form.getByLabel(`护理方式（${monthWords(next)}起）`);
    await poll(() => mode.locator('option').count()).toBe(offered.offered.length);
    expect((await mode.locator('option').allTextContents()).map((t) => t.replace('（现在的）', ''))).toEqual(
      offered.offered.map((m) => m.name),
    );
    await mode.selectOption('institution');
    await form.getByLabel('定点机构').selectOption(INSTITUTION);
    await form.getByLabel('变更原因（可不填）').fill('家属白天上班，希望入住机构。');
    await form.getByRole('button', { name: '确认变更' }).click();
    await poll(() => status().textContent()).toContain(`已安排变更：${monthWords(next)}1日起`);
    expect(await status().textContent()).toContain(INSTITUTION_NAME);

    const benefit = await asOfficer<{
      plans: { fromMonth: string; careMode: string; providerId: string; scheduled: boolean }[];
    }>(`/benefits/${benefitId}`);
    expect(benefit.plans.find((p) => p.scheduled)).toMatchObject({
      fromMonth: next,
      careMode: 'institution',
      providerId: INSTITUTION,
    });
    // This month is unchanged; the booked change is shown and in the history with its reason.
    expect(await page.locator('[data-field="mode"]').textContent()).toBe('居家上门护理');
    expect(await page.locator('.notice-warn', { hasText: '已安排变更' }).textContent()).toContain(INSTITUTION_NAME);
    const row = page.locator('.history-row[data-action="change-plan"]');
    expect(await row.textContent()).toContain('家属白天上班，希望入住机构。');
    expect(await row.textContent()).toContain(`生效月份：${monthWords(next)}`);
  });

  it("shows the provider's settlements and the service records, per provider and per benefit", async () => {
    await page.goto(`${server.baseUrl}/console/providers/${HOME}`);
    await poll(() => heading().textContent()).toBe(HOME_NAME);
    const row = page.locator('[data-settlement]');
    await poll(() => row.count()).toBe(1);
    const [s] = await asOfficer<Settlement[]>(`/settlements?providerId=${HOME}`);
    expect(await row.textContent()).toContain(MOTHER);
    expect(await row.locator('[data-field="fund"]').textContent()).toBe(yuan(s.fundPaysFen!));
    expect(await row.locator('[data-field="own"]').textContent()).toBe(yuan(s.personPaysFen!));

    await page.getByRole('link', { name: '查看这家机构的服务记录' }).click();
    await poll(() => heading().textContent()).toBe(`${HOME_NAME}的服务记录`);
    // The father's visit (from the API) and the mother's (recorded in the console above).
    await poll(() => page.locator('.record').count()).toBe(2);
    const record = page.locator('.record', { hasText: FATHER });
    const text = await record.textContent();
    expect(text).toContain(FATHER);
    expect(text).toContain('09:00–10:30');
    expect(text).toContain('共1小时30分钟');
    expect(await record.locator('[data-field="worker"]').textContent()).toBe('陈护理员');
    expect(await record.locator('[data-field="identity"]').textContent()).toBe('已核实（查验身份证）');
    expect(await record.locator('.record-items').textContent()).toContain(`陪同就医，15分钟个人自费 ${yuan(10000)}`);
    expect(text).toContain(`计划外项目由${FATHER}当面同意个人自费。`);
    expect(await record.locator('[data-field="rating"]').textContent()).toContain('护理员很耐心');
    await checkLayout(1280);
    await page.screenshot({ path: `${SHOTS}/console-service-records-desktop.png`, fullPage: true });

    // The section's own filter, and one benefit's records.
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('link', { name: '服务记录' }).click();
    await poll(() => heading().textContent()).toBe('服务记录');
    await page.getByLabel('定点机构').selectOption(HOME);
    await poll(() => heading().textContent()).toBe(`${HOME_NAME}的服务记录`);
    await page.goto(`${server.baseUrl}/console/benefits/${fatherBenefit}`);
    await poll(() => page.locator('.record').count()).toBe(1);
    await page.getByRole('link', { name: '单独查看服务记录' }).click();
    await poll(() => heading().textContent()).toBe(`${FATHER}的服务记录`);

    // The benefits list has both.
    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('link', { name: '待遇与结算' }).click();
    await poll(() => page.locator('.queue-name').count()).toBe(2);
    expect((await page.locator('.queue-name').allTextContents()).sort()).toEqual([FATHER, MOTHER].sort());
  });

  it('stops a benefit with a reason, after a confirmation (officer)', async () => {
    await page.goto(`${server.baseUrl}/console/benefits/${fatherBenefit}`);
    await poll(() => heading().textContent()).toBe(`${FATHER}的长护待遇`);
    await page.getByRole('button', { name: '终止待遇' }).click();
    const form = page.getByRole('form', { name: '终止待遇' });
    const today = shanghaiDay(now());
    expect(await form.getByLabel('享受待遇的最后一天').inputValue()).toBe(today);
    await form.getByRole('button', { name: '下一步：确认' }).click();
    await poll(() => form.locator('.field-error').textContent()).toBe('请写明终止的原因。');
    await form.getByLabel('终止原因').fill('参保人迁出本统筹区。');
    await form.getByRole('button', { name: '下一步：确认' }).click();
    const confirm = page.getByRole('group', { name: `确认终止${FATHER}的长护待遇？` });
    await confirm.screenshot({ path: `${SHOTS}/console-stop-confirm-desktop.png` });
    expect(await confirm.locator('[data-field="stop-summary"]').textContent()).toBe(
      `待遇享受至${dayWords(today)}，原因：参保人迁出本统筹区。`,
    );
    // Going back keeps what was written; nothing is stopped until the second button.
    await confirm.getByRole('button', { name: '返回修改' }).click();
    expect(await form.getByLabel('终止原因').inputValue()).toBe('参保人迁出本统筹区。');
    expect((await asOfficer<{ state: string }>(`/benefits/${fatherBenefit}`)).state).toBe('active');
    await form.getByRole('button', { name: '下一步：确认' }).click();
    await confirm.getByRole('button', { name: '确认终止待遇' }).click();
    await poll(() => page.getByTestId('benefit-state').textContent()).toBe('已终止');
    expect(await status().textContent()).toBe(`已终止待遇，享受至${dayWords(today)}。参保人和家属会收到通知。`);
    const stopped = await asOfficer<{ state: string; stoppedOn: string }>(`/benefits/${fatherBenefit}`);
    expect(stopped).toMatchObject({ state: 'stopped', stoppedOn: today });
    // A stopped benefit offers no more changes, stays or stops; its history has the reason.
    for (const name of ['终止待遇', '变更护理方式或机构', '登记暂停']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.locator('.history-row[data-action="stop"]').textContent()).toContain('参保人迁出本统筹区。');
  });

  it('registers a provider and edits it (officer)', async () => {
    await page.goto(`${server.baseUrl}/console/providers`);
    await page.getByRole('link', { name: '登记定点机构' }).click();
    await poll(() => heading().textContent()).toBe('登记定点机构');
    const form = page.getByRole('form', { name: '定点机构信息' });
    await form.getByRole('button', { name: '登记' }).click();
    await poll(() => form.locator('#pf-name-error').textContent()).toBe('请填写机构名称。');
    await form.getByLabel('机构名称').fill('示例·龙湾测试护理站');
    await form.getByLabel('统筹区').selectOption('wenzhou');
    await form.getByLabel('区县').selectOption('longwan');
    await form.getByLabel('地址').fill('温州市龙湾区示例路1号（示例地址）');
    await form.getByLabel('机构电话').fill('0577-80000009');
    await form.getByLabel('纬度').fill('27.9331');
    await form.getByLabel('经度').fill('120.8113');
    await form.getByLabel('居家上门护理').check();
    await form.getByLabel('服务容量（名额）').fill('30');
    await form.getByLabel('空余名额').fill('40');
    await form.getByRole('button', { name: '添加服务项目' }).click();
    await form.getByLabel('项目 1 名称').fill('助浴');
    await form.getByLabel('计价单位').fill('次');
    await form.getByLabel('收费（元）').fill('75.5');
    // The server's own check, in its words, next to the field.
    await form.getByRole('button', { name: '登记' }).click();
    await poll(() => form.locator('#pf-freePlaces-error').textContent()).toBe('空余名额不能超过服务容量');
    await form.getByLabel('空余名额').fill('12');
    await page.setViewportSize({ width: 375, height: 812 });
    await checkLayout(375);
    await page.screenshot({ path: `${SHOTS}/console-provider-form-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await form.getByRole('button', { name: '登记' }).click();
    await poll(() => heading().textContent()).toBe('示例·龙湾测试护理站');
    expect(await page.locator('.items-table tbody').textContent()).toContain(`助浴每次${yuan(7550)}`);

    await page.getByRole('link', { name: '修改机构信息' }).click();
    await poll(() => page.getByLabel('空余名额').inputValue()).toBe('12');
    await page.getByLabel('空余名额').fill('11');
    await page.getByRole('button', { name: '保存修改' }).click();
    await poll(() => page.locator('[data-field="free-places"]').textContent()).toBe('11 个');
  });

  it('lays out at 375px without sideways scrolling, in normal and large text', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.baseUrl}/console/benefits/${benefitId}`);
    await poll(() => heading().textContent()).toBe(`${MOTHER}的长护待遇`);
    await poll(() => card(startMonth).count()).toBe(1);
    await checkLayout(375);
    await page.screenshot({ path: `${SHOTS}/console-benefit-375.png`, fullPage: true });
    // The visit, plan-change and stop forms, open, at 375px.
    await page.getByRole('button', { name: '录入服务记录' }).click();
    const visit = page.getByRole('form', { name: '录入服务记录' });
    await visit.getByLabel('项目 1 名称').fill('陪同就医');
    await page.getByRole('button', { name: '变更护理方式或机构' }).click();
    const change = page.getByRole('form', { name: '变更护理方式或机构' });
    await poll(() => change.locator('option').count().then(String)).toMatch(/^[1-9]/);
    await page.getByRole('button', { name: '终止待遇' }).click();
    await checkLayout(375);
    await visit.screenshot({ path: `${SHOTS}/console-visit-form-375.png` });
    await change.screenshot({ path: `${SHOTS}/console-plan-change-375.png` });
    await page.getByRole('form', { name: '终止待遇' }).screenshot({ path: `${SHOTS}/console-stop-375.png` });

    await page.goto(`${server.baseUrl}/console/providers/${HOME}`);
    await poll(() => page.locator('.rating').count()).toBe(1);
    await checkLayout(375);
    await page.screenshot({ path: `${SHOTS}/console-provider-375.png`, fullPage: true });

    await page.goto(`${server.baseUrl}/console/providers?region=wenzhou`);
    await poll(() => page.locator('.provider-item').count()).toBe(3);
    await page.getByRole('button', { name: '大字' }).click();
    expect(await page.evaluate('getComputedStyle(document.querySelector("dd")).fontSize')).toBe('18px');
    await checkLayout(375);
    await page.screenshot({ path: `${SHOTS}/console-providers-375-large.png`, fullPage: true });
    await page.getByRole('button', { name: '大字' }).click();
    expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
