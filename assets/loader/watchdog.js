// Ready, retry, give up: the start is watched, retried once from a fresh document, and
// otherwise stopped with the prerendered content readable.
import { RETRY, boot, history_, isTrap, page, step } from './boot.js';
import { followScenario } from './links.js';
import { hidePending } from './pending.js';
import { remember, setEarly } from './early.js';

/** From the code's request to ready: then one retry, then giving up. */
export const WATCHDOG_MS = 8000;

export function onReady() {
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
  followScenario();
}

export function forgetRetry() {
  if (!(RETRY in history_())) return;
  const { [RETRY]: _, ...rest } = history_();
  history.replaceState(Object.keys(rest).length ? rest : null, '');
}

/** Once more, from a fresh document (a reload): nothing of the stalled start (a module stuck in
 *  the module map, a wasm half-way through its first render) can get in the way. */
export function retry(why) {
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
export function arm() {
  clearTimeout(boot.watchdog);
  boot.watchdog = setTimeout(() => {
    if (boot.ready || boot.stopped) return;
    if (document.visibilityState === 'hidden') return document.addEventListener('visibilitychange', arm, { once: true });
    retry(`not ready ${WATCHDOG_MS / 1000} s after the start (stage: ${page.dataset.stage})`);
  }, WATCHDOG_MS);
}

/** Gives up: the prerendered figures, controls that match them (disabled), and a note. */
export function stop(error) {
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

/** Trouble after the start: a trap in an event handler stops the code; a page frozen mid-start
 *  gets the full time again once back. */
export function watchTrouble() {
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
}
