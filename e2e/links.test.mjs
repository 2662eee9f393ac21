// A shared link's scenario: until the calculator shows it, the page never shows the default
// figures as if they were the link's (the loader marks the results busy and says it is
// loading); if the code cannot start, it says the figures are the defaults. Links without a
// valid scenario mark nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { suite, hydrated, looked, isCode, readPage, root, dist, openPage, sliders, layoutShift } from './lib.mjs';

/** The busy mark on the figures' box (aria-busy), or null. */
const figuresBusy = (frame) => frame.evaluate(() => document.getElementById('out-total').closest('[aria-busy]')?.getAttribute('aria-busy') ?? null);

let server, browser, model;
suite({ mounts: { '/widget/': dist, '/demo/': path.join(root, 'demo') }, model: true }, (s) => ({ server, browser, model } = s));

const LINK = 'officers=1000&salary=100000';
const DEFAULT_TOTAL = { en: '$1.19 billion', es: '$1,190 millones' };
const LOADING = { en: /^Loading the scenario/, es: /^Cargando el escenario/ };
const PHONE = { viewport: { width: 360, height: 740 } };

/** Before any script of the page: on every frame (rAF runs just before a paint), whether the
 *  default total is visible without the busy mark, and what the note says. In every frame. */
function sampler(defaults) {
  const s = (window.__samples = { frames: 0, busyFrames: 0, notes: [], violations: [], everPending: false });
  const pending = () => { s.everPending ||= !!document.documentElement?.classList.contains('pending'); };
  const tick = () => {
    pending();
    const total = document.getElementById('out-total');
    if (total) {
      s.frames++;
      const busy = total.closest('[aria-busy]')?.getAttribute('aria-busy') === 'true';
      if (busy) s.busyFrames++;
      const note = getComputedStyle(total.closest('.figures'), '::after').content;
      if (busy && !s.notes.includes(note)) s.notes.push(note);
      // (Once ready, they are the link's figures, even if equal to the defaults; once the loader
      // has given up, its note says they are the defaults.)
      const settled = document.getElementById('explainer').dataset.ready === 'true' || !!document.querySelector('.explainer-note');
      const said = document.getElementById('status')?.textContent ?? '';
      if (defaults.some((d) => said.includes(d)) && !settled) s.violations.push(`frame ${s.frames}: the status region said ${said}`);
      if (getComputedStyle(total).visibility === 'visible' && defaults.includes(total.textContent.trim()) && !busy && !settled) {
        s.violations.push(`frame ${s.frames} at ${Math.round(performance.now())} ms: ${total.textContent} visible, not busy`);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver(pending).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

/** A page that samples every frame. `holdWasm`: the wasm is answered only when the test calls
 *  `page.releaseWasm()` (a slow network, for as long as the test needs to look). */
async function context({ holdWasm = false, blockCode = false, viewport = { width: 1024, height: 800 } } = {}) {
  const late = (ms) => async (route) => { await new Promise((ok) => setTimeout(ok, ms)); await route.continue().catch(() => {}); };
  let release;
  const released = new Promise((ok) => { release = ok; });
  const route = [
    // A slow loader too: the page must not paint before it has run (it blocks the parser).
    [/\/loader-[0-9a-f]+\.js$/, late(300)],
    ...(holdWasm ? [[/_bg\.wasm$/, async (r) => { await released; await r.continue().catch(() => {}); }]] : []),
    ...(blockCode ? [[(url) => isCode(url.pathname), (r) => r.abort()]] : []),
  ];
  const page = await openPage(browser, null, { viewport, init: [[sampler, Object.values(DEFAULT_TOTAL)]], route });
  page.releaseWasm = release;
  return page;
}

/** The widget at `file?query`, opened directly or in the demo article's iframe; its frame. */
async function open(page, { lang, embedded, query }) {
  const file = lang === 'es' ? 'index.es.html' : 'index.html';
  if (!embedded) {
    await page.goto(`${server.base}/widget/${file}?${query}`);
    return page.mainFrame();
  }
  const article = await readFile(path.join(root, 'demo/article.html'), 'utf8');
  assert.ok(article.includes('src="../widget/index.html"'));
  await page.route('**/demo/article.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: article.replace('src="../widget/index.html"', `src="../widget/${file}?${query.replace(/&/g, '&amp;')}"`),
  }));
  await page.goto(`${server.base}/demo/article.html`);
  const el = page.locator('iframe');
  await el.scrollIntoViewIfNeeded();
  const frame = await (await el.elementHandle()).contentFrame();
  await frame.waitForSelector('#out-total', { state: 'attached' });
  return frame;
}

const samples = (frame) => frame.evaluate(() => window.__samples);

for (const lang of ['en', 'es']) {
  for (const embedded of [false, true]) {
    const where = `${lang === 'es' ? 'Spanish' : 'English'}, ${embedded ? 'embedded' : 'opened directly'}`;

    test(`a shared link, ${where}: the default figures are never shown as the link's; then the link's are`, async () => {
      const page = await context({ holdWasm: true });
      const frame = await open(page, { lang, embedded, query: LINK });
      // While the code is on its way: busy, figures hidden, the note in the page's language.
      await frame.waitForFunction(() => window.__samples.frames > 3);
      assert.equal(await figuresBusy(frame), 'true');
      assert.equal(await frame.locator('#out-total').isVisible(), false, 'the default total is hidden');
      // Ten frames painted busy, then the code arrives.
      await frame.waitForFunction(() => window.__samples.busyFrames >= 10);
      page.releaseWasm();
      await hydrated(frame);
      await frame.waitForFunction(() => !document.documentElement.classList.contains('pending'));
      const s = await samples(frame);
      assert.deepEqual(s.violations, [], 'a default total was visible without the busy mark');
      assert.ok(s.busyFrames >= 10, `busy for ${s.busyFrames} frames while the code was held`);
      const note = await frame.evaluate(() => document.documentElement.dataset.noteLoading);
      assert.match(note, LOADING[lang]);
      assert.deepEqual(s.notes, [JSON.stringify(note)], 'the note, as the reader saw it');
      // Ready: the link's figures, and no mark left.
      assert.equal(await figuresBusy(frame), null);
      assert.equal(await frame.locator('#out-total').isVisible(), true);
      const { inputs, shown } = await readPage(frame);
      assert.equal(inputs.officers, 1000);
      assert.equal(inputs.salary, 100000);
      assert.equal(inputs.lang, lang);
      assert.deepEqual(shown, await model.ask(inputs));
      assert.notEqual(shown.total, DEFAULT_TOTAL[lang]);
      // The status region speaks once the link's figures are there, and only those.
      await frame.waitForFunction((t) => document.getElementById('status').textContent.includes(t), shown.total, { timeout: 3000 });
      // The note took no space of its own: nothing moved when it went (or came).
      const shift = await layoutShift(frame);
      assert.ok(shift < 0.01, `layout shift ${shift}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test(`a shared link whose code cannot load, ${where}: the note says the figures are the defaults`, async () => {
      const page = await context({ blockCode: true });
      const frame = await open(page, { lang, embedded, query: LINK });
      await frame.waitForFunction(() => document.documentElement.classList.contains('static'), null, { timeout: 15000 });
      const note = frame.locator('.explainer-note');
      assert.equal(await note.textContent(), await frame.evaluate(() => document.documentElement.dataset.noteFailedLink));
      assert.match(await note.textContent(), lang === 'es' ? /valores iniciales, no las del escenario de su enlace/ : /defaults, not the scenario in your link/);
      assert.ok(await note.isVisible());
      assert.equal(await figuresBusy(frame), null);
      assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('pending')), false);
      // The figures are the defaults, and so are the controls, switched off.
      assert.equal(await frame.textContent('#out-total'), DEFAULT_TOTAL[lang]);
      assert.ok(await frame.locator('#out-total').isVisible());
      assert.equal(await frame.inputValue('#officers'), '8501');
      assert.equal(await frame.locator('#explainer input:not([disabled]), #explainer button:not([disabled])').count(), 0);
      assert.equal(await frame.locator('ol.events > li').count(), 8, 'the timeline stays');
      assert.deepEqual(page.errors.filter((e) => e.startsWith('explainer:')).length, 1, page.errors.join(' | '));
      // It tried once more (a reload) before giving up.
      const steps = await frame.evaluate(() => window.__explainerSteps.map(([n]) => n));
      assert.ok(steps.some((n) => n.startsWith('first try: retry')), steps.join(', '));
      assert.deepEqual((await samples(frame)).violations, []);
      await page.context().close();
    });
  }
}

test('links with only a language, a theme, or malformed values mark nothing busy and load no code', async () => {
  // [link, the page it ends on]: a link asking for the other language goes to that page.
  for (const [where, lands] of [
    ['/widget/?lang=es', '/widget/index.es.html?lang=es'],
    ['/widget/index.es.html?lang=en&theme=light', '/widget/index.html?lang=en&theme=light'],
    ['/widget/?theme=dark', null],
    ['/widget/?officers=NaN&salary=1e5&benefits=12.345&overtime=.&awards=2000&equipment=yes&lang=fr', null],
    ['/widget/?officers=&salary=-&benefits=-.5&x=1', null],
  ]) {
    const page = await context({ viewport: PHONE.viewport });
    const code = [];
    page.on('request', (r) => { if (isCode(new URL(r.url()).pathname)) code.push(r.url()); });
    await page.goto(`${server.base}${where}`);
    await page.waitForURL(`${server.base}${lands ?? where}`);
    // The loader has read the link and looked for the calculator: what it would start, it has.
    const steps = await looked(page);
    assert.deepEqual(steps.filter((n) => /^(start|fetch)/.test(n)), [], `${where}: started`);
    const s = await samples(page);
    assert.ok(s.frames > 0, where);
    assert.equal(s.everPending, false, `${where}: marked pending`);
    assert.equal(s.busyFrames, 0, `${where}: marked busy`);
    assert.deepEqual(code, [], `${where}: code requested`);
    assert.deepEqual(page.errors, [], where);
    await page.context().close();
  }
});

test('each kind of valid value marks the results busy until the link\'s figures are there', async () => {
  const keys = await (async () => {
    const page = await context();
    await page.goto(`${server.base}/widget/`);
    // `key=pattern` entries (explainer_core::url::key_patterns).
    const k = (await page.getAttribute('html', 'data-keys')).split(' ').map((e) => e.split('=')[0]);
    await page.context().close();
    return k;
  })();
  assert.deepEqual(keys, [...sliders().map((s) => s.key), 'awards', 'equipment', 'rule', 'lang']);
  const links = ['officers=-3', 'salary=99999999999', 'benefits=.5', 'overtime=7.', 'awards=750', 'equipment=true', 'equipment=0&officers=NaN', 'rule=reuters'];
  for (const q of links) {
    const page = await context({ holdWasm: true, viewport: PHONE.viewport });
    await page.goto(`${server.base}/widget/?${q}`);
    await page.waitForFunction(() => window.__samples.busyFrames > 0);
    page.releaseWasm();
    await hydrated(page);
    const s = await samples(page);
    assert.equal(s.everPending, true, `${q}: pending`);
    assert.ok(s.busyFrames > 0, `${q}: busy`);
    assert.deepEqual(s.violations, [], q);
    await page.waitForFunction(() => !document.documentElement.classList.contains('pending'));
    assert.equal(await figuresBusy(page), null, q);
    const { inputs, shown } = await readPage(page);
    assert.deepEqual(shown, await model.ask(inputs), q);
    await page.context().close();
  }
});

test('axe: no WCAG 2.2 AA violation while a link loads, nor once the loader has given up', async () => {
  const { createRequire } = await import('node:module');
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  for (const state of ['loading', 'given up']) {
    for (const colorScheme of ['light', 'dark']) {
      for (const file of ['index.html', 'index.es.html']) {
        // axe is injected as an inline script, so this context alone bypasses the page's CSP.
        const ctx = await browser.newContext({ viewport: { width: 320, height: 900 }, colorScheme, bypassCSP: true });
        if (state === 'loading') await ctx.route(/_bg\.wasm$/, () => {});
        else await ctx.route((url) => isCode(url.pathname), (route) => route.abort());
        const page = await ctx.newPage();
        await page.goto(`${server.base}/widget/${file}?${LINK}`);
        if (state === 'loading') assert.equal(await figuresBusy(page), 'true');
        else await page.waitForSelector('.explainer-note', { timeout: 15000 });
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${state}, ${file}, ${colorScheme}`);
        await ctx.close();
      }
    }
  }
});
