// The mini-program's H5 build in headless Chromium against the real server, at 375×812, in the normal and
// the elder mode (关怀模式): home, the guided check to each verdict, the self-screens, the cost comparison
// for wenzhou, jining and jinjiang (the screen compared with the API's answer for the same input), a
// citation to its clause, the feedback form, the printed page and the share link, and the states a user
// meets. axe-core finds no serious or critical violation; text size, target size and contrast are measured.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, chromiumDescribe, launchChromium, poll } from '../../server/test/helpers/browser';
import { check, OUT, yuan, type Mode } from './check';
import { ensureH5Built, startH5Server, type H5Server } from './h5';

const describeWithChromium = chromiumDescribe('h5.browser.test');

const OFFICER_PHONE = '13800000004';

describeWithChromium.each<Mode>(['normal', 'elder'])(
  'the H5 mini-program in the %s mode (Chromium, 375×812)',
  (mode) => {
    let server: H5Server;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let api: ApiClient;
    let names: {
      regions: { id: string; name: string; districts: { id: string; name: string }[] }[];
      insurance: { id: string; name: string }[];
      grades: { id: string; name: string }[];
      causes: { id: string; name: string }[];
    };
    const regionName = (id: string) => names.regions.find((r) => r.id === id)!.name;
    const districtName = (region: string, id: string) =>
      names.regions.find((r) => r.id === region)!.districts.find((d) => d.id === id)!.name;
    const nameIn = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)!.name;
    const button = (name: string) => page.getByRole('button', { name }).first();
    // Taro's H5 router keeps earlier pages of the stack in the document, hidden: look only at what is shown.
    const $ = (selector: string) => page.locator(selector).filter({ visible: true });
    /** A fresh load of an address of the app, as from a link (one page on the stack). */
    const open = async (hash: string) => {
      await page.goto('about:blank');
      await page.goto(`${server.baseUrl}/${hash}`);
    };

    beforeAll(async () => {
      const dir = ensureH5Built();
      server = await startH5Server(dir);
      api = new ApiClient(server.baseUrl);
      names = {
        regions: await api.call('GET', '/regions'),
        insurance: await api.call('GET', '/insurance-types'),
        grades: await api.call('GET', '/grades'),
        causes: await api.call('GET', '/disability-causes'),
      };
      fs.mkdirSync(OUT, { recursive: true });
      browser = await launchChromium();
      context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        locale: 'zh-CN',
        deviceScaleFactor: 1,
      });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Agrees to the privacy note the first time a page asks. */
    async function consentIfAsked() {
      const agree = page.getByRole('button', { name: '我同意，继续' });
      if (await agree.isVisible().catch(() => false)) await agree.click();
    }

    it('shows the home page within a second, with the five things people come for, and remembers the region and the mode', async () => {
      const start = Date.now();
      await page.goto(`${server.baseUrl}/`, { waitUntil: 'commit' });
      await button('能不能申请').waitFor();
      const firstScreenMs = Date.now() - start;
      fs.writeFileSync(path.join(OUT, `${mode}-first-screen.json`), JSON.stringify({ firstScreenMs }) + '\n');
      expect(firstScreenMs).toBeLessThanOrEqual(1000);

      for (const label of ['能不能申请', '要花多少钱', '怎么申请评估', '找护理机构', '我的申请和待遇']) {
        await expect(button(label).isVisible()).resolves.toBe(true);
      }
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('长护通');
      if (mode === 'elder') {
        await button('关怀模式：关').click();
        await button('关怀模式：开').waitFor();
      }
      await button(regionName('wenzhou')).click();
      await poll(() => $('.region-line').textContent()).toContain(`参保地：${regionName('wenzhou')}`);
      await check(page, mode, 'home');

      await page.reload();
      await poll(() => $('.region-line').textContent()).toContain(regionName('wenzhou'));
      expect(await $('.page').getAttribute('class')).toContain(mode);
      // The chat entry opens the assistant, which also gives the hotline.
      await button('在线问答').click();
      await poll(() => $('.content').textContent()).toContain('您好，我是长护险小助手');
      expect(await $('.content').textContent()).toContain('12393');
    });

    if (mode === 'elder') {
      it('follows the phone’s text size: a larger system font makes the elder mode larger still', async () => {
        await page.goto(`${server.baseUrl}/`);
        await button('能不能申请').waitFor();
        const size = async () =>
          Number(
            await page.evaluate(
              `parseFloat(getComputedStyle([...document.querySelectorAll('.lead')].find((e) => e.getClientRects().length)).fontSize)`,
            ),
          );
        const base = await size();
        expect(base).toBeGreaterThanOrEqual(18);
        await page.evaluate(`document.documentElement.style.fontSize = '20px'`);
        expect(await size()).toBeCloseTo((base * 20) / 16, 0);
        await page.evaluate(`document.documentElement.style.fontSize = ''`);
      });
    }

    const CHECKS = [
      {
        kind: 'eligible',
        input: {
          region: 'wenzhou',
          district: 'lucheng',
          insurance: 'employee',
          disabilityCause: 'illness',
          disabilityMonths: 8,
          grade: 'severe-1',
        },
        words: '可以享受长护险待遇',
      },
      {
        kind: 'not-eligible',
        input: { region: 'wenzhou', district: 'lucheng', insurance: 'employee', disabilityCause: 'short-term' },
        words: '现在还不符合条件',
      },
      {
        kind: 'apply-for-assessment',
        input: {
          region: 'wenzhou',
          district: 'lucheng',
          insurance: 'employee',
          disabilityCause: 'illness',
          disabilityMonths: 8,
        },
        words: '可以申请失能等级评估',
      },
      {
        kind: 'unknown',
        input: { region: 'changchun', insurance: 'employee', disabilityCause: 'old-age', grade: 'moderate' },
        words: '还需要向当地医保部门确认',
      },
    ] as const;

    it.each(CHECKS)(
      'walks the guided check, one question a screen, to the verdict "$kind" with its reasons and clauses',
      async ({ kind, input, words }) => {
        const expected = await api.call<{
          verdict: string;
          reasons: { text: string; citation: unknown }[];
          nextSteps: string[];
        }>('POST', '/eligibility', input);
        expect(expected.verdict).toBe(kind);
        await open(`#/check/eligibility/index`);
        await consentIfAsked();
        await button(regionName(input.region)).click();
        if ('district' in input) await button(districtName(input.region, input.district)).click();
        await button(nameIn(names.insurance, input.insurance)).click();
        await button(nameIn(names.causes, input.disabilityCause)).click();
        if ('disabilityMonths' in input) {
          await $('.content input').fill(String(input.disabilityMonths));
          await button('下一步').click();
        }
        await button('grade' in input ? `评估结论是：${nameIn(names.grades, input.grade)}` : '还没有评估过').click();

        await poll(() => $('.verdict-text').textContent()).toBe(words);
        const reasons = await $('.reason-text').allTextContents();
        expect(reasons.sort()).toEqual(expected.reasons.map((r) => r.text).sort());
        expect(await $('.reasons .cite').count()).toBe(expected.reasons.filter((r) => r.citation).length);
        for (const step of expected.nextSteps) await expect($('.next').textContent()).resolves.toContain(step);
        await check(page, mode, `check-${kind}`);
      },
    );

    it('opens a citation of a verdict to the clause’s original words', async () => {
      await open(
        `#/check/eligibility/index?region=wenzhou&district=lucheng&insurance=employee&cause=illness&months=8&grade=severe-1`,
      );
      await consentIfAsked();
      const expected = await api.call<{ reasons: { citation: { doc: string; clause: string } | null }[] }>(
        'POST',
        '/eligibility',
        {
          region: 'wenzhou',
          district: 'lucheng',
          insurance: 'employee',
          disabilityCause: 'illness',
          disabilityMonths: 8,
          grade: 'severe-1',
        },
      );
      const cite = expected.reasons.find((r) => r.citation)!.citation!;
      const clause = await api.call<{ text: string; title: string }>(
        'GET',
        `/documents/${cite.doc}/clauses/${encodeURIComponent(cite.clause)}`,
      );
      // That address is the check's share link: it reopened the same answer.
      await poll(() => $('.verdict-text').textContent()).toBe('可以享受长护险待遇');
      expect(await $('.share-link').textContent()).toBe(
        `${server.baseUrl}/#/check/eligibility/index?region=wenzhou&district=lucheng&insurance=employee&cause=illness&months=8&grade=severe-1`,
      );
      await $('.reasons .cite').first().click();
      await poll(() => $('.clause-text').textContent()).toBe(clause.text);
      await poll(() => $('.content').textContent()).toContain('状态：');
      await check(page, mode, 'clause');
    });

    it('runs the A–G self-screen and the 17-item self-check, each said to be an estimate', async () => {
      const qs = await api.call<{
        quickScreen: { items: { id: string; group: string }[]; marks: { id: string; text: string }[] };
        domains: { items: { id: string; options: { points: number; text: string }[] }[] }[];
      }>('GET', '/self-check/questions');
      await open(`#/check/screen/index`);
      await consentIfAsked();
      const dependent = qs.quickScreen.marks.find((m) => m.id === 'dependent')!;
      for (let i = 0; i < qs.quickScreen.items.length; i++) {
        await poll(() => $('.progress').textContent()).toContain(`第 ${i + 1} 步`);
        await button(dependent.text).click();
      }
      const body = { a: {} as Record<string, string>, b: {} as Record<string, string> };
      for (const it of qs.quickScreen.items) body[it.group as 'a' | 'b'][it.id] = 'dependent';
      const screen = await api.call<{ level: string; notes: { text: string }[] }>('POST', '/quick-screen', body);
      await poll(() => $('.verdict-text').textContent()).toContain(`${screen.level} 级`);
      for (const n of screen.notes) await expect($('.estimate-note').textContent()).resolves.toContain(n.text);
      await check(page, mode, 'screen');

      await button('估一估失能等级').click();
      const items = qs.domains.flatMap((d) => d.items);
      for (let i = 0; i < items.length; i++) {
        await poll(() => $('.progress').textContent()).toContain(`第 ${i + 1} 步`);
        await $('.choices .btn').first().click();
      }
      const answers = Object.fromEntries(items.map((it) => [it.id, it.options[0].points]));
      const estimate = await api.call<{ gradeName: string; verified: boolean; notes: { text: string }[] }>(
        'POST',
        '/self-check',
        answers,
      );
      await poll(() => $('.verdict-text').textContent()).toContain(estimate.gradeName);
      expect(await $('.verdict-text').textContent()).toContain('不是评估结论');
      for (const n of estimate.notes) await expect($('.estimate-note').textContent()).resolves.toContain(n.text);
      await check(page, mode, 'selfcheck');
    });

    const COSTS = [
      { region: 'wenzhou', district: 'lucheng', grade: 'severe-1', typed: '3,500', fen: 350_000 },
      { region: 'jining', district: 'rencheng', grade: 'severe-2', typed: '3500', fen: 350_000 },
      { region: 'jinjiang', grade: 'severe-3', typed: '4,200.50', fen: 420_050 },
    ];

    it.each(COSTS)(
      'compares every care mode of $region side by side with the server’s numbers (typed "$typed")',
      async (c) => {
        await open(`#/cost/compare/index`);
        await consentIfAsked();
        await button(regionName(c.region)).click();
        if (c.district) await button(districtName(c.region, c.district)).click();
        await button(nameIn(names.grades, c.grade)).click();
        await $('.content input').fill(c.typed);
        await button('算一算').click();

        const expected = await api.call<{
          modes: {
            name: string;
            estimate: {
              fundPaysFen: number | null;
              personPaysFen: number | null;
              monthlyCapFen: number | null;
              notes: { text: string }[];
            };
          }[];
          notOffered: { name: string }[];
        }>('POST', '/comparisons', {
          region: c.region,
          ...(c.district ? { district: c.district } : {}),
          grade: c.grade,
          monthlyBillFen: c.fen,
        });
        await poll(() => $('.mode').count()).toBe(expected.modes.length);
        expect(await $('.summary').textContent()).toContain(yuan(c.fen));
        for (const [i, m] of expected.modes.entries()) {
          const card = $('.mode').nth(i);
          expect(await card.locator('.mode-name').textContent()).toBe(m.name);
          if (m.estimate.fundPaysFen !== null)
            expect(await card.locator('.fund').textContent()).toBe(yuan(m.estimate.fundPaysFen));
          if (m.estimate.personPaysFen !== null)
            expect(await card.locator('.own').textContent()).toBe(yuan(m.estimate.personPaysFen));
          if (m.estimate.monthlyCapFen !== null)
            expect(await card.locator('.cap').textContent()).toBe(yuan(m.estimate.monthlyCapFen));
          else expect(await card.locator('.cap').textContent()).toContain('由当地确定');
          for (const n of m.estimate.notes) await expect(card.textContent()).resolves.toContain(n.text);
        }
        for (const m of expected.notOffered) await expect($('.not-offered').textContent()).resolves.toContain(m.name);
        await check(page, mode, `cost-${c.region}`);
      },
    );

    it('takes a comparison along: one printed page, and a link that reopens the same answer', async () => {
      await open(`#/cost/compare/index?region=jinjiang&grade=severe-3&bill=420050`);
      await consentIfAsked();
      await $('.mode').first().waitFor();
      const screen = await $('.mode').allTextContents();
      const link = (await $('.share-link').textContent())!;
      expect(link).toContain('bill=420050');

      await page.emulateMedia({ media: 'print' });
      expect(await $('.topbar').isVisible()).toBe(false);
      expect(await $('.print-head').isVisible()).toBe(true);
      expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
      await page.screenshot({ path: path.join(OUT, `${mode}-print.png`), fullPage: true });
      const pdf = await page.pdf({
        format: 'A4',
        margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
      });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
      await page.emulateMedia({ media: 'screen' });

      const other = await context.newPage();
      await other.goto(link);
      await other.locator('.mode').first().waitFor();
      expect(await other.locator('.mode').allTextContents()).toEqual(screen);
      await other.close();
    });

    it('keeps "this looks wrong" with the inputs, the answer and the person’s words, for officers', async () => {
      await open(`#/cost/compare/index?region=jining&district=rencheng&grade=severe-2&bill=350000`);
      await consentIfAsked();
      await $('.mode').first().waitFor();
      await button('这个结果好像不对').click();
      const words = `${mode}：我们那里机构护理的比例好像不一样，电话13912345678`;
      await $('.wrong textarea').fill(words);
      await check(page, mode, 'feedback-form');
      await button('提交').click();
      await poll(() => $('.wrong').textContent()).toContain('谢谢您');

      const officer = new ApiClient(server.baseUrl);
      await officer.signIn(OFFICER_PHONE);
      const list = await officer.call<
        {
          topicName: string;
          message: string;
          page: string;
          inputs: { monthlyBillFen: number };
          answer: { modes: unknown[] };
        }[]
      >('GET', '/feedback');
      const mine = list.find((f) => f.message.startsWith(`${mode}：`))!;
      expect(mine.topicName).toBe('费用对比');
      expect(mine.message).toContain('139****5678');
      expect(mine.message).not.toContain('13912345678');
      expect(mine.inputs.monthlyBillFen).toBe(350_000);
      expect(mine.answer.modes.length).toBeGreaterThan(0);
      expect(mine.page).toContain('bill=350000');
    });

    it('shows the policy library with each document’s status', async () => {
      const docs = await api.call<{ id: string; status: string }[]>('GET', '/documents');
      await open(`#/law/library/index`);
      await poll(() => $('.doc').count()).toBe(docs.length);
      const statuses = await $('.doc .status').allTextContents();
      expect(statuses.every((s) => /现行有效|已过期|征求意见稿|尚未施行/.test(s))).toBe(true);
      await check(page, mode, 'library');
    });

    it('says in plain words when the network is gone or the server fails, and retries', async () => {
      // The pages were opened once while online (Taro loads each page's code on first use), then the network goes.
      await open(`#/more/assess/index?region=jinjiang`);
      await button('回首页').waitFor();
      await page.evaluate(`location.hash = '#/law/library/index'`);
      await $('.doc').first().waitFor();
      await context.setOffline(true);
      await page.evaluate(`location.hash = '#/more/assess/index?region=jinjiang'`);
      await poll(() => $('.failure').first().textContent()).toContain('网络好像断了');
      await check(page, mode, 'offline');
      await context.setOffline(false);
      await $('.failure').first().getByRole('button', { name: '再试一次' }).click();
      await poll(() => $('.failure').count()).toBe(0);

      // A page never opened before: its code cannot be downloaded offline. A notice, not a blank screen.
      await open(`#/pages/index/index`);
      await button('找护理机构').waitFor();
      await context.setOffline(true);
      // Routing turns the browser's cache off, so the page's code is really asked for (and fails).
      await page.route('**/*.js', (route) => route.abort('internetdisconnected'));
      await page.evaluate(`location.hash = '#/law/library/index'`);
      const notice = page.locator('#chunk-failure');
      await poll(() => notice.textContent()).toContain('网络好像断了，这一页没能打开');
      await check(page, mode, 'offline-page');
      await context.setOffline(false);
      await page.unroute('**/*.js');
      await notice.getByRole('button', { name: '再试一次' }).click();
      await $('.doc').first().waitFor();

      await page.route('**/api/v1/providers**', (route) => route.fulfill({ status: 500, body: '{}' }));
      await open(`#/more/providers/index`);
      await poll(() => $('.failure').textContent()).toContain('不是您操作的错');
      await page.unroute('**/api/v1/providers**');
      await $('.failure').getByRole('button', { name: '再试一次' }).click();
      await poll(() => $('.failure').count()).toBe(0);
      await button(regionName('songyuan')).click();
      await poll(() => $('.empty').textContent()).toContain('还没有登记的定点护理机构');
      await check(page, mode, 'providers-empty');
      expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    });
  },
);
