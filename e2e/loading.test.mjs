// The calculator's code loads when it is needed, not with the page: the prerendered page is
// complete without it, and every way a reader can reach the calculator starts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, openPage, ready, hydrated, looked, isCode, readPage, root, dist, iframeFit, assertScenarioLink } from './lib.mjs';

let server, browser, model;
suite({ mounts: { '/widget/': dist, '/demo/': path.join(root, 'demo') }, model: true }, (s) => ({ server, browser, model } = s));

const PHONE = { viewport: { width: 360, height: 740 } };
/** A slow network: the wasm is answered when the test calls `release()`. */
function heldWasm() {
  let release;
  const released = new Promise((ok) => { release = ok; });
  return { release, route: [/_bg\.wasm$/, async (r) => { await released; await r.continue().catch(() => {}); }] };
}
const codeRequests = () => server.requests.filter(isCode);
const isReady = (page) => page.evaluate(() => document.getElementById('explainer').dataset.ready === 'true');

test('on a phone, the page loads without the calculator code; scrolling to it loads and starts it', async () => {
  server.requests.length = 0;
  const page = await openPage(browser, `${server.base}/widget/`, PHONE);
  const steps = await looked(page);
  assert.deepEqual(steps.filter((n) => /^(start|fetch)/.test(n)), [], 'not started');
  assert.deepEqual(codeRequests(), [], 'no glue or wasm before the calculator is near');
  assert.equal(await page.locator('ol.events > li').count(), 8, 'the timeline is there');
  assert.equal(await page.textContent('#out-total'), '$1.19 billion', 'so are the default figures');
  assert.equal(await isReady(page), false);
  // The timeline's language links work without the code: they are plain links.
  assert.equal(await page.getAttribute('nav.lang a[hreflang="es"]', 'href'), 'index.es.html');

  await page.mouse.wheel(0, 2500);
  await ready(page);
  assert.equal(codeRequests().length, 2, codeRequests().join(' '));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Issue 26: the loader alone sets where the language links go (the prerender writes the plain
// ones, for readers without script). Read from the links themselves: a new tab takes the href.
test('the language links: this page\'s query before the code runs, the calculator\'s scenario at once after each change, plain again at the defaults', async () => {
  const page = await openPage(browser, `${server.base}/widget/?theme=dark&childId=x&lang=en`, PHONE);
  const href = (lang) => page.getAttribute(`nav.lang a[hreflang="${lang}"]`, 'href');
  await looked(page);
  assert.equal(await isReady(page), false, 'not started');
  assert.equal(await href('es'), 'index.es.html?theme=dark&childId=x', 'the page\'s keys, not lang');
  assert.equal(await href('en'), 'index.html?theme=dark&childId=x');

  await ready(page);
  assert.equal(await href('es'), 'index.es.html?theme=dark&childId=x', 'at the defaults, no scenario');
  await page.focus('#officers');
  await page.keyboard.press('PageUp');
  const officers = await page.inputValue('#officers');
  // The link follows the calculator's scenario (its data-lang-query), which the address follows
  // only once the reader pauses.
  await page.waitForFunction((v) => new URL(document.querySelector('nav.lang a[hreflang="es"]').href).searchParams.get('officers') === v, officers);
  const link = await href('es');
  assertScenarioLink(link, 'index.es.html', { officers, theme: 'dark', childId: 'x' });
  assert.equal(new URL(link, 'http://x/').searchParams.has('lang'), false, 'the page is the language');
  await page.click('button.reset');
  await page.waitForFunction(() => !new URL(document.querySelector('nav.lang a[hreflang="es"]').href).searchParams.has('officers'));
  assert.equal(await href('es'), 'index.es.html?theme=dark&childId=x', 'plain again at the defaults');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// (Changed with [calculator] #25: such a link now lands on its figures, so the page is scrolled;
// what this checks is that the code started because of the link, not because it came near.)
test('a link with a scenario starts at once, because of the link', async () => {
  const page = await openPage(browser, `${server.base}/widget/?officers=100`, PHONE);
  await hydrated(page);
  assert.equal(await page.inputValue('#officers'), '100');
  const starts = await page.evaluate(() => window.__explainerSteps.map(([name]) => name).filter((n) => n.startsWith('start:')));
  assert.deepEqual(starts, ['start: link']);
  await page.close();
});

test('?theme=dark and ?lang apply without loading the code (the other language is the other page)', async () => {
  server.requests.length = 0;
  const page = await openPage(browser, `${server.base}/widget/?theme=dark&lang=en`, PHONE);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(18, 20, 23)');
  assert.deepEqual((await looked(page)).filter((n) => /^(start|fetch)/.test(n)), []);
  assert.deepEqual(codeRequests(), []);
  await page.close();
  // The other language is the other page: the loader goes there, still with no code.
  server.requests.length = 0;
  const es = await openPage(browser, `${server.base}/widget/?lang=es&theme=dark`, PHONE);
  await es.waitForURL(/\/widget\/index\.es\.html\?lang=es&theme=dark$/);
  assert.equal(await es.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await es.getAttribute('html', 'data-theme'), 'dark');
  assert.deepEqual((await looked(es)).filter((n) => /^(start|fetch)/.test(n)), []);
  assert.deepEqual(codeRequests(), []);
  await es.close();
});

// Issue 26: the themes come from <html data-themes> (the embed codes' list), not the loader.
test('?theme=: the last theme the widget has wins; others are ignored; auto follows the system', async () => {
  for (const [query, theme, scheme, background] of [
    ['theme=dark&theme=blue', 'dark', 'light', 'rgb(18, 20, 23)'],
    ['theme=light&theme=', 'light', 'dark', 'rgb(255, 255, 255)'],
    ['theme=blue', null, 'light', 'rgb(255, 255, 255)'],
    ['theme=dark&theme=auto', 'auto', 'dark', 'rgb(18, 20, 23)'],
    ['theme=dark&theme=auto', 'auto', 'light', 'rgb(255, 255, 255)'],
  ]) {
    const page = await openPage(browser, `${server.base}/widget/?${query}`, { ...PHONE, colorScheme: scheme });
    assert.equal(await page.getAttribute('html', 'data-theme'), theme, query);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), background, `${query}, system ${scheme}`);
    await page.close();
  }
});

test('a keyboard reader starts it with the first Tab; a touch or click does too', async () => {
  const page = await openPage(browser, `${server.base}/widget/`, PHONE);
  assert.deepEqual((await looked(page)).filter((n) => /^(start|fetch)/.test(n)), [], 'nothing started it before the Tab');
  assert.equal(await isReady(page), false);
  await page.keyboard.press('Tab');
  await hydrated(page);
  await page.close();

  const other = await openPage(browser, `${server.base}/widget/`, PHONE);
  assert.deepEqual((await looked(other)).filter((n) => /^(start|fetch)/.test(n)), [], 'nothing started it before the click');
  assert.equal(await isReady(other), false);
  await other.mouse.click(180, 300);
  await hydrated(other);
  await other.close();
});

test('embedded on a phone, the iframe fits the widget before any of the code loads', async () => {
  server.requests.length = 0;
  const page = await openPage(browser, `${server.base}/demo/article.html`, PHONE);
  const frame = page.locator('iframe');
  await frame.evaluate((f) => f.scrollIntoView());
  const m = await iframeFit(page, await frame.elementHandle());
  assert.ok(Math.abs(m.outer - m.content) <= 2, `iframe ${m.outer}px, widget ${m.content}px`);
  assert.ok(m.outer > 3300, `a phone's widget is taller than the snippet's initial height (${m.outer}px)`);
  assert.deepEqual(codeRequests(), [], 'the height came from the loader alone');
  await page.close();
});

test('a note opened, and the focus on its summary, before the code has started stay so after the first render', async () => {
  const { route, release } = heldWasm();
  const page = await openPage(browser, null, { ...PHONE, route: [route] });
  await page.goto(`${server.base}/widget/`);
  const summary = 'details:has(#salary-note) > summary';
  await page.click(summary); // starts the code
  assert.equal(await isReady(page), false, 'before the code has started');
  assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), summary), true);
  release();
  await hydrated(page);
  // The summary and its note are new elements now (the island's render), open and focused.
  assert.equal(await page.evaluate(() => document.querySelector('details:has(#salary-note)').open), true);
  assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), summary), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('what the reader does before the code has started is kept', async () => {
  // A slow network: the wasm arrives once the test has looked.
  const { route, release } = heldWasm();
  const page = await openPage(browser, null, { ...PHONE, route: [route] });
  await page.goto(`${server.base}/widget/`);
  await page.focus('#officers'); // starts the code
  await page.keyboard.press('End');
  await page.click('label[for="awards-1000"]');
  assert.equal(await page.inputValue('#officers'), '20000', 'the native slider moved');
  assert.equal(await isReady(page), false, 'before the code has started');
  const focused = await page.evaluate(() => document.activeElement.id);
  release();
  await hydrated(page);
  await page.waitForFunction(() => document.getElementById('out-per-officer').textContent !== '$139,855');
  // The island replaced the prerendered controls: the focus is on the same control.
  assert.equal(await page.evaluate(() => document.activeElement.id), focused);
  assert.equal(focused, 'awards-1000');
  const { inputs, shown } = await readPage(page);
  assert.equal(inputs.officers, 20000);
  assert.equal(inputs.awards, '1000');
  const expected = await model.ask(inputs);
  assert.equal(shown.total, expected.total);
  assert.equal(shown.perOfficer, expected.perOfficer);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
