// The widget's only script (README "Loading", "If the calculator does not start"), one file per
// job, this one the order of the start: ?theme= and what the link asks (links.js), the iframe's
// height (embed.js), the calculator's code when needed (code.js), a shared link's busy state
// (pending.js), the reader's early choices (early.js), the watchdog (watchdog.js), print
// (print.js), and the state they share (boot.js).
// The page gets them as one classic script in <head>, neither async nor a module: it runs
// before the body is parsed, so before the first paint, in every browser (`blocking="render"`
// is Chromium's alone: Firefox and WebKit painted the default figures of a shared link before
// it ran). build/minify.mjs bundles these files into one strict function (esbuild) and minifies
// it (terser).
//
// What it knows of the markup is the prerendered page's contract with it, written by the
// prerender step and the components (src/prerender.rs): `<html data-pages data-glue data-wasm
// data-keys data-note-*>`, `#explainer` (`data-ready` once the code runs), and the markers
// `[data-calculator]` (its `data-lang-query`: the language links' query, once it runs),
// `[data-figures]` (busy while a link loads), `[data-pinned]` (the figures that stay on
// screen) and the language links, `a[hreflang]`. No class names: those are the stylesheet's.
import { boot, hasWasm, step } from './boot.js';
import { applyTheme, goToLanguage, pointLangLinks, readLink, replaceOnLangClick } from './links.js';
import { hidePending, landOnFigures, showPending } from './pending.js';
import { embed } from './embed.js';
import { printOpensNotes } from './print.js';
import { beginStart, fetchCode } from './code.js';
import { remember, setEarly } from './early.js';
import { onReady, stop, watchTrouble } from './watchdog.js';

/** Once the body is parsed. */
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

function main() {
  step('script');
  if (boot.retried) {
    boot.steps.unshift(...boot.retried.steps.map(([n, ms]) => [`first try: ${n}`, ms]));
    for (const [k, v] of boot.retried.early) boot.early.set(k, v);
  }
  applyTheme();
  readLink();
  if (goToLanguage()) return;
  watchTrouble();
  replaceOnLangClick();
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
