// The page at `/` in headless Chromium: what a person's browser shows before the mini-program's H5 build
// exists. Checked against the same standards as the console (no sideways scrolling at 375px, 44px targets,
// 16px text, 4.5:1 contrast), and its staff link leads to the console's sign-in.
import type { Browser, Page } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchChromium,
  layoutReport,
  poll,
  startServer,
  type RunningServer,
  chromiumDescribe,
} from './helpers/browser';

const describeWithChromium = chromiumDescribe('landing.browser.test');

describeWithChromium('the landing page at / (headless Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(ensureConsoleBuilt());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([375, 1280])('says what 长护通 is and meets the layout standards at %ipx', async (width) => {
    await page.setViewportSize({ width, height: 812 });
    const res = await page.goto(`${server.baseUrl}/`);
    expect(res?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('长护通');
    expect(await page.locator('.lead').textContent()).toContain('长期护理保险');
    const report = await layoutReport(page, 'a');
    expect(report.scrollWidth).toBeLessThanOrEqual(width);
    expect(report.targets).toBe(2);
    expect(report.smallTargets).toEqual([]);
    expect(report.texts).toBeGreaterThan(5);
    expect(report.smallTexts).toEqual([]);
    expect(report.poorContrast).toEqual([]);
    await page.screenshot({ path: `/tmp/landing-${width}.png`, fullPage: true });
  });

  it("leads staff to the console's sign-in and developers to the API document", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: '接口文档（OpenAPI 3.1）' }).click();
    await poll(() => page.evaluate('document.body.textContent')).toContain('"openapi":"3.1.0"');
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: '进入经办控制台' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('经办人员登录');
    expect(new URL(page.url()).pathname).toBe('/console/');
    expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
