// The widget's only script (README "Loading", "If the calculator does not start"): ?theme=, the
// iframe height, where the language links go, the calculator's code when needed, a shared
// link's busy state, the watchdog.
// A classic script in <head>, neither async nor a module: it runs before the body is parsed, so
// before the first paint, in every browser (`blocking="render"` is Chromium's alone: Firefox and
// WebKit painted the default figures of a shared link before it ran). e2e/minify.mjs wraps it
// in a strict function.
// It reads in start-up order: constants, the one state object, the steps of the start, main().
//
// What it knows of the markup is the prerendered page's contract with it, written by the
// prerender step and the components (src/prerender.rs): `<html data-pages data-glue data-wasm
// data-keys data-note-*>`, `#explainer` (`data-ready` once the code runs), and the markers
// `[data-calculator]` (its `data-scenario`: the scenario as a link's query, once changed),
// `[data-figures]` (busy while a link loads), `[data-pinned]` (the figures that stay on
// screen) and the language links, `a[hreflang]`. No class names: those are the stylesheet's.

// ---- Constants

/** From the code's request to ready: then one retry, then giving up. */
const WATCHDOG_MS = 8000;
/** A retry reloads this history entry, marked in its state (no URL change, no storage). */
const RETRY = 'explainerRetry';
/** The height of the slices that tell where an iframe is visible, in px (followVisible). */
const SLICE = 48;
const page = document.documentElement;
const params = new URLSearchParams(location.search);
const hasWasm = typeof WebAssembly === 'object';
const isTrap = (e) => hasWasm && e instanceof WebAssembly.RuntimeError;
const history_ = () => (history.state && typeof history.state === 'object' ? history.state : {});

// ---- The state of the start, in one place

const boot = {
  /** Start steps, [name, ms], for diagnosis (tests, `cargo xtask soak`); the wasm adds its own. */
  steps: (window.__explainerSteps = []),
  /** The first try's record, when this page is the watchdog's retry. */
  retried: history_()[RETRY],
  pageLang: page.lang,
  /** The language the link asks for. */
  lang: page.lang,
  /** Whether the link asks for a scenario (then the figures are busy until it is on screen). */
  scenario: false,
  /** #explainer and its prerendered markup, once the body is parsed. */
  root: null,
  saved: '',
  /** The glue and wasm download, once started. */
  download: null,
  started: false,
  ready: false,
  stopped: false,
  watchdog: 0,
  /** The reader's last choice per control before the code ran (kept across a retry). */
  early: new Map(),
  /** The keys a link's scenario and language use (`data-keys`). */
  keys: new Set(),
  /** Notes opened for print, closed after. */
  folded: [],
};

const step = (name) => boot.steps.push([name, Math.round(performance.now())]);
// How far the start got, on <html data-stage>: where to look when the calculator stays static.
const stage = (s) => step((page.dataset.stage = s));

// ---- What the link asks for

/** `?theme=light|dark|auto` (the last valid one wins): `data-theme`, which the stylesheet
 *  prefers over `prefers-color-scheme`. */
function applyTheme() {
  const theme = params.getAll('theme').filter((t) => /^(light|dark|auto)$/.test(t)).pop();
  if (theme === 'light' || theme === 'dark') page.dataset.theme = theme;
}

/** Whether the link asks for a scenario: only malformed values means the defaults, so nothing
 *  to wait for. What the wasm's parser accepts, key by key, the prerender step writes on
 *  <html> (`data-keys="officers=^…$ …"`, from explainer_core::url): one definition of a link. */
function readLink() {
  for (const entry of (page.dataset.keys || '').split(' ')) {
    const at = entry.indexOf('=');
    if (at < 1) continue;
    const key = entry.slice(0, at);
    boot.keys.add(key);
    const valid = new RegExp(entry.slice(at + 1));
    for (const v of params.getAll(key).map((s) => s.trim())) {
      if (key === 'lang') boot.lang = valid.test(v) ? v.toLowerCase() : boot.lang; // the last valid one wins
      else boot.scenario ||= valid.test(v);
    }
  }
}

/** Until a link's scenario is on screen: `pending` (style.css) hides the figures in place and
 *  shows the note, a CSS string set through the CSSOM (allowed by the CSP). */
function showPending() {
  page.classList.add('pending');
  page.style.setProperty('--explainer-note', `"${(page.dataset.noteLoading || '').replace(/[\\"]/g, '\\$&')}"`);
}

function hidePending() {
  page.classList.remove('pending');
  page.style.removeProperty('--explainer-note');
  if (!page.getAttribute('style')) page.removeAttribute('style');
  for (const el of boot.root ? boot.root.querySelectorAll('[aria-busy]') : []) el.removeAttribute('aria-busy');
}

// ---- Embedding: from here, without the wasm, so the iframe fits even if the code never loads

function embed() {
  const parent = window.parent;
  if (!parent || parent === window) return;
  page.classList.add('embedded');
  followVisible();
  // Pym's ids are element ids; keep its message (`pymxPYMx{id}xPYMxheightxPYMx{px}`) well-formed.
  const id = params.get('childId');
  const childId = id && id.length <= 100 && !id.includes('xPYMx') ? id : null;
  const send = () => {
    const h = document.body ? document.body.getBoundingClientRect().height : NaN;
    if (!(h >= 0 && h < 1e6)) return;
    const height = Math.ceil(h); // whole pixels, rounded up so nothing is cut off
    if (childId) parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  send();
  if (typeof ResizeObserver === 'function' && document.body) new ResizeObserver(send).observe(document.body);
  // A parent's `{sentinel: "amp", type: "frames-init"}`, and only from the parent.
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source === parent && d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'frames-init') send();
  });
}

// In an iframe as tall as the widget, `position: sticky` has nothing to stick to: the frame
// never scrolls, the host page does. Tell the stylesheet where the visible part of the frame
// begins (`--vis-top`), so the pinned figures stay on the reader's screen while they work
// the controls. IntersectionObserver measures against the top page's viewport, even across
// origins, but only calls back at threshold crossings: thin slices over the calculator give
// a call every few pixels of scrolling (none while a slider is dragged: nothing moves).
function followVisible() {
  if (typeof IntersectionObserver !== 'function') return;
  const probe = Object.assign(document.createElement('div'), { className: 'vis-probe' });
  probe.setAttribute('aria-hidden', 'true');
  document.body.append(probe);
  const tops = new Map();
  let last = '';
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) tops.set(e.target, e.isIntersecting ? e.intersectionRect.top : Infinity);
    const top = Math.min(...tops.values());
    const value = `${Number.isFinite(top) ? Math.max(0, Math.round(top)) : 0}px`;
    // Only on a change: a custom property on <html> restyles the page.
    if (value !== last) page.style.setProperty('--vis-top', (last = value));
  }, { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
  // Re-placed whenever anything moves the calculator (fonts, a restored scenario, a note).
  const layout = () => {
    const calc = boot.root.querySelector('[data-calculator]');
    const box = calc ? calc.getBoundingClientRect() : { top: 0, height: 0 };
    probe.style.top = `${Math.round(box.top + scrollY)}px`;
    const n = Math.ceil(box.height / SLICE);
    while (probe.children.length < n) {
      const slice = probe.appendChild(document.createElement('div'));
      slice.style.height = `${SLICE}px`;
      seen.observe(slice);
    }
    while (probe.children.length > n) {
      seen.unobserve(probe.lastChild);
      tops.delete(probe.lastChild);
      probe.lastChild.remove();
    }
  };
  layout();
  if (typeof ResizeObserver === 'function') new ResizeObserver(layout).observe(document.body);
  // Keyboard focus that lands under the pinned figures (Shift+Tab) is brought to mid-screen:
  // the host page scrolls, which this frame's scroll-padding cannot ask for.
  boot.root.addEventListener('focusin', (e) => {
    const pinned = boot.root.querySelector('[data-pinned]');
    const el = e.target;
    if (!pinned || !(el instanceof HTMLElement) || pinned.contains(el)) return;
    const h = pinned.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.top < h.bottom && r.bottom > h.top) el.scrollIntoView({ block: 'center' });
  });
}

/** Print shows every folded note (the stylesheet does it where ::details-content exists). */
function printOpensNotes() {
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('#explainer details:not([open])')) {
      d.open = true;
      boot.folded.push(d);
    }
  });
  window.addEventListener('afterprint', () => {
    for (const d of boot.folded.splice(0)) d.open = false;
  });
}

// ---- The calculator's code

/** Starts downloading the glue and the wasm (once), with the hashes the prerender step wrote on
 *  <html> from Trunk's output. */
function fetchCode() {
  if (boot.download) return boot.download;
  const { glue, glueIntegrity, wasm, wasmIntegrity } = page.dataset;
  if (!glue || !wasm) throw new Error('the page does not say where the widget code is');
  step('fetch');
  // import() cannot check a hash; a modulepreload link can, and import() then reuses it.
  const glueReady = !glueIntegrity ? Promise.resolve() : new Promise((ok, fail) => {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: glue, integrity: glueIntegrity, crossOrigin: 'anonymous' });
    link.onload = () => ok(step('glue loaded'));
    link.onerror = () => fail(new Error(`could not load ${glue} (network or integrity)`));
    document.head.append(link);
  });
  const cancel = new AbortController();
  const request = fetch(wasm, { integrity: wasmIntegrity || undefined, credentials: 'same-origin', signal: cancel.signal });
  // Compiled here, not by the glue: after a give-up, nothing may start.
  const compiled = request.then((r) => {
    step('wasm response');
    if (!r.ok) throw new Error(`could not load ${wasm} (${r.status})`);
    return r.headers.get('content-type') === 'application/wasm' ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
  }).then((m) => (step('compiled'), m));
  glueReady.catch(() => {}); // reported when start() awaits these
  compiled.catch(() => {});
  return (boot.download = { glue, glueReady, compiled, cancel });
}

async function start() {
  stage('loading');
  const { glue, glueReady, compiled } = fetchCode();
  await glueReady;
  const bindings = await import(glue);
  stage('compiling');
  const module = compiled.then((m) => (boot.stopped ? Promise.reject(new Error('stopped')) : m));
  const exports = await bindings.default({ module_or_path: module });
  stage('rendering'); // the island marks #explainer data-ready="true" when done
  // Tests and `cargo xtask bench` (which set window.__explainerTest) read the wasm's memory.
  const test = window.__explainerTest;
  if (test && typeof test === 'object') test.memoryBytes = () => exports.memory.buffer.byteLength;
}

function beginStart(why) {
  if (boot.started || boot.stopped) return;
  boot.started = true;
  step(`start: ${why.type || why}`);
  arm();
  start().catch((e) => {
    if (boot.stopped) return;
    if (isTrap(e)) stop(e); // the code itself failed: it would fail again
    else retry(String(e && e.message || e));
  });
}

// ---- The native controls move before the code runs, and the first render resets them: keep the
// reader's last choice per control (across a retry too), replay it once ready.

function remember(e) {
  const el = e.target;
  if (el instanceof HTMLInputElement) boot.early.set(el.type === 'radio' ? el.name : el.id, { id: el.id, value: el.value, checked: el.checked });
}

function setEarly(dispatch) {
  for (const { id, value, checked } of boot.early.values()) {
    const el = document.getElementById(id);
    if (!(el instanceof HTMLInputElement)) continue;
    if (el.type === 'range') el.value = value;
    else el.checked = checked;
    if (dispatch) el.dispatchEvent(new Event(el.type === 'range' ? 'input' : 'change', { bubbles: true }));
  }
}

// ---- Ready, retry, give up

function onReady() {
  if (boot.ready || boot.stopped) return;
  boot.ready = true;
  clearTimeout(boot.watchdog);
  step('ready seen');
  forgetRetry();
  // The app restored the link's scenario in the pass that marked it ready.
  hidePending();
  boot.root.removeEventListener('input', remember, true);
  boot.root.removeEventListener('change', remember, true);
  setEarly(true);
  boot.early.clear();
  pointLangLinks();
  new MutationObserver(pointLangLinks).observe(boot.root, { subtree: true, attributes: true, attributeFilter: ['data-scenario'] });
}

function forgetRetry() {
  if (!(RETRY in history_())) return;
  const { [RETRY]: _, ...rest } = history_();
  history.replaceState(Object.keys(rest).length ? rest : null, '');
}

/** Once more, from a fresh document (a reload): nothing of the stalled start (a module stuck in
 *  the module map, a wasm half-way through its first render) can get in the way. */
function retry(why) {
  if (boot.retried || boot.stopped) return stop(new Error(why));
  step(`retry: ${why}`);
  try {
    history.replaceState({ ...history_(), [RETRY]: { steps: boot.steps, early: [...boot.early] } }, '');
  } catch {
    return stop(new Error(why)); // no mark, no reload: better static than a reload loop
  }
  location.reload();
}

/** A hidden tab (throttled, nobody looking) waits until seen, then gets the full time again. */
function arm() {
  clearTimeout(boot.watchdog);
  boot.watchdog = setTimeout(() => {
    if (boot.ready || boot.stopped) return;
    if (document.visibilityState === 'hidden') return document.addEventListener('visibilitychange', arm, { once: true });
    retry(`not ready ${WATCHDOG_MS / 1000} s after the start (stage: ${page.dataset.stage})`);
  }, WATCHDOG_MS);
}

/** Gives up: the prerendered figures, controls that match them (disabled), and a note. */
function stop(error) {
  if (boot.stopped) return;
  boot.stopped = true;
  clearTimeout(boot.watchdog);
  step('stopped');
  forgetRetry();
  if (boot.download) boot.download.cancel.abort(); // nothing may start after this
  const root = boot.root;
  if (root) {
    // Prerendered figures: a stopped wasm can leave half a render.
    if (root.innerHTML !== boot.saved) root.innerHTML = boot.saved;
    for (const input of root.querySelectorAll('input')) {
      if (input.type === 'range') input.value = input.defaultValue;
      else input.checked = input.defaultChecked;
    }
    for (const control of root.querySelectorAll('input, button')) control.disabled = true;
    // A note above the figures (no render will remove it: the wasm is not running).
    const text = boot.scenario ? page.dataset.noteFailedLink : page.dataset.noteFailed;
    const figures = root.querySelector('[data-figures]');
    if (figures && text) figures.before(Object.assign(document.createElement('p'), { className: 'explainer-note', textContent: text }));
    const status = root.querySelector('#status');
    if (status && text) status.textContent = text;
  }
  hidePending();
  page.classList.add('static');
  // The panic hook has logged a panic; anything else is logged here.
  if (!isTrap(error) || !boot.steps.some(([n]) => n === 'panic')) console.error('explainer: could not start; showing the prerendered content.', String(error && error.message || error), JSON.stringify(boot.steps));
}

function listen() {
  // A trap after start-up (a panic in an event handler) arrives as an uncaught error.
  window.addEventListener('error', (e) => {
    if (isTrap(e.error)) {
      e.preventDefault();
      stop(e.error);
    }
  });
  // Frozen mid-start (background tab, back/forward cache): the full time again once back.
  const rearm = (e) => step(e.type) && boot.started && !boot.ready && !boot.stopped && arm();
  document.addEventListener('freeze', (e) => step(e.type) && clearTimeout(boot.watchdog));
  document.addEventListener('resume', rearm);
  window.addEventListener('pageshow', (e) => e.persisted && rearm(e));
  // The EN/ES links replace this page, adding no history entry: Back leaves the widget (in an
  // iframe, the host's Back is not spent on it). A new tab or window is the browser's.
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[hreflang]');
    if (a && !e.defaultPrevented && !e.button && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      location.replace(a.href);
    }
  });
}

/** Each language's page (`<html data-pages="en=index.html es=…">`). */
const pageOf = (lang) => ((page.dataset.pages || '').split(' ').find((p) => p.startsWith(lang + '=')) || '').slice(lang.length + 1);

/** Where the EN/ES links go, set here only (the prerender writes the plain links that readers
 *  without script follow): each language's page with this page's query, minus `lang` (the
 *  page is the language). Once the calculator runs, its scenario (`data-scenario`, none at the
 *  defaults) replaces the link's, at once (the address follows 250 ms later); `?theme=` and a
 *  host's keys (Pym.js's `childId`, which its height messages need) stay. */
function pointLangLinks() {
  const calc = boot.ready && boot.root.querySelector('[data-calculator]');
  const query = new URLSearchParams(calc ? calc.dataset.scenario || '' : params);
  if (calc) for (const [k, v] of params) boot.keys.has(k) || query.append(k, v);
  query.delete('lang');
  const q = query.toString();
  for (const a of document.querySelectorAll('a[hreflang]')) {
    const to = pageOf(a.hreflang);
    if (to) a.setAttribute('href', to + (q && '?' + q));
  }
}

// ---- Once the body is parsed

function onDom(now) {
  step('dom');
  const root = (boot.root = document.getElementById('explainer'));
  if (!root) return hidePending();
  boot.saved = root.innerHTML;
  pointLangLinks();
  embed();
  if (boot.scenario) for (const el of root.querySelectorAll('[data-figures] > *')) el.setAttribute('aria-busy', 'true');
  if (boot.scenario) landOnFigures(root);
  if (!hasWasm) return stop(new Error('WebAssembly is not available'));
  setEarly(false);
  root.addEventListener('input', remember, true);
  root.addEventListener('change', remember, true);
  if (root.dataset.ready === 'true') onReady();
  else new MutationObserver((_, watch) => root.dataset.ready === 'true' && (watch.disconnect(), onReady())).observe(root, { attributes: true, attributeFilter: ['data-ready'] });
  const calculator = root.querySelector('[data-calculator]');
  if (now || !calculator || typeof IntersectionObserver !== 'function') return beginStart(now ? 'link' : 'at once');
  // Near the calculator (one screen ahead, except in a cross-origin iframe), or the reader
  // reaches for the widget.
  // (`not near`: it has looked, and waits; a sign for the tests that nothing is to start yet.)
  const near = new IntersectionObserver((entries) => (entries.some((e) => e.isIntersecting) ? (near.disconnect(), beginStart('near')) : step('not near')), { rootMargin: '0px 0px 100% 0px' });
  near.observe(calculator);
  for (const type of ['pointerdown', 'keydown', 'focusin']) root.addEventListener(type, beginStart, { once: true, passive: true });
}

/** A shared scenario opens on its figures, not 4,000 px above them. Only on a fresh visit to
 *  the page itself: not after a reload or Back (the browser puts the reader back), not to an
 *  anchor, and never in a frame (the host page scrolls, and the widget does not move it). No
 *  focus moves and no history entry is made: the page is only scrolled. */
function landOnFigures(root) {
  const nav = performance.getEntriesByType?.('navigation')[0];
  if (window.parent !== window || location.hash || (nav && nav.type !== 'navigate')) return;
  root.querySelector('[data-calculator]')?.scrollIntoView({ block: 'start' });
}

function main() {
  step('script');
  if (boot.retried) {
    boot.steps.unshift(...boot.retried.steps.map(([n, ms]) => [`first try: ${n}`, ms]));
    for (const [k, v] of boot.retried.early) boot.early.set(k, v);
  }
  applyTheme();
  readLink();
  // A link asking for the other language: that language's page, with the same query (each
  // language is its own prerendered page; `data-pages="en=index.html es=…"`).
  const other = boot.lang !== boot.pageLang && pageOf(boot.lang);
  const to = other && new URL(other + location.search + location.hash, location.href).href;
  // Not to this very address (a host that answers every path with one page): no reload loop.
  if (to && to !== location.href) return location.replace(to);
  listen();
  printOpensNotes();
  if (boot.scenario) showPending();
  // A link's scenario or a retry: the code now, not when the reader nears it.
  const now = hasWasm && (boot.scenario || !!boot.retried);
  if (now) {
    try { fetchCode(); } catch { /* reported by start() */ }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => onDom(now), { once: true });
  else onDom(now);
}

main();
