// The publishing kit (README "Publishing kit"): the embed page (dist/embed.html) under the
// strict CSP, its options, preview and codes; each code copied with its button and pasted
// verbatim into a blank host page on another origin (with the real Pym.js and
// @newswire/frames files at the addresses the codes name); axe on the embed page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serve, launch, openPage, hydrated, ready, readPage, oracle, dist, root } from './lib.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VENDOR = {
  'https://pym.nprapps.org/pym.v1.min.js': path.join(root, 'node_modules/pym.js/dist/pym.v1.min.js'),
  'https://unpkg.com/@newswire/frames@1.0.0/dist/frames.umd.js': path.join(root, 'node_modules/@newswire/frames/dist/frames.umd.js'),
};

let widget, host, browser, model;
before(async () => {
  widget = await serve({ '/widget/': dist });
  host = await serve({}); // blank host pages only (addPage)
  browser = await launch();
  model = oracle();
});
after(async () => {
  model?.close();
  await browser?.close();
  await Promise.all([widget?.close(), host?.close()]);
});

/** The embed page, ready (its wasm started), with the clipboard allowed. */
async function embedPage(file = 'embed.html', options = {}) {
  const page = await openPage(browser, `${widget.base}/widget/${file}`, { viewport: { width: 1200, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'], ...options });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  return page;
}

/** Sets an option as a user does: a radio clicked, a field typed (then left, for `change`). */
async function choose(page, { lang, theme, scenario, base }) {
  if (lang) await page.check(`input[name="lang"][value="${lang}"]`);
  if (theme) await page.check(`input[name="theme"][value="${theme}"]`);
  if (scenario !== undefined) {
    await page.fill('#scenario', scenario);
    await page.locator('#scenario').blur();
  }
  if (base !== undefined) await page.fill('#base', base);
}

/** Clicks a code's copy button; returns what reached the clipboard (and checks it is the code shown). */
async function copyCode(page, kind) {
  await page.click(`#copy-${kind}`);
  await page.waitForFunction((k) => document.getElementById(`status-${k}`).textContent !== '', kind);
  assert.equal(await page.textContent(`#status-${kind}`), await page.evaluate(() => document.documentElement.dataset.copied));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.inputValue(`#code-${kind}`), `${kind}: the clipboard holds the code shown`);
  return copied;
}

/** A blank host page on another origin with `snippet` pasted verbatim; the parents' scripts are
 *  answered from node_modules at the addresses the codes name. */
async function hostPage(snippet, width, name) {
  host.addPage(`/${name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body><h1>A news story</h1><p>Text before the widget.</p>
${snippet}
<p>Text after the widget.</p></body></html>`);
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  for (const [url, file] of Object.entries(VENDOR)) await context.route(url, (r) => r.fulfill({ path: file, contentType: 'text/javascript' }));
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`${host.base}/${name}.html`);
  return page;
}

/** The widget in the host page's iframe: ready, and the iframe exactly as tall as its content. */
async function widgetIn(page, note) {
  const el = page.locator('iframe').first();
  await el.waitFor();
  await el.scrollIntoViewIfNeeded();
  const frame = await (await el.elementHandle()).contentFrame();
  await hydrated(frame);
  // The host resizes on the widget's message: wait for it, then say what was wrong.
  const fits = async () => {
    const outer = (await el.boundingBox()).height;
    const inner = await frame.evaluate(() => ({ content: document.body.getBoundingClientRect().height, scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
    return { outer, ...inner, ok: Math.abs(outer - inner.content) <= 2 && inner.scroll <= inner.client + 1 };
  };
  let m = await fits();
  for (const deadline = Date.now() + 5000; !m.ok && Date.now() < deadline; m = await fits()) await page.waitForTimeout(50);
  assert.ok(m.ok, `${note}: iframe ${m.outer}px, widget ${m.content}px, scroll ${m.scroll} in ${m.client}`);
  return frame;
}

const SCENARIO = { officers: 9000, salary: 80000, rule: 'reuters' };
const LINK = (base) => `${base}/widget/index.html?officers=9000&salary=80000&rule=reuters&childId=x`;

for (const kind of ['iframe', 'pym', 'frames']) {
  test(`${kind}: options chosen, the code copied and pasted verbatim into a blank page shows that language, theme and scenario, and fits at 375 and 1200 px`, async () => {
    const page = await embedPage();
    await choose(page, { lang: 'es', theme: 'dark', scenario: LINK(widget.base) });
    // The default address is the embed page's folder.
    assert.equal(await page.inputValue('#base'), `${widget.base}/widget/`);
    const code = await copyCode(page, kind);
    // (In an attribute `&` is `&amp;`; in Pym's script string, `\u0026`.)
    assert.ok(code.replaceAll('&amp;', '&').replaceAll('\\u0026', '&').includes(`${widget.base}/widget/index.es.html?theme=dark&officers=9000&salary=80000&rule=reuters`), code);
    assert.deepEqual(page.errors, []);
    await page.context().close();

    for (const width of [375, 1200]) {
      const hostTab = await hostPage(code, width, `${kind}-${width}`);
      const frame = await widgetIn(hostTab, `${kind} at ${width}px`);
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'es');
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
      const shown = await readPage(frame);
      for (const [k, v] of Object.entries(SCENARIO)) assert.equal(shown.inputs[k], v, `${kind} ${width}px: ${k}`);
      const expected = await model.ask(shown.inputs);
      assert.equal(shown.shown.total, expected.total);
      assert.equal(shown.shown.perOfficer, expected.perOfficer);
      if (kind === 'pym') assert.match(await hostTab.getAttribute('iframe', 'src'), /childId=explainer-287g/);
      assert.deepEqual(hostTab.errors, [], `${kind} ${width}px`);
      await hostTab.context().close();
    }
  });
}

test('AMP: an https address gives an amp-iframe that is resizable, with overflow and the fallback image as placeholder; the widget at its address sends the height AMP resizes to', async () => {
  const page = await embedPage();
  // On http the code is withheld, and the page says why.
  assert.equal(await page.isDisabled('#copy-amp'), true);
  assert.equal(await page.textContent('#note-amp'), await page.evaluate(() => document.documentElement.dataset.errorAmpHttps));
  await choose(page, { lang: 'es', theme: 'light', scenario: '?officers=12000', base: 'https://news.example/graphics/287g/index.html' });
  const code = await copyCode(page, 'amp');
  assert.equal(await page.isHidden('#note-amp'), true);
  // The pasted code, parsed by the browser (the AMP runtime is not reachable offline, so the
  // tags AMP needs are checked here and the resizing messages below).
  const amp = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const el = doc.querySelector('amp-iframe');
    return {
      count: doc.body.querySelectorAll('amp-iframe').length,
      src: el.getAttribute('src'), resizable: el.hasAttribute('resizable'), layout: el.getAttribute('layout'),
      width: el.getAttribute('width'), height: el.getAttribute('height'), sandbox: el.getAttribute('sandbox').split(' '),
      overflow: el.querySelector(':scope > [overflow]')?.tagName, placeholder: el.querySelector(':scope > amp-img[placeholder]')?.getAttribute('src'),
      title: el.getAttribute('title'), scripts: doc.querySelectorAll('script').length,
    };
  }, code);
  assert.deepEqual(amp, {
    count: 1, src: 'https://news.example/graphics/287g/index.es.html?theme=light&officers=12000', resizable: true, layout: 'responsive',
    width: '1200', height: '630', sandbox: ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox'],
    overflow: 'BUTTON', placeholder: 'https://news.example/graphics/287g/fallback.es.png',
    title: await page.evaluate(() => document.documentElement.dataset.titleEs), scripts: 0,
  });
  assert.match(code, /^<!-- In the page's <head>, once: <script async custom-element="amp-iframe" src="https:\/\/cdn\.ampproject\.org\/v0\/amp-iframe-0\.1\.js"><\/script> -->/);
  await page.context().close();

  // The same page on this test's widget origin, in a frame: it sends AMP's embed-size message
  // with its own height, which is what amp-iframe resizes to.
  const listen = `<script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') window.heights.push(e.data.height); });</script>`;
  const tab = await hostPage(`${listen}<iframe src="${amp.src.replace('https://news.example/graphics/287g/', `${widget.base}/widget/`)}" style="width:100%;height:200px;border:0"></iframe>`, 375, 'amp');
  const frame = await (await tab.locator('iframe').elementHandle()).contentFrame();
  await tab.locator('iframe').scrollIntoViewIfNeeded();
  await hydrated(frame);
  await tab.waitForFunction(() => window.heights.length > 0);
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await tab.waitForFunction((h) => window.heights.at(-1) === h, content, { timeout: 5000 });
  assert.deepEqual(tab.errors, []);
  await tab.context().close();
  // The placeholder image is there, next to the widget.
  const res = await fetch(`${widget.base}/widget/fallback.es.png`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
});

test('the preview follows the options at each width, is sized by the widget\'s height messages, and its scenario can be taken', async () => {
  const page = await embedPage();
  const frameEl = page.locator('#preview');
  for (const width of ['320', '375', '768', 'full']) {
    await page.check(`input[name="width"][value="${width}"]`);
    // (The calculator's code is not needed: the loader sends the height messages.)
    const box = await frameEl.boundingBox();
    const stage = await page.locator('#stage').boundingBox();
    assert.ok(width === 'full' ? Math.abs(box.width - (stage.width - 2)) <= 1 : box.width === Number(width), `${width}: ${box.width}px`);
    await page.waitForFunction(() => {
      const f = document.getElementById('preview');
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument.body.getBoundingClientRect().height) <= 2;
    }, null, { timeout: 5000 }).catch(() => {});
    const h = await page.evaluate(() => { const f = document.getElementById('preview'); return [f.getBoundingClientRect().height, f.contentDocument.body.getBoundingClientRect().height]; });
    assert.ok(Math.abs(h[0] - h[1]) <= 2, `${width}: preview ${h[0]}px, widget ${h[1]}px`);
  }
  // Options change the preview.
  await choose(page, { lang: 'es', theme: 'dark' });
  await page.waitForFunction(() => /index\.es\.html\?theme=dark$/.test(document.getElementById('preview').src));
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.documentElement.lang === 'es' && document.documentElement.dataset.theme === 'dark');
  await ready(frame);
  // Move the calculator in the preview, then take its scenario: it goes into the codes.
  await frame.focus('#officers');
  await frame.press('#officers', 'End');
  await frame.waitForFunction(() => new URLSearchParams(location.search).get('officers') === '20000');
  await page.click('#take-scenario');
  assert.match(await page.inputValue('#scenario'), /officers=20000/);
  assert.doesNotMatch(await page.inputValue('#scenario'), /theme=/);
  assert.match(await page.inputValue('#code-iframe'), /index\.es\.html\?theme=dark&amp;officers=20000/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a change made while the preview downloads its code waits for it (no cut download, no console error), and a link being typed moves the preview once, when it is left', async (t) => {
  // The preview's calculator code stops half-way until released, so the options change while
  // the preview is still downloading it: cutting it logged "Fetch API cannot load" (a flake).
  let release, requested;
  const released = new Promise((ok) => { release = ok; });
  const downloading = new Promise((ok) => { requested = ok; });
  const slow = await serve({ '/widget/': dist }, { hold: (p) => /\/explainer-\w+_bg\.wasm$/.test(p) && (requested(), released) });
  t.after(() => (release(), slow.close()));
  const page = await openPage(browser, `${slow.base}/widget/embed.html`, { viewport: { width: 1200, height: 900 } });
  await page.waitForSelector('html[data-ready="true"]');
  // A link's scenario: the preview fetches the code at once.
  await choose(page, { scenario: `${slow.base}/widget/index.html?officers=100` });
  await downloading;
  // The preview's document loads only: its own address updates (the widget's replaceState once
  // a reader pauses) are same-document navigations, which request nothing.
  const navigations = [];
  page.on('request', (r) => r.isNavigationRequest() && r.frame() !== page.mainFrame() && navigations.push(r.url()));
  // A change made meanwhile waits for the download, not cut it.
  await choose(page, { lang: 'es' });
  // (The old page moved it in the change's own handler, which has run by now.)
  assert.match(await page.evaluate(() => document.getElementById('preview').src), /\/index\.html\?officers=100$/);
  release();
  await page.waitForFunction(() => /index\.es\.html\?officers=100$/.test(document.getElementById('preview').src));
  // The preview's widget writes its scenario into its own address once it has started (a
  // same-document navigation, 250 ms after its last change): wait for that, so that only the
  // embed page's moves of the preview are counted below.
  const started = await (await page.locator('#preview').elementHandle()).contentFrame();
  await ready(started);
  await started.waitForFunction(() => /[?&]rule=/.test(location.search));
  // Typed key by key: the codes follow, the preview waits for the field to be left.
  await page.fill('#scenario', '');
  const before = navigations.length;
  await page.locator('#scenario').pressSequentially(`${slow.base}/widget/index.html?officers=120`);
  assert.match(await page.inputValue('#code-iframe'), /index\.es\.html\?officers=120"/);
  await page.locator('#scenario').blur();
  await page.waitForFunction(() => /index\.es\.html\?officers=120$/.test(document.getElementById('preview').src));
  const frame = await (await page.locator('#preview').elementHandle()).contentFrame();
  await ready(frame);
  assert.equal(await frame.inputValue('#officers'), '120');
  // The preview's loads are requested in order: a load caused by typing would come before the
  // one that leaving the field caused, which has now arrived. So this is the only one.
  assert.deepEqual(navigations.slice(before), [`${slow.base}/widget/index.es.html?officers=120`], 'typing moved no preview');
  assert.deepEqual(navigations.filter((u) => /officers=12?(&|$)/.test(u)), [], `no preview of a half-typed link: ${navigations.join(' ')}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a pasted link to the Spanish page, with a theme, sets the language and colours; without a clipboard the code is selected to copy by hand', async () => {
  const page = await embedPage('embed.html', { permissions: [] });
  await page.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: undefined }); });
  await choose(page, { scenario: `${widget.base}/widget/index.es.html?theme=light&officers=100` });
  assert.equal(await page.isChecked('input[name="lang"][value="es"]'), true);
  assert.equal(await page.isChecked('input[name="theme"][value="light"]'), true);
  const code = await page.inputValue('#code-frames');
  assert.match(code, /index\.es\.html\?theme=light&amp;officers=100"/);
  await page.click('#copy-frames');
  assert.equal(await page.textContent('#status-frames'), await page.evaluate(() => document.documentElement.dataset.copyFailed));
  const selected = await page.evaluate(() => {
    const a = document.activeElement;
    return a.id === 'code-frames' ? a.value.slice(a.selectionStart, a.selectionEnd) : null;
  });
  assert.equal(selected, code, 'the whole code is selected in its field');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bad input gets a clear message on its field, and no code is offered until it is fixed', async () => {
  const page = await embedPage();
  const data = (k) => page.evaluate((key) => document.documentElement.dataset[key], k);
  for (const [base, key, what] of [
    ['javascript:alert(1)', 'errorBaseScheme', ''],
    ['https://news.example/"><script>alert(1)</script>', 'errorBaseChar', '“"”'],
    ['https://news.example/g/?officers=1', 'errorBaseQuery', ''],
  ]) {
    await choose(page, { base });
    assert.equal(await page.textContent('#base-error'), (await data(key)).replace('{what}', what), base);
    assert.equal(await page.getAttribute('#base', 'aria-invalid'), 'true');
    for (const kind of ['iframe', 'pym', 'frames', 'amp']) {
      assert.equal(await page.inputValue(`#code-${kind}`), '', `${kind} with ${base}`);
      assert.equal(await page.isDisabled(`#copy-${kind}`), true);
    }
    assert.equal(await page.isVisible('#no-codes'), true);
  }
  await choose(page, { base: 'https://news.example/g/' });
  assert.equal(await page.isHidden('#base-error'), true);
  assert.equal(await page.getAttribute('#base', 'aria-invalid'), null);
  await choose(page, { scenario: 'https://news.example/g/index.html?officers=9000&salary=abc' });
  assert.equal(await page.textContent('#scenario-error'), (await data('errorScenarioValue')).replace('{what}', 'salary=abc'));
  assert.equal(await page.inputValue('#code-iframe'), '');
  await page.click('#clear-scenario');
  assert.match(await page.inputValue('#code-iframe'), /^<iframe id="explainer-287g" src="https:\/\/news\.example\/g\/index\.html"/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the embed page: strict CSP respected (no violation, SRI on its files), Spanish version, no sideways scroll at 375 px, keyboard-reachable copy buttons', async () => {
  for (const [file, lang] of [['embed.html', 'en'], ['embed.es.html', 'es']]) {
    const page = await openPage(browser, `${widget.base}/widget/${file}`, { viewport: { width: 375, height: 800 } });
    await page.evaluate(() => { window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective)); });
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    const tags = await page.evaluate(() => [...document.querySelectorAll('script, link[rel="stylesheet"]')].map((e) => [e.src || e.href, e.integrity]));
    for (const [src, integrity] of tags) assert.match(integrity, /^sha384-/, src);
    assert.equal(await page.locator('style, [style]:not(#preview)').count(), 0);
    for (const kind of ['iframe', 'pym', 'frames']) assert.notEqual(await page.inputValue(`#code-${kind}`), '');
    // No sideways scroll on a phone, also with the preview wider than the screen.
    await page.check('input[name="width"][value="768"]');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${file}: sideways scroll at 375 px`);
    // The copy buttons are reached by Tab and name their code.
    const names = [];
    for (let i = 0; i < 60 && names.length < 3; i++) {
      await page.keyboard.press('Tab');
      const n = await page.evaluate(() => (document.activeElement.id.startsWith('copy-') ? document.activeElement.textContent : null));
      if (n) names.push(n);
    }
    assert.equal(names.length, 3, `${file}: copy buttons by keyboard`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('axe: no WCAG 2.2 AA violation on the embed page (English and Spanish, light and dark, with an error shown)', async () => {
  for (const file of ['embed.html', 'embed.es.html']) {
    for (const colorScheme of ['light', 'dark']) {
      // axe is injected as an inline script, so this context alone bypasses the page's CSP.
      const page = await embedPage(file, { bypassCSP: true, colorScheme });
      const run = async (note) => {
        await page.addScriptTag({ path: axePath });
        const r = await page.evaluate(async () => {
          const res = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(r, [], `${file} ${colorScheme} ${note}`);
      };
      await run('as opened');
      await choose(page, { base: 'javascript:x', scenario: '?salary=x' });
      await run('with errors');
      await page.context().close();
    }
  }
});
