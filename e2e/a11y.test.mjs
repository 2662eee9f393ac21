// Accessibility, Spanish, themes, print and shareable scenarios, in headless Chromium.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { suite, openPage, ready, hydrated, readPage, artifacts, assertScenarioLink } from './lib.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
suite({}, (s) => ({ server, browser } = s));
before(() => mkdir(artifacts, { recursive: true }));

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

test('axe: no WCAG 2.2 AA violation at 320 and 1200 px, light and dark, English and Spanish', async () => {
  for (const width of [320, 1200]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const file of ['index.html', 'index.es.html']) {
        // axe is injected as an inline script, so this context alone bypasses the page's CSP.
        const page = await openPage(browser, `${server.base}/${file}`, { viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
        await ready(page);
        assert.deepEqual(await axe(page), [], `${file} ${width}px ${colorScheme}`);
        await page.close();
      }
    }
  }
});

test('keyboard: every control is reached in order, and focus is visible on each', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  const seen = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      // A note's disclosure is named after the note it opens; a folded table's, by its text.
      const key = el.id || (el.tagName === 'SUMMARY' && el.parentElement.querySelector('.note') ? `more:${el.parentElement.querySelector('.note').id}` : el.textContent.trim().slice(0, 20));
      return { key, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!f) break;
    assert.ok(f.outline, `no visible focus on ${f.key}`);
    if (seen.includes(f.key)) break;
    seen.push(f.key);
  }
  const order = ['English', 'Español', 'officers', 'more:officers-note', 'salary', 'more:salary-note', 'benefits', 'overtime', 'awards-0',
    'more:awards-note', 'rule-dhs', 'more:rule-note', 'equipment', 'more:equipment-note', 'Reset to defaults', 'Copy link to this sc'];
  const positions = order.map((k) => seen.indexOf(k));
  assert.ok(positions.every((p) => p >= 0), `missing from the tab order: ${order.filter((k, i) => positions[i] < 0)} (saw ${seen})`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, `tab order ${seen}`);
  await page.close();
});

test('sliders speak in words; the bar is hidden and the table says the same', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  assert.equal(await page.getAttribute('#salary', 'aria-valuetext'), '$74,510 a year');
  assert.equal(await page.getAttribute('#overtime', 'aria-valuetext'), '25% of salary');
  assert.equal(await page.getAttribute('#officers', 'aria-valuetext'), '8,501 officers');
  await page.focus('#salary');
  await page.keyboard.press('End');
  assert.equal(await page.getAttribute('#salary', 'aria-valuetext'), '$150,000 a year');
  assert.equal(await page.getAttribute('svg.bar', 'aria-hidden'), 'true');
  for (const id of ['officers', 'salary', 'benefits', 'overtime']) {
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1);
  }
  assert.equal(await page.locator('table.breakdown tbody tr').count(), 5);
  await page.close();
});

test('one polite status region speaks the total once the reader pauses', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  assert.equal(await page.locator('[aria-live]').count(), 1);
  assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
  assert.equal((await page.textContent('#status')).trim(), '', 'nothing is announced on load');
  await page.evaluate(() => {
    window.statusChanges = 0;
    new MutationObserver(() => window.statusChanges++).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  // Controlled time from here: timers fire only when the test moves the clock, so "not yet"
  // and "once" do not depend on how busy the machine is. ANNOUNCE_AFTER_MS in status.rs.
  const ANNOUNCE_AFTER_MS = 800;
  await page.clock.install();
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await page.focus('#officers');
  // Ten steps, each a little quicker than the delay: still moving, so nothing is said. (PageUp:
  // 500 officers, so each step changes the spoken total; the delay runs from the last change.)
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('PageUp');
    await page.clock.runFor(ANNOUNCE_AFTER_MS - 100);
  }
  assert.equal(await page.evaluate(() => window.statusChanges), 0, 'not announced while the reader is still moving');
  await page.clock.runFor(99);
  assert.equal(await page.evaluate(() => window.statusChanges), 0, 'not announced before the delay');
  await page.clock.runFor(1);
  const total = (await page.textContent('#out-total')).trim();
  assert.equal((await page.textContent('#status')).trim(), `Total: ${total} a year`);
  assert.equal(await page.evaluate(() => window.statusChanges), 1, 'announced once the reader paused');
  // Much later, still once.
  await page.clock.runFor(10 * ANNOUNCE_AFTER_MS);
  assert.equal(await page.evaluate(() => window.statusChanges), 1, 'announced once');
  await page.close();
});

test('Spanish: ?lang=es and the visible switch; <html lang> follows', async () => {
  const page = await openPage(browser, `${server.base}/index.html?lang=es`);
  await ready(page);
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.match(await page.textContent('#timeline-title'), /^Cronología del programa 287\(g\)$/);
  assert.equal(await page.textContent('#out-total'), '$1,190 millones');
  assert.equal(await page.textContent('time[datetime="2012-09-18"]'), '18 de septiembre de 2012');
  await page.click('nav.lang a[hreflang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#timeline-title'), 'The 287(g) program over time');
  assert.equal(await page.title(), 'DHS says it will pay the salaries of state and local officers in the 287(g) immigration program');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('themes: ?theme=dark and prefers-color-scheme, with a dark screenshot', async () => {
  const bg = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  let page = await openPage(browser, `${server.base}/?theme=dark`, { colorScheme: 'light', viewport: { width: 1024, height: 900 } });
  await ready(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await bg(page), 'rgb(18, 20, 23)');
  await page.screenshot({ path: path.join(artifacts, 'widget-dark-1024.png'), fullPage: true });
  await page.close();
  page = await openPage(browser, `${server.base}/?theme=light`, { colorScheme: 'dark' });
  await ready(page);
  assert.equal(await bg(page), 'rgb(255, 255, 255)');
  await page.close();
  page = await openPage(browser, `${server.base}/`, { colorScheme: 'dark' });
  await ready(page);
  assert.equal(await bg(page), 'rgb(18, 20, 23)');
  await page.close();
});

test('reduced motion: no transitions', async () => {
  const page = await openPage(browser, `${server.base}/`, { reducedMotion: 'reduce' });
  await ready(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.seg')).transitionDuration), '0s');
  await page.close();
});

test('print: the timeline and current figures as text, no controls, black on white', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  await page.focus('#officers');
  await page.keyboard.press('End');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#officers', '#salary', 'button.reset', 'nav.lang', 'svg.bar']) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} is printed`);
  }
  assert.equal(await page.locator('ol.events > li').count(), 8);
  assert.ok(await page.locator('#event-task-force-ends').isVisible());
  assert.ok(await page.locator('#out-total').isVisible());
  assert.equal(await page.textContent('#officers-out'), '20,000');
  const colors = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
  assert.deepEqual(colors, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.close();
});

test('the language link keeps ?theme= and the scenario, and goes to the page of its language', async () => {
  const page = await openPage(browser, `${server.base}/index.html?theme=dark&officers=100&lang=en`);
  await ready(page);
  await page.waitForFunction(() => document.getElementById('officers').value === '100');
  // The address the link navigates to (read from the request: the page's own address follows
  // its scenario once it runs, and then says lang=es like any Spanish scenario link).
  const [request] = await Promise.all([page.waitForRequest(/index\.es\.html\?/), page.click('nav.lang a[hreflang="es"]')]);
  await hydrated(page);
  const url = new URL(request.url());
  assert.equal(url.searchParams.get('theme'), 'dark');
  assert.equal(url.searchParams.get('lang'), null, 'the page is the language');
  // Once the address has followed the scenario, it still keeps ?theme=.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'es');
  assert.equal(new URL(page.url()).searchParams.get('theme'), 'dark', 'the address keeps ?theme= after the scenario');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.inputValue('#officers'), '100');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('shareable scenarios: the URL follows the sliders and the language link carries them, without history entries, and they restore', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  const historyLength = await page.evaluate(() => history.length);
  await page.focus('#officers');
  await page.keyboard.press('PageUp');
  await page.check('#awards-750');
  await page.waitForFunction(() => location.search.includes('awards=750'));
  assert.equal(await page.evaluate(() => history.length), historyLength, 'the sliders add no history entry');
  // The other language is the other page: its link carries the scenario, and replaces this
  // page (no history entry: Back leaves the widget, as with the old in-place switch).
  const [request] = await Promise.all([page.waitForRequest(/index\.es\.html\?/), page.click('nav.lang a[hreflang="es"]')]);
  await hydrated(page);
  const url = request.url();
  assertScenarioLink(url, 'index.es.html', { officers: '9001', salary: '74510', benefits: '62.7', overtime: '25', awards: '750', equipment: '0', rule: 'dhs' });
  assert.equal(await page.evaluate(() => history.length), historyLength);
  const { shown } = await readPage(page);
  await page.close();

  const again = await openPage(browser, url);
  await ready(again);
  await again.waitForFunction(() => document.getElementById('officers').value === '9001');
  await again.waitForFunction(() => document.documentElement.lang === 'es');
  const restored = await readPage(again);
  assert.deepEqual(restored.shown, shown);
  assert.equal(restored.inputs.awards, '750');
  assert.deepEqual(again.errors, []);
  await again.close();

  // Repeated keys: the last one wins, in the browser as in the native parser.
  const clamped = await openPage(browser, `${server.base}/?officers=5&officers=999999999&salary=abc&overtime=80&benefits=-3`);
  await ready(clamped);
  await clamped.waitForFunction(() => document.getElementById('officers').value === '20000');
  const c = (await readPage(clamped)).inputs;
  assert.deepEqual([c.officers, c.salary, c.overtime, c.benefits], [20000, 74510, 2500, 0]);
  assert.deepEqual(clamped.errors, []);
  await clamped.close();
});

test('copy link puts the scenario address on the clipboard', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${server.base}/?officers=1234`);
  await ready(page);
  await page.waitForFunction(() => document.getElementById('officers').value === '1234');
  await page.click('button.copy');
  // The button answers once the browser confirms the copy (e2e/clipboard.test.mjs: when it cannot).
  await page.waitForFunction(() => document.querySelector('button.copy').textContent === 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /\?officers=1234&/);
  await context.close();
});
