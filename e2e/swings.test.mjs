// [calculator] What moves the total (each slider's range of totals, the others held) and where
// a shared scenario link lands. The swings are checked against the native model's oracle
// (target/debug/figures), never against the view's own code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { suite, openPage, ready, hydrated, readPage, root, dist } from './lib.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser, model;
suite({ mounts: { '/widget/': dist, '/demo/': path.join(root, 'demo') }, model: true }, (s) => ({ server, browser, model } = s));

/** Each swing row as the page shows it, and its drawing's geometry (in viewBox units). */
const swings = (page) => page.$$eval('.swings li', (lis) => lis.map((li) => ({
  field: li.dataset.field,
  text: li.querySelector('.swing-values').textContent.trim(),
  words: li.textContent.replace(/\s+/g, ' ').trim(),
  span: [Number(li.querySelector('.swing-span').getAttribute('x')), Number(li.querySelector('.swing-span').getAttribute('width'))],
  now: Number(li.querySelector('.swing-now').getAttribute('x')) + 2,
})));

/** The page's swings equal the oracle's for the inputs the page holds. */
async function matches(page, note) {
  const { inputs } = await readPage(page);
  const expected = await model.ask(inputs);
  const shown = await swings(page);
  assert.equal(shown.length, expected.swings.length, `${note}: one row per slider`);
  assert.deepEqual(shown.map((s) => s.text), expected.swings, `${note}: ${JSON.stringify(inputs)}`);
  // One scale for all rows: the current total's mark is at the same place in every row, and
  // inside every row's span (the total lies within each input's range of totals).
  const marks = new Set(shown.map((s) => s.now));
  assert.equal(marks.size, 1, `${note}: the current total is marked at one place on the common scale`);
  for (const s of shown) assert.ok(s.span[0] <= s.now + 2 && s.now - 2 <= s.span[0] + s.span[1], `${note}: ${s.field}'s span ${s.span} holds the mark ${s.now}`);
  return shown;
}

test('the swings equal the model\'s for several scenarios, English and Spanish, and follow a slider as it moves', async () => {
  const scenarios = [
    ['index.html', ''],
    ['index.html', '?officers=2000&salary=120000&benefits=40&overtime=10&awards=1000&rule=reuters'],
    ['index.es.html', '?officers=20000&equipment=1'],
    ['index.es.html', '?officers=0'],
  ];
  for (const [file, query] of scenarios) {
    const page = await openPage(browser, `${server.base}/widget/${file}${query}`, { viewport: { width: 1200, height: 900 } });
    await ready(page);
    await matches(page, `${file}${query}`);
    await page.close();
  }
  // At the defaults, the worked figures: officers $0 to about $2.8 billion, salary about
  // $638 million to $2.39 billion, overtime about $1.03 billion to $1.19 billion.
  const page = await openPage(browser, `${server.base}/widget/index.html`, { viewport: { width: 1200, height: 900 } });
  await ready(page);
  const at = Object.fromEntries((await swings(page)).map((s) => [s.field, s.text]));
  assert.match(at.officers, /^\$0 to \$2\.8 billion$/);
  assert.match(at.salary, /^\$638\.\d+ million to \$2\.39 billion$/);
  assert.match(at.overtime, /^\$1\.03 billion to \$1\.19 billion$/);
  // A slider moved by keyboard: the swings follow (the others' totals change with it).
  const before = await swings(page);
  await page.focus('#officers');
  await page.keyboard.press('PageDown');
  await page.waitForFunction((t) => document.querySelector('.swings li[data-field="salary"] .swing-values').textContent.trim() !== t, before[1].text);
  await matches(page, 'after PageDown on officers');
  await page.close();
});

test('the swings are prerendered: without JavaScript they show the defaults\' ranges, in words a screen reader hears', async () => {
  for (const [file, lang] of [['index.html', 'en'], ['index.es.html', 'es']]) {
    const page = await openPage(browser, `${server.base}/widget/${file}`, { javaScriptEnabled: false });
    const { inputs } = await readPage(page);
    const expected = await model.ask({ ...inputs, lang });
    const shown = await swings(page);
    assert.deepEqual(shown.map((s) => s.text), expected.swings, file);
    // The drawing is hidden from screen readers; each row says its range and its totals in words.
    assert.equal(await page.$$eval('.swings svg', (ss) => ss.every((s) => s.getAttribute('aria-hidden') === 'true')), true);
    for (const s of shown) assert.ok(s.words.includes(s.text) && /\(.+\):/.test(s.words), s.words);
    await page.close();
  }
});

test('no layout shift as the swings update; no sideways scroll at 320 px; dark and print; axe', async () => {
  const page = await openPage(browser, `${server.base}/widget/index.es.html`, { viewport: { width: 320, height: 740 }, colorScheme: 'dark', bypassCSP: true });
  await ready(page);
  const height = () => page.$eval('.swings', (s) => s.getBoundingClientRect().height);
  const h0 = await height();
  for (const [key, times] of [['End', 1], ['Home', 1]]) {
    for (const id of ['#officers', '#salary']) {
      const was = await page.$eval('.swings', (s) => s.textContent);
      await page.focus(id);
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
      await page.waitForFunction((w) => document.querySelector(".swings").textContent !== w, was);
      assert.equal(await height(), h0, `the swings kept their height after ${key} on ${id}`);
      await matches(page, `320 px, ${key} on ${id}`);
    }
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll at 320 px');
  // Dark: the span and the mark are drawn in colours that differ from the panel.
  const colours = await page.$eval('.swings li', (li) => ['.swing-span', '.swing-now', '.swing-track'].map((s) => getComputedStyle(li.querySelector(s)).fill));
  assert.equal(new Set(colours).size, 3, `three distinct fills: ${colours}`);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document.querySelector('.swings'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } })).violations.map((v) => v.id));
  assert.deepEqual(violations, []);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('.swings', (s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().height > 0), true, 'print shows the swings');
  await page.close();
});

/** Where the page is once its calculator is ready, and what a reader's browser says of it. */
const landing = (page) => page.evaluate(() => {
  const r = document.getElementById('out-total').getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, height: innerHeight, scrollY, focus: document.activeElement === document.body, history: history.length };
});

test('a shared scenario link opens on its figures (375x740 and 1200x900, English and Spanish); a link without one at the top', async () => {
  for (const viewport of [{ width: 375, height: 740 }, { width: 1200, height: 900 }]) {
    for (const file of ['index.html', 'index.es.html']) {
      // No scenario (a language alone is none): the top.
      const plain = await openPage(browser, `${server.base}/widget/${file}?lang=${file === 'index.html' ? 'en' : 'es'}`, { viewport });
      await plain.waitForFunction(() => document.readyState === 'complete');
      assert.equal(await plain.evaluate(() => scrollY), 0, `${file} without a scenario opens at the top`);
      const entries = await plain.evaluate(() => history.length);
      await plain.close();
      const page = await openPage(browser, `${server.base}/widget/${file}?officers=5000&salary=90000`, { viewport });
      await hydrated(page);
      const at = await landing(page);
      assert.ok(at.scrollY > 0 && at.top >= 0 && at.bottom <= at.height, `${file} at ${viewport.width}: the total is on screen (${JSON.stringify(at)})`);
      assert.ok(at.focus, 'no focus was taken');
      assert.equal(at.history, entries, 'no history entry beyond the page\'s own: Back leaves the page');
      await page.close();
    }
  }
});

test('embedded, a scenario link does not scroll the host page', async () => {
  const article = await readFile(path.join(root, 'demo/article.html'), 'utf8');
  assert.ok(article.includes('src="../widget/index.html"'));
  const page = await openPage(browser, null, { viewport: { width: 375, height: 740 } });
  await page.route('**/demo/article.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: article.replace('src="../widget/index.html"', 'src="../widget/index.html?officers=5000&amp;salary=90000"'),
  }));
  await page.goto(`${server.base}/demo/article.html`);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await hydrated(frame);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the host page was not scrolled');
  assert.equal(await frame.evaluate(() => scrollY), 0, 'nor the frame');
  await page.close();
});
