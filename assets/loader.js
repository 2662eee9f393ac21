// The widget's only script (no inline script: a strict CSP works). It applies ?theme=, sends the
// iframe height to the host page, and loads the calculator's code (glue + wasm) only when it is
// needed (README "Loading"). A start that fails or is not ready within WATCHDOG_MS is tried once
// more (a reload); if that fails too, the prerendered content stays, the controls show the
// figures' values and are off, a note says so, and one message is logged (a Rust panic's by its
// hook, not again here).

// `async` + `blocking="render"`: runs as soon as it arrives, before the first paint, often before
// the body is parsed; what needs the widget's markup waits for it (`onDom`).
const page = document.documentElement;
const pageLang = page.lang;
const params = new URLSearchParams(location.search);
let root = null;
let saved = '';
let title = '';

// Start steps, [name, ms since the page started], for diagnosis (the tests, `cargo xtask soak`);
// the wasm adds main, hydrate and ready. A retry carries the first try's steps over.
const steps = (window.__explainerSteps = []);
const step = (name) => steps.push([name, Math.round(performance.now())]);
step('script');

// A retry reloads this history entry with a mark in its state (no URL change, no storage).
const RETRY = 'explainerRetry';
const state = () => (history.state && typeof history.state === 'object' ? history.state : {});
const retried = state()[RETRY];
if (retried) steps.unshift(...retried.steps.map(([n, ms]) => [`first try: ${n}`, ms]));

// `?theme=light|dark|auto` (the last valid one wins): `data-theme`, which the stylesheet
// prefers over `prefers-color-scheme`.
const theme = params.getAll('theme').filter((t) => /^(light|dark|auto)$/.test(t)).pop();
if (theme === 'light' || theme === 'dark') page.dataset.theme = theme;

// ---- Embedding: from here, without the wasm, so the iframe fits even if the code never loads

function embed() {
  const parent = window.parent;
  if (!parent || parent === window) return;
  page.classList.add('embedded');
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

// ---- What the link asks for

// The values the wasm's parser (src/edge/url.rs) accepts: a link with only malformed ones shows
// the defaults, so the page must not wait for a scenario that will not come. A key the wasm
// reads (data-keys) but this table lacks counts whatever its value.
const WHOLE = /^-?\d{1,400}$/;
const PERCENT = /^(-?\d{1,400}(\.\d{0,2})?|\.\d{1,2})$/;
const VALID = { officers: WHOLE, salary: WHOLE, benefits: PERCENT, overtime: PERCENT, awards: /^(0|500|750|1000)$/, equipment: /^(0|1|true|false)$/, rule: /^(dhs|reuters)$/ };
let scenario = false;
let lang = pageLang;
for (const key of (page.dataset.keys || '').split(',')) {
  for (const v of key ? params.getAll(key).map((s) => s.trim()) : []) {
    if (key === 'lang') lang = /^(en|es)$/i.test(v) ? v.toLowerCase() : lang; // the last valid one wins
    else scenario ||= VALID[key] ? VALID[key].test(v) : v !== '';
  }
}

// ---- Until a link's scenario is on screen: `pending` hides the figures in place (style.css) and
// shows the note, a CSS string (CSSOM is not inline style for the CSP).
function unpend() {
  page.classList.remove('pending');
  page.style.removeProperty('--explainer-note');
  if (!page.getAttribute('style')) page.removeAttribute('style');
  for (const el of root ? root.querySelectorAll('[aria-busy]') : []) el.removeAttribute('aria-busy');
}

// ---- The calculator's code

/** How long a start may take, from the moment the code is asked for, before the one retry; the
 *  same again before giving up. */
const WATCHDOG_MS = 8000;

let started = false;
let ready = false;
let stopped = false;
let watchdog = 0;
const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;

function stop(error) {
  if (stopped) return;
  stopped = true;
  clearTimeout(watchdog);
  step('stopped');
  forgetRetry();
  if (download) download.cancel.abort(); // nothing may start after this
  if (root) {
    // The figures must be the prerendered ones (a stopped wasm can leave its own, or half a
    // render), and the controls must show the values those figures are for.
    if (root.dataset.ready === 'true' || !root.querySelector('ol.events') || !root.querySelector('#out-total')) {
      root.innerHTML = saved;
      page.lang = pageLang;
      document.title = title;
    }
    for (const input of root.querySelectorAll('input')) {
      if (input.type === 'range') input.value = input.defaultValue;
      else input.checked = input.defaultChecked;
    }
    for (const control of root.querySelectorAll('input, button')) control.disabled = true;
    // A visible note (the wasm is not running: no render will remove it), said once by #status.
    const text = scenario ? page.dataset.noteFailedLink : page.dataset.noteFailed;
    const results = root.querySelector('.results');
    if (results && text) results.prepend(Object.assign(document.createElement('p'), { className: 'explainer-note', textContent: text }));
    const status = root.querySelector('#status');
    if (status && text) status.textContent = text;
  }
  unpend();
  page.classList.add('static');
  // A trap after a panic was logged by the panic hook; any other failure is logged here.
  if (!isTrap(error) || !steps.some(([n]) => n === 'panic')) console.error('explainer: could not start; showing the prerendered content.', String(error && error.message || error), JSON.stringify(steps));
}

// A trap after start-up (a panic in an event handler) arrives as an uncaught error.
window.addEventListener('error', (e) => {
  if (isTrap(e.error)) {
    e.preventDefault();
    stop(e.error);
  }
});

/** Starts downloading the glue and the wasm (once), with the hashes the prerender step wrote on
 *  <html> from Trunk's output. */
let download = null;
function fetchCode() {
  if (download) return download;
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
  // Compiled here, not by the glue, so that once the loader has given up nothing can start.
  const compiled = request.then((r) => {
    step('wasm response');
    if (!r.ok) throw new Error(`could not load ${wasm} (${r.status})`);
    return r.headers.get('content-type') === 'application/wasm' ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
  }).then((m) => (step('compiled'), m));
  glueReady.catch(() => {}); // reported when start() awaits these
  compiled.catch(() => {});
  return (download = { glue, glueReady, compiled, cancel });
}

// How far the start got, on <html data-stage>: where to look when the calculator stays static.
const stage = (s) => step((page.dataset.stage = s));

async function start() {
  stage('loading');
  const { glue, glueReady, compiled } = fetchCode();
  await glueReady;
  const bindings = await import(glue);
  stage('compiling');
  const module = compiled.then((m) => (stopped ? Promise.reject(new Error('stopped')) : m));
  const exports = await bindings.default({ module_or_path: module });
  stage('hydrating'); // the app marks #explainer data-ready="true" when done
  // For `cargo xtask bench`: the wasm's linear memory, in bytes.
  window.explainerWasmMemoryBytes = () => exports.memory.buffer.byteLength;
}

// ---- Input before the start: the controls are native, so they move before the code runs, and
// hydration resets them. Keep the reader's last choice per control (across a retry too) and
// replay it once the calculator is ready.
const early = new Map(retried ? retried.early : []);
function remember(e) {
  const el = e.target;
  if (el instanceof HTMLInputElement) early.set(el.type === 'radio' ? el.name : el.id, { id: el.id, value: el.value, checked: el.checked });
}
function setEarly(dispatch) {
  for (const { id, value, checked } of early.values()) {
    const el = document.getElementById(id);
    if (!(el instanceof HTMLInputElement)) continue;
    if (el.type === 'range') el.value = value;
    else el.checked = checked;
    if (dispatch) el.dispatchEvent(new Event(el.type === 'range' ? 'input' : 'change', { bubbles: true }));
  }
}

// ---- Ready, retry, give up

function onReady() {
  if (ready || stopped) return;
  ready = true;
  clearTimeout(watchdog);
  step('ready seen');
  forgetRetry();
  // The app restored the link's scenario in the render pass that marked it ready.
  unpend();
  root.removeEventListener('input', remember, true);
  root.removeEventListener('change', remember, true);
  setEarly(true);
  early.clear();
}

function forgetRetry() {
  if (!(RETRY in state())) return;
  const { [RETRY]: _, ...rest } = state();
  history.replaceState(Object.keys(rest).length ? rest : null, '');
}

/** Once more, from a fresh document: a reload of this entry. Nothing of the stalled start can get
 *  in the way then (a module stuck in the module map, a wasm instance half-way through
 *  hydrating); the reader's input is carried over. */
function retry(why) {
  if (retried || stopped) return stop(new Error(why));
  step(`retry: ${why}`);
  try {
    history.replaceState({ ...state(), [RETRY]: { steps, early: [...early] } }, '');
  } catch {
    return stop(new Error(why)); // no mark, no reload: better static than a reload loop
  }
  location.reload();
}

/** In a hidden tab (nobody looking, timers and work throttled) the watchdog waits until the page
 *  is seen, then gives the start its full time again. */
function arm() {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    if (ready || stopped) return;
    if (document.visibilityState === 'hidden') return document.addEventListener('visibilitychange', arm, { once: true });
    retry(`not ready ${WATCHDOG_MS / 1000} s after the start (stage: ${page.dataset.stage})`);
  }, WATCHDOG_MS);
}
// Frozen mid-start (a background tab, the back/forward cache), timers stop and run late: the
// start gets its full time again once the page is back.
const rearm = (e) => step(e.type) && started && !ready && !stopped && arm();
document.addEventListener('freeze', (e) => step(e.type) && clearTimeout(watchdog));
document.addEventListener('resume', rearm);
window.addEventListener('pageshow', (e) => e.persisted && rearm(e));

function go(why) {
  if (started || stopped) return;
  started = true;
  step(`start: ${why.type || why}`);
  arm();
  start().catch((e) => {
    if (stopped) return;
    if (isTrap(e)) stop(e); // the code itself failed: it would fail again
    else retry(String(e && e.message || e));
  });
}

function onDom() {
  step('dom');
  root = document.getElementById('explainer');
  if (!root) return unpend();
  saved = root.innerHTML;
  title = document.title;
  embed();
  if (scenario) for (const el of root.querySelectorAll('.results, .controls')) el.setAttribute('aria-busy', 'true');
  if (!hasWasm) return stop(new Error('WebAssembly is not available'));
  setEarly(false);
  root.addEventListener('input', remember, true);
  root.addEventListener('change', remember, true);
  if (root.dataset.ready === 'true') onReady();
  else new MutationObserver((_, watch) => root.dataset.ready === 'true' && (watch.disconnect(), onReady())).observe(root, { attributes: true, attributeFilter: ['data-ready'] });
  const calculator = root.querySelector('section.calculator');
  if (now || !calculator || typeof IntersectionObserver !== 'function') return go(now ? 'link' : 'at once');
  // Near the calculator (one screen ahead when on top or same-origin; in a cross-origin iframe,
  // browsers use its own edge), or the reader reaches for the widget.
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && (near.disconnect(), go('near')), { rootMargin: '0px 0px 100% 0px' });
  near.observe(calculator);
  for (const type of ['pointerdown', 'keydown', 'focusin']) root.addEventListener(type, go, { once: true, passive: true });
}

const hasWasm = typeof WebAssembly === 'object';
if (scenario) {
  page.classList.add('pending');
  page.style.setProperty('--explainer-note', `"${(page.dataset.noteLoading || '').replace(/[\\"]/g, '\\$&')}"`);
}
const now = hasWasm && (scenario || lang !== pageLang || !!retried);
if (now) {
  try { fetchCode(); } catch { /* reported by start() */ }
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onDom, { once: true });
else onDom();
