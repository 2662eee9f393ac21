// `cargo xtask soak [N]`: N cold loads of links, each in a fresh browser context (an empty
// cache) at one of several widths, under the strict CSP, served from loopback. Each must show
// its figures (the calculator ready, the link's scenario on screen, equal to the native model)
// within SOAK_BOUND_MS without the loader's watchdog having to step in. Prints every stall with
// the start steps the page recorded (window.__explainerSteps), then a summary, and writes it
// to BENCHMARKS.md ("Soak"). Not part of the test command.
//
// SOAK_CONCURRENCY (default 2) loads at a time; SOAK_SEED (default 12) picks the links;
// SOAK_WARM=1 reuses one tab per worker instead (a warm cache, as the hostile-URL test does).
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, oracle, readPage, root, sliders } from './lib.mjs';

const SLIDERS = sliders();
if (!SLIDERS.length) throw new Error('soak: the figures binary could not list the sliders (build it: cargo build --bin figures)');

const N = Number(process.argv[2] ?? process.env.SOAK_LOADS ?? 500);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 2);
// The loader's watchdog (WATCHDOG_MS in assets/loader/watchdog.js): a load that needs it is a stall.
const BOUND_MS = Number(process.env.SOAK_BOUND_MS ?? 8000);
const SEED = Number(process.env.SOAK_SEED ?? 12);
const WARM = process.env.SOAK_WARM === '1';
const WIDTHS = [320, 360, 412, 768, 1024, 1280, 1920];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const next = rng(SEED);
const pick = (xs) => xs[Math.floor(next() * xs.length)];
const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));

/** A link as readers share them: some of the scenario's keys, in either language; a few also
 *  carry junk, or only switch the language, or have no scenario (the reader scrolls to it). */
function link(i) {
  const kind = i % 8 === 7 ? 'scrolled' : i % 8 === 6 ? 'lang only' : 'scenario';
  const es = next() < 0.4;
  const file = es && next() < 0.5 ? 'index.es.html' : '';
  const q = [];
  if (kind === 'scenario') {
    // Each slider the model has (lib.mjs sliders()), at a value on its step, in a link's unit.
    for (const s of SLIDERS) if (next() < 0.6) q.push(`${s.key}=${(s.min + int(0, Math.floor((s.max - s.min) / s.step)) * s.step) / s.scale}`);
    if (next() < 0.3) q.push(`awards=${pick(['0', '500', '750', '1000'])}`);
    if (next() < 0.3) q.push(`equipment=${pick(['0', '1'])}`);
    if (q.length === 0) q.push(`${SLIDERS[0].key}=${SLIDERS[0].max}`);
    if (next() < 0.1) q.push(pick([`${SLIDERS[0].key}=NaN`, 'theme=dark', 'x=1', `${SLIDERS[1].key}=`, 'childId=a']));
    if (es && !file) q.push('lang=es');
  } else if (kind === 'lang only') {
    q.push(file ? 'lang=en' : 'lang=es');
  }
  const query = q.length ? `?${q.join('&')}` : '';
  // A link asking for the other language lands on that language's page (the loader sends it
  // there with its query); a language alone starts no code, so the reader scrolls to it.
  const other = (kind === 'lang only' || (kind === 'scenario' && es && !file)) ? (file ? '/index.html' : '/index.es.html') : null;
  return { kind, path: `/${file}${query}`, lands: other && `${other}${query}`, width: WIDTHS[i % WIDTHS.length] };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[s.length >> 1] : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };

const server = await serve();
const model = oracle();
let browser = await launch();
let loadsOnBrowser = 0;
const times = [];
const stalls = [];
const wrong = [];
const started = Date.now();
let done = 0;

/** The page's own account: steps, stage, what was downloaded and when. */
const account = (page) => page.evaluate(() => ({
  steps: window.__explainerSteps,
  stage: document.documentElement.dataset.stage,
  visibility: document.visibilityState,
  html: document.documentElement.className,
  ready: document.getElementById('explainer')?.dataset.ready,
  code: performance.getEntriesByType('resource').filter((r) => /explainer-/.test(r.name)).map((r) => `${r.name.split('/').pop()} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}ms`),
})).catch((e) => ({ unreadable: e.message }));

async function tab(width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

async function one(i, warm) {
  const { kind, path: where, lands, width } = link(i);
  const page = warm ?? await tab(width);
  if (warm) await page.setViewportSize({ width, height: 800 });
  const errors = (page.errors = []);
  try {
    await page.goto(`${server.base}${where}`, { waitUntil: 'commit' });
    if (lands) await page.waitForURL(`${server.base}${lands}`, { waitUntil: 'commit', timeout: BOUND_MS });
    // Measured in the page, without polling by frames (a stalled page may paint none): the
    // moment the root is ready and the link's scenario is on screen, in ms since navigation.
    const at = await page.evaluate(({ bound, scroll }) => new Promise((ok) => {
      const done = () => document.getElementById('explainer')?.dataset.ready === 'true' && !document.documentElement.classList.contains('pending');
      const check = () => { if (done()) { watch.disconnect(); ok(Math.round(performance.now())); } };
      const watch = new MutationObserver(check);
      const begin = () => {
        if (scroll) document.getElementById('calculator-island').scrollIntoView();
        watch.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'class'] });
        check();
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin, { once: true });
      else begin();
      setTimeout(() => { watch.disconnect(); ok(null); }, Math.max(0, bound - performance.now()));
    }), { bound: BOUND_MS, scroll: kind !== 'scenario' }).catch((e) => `page gone: ${e.message.split('\n')[0]}`);
    const retried = await page.evaluate(() => (window.__explainerSteps || []).some(([n]) => n.startsWith('first try: ') || n.startsWith('retry')) ).catch(() => true);
    if (cut) return;
    if (typeof at !== 'number' || retried) {
      const first = await account(page);
      // Would the watchdog have saved the reader? Wait for its retry to finish.
      await page.waitForTimeout(2 * BOUND_MS + 2000);
      const later = await account(page);
      stalls.push({ i, kind, where, width, at, first, later, errors: [...errors] });
      console.log(`STALL #${i} ${kind} ${width}px ${where}: ${typeof at === 'string' ? at : `not ready within ${BOUND_MS} ms`}\n  steps: ${JSON.stringify(first.steps ?? first)}\n  stage: ${first.stage}, visibility: ${first.visibility}, class: "${first.html}", code: ${JSON.stringify(first.code)}\n  after the watchdog: ready=${later.ready}, class="${later.html}", steps: ${JSON.stringify(later.steps ?? later)}\n  errors: ${JSON.stringify(errors)}`);
      return;
    }
    times.push(at);
    const { inputs, shown } = await readPage(page);
    const expected = await model.ask(inputs);
    if (JSON.stringify(shown) !== JSON.stringify(expected) || errors.length) {
      wrong.push({ i, where, shown, expected, errors });
      console.log(`WRONG #${i} ${where}: shown ${JSON.stringify(shown)}, model ${JSON.stringify(expected)}, errors ${JSON.stringify(errors)}`);
    }
  } finally {
    if (!warm) await page.context().close().catch(() => {});
  }
}

let cursor = 0;
// Ctrl-C or a kill: finish the loads under way and report those done.
let cut = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { cut = true; cursor = N; });
async function worker() {
  let warm = WARM ? await tab(WIDTHS[0]) : undefined;
  while (cursor < N) {
    const i = cursor++;
    // A fresh browser now and then, so one process's slow leak is not what is measured.
    if (++loadsOnBrowser > 1000) {
      loadsOnBrowser = 0;
      const old = browser;
      browser = await launch();
      setTimeout(() => old.close().catch(() => {}), 30000);
    }
    // (A warm tab belongs to one browser: a new browser, or a crashed tab, needs a new tab.)
    if (warm && (warm.isClosed() || warm.context().browser() !== browser)) warm = await tab(WIDTHS[0]);
    // (A load cut short by a stop is not counted: Playwright closes the browser on the signal.)
    const failed = await one(i, warm).then(() => null, (e) => e);
    if (cut) break;
    if (failed) {
      stalls.push({ i, where: link(i).path, error: failed.message });
      console.log(`ERROR #${i}: ${failed.message}`);
    }
    if (++done % 100 === 0) console.log(`${done}/${N} loads, ${stalls.length} stalls, ${wrong.length} wrong, ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = Math.round((Date.now() - started) / 1000);
const total = done;
await browser.close();
model.close();
await server.close();

const chromium = (await import('node:child_process')).execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim();
const summary = `${total} loads${cut ? ` (stopped early, of ${N})` : ''}, ${stalls.length} stalls, ${wrong.length} wrong figures, in ${Math.floor(seconds / 60)} min ${seconds % 60} s (${CONCURRENCY} at a time); `
  + `ready (scenario on screen) after p50 ${median(times)} ms, p95 ${pct(times, 95)} ms, p99 ${pct(times, 99)} ms, max ${Math.max(...times)} ms from navigation.`;
console.log(summary);

// BENCHMARKS.md keeps the last soak in its own section (`cargo xtask bench` keeps it too).
const md = path.join(root, 'BENCHMARKS.md');
const text = await readFile(md, 'utf8').catch(() => '# Benchmarks\n');
const section = `## Soak${WARM ? ' (warm)' : ''}

Made by \`${WARM ? 'SOAK_WARM=1 ' : ''}cargo xtask soak ${N}\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, shared with other work; ${chromium}):
${total} ${WARM ? 'warm loads (each of the two workers navigates one tab from link to link)' : 'cold loads, each in a fresh browser context'} at a width from ${WIDTHS.join(', ')} px, under the strict CSP,
from loopback. Links: scenario links (some in Spanish, some with junk keys), links that only switch
the language, and one in eight with no scenario where the reader scrolls to the calculator. A load
passes when the calculator is ready with the link's scenario on screen within ${BOUND_MS / 1000} s (the
watchdog's time, without a retry) and its figures equal the native model's.

**${summary}**
${stalls.length ? `\nStalls${stalls.length > 20 ? ` (the first 20 of ${stalls.length})` : ''}:\n\n${stalls.slice(0, 20).map((s) => `- #${s.i} ${s.where}: ${s.error ?? `stage ${s.first?.stage}; steps ${JSON.stringify(s.first?.steps)}; after the watchdog: ${s.later?.ready === 'true' ? 'ready' : 'not ready'}`}`).join('\n')}\n` : ''}`;
const kept = text.replace(new RegExp(`\\n## Soak${WARM ? ' \\(warm\\)' : ''}\\n[\\s\\S]*?(?=\\n## |$)`), '');
await writeFile(md, `${kept.trimEnd()}\n\n${section}`);
process.exit(stalls.length || wrong.length ? 1 : 0);
