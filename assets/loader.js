// The widget's only script (no inline script, so a strict CSP works). It applies ?theme=,
// sends the iframe height to the host page, and loads the calculator's code (glue + wasm)
// only when it is needed; see README "Loading". If the code fails, the prerendered content
// stays readable, the controls are switched off, and one message is logged (a Rust panic is
// logged by its hook; the trap that follows is not logged again).

// `async`: this runs as soon as it arrives, often before the body is parsed. What needs the
// widget's markup waits for it (`onDom`); the theme and, for a scenario link, the code's
// download start at once.
const page = document.documentElement;
let root = null;
let saved = '';

// ---- The host's colours

// `?theme=light|dark|auto` (the last valid one wins): `data-theme` on <html>, which the
// stylesheet prefers over `prefers-color-scheme`. Applied here, so it needs no wasm.
function applyTheme() {
  const theme = new URLSearchParams(location.search).getAll('theme').filter((t) => /^(light|dark|auto)$/.test(t)).pop();
  if (theme === 'light' || theme === 'dark') page.dataset.theme = theme;
  else if (theme === 'auto') delete page.dataset.theme;
}

// ---- Embedding: at once, without the wasm, so the iframe fits even if the code never loads

/** Pym.js's message: `pymxPYMx{childId}xPYMxheightxPYMx{px}`. */
const pymMessage = (childId, height) => `pymxPYMx${childId}xPYMxheightxPYMx${height}`;

/** A height as whole CSS pixels, rounded up so nothing is cut off; null if not a sane number. */
const wholePx = (h) => (Number.isFinite(h) && h >= 0 && h < 1e6 ? Math.ceil(h) : null);

function embed() {
  const parent = window.parent;
  if (!parent || parent === window) return; // opened directly: nothing to tell
  page.classList.add('embedded');
  followVisible();
  // Pym's ids are element ids; keep the message well-formed whatever the URL says.
  const id = new URLSearchParams(location.search).get('childId');
  const childId = id && id.length <= 100 && !id.includes('xPYMx') ? id : null;
  const send = () => {
    const height = document.body && wholePx(document.body.getBoundingClientRect().height);
    if (height === null) return;
    if (childId) parent.postMessage(pymMessage(childId, height), '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  send();
  // Whenever the content's height changes: fonts, a language switch, a resize.
  if (typeof ResizeObserver === 'function' && document.body) new ResizeObserver(send).observe(document.body);
  // A parent's `{sentinel: "amp", type: "frames-init"}`, and only from the parent.
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source === parent && d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'frames-init') send();
  });
}

// In an iframe as tall as the widget, `position: sticky` has nothing to stick to: the frame
// never scrolls, the host page does. Tell the stylesheet where the visible part of the frame
// begins (`--vis-top`), so the headline figures stay on the reader's screen while they work
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
  const SLICE = 48; // px
  // Re-placed whenever anything moves the calculator (fonts, a language switch, a restore).
  const layout = () => {
    const calc = root.querySelector('section.calculator');
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
  root.addEventListener('focusin', (e) => {
    const head = root.querySelector('.headline');
    const el = e.target;
    if (!head || !(el instanceof HTMLElement) || head.contains(el)) return;
    const h = head.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.top < h.bottom && r.bottom > h.top) el.scrollIntoView({ block: 'center' });
  });
}

// Print shows every folded note (the stylesheet does it where ::details-content exists).
const folded = [];
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details.more:not([open])')) {
    d.open = true;
    folded.push(d);
  }
});
window.addEventListener('afterprint', () => {
  for (const d of folded.splice(0)) d.open = false;
});

// ---- The calculator's code

let stopped = false;
const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;

function stop(error) {
  if (stopped) return;
  stopped = true;
  if (root) {
    if (!root.querySelector('ol.events') || !root.querySelector('#out-total')) root.innerHTML = saved;
    for (const control of root.querySelectorAll('input, button')) control.disabled = true;
  }
  page.classList.add('static');
  if (!isTrap(error)) console.error('explainer: could not start; showing the prerendered content.', String(error && error.message || error));
}

// A trap after start-up (a panic in an event handler) arrives as an uncaught error.
window.addEventListener('error', (e) => {
  if (isTrap(e.error)) {
    e.preventDefault();
    stop(e.error);
  }
});

/** Starts downloading the glue and the wasm (once), with the hashes the prerender step wrote
 *  on <html> from Trunk's output. */
let download = null;
function fetchCode() {
  if (download) return download;
  const { glue, glueIntegrity, wasm, wasmIntegrity } = page.dataset;
  if (!glue || !wasm) throw new Error('the page does not say where the widget code is');
  // import() cannot check a hash; a modulepreload link can, and import() then reuses it.
  const glueReady = !glueIntegrity ? Promise.resolve() : new Promise((ok, fail) => {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: glue, integrity: glueIntegrity, crossOrigin: 'anonymous' });
    link.onload = ok;
    link.onerror = () => fail(new Error(`could not load ${glue} (network or integrity)`));
    document.head.append(link);
  });
  const request = fetch(wasm, { integrity: wasmIntegrity || undefined, credentials: 'same-origin' });
  // Failures are reported when start() awaits these, not as unhandled rejections now.
  glueReady.catch(() => {});
  request.catch(() => {});
  return (download = { glue, glueReady, request });
}

// How far the start got, on <html data-stage>: where to look when the calculator stays static.
const stage = (s) => { page.dataset.stage = s; };

async function start() {
  stage('loading');
  const { glue, glueReady, request } = fetchCode();
  await glueReady;
  const bindings = await import(glue);
  stage('compiling');
  const exports = await bindings.default({ module_or_path: request });
  stage('hydrating'); // the app marks #explainer data-ready="true" when done
  // For the benchmark (`cargo xtask bench`): the wasm's linear memory, in bytes.
  window.explainerWasmMemoryBytes = () => exports.memory.buffer.byteLength;
}

// The controls are native inputs, so they move before the code has started, and taking over
// the prerendered markup resets them to the page's state. Remember the reader's last choice
// per control until then, and replay it once the calculator is ready, so no input is lost.
const early = new Map();
function remember(e) {
  const el = e.target;
  if (el instanceof HTMLInputElement) early.set(el.type === 'radio' ? el.name : el.id, { el, value: el.value, checked: el.checked });
}
function replayWhenReady() {
  const replay = () => {
    root.removeEventListener('input', remember, true);
    root.removeEventListener('change', remember, true);
    for (const { el, value, checked } of early.values()) {
      if (el.type === 'range') {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        el.checked = checked;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
    early.clear();
  };
  if (root.dataset.ready === 'true') return replay();
  const watch = new MutationObserver(() => {
    if (root.dataset.ready === 'true') {
      watch.disconnect();
      replay();
    }
  });
  watch.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
}

let started = false;
function go() {
  if (started || stopped) return;
  started = true;
  start().catch(stop);
}

/** The address holds a scenario or another language: the page must show it, so load now.
 *  (The keys are the wasm's, written by the prerender step; a language equal to the page's
 *  needs nothing.) */
function wantsNow() {
  const keys = (page.dataset.keys || '').split(',');
  const params = new URLSearchParams(location.search);
  return keys.some((k) => k && params.getAll(k).some((v) => k !== 'lang' || v.toLowerCase() !== page.lang));
}

function whenNeeded() {
  const calculator = root.querySelector('section.calculator');
  if (now || !calculator || typeof IntersectionObserver !== 'function') return go();
  // Near the calculator. The margin (one screen ahead) applies when the page is on top or
  // same-origin; in a cross-origin iframe, browsers use the calculator's own edge.
  const near = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      near.disconnect();
      go();
    }
  }, { rootMargin: '0px 0px 100% 0px' });
  near.observe(calculator);
  // The reader reaches for the widget: a touch, a click, a key, keyboard focus.
  for (const type of ['pointerdown', 'keydown', 'focusin']) root.addEventListener(type, go, { once: true, passive: true });
}

function onDom() {
  root = document.getElementById('explainer');
  if (!root) return;
  saved = root.innerHTML;
  embed();
  if (!hasWasm) return stop(new Error('WebAssembly is not available'));
  root.addEventListener('input', remember, true);
  root.addEventListener('change', remember, true);
  replayWhenReady();
  whenNeeded();
}

applyTheme();
const hasWasm = typeof WebAssembly === 'object';
const now = hasWasm && wantsNow();
if (now) {
  try { fetchCode(); } catch { /* reported by start() */ }
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onDom, { once: true });
else onDom();
