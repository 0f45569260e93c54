// The agent's pages of the console in headless Chromium, against the real server, database, trained intent
// model and built console: sign in, take hand-offs, read the transcript with its slots, answer, agent-assist.
import type { Browser, Page } from 'playwright-core';
import { estimate, yuanText } from '@changhu/rules';
import { sharedClassifier } from '../src/bot/nlu';
import { shanghaiDate } from '../src/lib/time';
import { DEMO_ACCOUNTS } from '../src/seed';
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

const AGENT = DEMO_ACCOUNTS.find((a) => a.role === 'agent')!;

const describeWithChromium = chromiumDescribe('console-agent.browser.test');

describeWithChromium('agent console (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let sessionId: string;
  let lastSeen = 0;

  /** A person in the mini-program: anonymous, talking to the bot over HTTP. */
  async function say(text: string) {
    const res = await fetch(`${server.baseUrl}/api/v1/bot/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...(sessionId ? { sessionId } : {}), text }),
    });
    const body = (await res.json()) as { sessionId: string; messageId: number; handoff?: { state: string } };
    if (!res.ok) throw new Error(`bot: ${res.status} ${JSON.stringify(body)}`);
    sessionId = body.sessionId;
    lastSeen = body.messageId;
    return body;
  }

  beforeAll(async () => {
    await sharedClassifier();
    server = await startServer(ensureConsoleBuilt());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const heading = () => page.getByRole('heading', { level: 1 });

  it('signs the agent in (code from the dev outbox) and sets them available', async () => {
    await page.goto(`${server.baseUrl}/console`);
    await poll(() => heading().textContent()).toBe('经办人员登录');
    await page.getByLabel('手机号').fill(AGENT.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await poll(() => page.locator('.dev-hint').textContent()).toContain(AGENT.phone);
    const code = await new ApiClient(server.baseUrl).latestCode(AGENT.phone);
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.locator('.whoami').textContent()).toContain(AGENT.name);

    await page.getByRole('navigation', { name: '控制台栏目' }).getByRole('link', { name: '转人工' }).click();
    await poll(() => heading().textContent()).toBe('转人工队列');
    await page.getByRole('button', { name: '开始接待' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain('正在接待转人工');
  });

  it('takes a hand-off, reads the transcript with intent and slots, and answers the user in the same conversation', async () => {
    await say('温州居家上门护理，重度失能Ⅲ级，一个月要花多少能报多少');
    const handed = await say('转人工');
    expect(handed.handoff?.state).toBe('pending');

    await page.getByRole('button', { name: '刷新' }).click();
    const waiting = page.getByRole('list', { name: '等待中的对话' });
    await poll(() => waiting.textContent()).toContain('用户要求转人工');
    expect(await waiting.textContent()).toContain('重度失能Ⅲ级');
    await waiting
      .getByRole('link', { name: /在线转人工/ })
      .first()
      .click();
    await poll(() => heading().textContent()).toBe('在线转人工');

    const transcript = page.getByRole('list', { name: '对话记录' });
    await poll(() => transcript.textContent()).toContain('意图：费用估算');
    expect(await transcript.textContent()).toContain('失能等级 重度失能Ⅲ级');
    const slots = page.locator('dl[aria-label="已知情况"]');
    expect(await slots.textContent()).toContain('温州市');

    await page.getByRole('button', { name: '接手' }).click();
    await poll(() => page.getByRole('status').textContent()).toContain('已接手');
    const answer = '您好，我是客服。请问每月的护理账单大约多少钱？我帮您算。';
    await page.getByLabel('回复用户').fill(answer);
    await page.getByRole('button', { name: '发送' }).click();
    await poll(() => page.getByRole('status').textContent()).toContain('已发送');

    // The user reads the agent's reply in the same conversation.
    const res = await fetch(`${server.baseUrl}/api/v1/bot/conversations/${sessionId}/messages?after=${lastSeen}`);
    const seen = (await res.json()) as { state: string; messages: { from: string; text: string }[] };
    expect(seen.state).toBe('open');
    expect(seen.messages.filter((m) => m.from === 'agent').map((m) => m.text)).toContain(answer);

    const report = await layoutReport(page, 'button');
    expect(report.smallTargets).toEqual([]);
    expect(report.unlabelled).toEqual([]);
    expect(report.poorContrast).toEqual([]);
    await page.screenshot({ path: '/tmp/console-agent-conversation.png', fullPage: true });
  });

  it('agent-assist: the bot’s answer to a caller’s question, with the clauses to read out', async () => {
    await page.getByRole('link', { name: '回到转人工队列' }).click();
    await poll(() => heading().textContent()).toBe('转人工队列');
    const question = page.getByLabel('来电人的问题');
    const answers = [
      '温州的职工医保退休人员，机构护理，重度失能Ⅰ级，一个月5000元能报多少',
      '职工医保（退休）',
      '5000元',
    ];
    const box = page.locator('.assist-answer');
    for (const text of answers) {
      await question.fill(text);
      await page.getByRole('button', { name: '查找回答' }).click();
      await poll(() => box.textContent()).toMatch(/./);
      if ((await page.locator('blockquote.clause').count()) > 0) break;
    }
    const expected = estimate(
      {
        region: 'wenzhou',
        insurance: 'employee-retired',
        careMode: 'institution',
        grade: 'severe-1',
        monthlyBillFen: 500000,
      },
      { today: shanghaiDate(new Date()) },
    );
    await poll(() => box.textContent()).toContain(yuanText(expected.fundPaysFen!));
    expect(await box.textContent()).toContain(yuanText(expected.personPaysFen!));
    const clause = page.locator('blockquote.clause').first();
    expect(await clause.locator('.clause-title').textContent()).toMatch(/^温州市长护险实施方案/);
    expect((await clause.locator('.clause-text').textContent())?.length).toBeGreaterThan(10);
    await page.screenshot({ path: '/tmp/console-agent-assist.png', fullPage: true });
  });
});
