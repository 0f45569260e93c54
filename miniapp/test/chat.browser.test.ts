// The H5 mini-program's chat in headless Chromium against the real server (its trained intent model), at
// 375×812, in the normal and the elder mode: a question answered with its clauses (a link to the clause's
// words), quick replies, the conversation continued after reopening, the hand-off to an agent who answers
// through the API and whose reply appears in the same conversation, and the callback when no agent is free.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { sharedClassifier } from '../../server/src/bot/nlu';
import { ApiClient, launchChromium, poll, chromiumDescribe } from '../../server/test/helpers/browser';
import { check, OUT, type Mode } from './check';
import { ensureH5Built, startH5Server, type H5Server } from './h5';

const describeWithChromium = chromiumDescribe('chat.browser.test');

const AGENT = '13800000003';

describeWithChromium.each<Mode>(['normal', 'elder'])('the chat in the %s mode', (mode) => {
  let server: H5Server;
  let browser: Browser;
  let page: Page;
  let agent: ApiClient;
  const button = (name: string) => page.getByRole('button', { name }).filter({ visible: true }).first();
  const $ = (selector: string) => page.locator(selector).filter({ visible: true });
  // Taro's Textarea is a wrapper around the real <textarea>.
  const box = () => $('.textarea textarea').first();
  const say = async (text: string) => {
    await box().fill(text);
    await button('发送').click();
  };
  const log = () =>
    $('.chat-log')
      .textContent()
      .then((t) => t ?? '');

  beforeAll(async () => {
    await sharedClassifier();
    server = await startH5Server(ensureH5Built());
    agent = new ApiClient(server.baseUrl);
    await agent.signIn(AGENT);
    fs.mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      deviceScaleFactor: 1,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.baseUrl}/#/more/chat/index`);
    if (mode === 'elder') await button('关怀模式：关').click();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers with the clauses it rests on, offers quick replies, and continues the conversation after reopening', async () => {
    await button('估算每月费用').waitFor();
    await check(page, mode, 'chat-start');
    await say('温州重度失能三级，居家上门护理，职工医保退休，每月护理费3500元，能报多少');
    await poll(log).toContain('小助手');
    // The bot may still ask for what it lacks: answer with its quick replies until the amounts come.
    for (let i = 0; i < 5 && !(await $('.cite').count()); i++) {
      const quick = $('.quick .btn');
      if (!(await quick.count())) break;
      await quick.first().click();
      await page.waitForTimeout(500);
    }
    await poll(() => $('.cite').count().then(String)).toMatch(/[1-9]/);
    expect(await log()).toMatch(/元/);
    await check(page, mode, 'chat-answer');

    const before = await log();
    await page.reload();
    await poll(log).toBe(before);

    await $('.cite').first().click();
    // The chat page has a .content too (with 温州 in it): wait for the clause page itself.
    await page.waitForURL(/law\/clause/);
    await poll(() => $('.content').textContent()).toContain('温州');
    await page.goBack();
    await poll(log).toBe(before);
  });

  it('hands the conversation to an agent, whose reply appears in it', async () => {
    await agent.call('PUT', '/bot/agents/me', { available: true });
    await say('我要转人工');
    await poll(() => $('.handoff-line').textContent()).toContain('正在为您转接人工客服');
    await check(page, mode, 'chat-waiting');

    const queue = await agent.call<{ id: string; state: string }[]>('GET', '/bot/handoffs');
    const waiting = queue.find((q) => q.state === 'pending')!;
    await agent.call('POST', `/bot/handoffs/${waiting.id}/take`);
    await agent.call('POST', `/bot/handoffs/${waiting.id}/replies`, {
      text: '您好，我是客服小林。温州的居家上门护理，每月限额内按比例报销，我把办理步骤发给您。',
    });
    await poll(() => $('.msg-agent').last().textContent()).toContain('我是客服小林');
    await poll(() => $('.handoff-line').textContent()).toContain('正在为您服务');
    await check(page, mode, 'chat-agent');
    // The person answers the agent in the same conversation.
    await say('好的，谢谢');
    await poll(log).toContain('您的消息已转给客服');
    const convo = await agent.call<{ messages: { from: string; text: string }[] }>(
      'GET',
      `/bot/handoffs/${waiting.id}`,
    );
    expect(convo.messages.some((m) => m.from === 'user' && m.text === '好的，谢谢')).toBe(true);
    await agent.call('POST', `/bot/handoffs/${waiting.id}/close`, { outcome: 'answered' });
  });

  it('offers a callback when no agent is free: the number, then a time, and says when they will call', async () => {
    await agent.call('PUT', '/bot/agents/me', { available: false });
    await button('重新开始一段对话').click();
    await button('转人工').click();
    await poll(log).toContain('现在没有客服在线');
    await say('13900000041');
    await poll(log).toContain('139****0041');
    expect(await log()).not.toContain('13900000041');
    await check(page, mode, 'chat-callback');
    const windows = $('.quick .btn');
    const chosen = (await windows.first().textContent())!.trim();
    await windows.first().click();
    await poll(() => $('.handoff-line').textContent()).toContain('已登记回电');
    expect(await $('.handoff-line').textContent()).toContain(chosen);
    const queue = await agent.call<{ kind: string; callback: { phoneMasked: string } | null }[]>(
      'GET',
      '/bot/handoffs',
    );
    expect(queue.some((q) => q.kind === 'callback' && q.callback?.phoneMasked === '139****0041')).toBe(true);
  });
});
