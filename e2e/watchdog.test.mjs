// The loader's watchdog (WATCHDOG_MS in assets/loader/watchdog.js, 8 s): a start that is not ready in
// time is tried once more (a reload), and if that fails too the reader is told, with figures
// and controls that agree. And the cases where a start is easy to lose: a frozen background
// tab, the back/forward cache, an iframe hidden with display:none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, hydrated, looked, isCode, oracle, readPage, root, dist, CHROMIUM_ARGS, openPage } from './lib.mjs';

/** The busy mark on the figures' box (aria-busy), or null. */
const figuresBusy = (frame) => frame.evaluate(() => document.getElementById('out-total').closest('[aria-busy]')?.getAttribute('aria-busy') ?? null);

let server, browser, model;
before(async () => {
  model = oracle();
  server = await serve({ '/widget/': dist, '/demo/': path.join(root, 'demo') });
  // Playwright turns the back/forward cache off by default; a reader's browser has it on.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
});
after(async () => {
  model?.close();
  await browser?.close();
  await server?.close();
});

const LINK = 'officers=1000&salary=100000';
const isWasm = (url) => /_bg\.wasm$/.test(url.pathname);

const newPage = (viewport = { width: 1024, height: 800 }) => openPage(browser, null, { viewport });

/** The demo article, its iframe pointed at `src` (and hidden if asked); records the height
 *  messages the host receives. Returns the widget's frame. */
async function article(page, src, { hidden = false } = {}) {
  const html = (await readFile(path.join(root, 'demo/article.html'), 'utf8'))
    .replace('src="../widget/index.html"', `src="${src.replace(/&/g, '&amp;')}"`)
    .replace('display:block;', hidden ? 'display:none;' : 'display:block;')
    .replace('loading="lazy"', hidden ? '' : 'loading="lazy"');
  await page.route('**/demo/article.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.addInitScript(() => {
    window.__heights = [];
    window.addEventListener('message', (e) => { if (e.data && e.data.type === 'embed-size') window.__heights.push(e.data.height); });
  });
  await page.goto(`${server.base}/demo/article.html`);
  const el = page.locator('iframe');
  if (!hidden) await el.scrollIntoViewIfNeeded();
  const frame = await (await el.elementHandle()).contentFrame();
  await frame.waitForSelector('#out-total', { state: 'attached' });
  return frame;
}

/** The iframe is as tall as the widget, from the widget's own last height message. */
async function assertFits(page, frame, note) {
  let m;
  for (let i = 0; i < 50; i++) {
    m = await page.evaluate(() => ({ outer: document.querySelector('iframe').getBoundingClientRect().height, last: window.__heights.at(-1) }));
    m.content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    if (Math.abs(m.outer - m.content) <= 2 && Math.abs(m.last - m.content) <= 2) break;
    await page.waitForTimeout(100);
  }
  assert.ok(Math.abs(m.outer - m.content) <= 2 && Math.abs(m.last - m.content) <= 2, `${note}: iframe ${m.outer}px, last message ${m.last}px, widget ${m.content}px`);
}

const stepNames = (frame) => frame.evaluate(() => window.__explainerSteps.map(([n]) => n));

test('the code never arrives: one retry, then the reader is told; the iframe still fits, the timeline stays', async () => {
  const page = await newPage();
  await page.context().route(isWasm, () => {}); // never answered
  const t0 = Date.now();
  const frame = await article(page, `../widget/index.html?${LINK}`);
  // Meanwhile: busy, the loading note, the default figures hidden.
  assert.equal(await figuresBusy(frame), 'true');
  assert.equal(await frame.locator('#out-total').isVisible(), false);
  await frame.waitForFunction(() => document.documentElement.classList.contains('static'), null, { timeout: 30000, polling: 250 });
  const seconds = (Date.now() - t0) / 1000;
  assert.ok(seconds >= 15 && seconds < 25, `gave up after ${seconds} s (two tries of 8 s)`);
  const steps = await stepNames(frame);
  assert.ok(steps.includes('first try: retry: not ready 8 s after the start (stage: compiling)'), steps.join(', '));
  assert.ok(steps.includes('stopped'), steps.join(', '));
  // What the reader sees: the note, the default figures, controls off and showing those values.
  const note = frame.locator('.explainer-note');
  assert.ok(await note.isVisible());
  assert.equal(await note.textContent(), 'The calculator could not start. The figures shown are the defaults, not the scenario in your link; reload the page to try again.');
  assert.equal(await frame.textContent('#status'), await note.textContent(), 'said once by the status region');
  assert.equal(await frame.textContent('#out-total'), '$1.19 billion');
  assert.ok(await frame.locator('#out-total').isVisible());
  const { inputs, shown } = await readPage(frame);
  assert.equal(inputs.officers, 8501);
  assert.deepEqual(shown, await model.ask(inputs), 'the controls show the values of the figures');
  assert.equal(await frame.locator('#explainer input:not([disabled]), #explainer button:not([disabled])').count(), 0);
  assert.equal(await frame.locator('ol.events > li').count(), 8);
  assert.equal(await figuresBusy(frame), null);
  // One message, with the steps.
  const ours = page.errors.filter((e) => e.startsWith('explainer:'));
  assert.equal(ours.length, 1, page.errors.join(' | '));
  assert.match(ours[0], /not ready 8 s after the start[\s\S]*first try: fetch/);
  await assertFits(page, frame, 'after giving up');
  // The note is not lost if the reader resizes the page.
  await page.setViewportSize({ width: 400, height: 800 });
  await assertFits(page, frame, 'resized');
  await page.context().close();
});

test('the code arrives late: the retry succeeds, with what the reader did meanwhile', async () => {
  const page = await newPage();
  let asked = 0;
  await page.context().route(isWasm, (route) => { if (++asked > 1) route.continue(); }); // the first never comes
  const frame = await article(page, `../widget/index.html?${LINK}`);
  // The reader works the (native) controls while the first try hangs.
  await frame.focus('#officers');
  await frame.press('#officers', 'End');
  await frame.click('label[for="equipment"]');
  assert.equal(await frame.inputValue('#officers'), '20000');
  await hydrated(frame);
  await frame.waitForFunction(() => !document.documentElement.classList.contains('pending'));
  const steps = await stepNames(frame);
  assert.ok(steps.some((n) => n.startsWith('first try: retry: not ready 8 s')), steps.join(', '));
  assert.ok(!steps.includes('stopped'));
  assert.equal(asked, 2);
  const { inputs, shown } = await readPage(frame);
  assert.equal(inputs.officers, 20000, 'the reader\'s slider, replayed after the retry');
  assert.equal(inputs.equipment, true);
  assert.equal(inputs.salary, 100000, 'the link\'s');
  assert.deepEqual(shown, await model.ask(inputs));
  assert.equal(await frame.locator('.explainer-note').count(), 0);
  assert.equal(await figuresBusy(frame), null);
  assert.equal(await frame.locator('ol.events > li').count(), 8);
  assert.equal(await frame.evaluate(() => history.state), null, 'the retry mark is gone');
  assert.deepEqual(page.errors, []);
  await assertFits(page, frame, 'after the retry');
  await page.context().close();
});

test('a tab frozen in the background while starting gets its full time again when it is back', async () => {
  const page = await newPage();
  // The code arrives only after the tab was frozen for longer than the watchdog's time, which
  // the page's clock skips (Playwright's clock: the loader's timers fire as if 8.5 s had gone).
  // (The freeze and resume events are dispatched as the browser would: Chromium does not
  // freeze a page with a request in flight, so CDP's Page.setWebLifecycleState cannot.)
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.context().route(isWasm, async (route) => { await released; await route.continue().catch(() => {}); });
  await page.clock.install();
  await page.goto(`${server.base}/widget/?${LINK}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window.__explainerSteps || []).some(([n]) => n.startsWith('start')), null, { polling: 20 });
  await page.evaluate(() => document.dispatchEvent(new Event('freeze')));
  await page.clock.fastForward(8500);
  // (Had the watchdog still been armed, it would have fired: a retry reloads the page.)
  await page.evaluate(() => document.dispatchEvent(new Event('resume')));
  release();
  await hydrated(page);
  const steps = await stepNames(page);
  assert.ok(steps.includes('freeze') && steps.includes('resume'), steps.join(', '));
  assert.ok(!steps.some((n) => /retry|stopped/.test(n)), JSON.stringify(await page.evaluate(() => window.__explainerSteps)));
  assert.equal((await readPage(page)).inputs.officers, 1000);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a hidden tab with no frames starts a shared link\'s calculator at once', async () => {
  const page = await newPage();
  // As in a background tab: hidden, no animation frames, no intersection reports.
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
    window.IntersectionObserver = class { observe() {} disconnect() {} };
  });
  await page.goto(`${server.base}/widget/?${LINK}`);
  await hydrated(page);
  await page.waitForFunction(() => !document.documentElement.classList.contains('pending'));
  assert.equal((await readPage(page)).inputs.officers, 1000);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the back/forward cache: a restored page starts the calculator when it is reached, or keeps it', async () => {
  const page = await newPage({ width: 360, height: 740 });
  await page.goto(`${server.base}/widget/`);
  await page.evaluate(() => { window.__kept = true; });
  await page.goto(`${server.base}/widget/index.es.html`);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await page.evaluate(() => window.__kept), true, 'restored from the back/forward cache');
  assert.equal(await page.evaluate(() => document.getElementById('explainer').dataset.ready), undefined, 'not started: not needed yet');
  await page.locator('section.calculator').scrollIntoViewIfNeeded();
  await hydrated(page);
  // A started one comes back started, with its figures.
  await page.goto(`${server.base}/widget/?${LINK}`);
  await hydrated(page);
  await page.evaluate(() => { window.__kept = true; });
  await page.goto(`${server.base}/widget/index.es.html`);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__kept === true && document.readyState === 'complete');
  const { inputs, shown } = await readPage(page);
  assert.equal(inputs.officers, 1000);
  assert.deepEqual(shown, await model.ask(inputs));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an iframe hidden with display:none starts when shown and reached; a shared link in one starts at once', async () => {
  const page = await newPage();
  const code = [];
  page.on('request', (r) => { if (isCode(new URL(r.url()).pathname)) code.push(r.url()); });
  let frame = await article(page, '../widget/index.html', { hidden: true });
  // The loader has looked for the calculator (not near: the frame is not shown) and waits.
  assert.deepEqual((await looked(frame)).filter((n) => /^(start|fetch)/.test(n)), [], 'hidden and not reached: not started');
  assert.deepEqual(code, [], 'hidden and not reached: not needed');
  await page.evaluate(() => { document.querySelector('iframe').style.display = 'block'; });
  await assertFits(page, frame, 'shown');
  await frame.locator('section.calculator').scrollIntoViewIfNeeded();
  await hydrated(frame);
  await page.unroute('**/demo/article.html');

  frame = await article(page, `../widget/index.html?${LINK}`, { hidden: true });
  // (Not hydrated(): it waits for a visible root.)
  await frame.waitForFunction(() => document.getElementById('explainer').dataset.ready === 'true' && !document.documentElement.classList.contains('pending'), null, { polling: 100, timeout: 15000 });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('iframe')).display), 'none', 'started while hidden');
  await page.evaluate(() => { document.querySelector('iframe').style.display = 'block'; });
  await assertFits(page, frame, 'shown with its scenario');
  assert.equal((await readPage(frame)).inputs.officers, 1000);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
