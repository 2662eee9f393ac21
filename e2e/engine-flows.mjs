// The reader's core flows, run in Firefox ESR and WebKitGTK (firefox.test.mjs,
// webkit.test.mjs; Chromium runs these and much more in the other files): the prerendered page,
// the calculator reached and moved by keyboard and by click against the native model, a shared
// link (and what the first frames show before the loader has run: WebKit has no
// `blocking="render"`), Spanish, copy link and its fallback, an auto-height cross-origin embed,
// and the page with JavaScript off. See e2e/README.md for what runs where.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { serve, oracle, pageState, dist, HOST_MOUNTS } from './lib.mjs';
import { startEngine, until } from './engines.mjs';

const LINK = 'officers=1000&salary=100000';
const DEFAULT_TOTAL = { en: '$1.19 billion', es: '$1,190 millones' };
const COPIED = { en: 'Link copied', es: 'Enlace copiado' };
const file = (lang) => (lang === 'es' ? 'index.es.html' : 'index.html');
const isLoader = (p) => /\/loader-[0-9a-f]+\.js$/.test(p);
const isWasm = (p) => /_bg\.wasm$/.test(p);

export function engineTests(name) {
  let engine, widget, host, model;
  // The loader or the wasm can be held (the first half sent, the rest when released), as a slow
  // network has it: `holds` maps a test of the path to what answers it.
  const holds = new Map();
  before(async () => {
    model = oracle();
    widget = await serve({ '/widget/': dist }, { hold: (p) => [...holds].find(([is]) => is(p))?.[1]() ?? null });
    host = await serve(HOST_MOUNTS, { rewrite: [['../widget/', `${widget.base}/widget/`]] });
    engine = await startEngine(name);
  });
  after(async () => {
    model?.close();
    await engine?.close();
    await Promise.all([widget?.close(), host?.close()]);
  });

  /** The page shows exactly what the model computes for the inputs it holds. */
  async function matches(tab, note, frame) {
    const { inputs, shown } = await tab.run(pageState, [], frame);
    assert.deepEqual(shown, await model.ask(inputs), `${name}, ${note}: ${JSON.stringify(inputs)}`);
    return inputs;
  }

  /** Until the page shows the model's figures for inputs that `want` accepts (a keystroke is
   *  rendered a moment after it is typed). */
  async function settles(tab, want, note, frame) {
    let last;
    await until(async () => {
      last = await tab.run(pageState, [], frame);
      return want(last.inputs) && isDeepStrictEqual(last.shown, await model.ask(last.inputs));
    }, `${name}, ${note}`, { describe: async () => JSON.stringify(last) });
    return last.inputs;
  }

  const state = () => ({
    ready: document.getElementById('explainer')?.dataset.ready === 'true',
    pending: document.documentElement.classList.contains('pending'),
    static: document.documentElement.classList.contains('static'),
    steps: (window.__explainerSteps || []).map(([n]) => n).join(', '),
  });
  /** Until the calculator has started (and a link's scenario is on screen); never given up. */
  async function started(tab, frame) {
    let last;
    await until(async () => (last = await tab.run(state, [], frame)).ready && !last.pending, `${name}: the calculator starts`, { describe: async () => JSON.stringify(last) });
    assert.equal(last.static, false);
    assert.doesNotMatch(last.steps, /retry|stopped/);
  }
  const reach = (tab, frame) => tab.run(() => document.getElementById('calculator-island').scrollIntoView({ block: 'center' }), [], frame);

  test(`${name}: the prerendered page; reached, the calculator starts with the same figures; keyboard and clicks match the model`, async () => {
    const tab = await engine.open({ width: 1024, height: 800 });
    await tab.goto(`${widget.base}/widget/index.html`);
    assert.equal(await tab.run(() => document.querySelectorAll('ol.events > li').length), 8, 'the timeline');
    const first = await tab.run(pageState);
    assert.equal(first.inputs.officers, 8501);
    assert.equal(first.shown.total, DEFAULT_TOTAL.en);
    await matches(tab, 'prerendered');
    await reach(tab);
    await started(tab);
    assert.deepEqual((await tab.run(pageState)).shown, first.shown, 'the first render changed nothing');
    // The keyboard on the sliders, as a reader moves them.
    let inputs = first.inputs;
    for (const [id, key, moved] of [
      ['officers', 'ArrowRight', (i) => i.officers > first.inputs.officers],
      ['officers', 'PageUp', (i) => i.officers > inputs.officers],
      ['salary', 'End', (i) => i.salary > first.inputs.salary],
      ['benefits', 'Home', (i) => i.benefits < first.inputs.benefits],
      ['overtime', 'ArrowLeft', (i) => i.overtime < first.inputs.overtime],
    ]) {
      await tab.press(`#${id}`, key);
      inputs = await settles(tab, moved, `${key} on #${id}`);
    }
    // The options, clicked.
    await tab.click('label[for="awards-750"]');
    inputs = await settles(tab, (i) => i.awards === '750', 'the $750 awards');
    await tab.click('label[for="rule-reuters"]');
    inputs = await settles(tab, (i) => i.rule === 'reuters', 'Reuters\' reading');
    await tab.click('#equipment');
    inputs = await settles(tab, (i) => i.equipment !== first.inputs.equipment, 'equipment');
    assert.deepEqual(tab.errors, []);
    await tab.close();
  });

  test(`${name}: a shared link, embedded: no frame shows a default figure as the link's before the loader has run, then the link's figures`, async () => {
    const tab = await engine.open({ width: 1024, height: 800 });
    for (const lang of ['en', 'es']) {
      // A host page on the widget's origin reads the widget's document at every animation
      // frame of the page (the same rendering update as the frame's): what each paint shows.
      const page = `/host-link-${lang}.html`;
      widget.addPage(page, `<!doctype html><meta charset="utf-8"><body style="margin:0">
<iframe id="w" style="width:100%;height:4000px;border:0"></iframe>
<script>
const s = (window.__s = { frames: 0, totals: 0, everPending: false, violations: [] });
const defaults = ${JSON.stringify(Object.values(DEFAULT_TOTAL))};
const tick = () => {
  const d = document.getElementById('w').contentDocument;
  if (d && d.documentElement && d.URL.includes('/widget/')) {
    s.frames++;
    s.everPending ||= d.documentElement.classList.contains('pending');
    const total = d.getElementById('out-total');
    const root = d.getElementById('explainer');
    if (total && root) {
      s.totals++;
      const busy = total.closest('[aria-busy]')?.getAttribute('aria-busy') === 'true';
      const settled = root.dataset.ready === 'true' || !!d.querySelector('.explainer-note');
      const visible = d.defaultView.getComputedStyle(total).visibility === 'visible';
      if (visible && defaults.includes(total.textContent.trim()) && !busy && !settled) s.violations.push('frame ' + s.frames + ': ' + total.textContent + ' visible, not busy');
    }
  }
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
</script>`);
      let release, requested, releaseWasm;
      const arrived = new Promise((ok) => { requested = ok; });
      holds.set(isLoader, () => (requested(), new Promise((ok) => { release = ok; })));
      const wasmReleased = new Promise((ok) => { releaseWasm = ok; });
      holds.set(isWasm, () => wasmReleased);
      // The host page loaded, the test points its frame at the link (a WebDriver command waits
      // for a page's load, which the held loader would hold up).
      await tab.goto(`${widget.base}${page}`);
      await tab.run((src) => { document.getElementById('w').src = src; }, [`/widget/${file(lang)}?${LINK}`]);
      await arrived;
      // Five paints of the page while the loader cannot have run: each could show the body.
      const sampled = () => tab.run(() => JSON.stringify(window.__s)).then((s) => `host page: ${s}`);
      try {
        // Five frames painted while the frame's parser waits for the loader, then the loader.
        const from = await until(() => tab.run(() => window.__s?.frames), 'the host page paints', { describe: sampled });
        await until(() => tab.run((n) => window.__s.frames >= n, [from + 5]), 'five frames with the loader held', { describe: sampled });
      } finally {
        holds.delete(isLoader);
        release();
      }
      // The link's page, parsed and busy: the default total hidden, the results marked; then the code.
      try {
        await until(() => tab.run(() => {
          const d = document.getElementById('w').contentDocument;
          const total = d?.getElementById('out-total');
          return !!total && d.documentElement.classList.contains('pending') && d.defaultView.getComputedStyle(total).visibility === 'hidden'
            && total.closest('[aria-busy]')?.getAttribute('aria-busy') === 'true';
        }), 'the link\'s page, busy', { describe: sampled });
      } finally {
        holds.delete(isWasm);
        releaseWasm();
      }
      await started(tab, '#w');
      const s = await tab.run(() => window.__s);
      assert.deepEqual(s.violations, [], `${lang}: a default total was painted as the link's`);
      assert.equal(s.everPending, true, `${lang}: a frame painted busy`);
      const inputs = await matches(tab, `the link (${lang})`, '#w');
      assert.deepEqual([inputs.officers, inputs.salary, inputs.lang], [1000, 100000, lang]);
      assert.notEqual((await tab.run(pageState, [], '#w')).shown.total, DEFAULT_TOTAL[lang]);
    }
    assert.deepEqual(tab.errors, []);
    await tab.close();
  });

  test(`${name}: Spanish at phone width, opened from a link and by the language switch; the keyboard matches the model`, async () => {
    const tab = await engine.open({ width: 375, height: 800 });
    await tab.goto(`${widget.base}/widget/index.html?${LINK}`);
    await started(tab);
    await matches(tab, 'the link (en)');
    // The language link keeps the scenario and replaces the page.
    await tab.click('nav.lang a[hreflang="es"]');
    await until(async () => /\/index\.es\.html\?/.test(await tab.url()), 'the Spanish page');
    await started(tab);
    await tab.watch();
    assert.equal(await tab.run(() => document.documentElement.lang), 'es');
    const inputs = await matches(tab, 'the link (es)');
    assert.deepEqual([inputs.officers, inputs.salary, inputs.lang], [1000, 100000, 'es']);
    await tab.press('#officers', 'ArrowLeft');
    await settles(tab, (i) => i.officers < 1000, 'ArrowLeft in Spanish');
    assert.ok(await tab.run(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
    assert.deepEqual(tab.errors, []);
    await tab.close();
  });

  test(`${name}: copy link copies the scenario's link; without a clipboard the link is shown, selected; each restores the scenario`, async () => {
    const tab = await engine.open({ width: 1024, height: 800 });
    await tab.goto(`${widget.base}/widget/index.es.html`);
    await reach(tab);
    await started(tab);
    await tab.press('#officers', 'PageUp');
    const inputs = await settles(tab, (i) => i.officers > 8501, 'PageUp');
    // What the widget hands the clipboard (the write itself is the browser's).
    await tab.run(() => {
      const write = Clipboard.prototype.writeText;
      Clipboard.prototype.writeText = function (t) { window.__written = t; return write.call(this, t); };
    });
    await tab.click('button.copy');
    const answer = () => tab.run(() => ({ button: document.querySelector('button.copy').textContent.trim(), field: document.getElementById('copy-field')?.value ?? null, written: window.__written ?? null }));
    const copied = await until(async () => { const a = await answer(); return (a.button === COPIED.es || a.field) && a; }, 'an answer to copy');
    assert.deepEqual(copied, { button: COPIED.es, field: null, written: copied.written }, 'copied, with no field');
    assert.match(copied.written, new RegExp(`index\\.es\\.html\\?officers=${inputs.officers}&`));
    // The copied link restores the scenario.
    await tab.goto(copied.written);
    await started(tab);
    assert.deepEqual((await tab.run(pageState)).inputs, inputs, copied.written);
    // No clipboard at all (as on plain http): the link is shown, whole and selected, to copy by hand.
    await tab.run(() => { delete Navigator.prototype.clipboard; });
    await reach(tab);
    await tab.click('button.copy');
    const shown = await until(() => tab.run(() => {
      const f = document.getElementById('copy-field');
      return f && { value: f.value, focused: document.activeElement === f, selected: [f.selectionStart, f.selectionEnd], button: document.querySelector('button.copy').textContent.trim() };
    }), 'the link shown');
    assert.deepEqual(shown, { value: copied.written, focused: true, selected: [0, copied.written.length], button: 'Copiar enlace a este escenario' });
    assert.deepEqual(tab.errors, []);
    await tab.close();
  });

  test(`${name}: embedded from another origin at phone width, the iframe is as tall as the widget, before and after the calculator starts`, async () => {
    const tab = await engine.open({ width: 375, height: 800 });
    await tab.goto(`${host.base}/demo/article.html`);
    const fit = async (note) => {
      let m;
      await until(async () => {
        m = {
          outer: await tab.run(() => document.querySelector('iframe').getBoundingClientRect().height),
          ...(await tab.run(() => ({ origin: location.origin, content: document.body?.getBoundingClientRect().height ?? 0, scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }), [], 'iframe')),
        };
        return m.content > 0 && Math.abs(m.outer - m.content) <= 2 && m.scroll <= m.client + 1;
      }, `${name}, ${note}: the iframe fits`, { describe: async () => JSON.stringify(m) });
      assert.equal(m.origin, widget.base);
      assert.notEqual(new URL(await tab.url()).origin, m.origin);
      return m.outer;
    };
    // (The demo's iframe is `loading="lazy"`: WebKit loads it only once it is near the screen.)
    await tab.run(() => document.querySelector('iframe').scrollIntoView());
    const before = await fit('prerendered');
    // The reader scrolls the article to the calculator (a frame's scrollIntoView does not move
    // the page around it in WebKit, across origins).
    const centre = async (sel) => {
      const y = await tab.run((q) => document.querySelector(q).getBoundingClientRect().top, [sel], 'iframe');
      await tab.run((top) => scrollTo(0, document.querySelector('iframe').getBoundingClientRect().top + scrollY + top - innerHeight / 2), [y]);
    };
    await centre('#calculator-island');
    await started(tab, 'iframe');
    // An option tapped in the iframe, at mid-screen.
    await centre('label[for="awards-750"]');
    await tab.click('label[for="awards-750"]', 'iframe');
    await settles(tab, (i) => i.awards === '750', 'the $750 awards in the iframe', 'iframe');
    const afterStart = await fit('started');
    assert.ok(before > 1000 && afterStart > 1000, `${before} px, then ${afterStart} px`);
    assert.deepEqual(tab.errors, []);
    await tab.close();
  });

  test(`${name}: with JavaScript off, the page (a shared link too) shows the prerendered figures and timeline, nothing marked busy`, async () => {
    const tab = await engine.open({ width: 1024, height: 800, javascript: false });
    for (const lang of ['en', 'es']) {
      await tab.goto(`${widget.base}/widget/${file(lang)}?${LINK}`);
      const s = await tab.run(() => ({
        ran: !!window.__explainerSteps, html: document.documentElement.className,
        busy: document.querySelectorAll('[aria-busy]').length,
        visible: getComputedStyle(document.getElementById('out-total')).visibility,
        events: document.querySelectorAll('ol.events > li').length,
      }));
      assert.deepEqual(s, { ran: false, html: '', busy: 0, visible: 'visible', events: 8 }, lang);
      const { inputs, shown } = await tab.run(pageState);
      assert.equal(inputs.officers, 8501);
      assert.equal(shown.total, DEFAULT_TOTAL[lang]);
      assert.deepEqual(shown, await model.ask(inputs), lang);
    }
    await tab.close();
  });
}
