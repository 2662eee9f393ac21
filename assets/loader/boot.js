// The loader's state: the page, what its address asks, and the one record of the start.

/** A retry reloads this history entry, marked in its state (no URL change, no storage). */
export const RETRY = 'explainerRetry';

export const page = document.documentElement;
export const params = new URLSearchParams(location.search);
export const hasWasm = typeof WebAssembly === 'object';
export const isTrap = (e) => hasWasm && e instanceof WebAssembly.RuntimeError;
export const history_ = () => (history.state && typeof history.state === 'object' ? history.state : {});

export const boot = {
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
  /** Notes opened for print, closed after. */
  folded: [],
};

export const step = (name) => boot.steps.push([name, Math.round(performance.now())]);

// How far the start got, on <html data-stage>: where to look when the calculator stays static.
export const stage = (s) => step((page.dataset.stage = s));
