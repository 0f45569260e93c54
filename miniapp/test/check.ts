// What every H5 page must meet, measured on the page as it is shown: text size, target size and contrast for
// the mode (适老化: 18px text and 60px targets in the elder mode), no sideways scroll, axe-core with no serious
// or critical violation, and no English on screen. Each check also saves a screenshot under test-results/h5.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const OUT = path.resolve(__dirname, '..', '..', 'test-results', 'h5');

export type Mode = 'normal' | 'elder';
export const LIMITS: Record<Mode, { text: number; target: number }> = {
  normal: { text: 16, target: 44 },
  elder: { text: 18, target: 60 },
};

/** ¥1,116.00, as the page must show the server's fen. */
export const yuan = (fen: number) =>
  `¥${Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`;

export interface Measured {
  scrollWidth: number;
  texts: number;
  smallTexts: string[];
  targets: number;
  smallTargets: string[];
  poorContrast: string[];
}

/** Measures what is shown: every visible text's size and contrast, every control's size, sideways scroll. */
export async function measure(page: Page, mode: Mode): Promise<Measured> {
  const { text, target } = LIMITS[mode];
  return (await page.evaluate(`(() => {
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    const targets = [...document.querySelectorAll('button, a, input, textarea, [role=button]')].filter(visible)
      .map((el) => { const r = el.getBoundingClientRect(); return { ok: r.height >= ${target} && r.width >= ${target}, what: el.tagName + ':' + (el.textContent || '').slice(0, 16) + ' ' + Math.round(r.width) + '×' + Math.round(r.height) }; });
    const texts = [...document.querySelectorAll('body *')]
      .filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
    const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c;
      }
      return [255, 255, 255];
    };
    const what = (el) => el.tagName + ':' + el.textContent.trim().slice(0, 16);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      texts: texts.length,
      smallTexts: texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < ${text}).map((el) => what(el) + ' ' + getComputedStyle(el).fontSize),
      targets: targets.length,
      smallTargets: targets.filter((t) => !t.ok).map((t) => t.what),
      poorContrast: texts
        .map((el) => {
          const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
          return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), what: what(el) };
        })
        .filter((t) => t.ratio < 4.5)
        .map((t) => t.what + ' ' + t.ratio.toFixed(2)),
    };
  })()`)) as Measured;
}

/** The standards on the page as it is now, axe-core included, and a screenshot for people to look at. */
export async function check(page: Page, mode: Mode, name: string): Promise<void> {
  // Taro's H5 page scrolls inside its own box: let it grow for the picture, so the whole page is in it.
  const grow = `document.querySelectorAll('html, body, #app, .taro_router, .taro_page').forEach((e) => { e.style.height = 'auto'; e.style.overflow = 'visible'; })`;
  await page.evaluate(grow);
  await page.screenshot({ path: path.join(OUT, `${mode}-${name}.png`), fullPage: true });
  await page.evaluate(grow.replace(`'auto'`, `''`).replace(`'visible'`, `''`));
  const m = await measure(page, mode);
  expect({ name, ...m, texts: m.texts > 3, targets: m.targets > 0 }).toEqual({
    name,
    scrollWidth: 375,
    texts: true,
    smallTexts: [],
    targets: true,
    smallTargets: [],
    poorContrast: [],
  });
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ name, axe: bad }).toEqual({ name, axe: [] });
  // Plain Chinese: no English words or ids on screen (the share link is an address, shown as one).
  const shown = await page.evaluate(`(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('.share-link, script, style').forEach((el) => el.remove());
    return clone.innerText;
  })()`);
  expect({ name, english: String(shown).match(/[A-Za-z]{3,}/g) ?? [] }).toEqual({ name, english: [] });
}
