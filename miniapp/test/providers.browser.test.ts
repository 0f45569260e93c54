// Finding a provider in the H5 build (headless Chromium, 375×812, normal and elder mode) against the real
// server: filtered by district and care mode; sorted by distance with a granted location (the order and the
// distances are the server's for that position) and without one (the location is asked for only on choosing
// it; refused, the list stays by name and shows no distance); by rating and by free places; a provider's page
// with its posted items and prices (yuan of the server's fen), its address and a tel: link to call it.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, eventually, launchChromium, poll, chromiumDescribe } from '../../server/test/helpers/browser';
import { check, OUT, yuan, type Mode } from './check';
import { ensureH5Built, startH5Server, type H5Server } from './h5';

const describeWithChromium = chromiumDescribe('providers.browser.test');

interface Provider {
  id: string;
  name: string;
  address: string;
  districtName: string | null;
  phone: string;
  lat: number;
  lng: number;
  items: { name: string; unit: string; priceFen: number }[];
  distanceMeters?: number;
}

const distanceText = (m: number) => (m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`);

let server: H5Server;
let browser: Browser;
let api: ApiClient;
beforeAll(async () => {
  server = await startH5Server(ensureH5Built());
  api = new ApiClient(server.baseUrl);
  fs.mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeWithChromium.each<Mode>(['normal', 'elder'])(
  'finding a provider in the %s mode (Chromium, 375×812)',
  (mode) => {
    let context: BrowserContext;
    let page: Page;
    const $ = (selector: string) => page.locator(selector).filter({ visible: true });
    const button = (label: string) => page.getByRole('button', { name: label }).filter({ visible: true }).first();
    const shownIds = () => $('.provider').evaluateAll((els) => els.map((e) => e.getAttribute('data-provider')));
    const shownAre = (ids: string[]) => eventually(shownIds, (v) => expect(v).toEqual(ids));
    const query = (q: string) => api.call<Provider[]>('GET', `/providers?region=wenzhou${q}`);

    async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
      await context?.close();
      context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        locale: 'zh-CN',
        deviceScaleFactor: 1,
        ...options,
      });
      await context.addInitScript({
        content: `localStorage.setItem('changhu.elder', ${JSON.stringify(JSON.stringify({ data: mode === 'elder' ? 'on' : '' }))});`,
      });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.baseUrl}/#/more/providers/index?region=wenzhou`);
    }

    afterAll(async () => {
      await context?.close();
    });

    it('without a location: by name, no distance; choosing "near me" asks, and refused keeps the order', async () => {
      await newContext();
      const byName = await query('&sort=name');
      expect(byName.length).toBeGreaterThan(1);
      await shownAre(byName.map((p) => p.id));
      expect(await $('[data-field="distance"]').count()).toBe(0);
      await check(page, mode, 'providers-list');
      await button('离我近的').click();
      await poll(() => $('[data-field="no-location"]').textContent()).toContain('没能取得您的位置');
      await shownAre(byName.map((p) => p.id));
      expect(await $('[data-field="distance"]').count()).toBe(0);
      expect(await page.content()).not.toContain('离您约');
      await check(page, mode, 'providers-no-location');
    });

    it('with a granted location: nearest first, with the distance the server measured', async () => {
      const byName = await query('&sort=name');
      // Standing by the provider that comes last by name: it must come first by distance.
      const last = byName.at(-1)!;
      const here = { latitude: last.lat + 0.002, longitude: last.lng + 0.002 };
      await newContext({ geolocation: here, permissions: ['geolocation'] });
      await shownAre(byName.map((p) => p.id));
      // Nothing is asked before the user chooses it.
      expect(await $('[data-field="distance"]').count()).toBe(0);
      await button('离我近的').click();
      const near = await query(`&sort=distance&lat=${here.latitude}&lng=${here.longitude}`);
      expect(near[0].id).toBe(last.id);
      await shownAre(near.map((p) => p.id));
      const shown = await $('[data-field="distance"]').allTextContents();
      expect(shown).toEqual(near.map((p) => `离您约 ${distanceText(p.distanceMeters!)}`));
      await check(page, mode, 'providers-near');
    });

    it('sorts by rating and by free places, and filters by district and mode, as the server does', async () => {
      await button('评分高的').click();
      await shownAre((await query('&sort=rating')).map((p) => p.id));
      await button('空位多的').click();
      await shownAre((await query('&sort=free-places')).map((p) => p.id));
      await button('鹿城区').click();
      const lucheng = await query('&sort=free-places&district=lucheng');
      expect(lucheng.length).toBeGreaterThan(0);
      await shownAre(lucheng.map((p) => p.id));
      const modes = await api.call<{ offered: { id: string; name: string }[] }>('GET', '/regions/wenzhou/care-modes');
      const institution = modes.offered.find((m) => m.id === 'institution')!;
      await button(institution.name).click();
      const both = await query('&sort=free-places&district=lucheng&mode=institution');
      await shownAre(both.map((p) => p.id));
      if (both.length === 0) {
        await poll(() => $('.empty').textContent()).toContain('没有符合条件的机构');
      }
      await check(page, mode, 'providers-filtered');
      await button('全部区县').click();
      await button('全部方式').click();
      await shownAre((await query('&sort=free-places')).map((p) => p.id));
    });

    it('opens a provider: its items and prices, address, and a tel: link to call', async () => {
      const withItems = (await query('&sort=free-places')).find((p) => p.items.length > 0)!;
      expect(withItems).toBeDefined();
      await $(`.provider[data-provider="${withItems.id}"]`).getByRole('button', { name: '看收费和详情' }).click();
      await poll(() => page.getByRole('heading', { level: 1 }).filter({ visible: true }).textContent()).toContain(
        withItems.name,
      );
      const rows = await $('[data-field="item"]').allTextContents();
      expect(rows).toEqual(withItems.items.map((i) => `${i.name}${yuan(i.priceFen)} / ${i.unit}`));
      expect(await $('[data-field="address"]').textContent()).toBe(
        `${withItems.districtName ?? ''}${withItems.address}`,
      );
      const call = $('a[data-field="phone"]');
      expect(await call.getAttribute('href')).toBe(`tel:${withItems.phone}`);
      expect(await call.textContent()).toBe(`打电话：${withItems.phone}`);
      await check(page, mode, 'provider-detail');
    });
  },
);
