// What `cargo xtask bench` and `e2e/bench-ab.mjs` measure: one cold load of a page, and the
// slider's input-to-DOM latency, in headless Chromium with the CPU throttled.
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { reach } from './lib.mjs';

export const THROTTLE = 4;

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
export const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

/** A phone-sized viewport (Lighthouse's mobile emulation), where the calculator starts below the fold. */
export const PHONE = { width: 412, height: 823 };

/** One cold load: bytes, paints, text, readiness and memory. With `reach`, the reader then
 *  scrolls to the calculator, and the bytes and time that takes are measured too. */
// (`scroll`: the option is named `reach` in the targets, and must not hide lib's reach().)
export async function load(browser, url, { headline, reach: scroll = false, fcpOnly = false }) {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript((h) => {
    // The loader hands a test (only) the wasm's memory: window.__explainerTest.memoryBytes.
    window.__explainerTest = {};
    // Cheap probes, so the measuring does not slow what it measures: the text is looked
    // for once a frame (and when parsing ends), readiness by an attribute-only observer.
    const check = () => {
      if (window.__text) return;
      if (document.body && document.body.textContent.includes(h)) window.__text = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
    document.addEventListener('DOMContentLoaded', check);
    new MutationObserver(() => {
      if (!window.__ready && document.querySelector('#explainer[data-ready="true"]')) window.__ready = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  }, headline);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => b, () => Buffer.alloc(0))));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
  const gzipOf = async (list) => (await Promise.all(list)).reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const brotliOf = async (list) => (await Promise.all(list)).reduce((n, b) => n + brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  let reached = {};
  if (scroll) {
    // The page as loaded: give it time to fetch anything it would fetch by itself.
    await page.waitForTimeout(1500);
    const atLoad = bodies.slice();
    const t0 = await page.evaluate(() => performance.now());
    await reach(page);
    await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
    const t1 = await page.evaluate(() => window.__ready);
    reached = { reachToReady: t1 - t0, gzipAll: await gzipOf(bodies), brotliAll: await brotliOf(bodies), requestsAll: bodies.length };
    bodies.length = 0;
    bodies.push(...atLoad);
  } else if (!fcpOnly) {
    // Functions, not strings: the widget's CSP forbids eval.
    await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
  }
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    parsed: performance.getEntriesByType('navigation')[0].domInteractive,
    text: window.__text ?? NaN,
    ready: window.__ready ?? NaN,
    wasm: typeof window.__explainerTest?.memoryBytes === 'function' ? window.__explainerTest.memoryBytes() : 0,
  }));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const gzip = await gzipOf(bodies);
  await context.close();
  return { ...t, ...reached, heap, gzip, requests: bodies.length };
}

/** Slider input event -> updated figure in the DOM, over 200 inputs, throttled. */
export async function inputLatency(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.waitForSelector('#explainer[data-ready="true"]');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const times = await page.evaluate(async () => {
    const input = document.getElementById('salary');
    const out = document.getElementById('out-per-officer');
    const out_times = [];
    for (let i = 0; i < 200; i++) {
      const before = out.textContent;
      input.value = String(40000 + ((i * 7919) % 11000) * 10 + (i % 2) * 10);
      // The figure's change, seen by an observer (a microtask right after the DOM changes):
      // since Yew 0.23 a render may come in a later task (its scheduler yields to the main
      // thread), which a loop of microtasks would never let run.
      const changed = new Promise((ok) => {
        const seen = new MutationObserver(() => {
          if (out.textContent !== before) { seen.disconnect(); ok(performance.now()); }
        });
        seen.observe(out, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      out_times.push((await changed) - t0);
      await new Promise((ok) => setTimeout(ok, 0));
    }
    return out_times;
  });
  await context.close();
  return times;
}
