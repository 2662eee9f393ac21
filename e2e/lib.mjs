// Shared by the browser tests: a static server for dist/ on loopback, Debian's Chromium,
// and the model oracle (the native `figures` binary) to compare the page against.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');
export const dist = process.env.DIST ?? path.join(root, 'dist');
export const artifacts = path.join(here, 'artifacts');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.png': 'image/png', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8' };

/** The policy the README tells hosts to send with the widget; the tests run under it. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Serves `dir` on 127.0.0.1 (a free port). Every request is recorded in `server.requests`.
 *  The widget's own files (under dist/) are sent with the strict CSP above. `rewrite` is a
 *  list of [from, to] replacements made in the HTML files outside dist/ (host pages).
 *  `hold(pathname)` may return a promise: that file's first half is sent, the rest once it
 *  settles (a download in flight, as a slow network has it). `widgetDirs`: the folders sent as the
 *  widget's (dist/; a benchmark of several builds names each). */
export async function serve(dir = dist, { headers = { 'content-security-policy': CSP }, rewrite = [], hold = () => null, widgetDirs = [dist] } = {}) {
  const requests = [];
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (pages.has(url.pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(pages.get(url.pathname));
      return;
    }
    // `dir` is a folder, or a map of URL prefixes to folders ({ '/widget/': dist, ... }).
    const mounts = typeof dir === 'string' ? { '/': dir } : dir;
    const prefix = Object.keys(mounts).sort((a, b) => b.length - a.length).find((p) => url.pathname.startsWith(p));
    if (!prefix) { res.writeHead(404).end(); return; }
    const base = path.resolve(mounts[prefix]);
    let file = path.join(base, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      let body = await readFile(file);
      const inDist = widgetDirs.some((d) => file.startsWith(path.resolve(d) + path.sep));
      const own = inDist ? headers : {};
      if (!inDist && rewrite.length && file.endsWith('.html')) {
        body = rewrite.reduce((text, [from, to]) => text.replaceAll(from, to), body.toString('utf8'));
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...own });
      const held = hold(url.pathname);
      if (held) {
        res.write(body.subarray(0, body.length >> 1));
        await held;
        body = body.subarray(body.length >> 1);
      }
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  // addPage: a host page made by a test. Served from loopback, not with Playwright's
  // `route.fulfill`: Chromium counts a fulfilled page as public, and blocks its frames' requests
  // to loopback (Private Network Access).
  return { base, requests, addPage: (pathname, html) => pages.set(pathname, html), close: () => new Promise((ok) => server.close(ok)) };
}

/** The demo pages (article, Pym.js, @newswire/frames) and their parent scripts, as the embed
 *  tests mount them: the host page's paths. */
export const HOST_MOUNTS = {
  '/demo/': path.join(root, 'demo'),
  '/vendor/pym.v1.min.js': path.join(root, 'node_modules/pym.js/dist/pym.v1.min.js'),
  '/vendor/frames.umd.js': path.join(root, 'node_modules/@newswire/frames/dist/frames.umd.js'),
};

/** A news site and the widget's host on two origins (two loopback ports), as in production:
 *  `host` serves the demo pages, whose embed URL (`../widget/`) is rewritten to the widget's
 *  origin in the copy served; `widget` serves dist/ as /widget/. The files in demo/ are
 *  untouched, so they still work when the repo root is served as the README says. */
export async function serveCrossOrigin() {
  const widget = await serve({ '/widget/': dist });
  const host = await serve(HOST_MOUNTS, { rewrite: [['../widget/', `${widget.base}/widget/`]] });
  return { host, widget, close: () => Promise.all([host.close(), widget.close()]) };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Records console errors and uncaught exceptions in `page.errors`. */
export function recordErrors(page) {
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** A page in a fresh browser context that records errors (`page.errors`). Before it goes to
 *  `url` (none: it stays blank), the context gets each of `init` (a function, or
 *  `[function, argument]`) as an init script and each of `route` (`[pattern, handler]`);
 *  other options are the context's (viewport, ...). */
export async function openPage(browser, url, { init = [], route = [], ...options } = {}) {
  const context = await browser.newContext(options);
  for (const script of init) await context.addInitScript(...(Array.isArray(script) ? script : [script]));
  for (const [pattern, handler] of route) await context.route(pattern, handler);
  const page = recordErrors(await context.newPage());
  if (url) await page.goto(url);
  return page;
}

/** Waits (up to `timeout` ms) until the host has sized the widget's iframe (`handle`) to the
 *  widget inside it, within 2 px, then returns both sides' measures: `outer` (the iframe),
 *  `content` (the widget's body), the frame's scroll and client sizes. Each side is measured
 *  in its own document, so it works across origins. The caller asserts. */
export async function iframeFit(page, handle, { timeout = 5000 } = {}) {
  const frame = await handle.contentFrame();
  const deadline = Date.now() + timeout;
  for (;;) {
    const m = {
      outer: await handle.evaluate((f) => f.getBoundingClientRect().height),
      ...(await frame.evaluate(() => ({
        content: document.body.getBoundingClientRect().height,
        scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight,
        scrollW: document.documentElement.scrollWidth, clientW: document.documentElement.clientWidth,
      }))),
    };
    if ((m.content > 0 && Math.abs(m.outer - m.content) <= 2) || Date.now() > deadline) return m;
    await page.waitForTimeout(50);
  }
}

/** The calculator on a page (or frame), checked against the native model: `matches(note)`
 *  asserts it shows exactly what the model computes for the inputs it holds, and returns them. */
export function calculator(page, model) {
  return {
    read: () => readPage(page),
    async matches(note) {
      const { inputs, shown } = await readPage(page);
      assert.deepEqual(shown, await model.ask(inputs), `${note}: inputs ${JSON.stringify(inputs)}`);
      return inputs;
    },
  };
}

/** Scrolls the calculator into view, as a reader would: its code loads when it is near.
 *  `page` may also be a frame. */
export async function reach(page) {
  // The island's root, not the calculator in it: the calculator's first render replaces that.
  await page.locator('#calculator-island').scrollIntoViewIfNeeded();
}

/** The calculator's code: the wasm-bindgen glue or the wasm (not the loader). */
export const isCode = (p) => /\/explainer-[0-9a-f]+(_bg\.wasm|\.js)$/.test(p);

/** The layout shift since the page loaded (every entry, buffered), read two frames from now:
 *  by then any shift the last render caused was drawn and recorded (takeRecords has what was
 *  not yet delivered). `target` is a page or a frame. */
export function layoutShift(target) {
  return target.evaluate(() => new Promise((ok) => {
    let total = 0;
    const add = (entries) => { for (const e of entries) total += e.value; };
    const seen = new PerformanceObserver((list) => add(list.getEntries()));
    seen.observe({ type: 'layout-shift', buffered: true });
    requestAnimationFrame(() => requestAnimationFrame(() => {
      add(seen.takeRecords());
      seen.disconnect();
      ok(total);
    }));
  }));
}

/** Reaches the calculator and waits until it is ready (its code started and rendered). */
export async function ready(page) {
  await reach(page);
  await hydrated(page);
}

/** Waits until the loader has looked where the calculator is and found it not near (its
 *  `not near` step), or has started it: after this, a page that is not reached and has no
 *  link's scenario starts nothing until the reader comes. A state, not a pause. */
export async function looked(page) {
  await page.waitForFunction(() => (window.__explainerSteps || []).some(([n]) => n === 'not near' || n.startsWith('start')), null, { timeout: 15000 });
  return page.evaluate(() => window.__explainerSteps.map(([n]) => n));
}

/** Waits until every console message the page has logged so far has reached the test: it logs a
 *  marker and waits for it (messages arrive in order). */
export async function consoleSettled(page) {
  const marker = `explainer-test: console settled ${Math.random()}`;
  await Promise.all([page.waitForEvent('console', (m) => m.text() === marker), page.evaluate((m) => console.log(m), marker)]);
}

/** Waits until the calculator is ready: its code has started and rendered the island over the
 *  prerendered markup, and the widget's root is marked `data-ready` (nothing is hydrated: the
 *  name is older than the island). Does not reach for the calculator: for tests where
 *  something else starts the code. `page` may also be a frame. */
export async function hydrated(page) {
  try {
    await page.waitForSelector('#explainer[data-ready="true"]', { timeout: 15000 });
  } catch (e) {
    // Say what the page was doing, so a rare timeout can be told apart from a failed start.
    const state = await page.evaluate(() => ({
      visibility: document.visibilityState,
      readyState: document.readyState,
      htmlClass: document.documentElement.className,
      stage: document.documentElement.dataset.stage,
      steps: window.__explainerSteps,
      code: performance.getEntriesByType('resource').filter((r) => /explainer-/.test(r.name))
        .map((r) => `${r.name.split('/').pop()} ${Math.round(r.responseEnd)}ms`),
    })).catch((err) => `unknown (${err.message})`);
    throw new Error(`${e.message.split('\n')[0]}; page: ${JSON.stringify(state)}; errors: ${JSON.stringify(page.errors ?? [])}`);
  }
}

const FIGURES = process.env.FIGURES ?? path.join(root, 'target/debug/figures');

/** The calculator's sliders as the model defines them (`figures --sliders`), in their order:
 *  [{ key, unit, min, max, step, scale }], values as the range input holds them, and `scale`
 *  the slider's units in one of a link's (100: a percent held in basis points). Tests make
 *  scenarios from this list, so a new input is in them without naming it. [] when the binary
 *  cannot say (the oracle's own error then names it). */
const sliderLists = new Map();
export function sliders(bin = FIGURES) {
  if (!sliderLists.has(bin)) {
    const r = spawnSync(bin, ['--sliders'], { encoding: 'utf8' });
    sliderLists.set(bin, r.status !== 0 ? [] : r.stdout.trim().split('\n').map((line) => {
      const [key, unit, min, max, step, scale] = line.split(' ');
      return { key, unit, min: Number(min), max: Number(max), step: Number(step), scale: Number(scale) };
    }));
  }
  return sliderLists.get(bin);
}

/** A scenario's query string as a reader's link gives it: each slider's value (as its range
 *  input holds it) written in the link's unit, then the choices and the language. Only the
 *  keys `s` has: the others keep their defaults, as in a link. */
export function toQuery(s, list) {
  const q = new URLSearchParams();
  for (const { key, scale } of list) if (s[key] !== undefined) q.set(key, String(s[key] / scale));
  if (s.awards !== undefined) q.set('awards', s.awards);
  if (s.equipment !== undefined) q.set('equipment', s.equipment ? '1' : '0');
  if (s.rule !== undefined) q.set('rule', s.rule);
  if (s.lang !== undefined) q.set('lang', s.lang);
  return q.toString();
}

/** Asserts that `link` is a scenario link to `page` (a file name, or '' for the folder) that
 *  writes every slider the model has, with `expected` among its pairs ({ officers: '9001' }).
 *  By key, not as one string: a new input adds a pair without breaking the check. */
export function assertScenarioLink(link, page, expected, note = link) {
  const url = new URL(link, 'http://x/');
  assert.ok(url.pathname.endsWith(`/${page}`), `${note}: links to ${page || 'the folder'}`);
  for (const { key } of sliders()) assert.ok(url.searchParams.has(key), `${note}: writes ${key}`);
  for (const [key, value] of Object.entries(expected)) assert.equal(url.searchParams.get(key), value, `${note}: ${key}`);
}

/** The native model, asked line by line: what the page must show for a scenario (`ask(s)`,
 *  with s as readPage gives its inputs, or any part of them), asked as a link's query string.
 *  If the binary is missing or the process dies, every question waiting (and every later one)
 *  fails at once, naming the binary: a test never waits for an answer that cannot come. */
export function oracle({ bin = FIGURES, args = [] } = {}) {
  const list = args.length ? [] : sliders(bin);
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  let dead = null;
  const die = (why) => {
    dead ??= new Error(`oracle ${bin}: ${why}`);
    for (const w of waiting.splice(0)) w.fail(dead);
  };
  child.on('error', (e) => die(e.code === 'ENOENT' ? 'not found (build it: cargo build --bin figures)' : e.message));
  // 'close', not 'exit': the answers it wrote before dying are read first.
  child.on('close', (code, signal) => die(`exited (${signal ?? `code ${code}`}) with ${waiting.length} question(s) unanswered`));
  child.stdin.on('error', () => {}); // a write to a dead process: reported by 'close' or 'error'
  lines.on('line', (l) => waiting.shift()?.ok(l));
  return {
    ask(s) {
      const line = toQuery(s, list);
      return new Promise((ok, fail) => {
        if (dead) return fail(dead);
        waiting.push({ ok, fail });
        child.stdin.write(line + '\n');
      }).then((l) => {
        if (l.startsWith('error')) throw new Error(`oracle: ${l}`);
        const [perOfficer, total, share, assumes, awardsCut, ...rest] = l.split('\t');
        const bar = rest.indexOf('|');
        return { perOfficer, total, share, assumes, awardsCut, rows: rest.slice(0, bar), swings: rest.slice(bar + 1) };
      });
    },
    close() { child.stdin.end(); },
  };
}

/** The inputs the page currently holds, and the figures it shows. */
export async function readPage(page) {
  const state = await page.evaluate(pageState);
  // Every slider the model has is on the page, and no other.
  const keys = sliders().map((s) => s.key);
  assert.deepEqual(Object.keys(state.inputs).filter((k) => !['awards', 'equipment', 'rule', 'lang'].includes(k)), keys, 'the page\'s sliders are the model\'s');
  return state;
}

/** readPage's reading, run in the page: any driver's evaluate can take it (e2e/engines.mjs). */
export function pageState() {
  const checked = document.querySelector('input[name="awards"]:checked');
  const rule = document.querySelector('input[name="rule"]:checked');
  const text = (sel) => document.querySelector(sel).textContent.trim();
  const rows = [];
  for (const tr of document.querySelectorAll('table.breakdown tbody tr')) {
    const tds = tr.querySelectorAll('td');
    rows.push(tds[0].textContent.trim(), tds[1].textContent.trim());
  }
  return {
    inputs: {
      // Every slider, by its id (its key in links), as its range input holds it.
      ...Object.fromEntries([...document.querySelectorAll('#explainer input[type=range]')].map((s) => [s.id, Number(s.value)])),
      awards: checked ? checked.value : '0', equipment: document.getElementById('equipment').checked,
      rule: rule ? rule.value : 'dhs',
      lang: document.documentElement.lang || 'en',
    },
    shown: {
      perOfficer: text('#out-per-officer'), total: text('#out-total'), share: text('#out-share'), assumes: text('#out-assumes'),
      awardsCut: document.querySelector('#out-awards-cut')?.textContent.trim() ?? '-', rows,
      swings: [...document.querySelectorAll('.swings .swing-values')].map((s) => s.textContent.trim()),
    },
  };
}

/** A test file's shared setup: before its tests, a server (`serve(mounts)`, or what `start`
 *  returns, e.g. `serveCrossOrigin`), a browser and, with `model`, the native oracle; all
 *  closed after them. `set` receives them ({ server, browser, model }) once started. */
export function suite({ mounts, start, model: withModel = false } = {}, set) {
  const s = {};
  before(async () => {
    if (withModel) s.model = oracle();
    s.server = await (start ? start() : serve(mounts));
    s.browser = await launch();
    set(s);
  });
  after(async () => {
    s.model?.close();
    await s.browser?.close();
    await s.server?.close();
  });
}
