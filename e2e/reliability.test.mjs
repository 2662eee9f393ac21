// Failures leave the prerendered content readable; hostile URLs break nothing; the widget
// stays inside its origin, under a strict CSP, with SRI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, writeFile, mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite, serve, openPage, ready, reach, readPage, consoleSettled, dist, CSP, sliders } from './lib.mjs';

let server, browser, model;
suite({ model: true }, (s) => ({ server, browser, model } = s));

/** The widget gave up: prerendered content on screen, controls off, default figures. */
async function assertStaticAndReadable(page, note) {
  await reach(page);
  await page.waitForFunction(() => document.documentElement.classList.contains('static'), null, { timeout: 15000 });
  assert.equal(await page.locator('ol.events > li').count(), 8, note);
  assert.ok(await page.locator('#event-reimbursements-start').isVisible(), note);
  assert.equal(await page.textContent('#out-total'), '$1.19 billion', note);
  assert.equal(await page.textContent('#out-per-officer'), '$139,855', note);
  assert.equal(await page.locator('#explainer input:not([disabled])').count(), 0, `${note}: controls left on`);
  assert.equal(await page.textContent('.explainer-note'), 'The calculator could not start. The figures shown are the defaults; reload the page to try again.', `${note}: the reader is told`);
}

const withSwitch = (flag) => openPage(browser, `${server.base}/`, { init: [[(f) => { window.__explainerTest = { [f]: true }; }, flag]] });

test('a panic logs one clear message and leaves the prerendered content', async () => {
  const page = await withSwitch('panic');
  await assertStaticAndReadable(page, 'panic');
  await consoleSettled(page);
  assert.equal(page.errors.length, 1, `messages: ${page.errors.join(' | ')}`);
  assert.match(page.errors[0], /^explainer: stopped[\s\S]*deliberate panic/);
  await page.context().close();
});

test('a trap with no panic before it (nothing logged by the panic hook) still logs one message', async () => {
  const page = await withSwitch('trap');
  await assertStaticAndReadable(page, 'trap');
  await consoleSettled(page);
  assert.equal(page.errors.length, 1, `messages: ${page.errors.join(' | ')}`);
  assert.match(page.errors[0], /^explainer: could not start[\s\S]*unreachable/);
  await page.context().close();
});

test('without WebAssembly the prerendered content stays, with one message', async () => {
  // Chromium 156 ignores --js-flags=--noexpose_wasm (WebAssembly stays defined), so the
  // test removes the global before any script runs, as a browser without wasm would have it.
  const page = await openPage(browser, `${server.base}/`, { init: [() => { delete globalThis.WebAssembly; }] });
  assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined');
  await assertStaticAndReadable(page, 'no wasm');
  await consoleSettled(page);
  assert.equal(page.errors.length, 1, page.errors.join(' | '));
  assert.match(page.errors[0], /explainer: could not start/);
  await page.context().close();
});

// `stage`: how far the start got, as <html data-stage> tells a developer.
for (const [what, pick, stage] of [['wasm', (f) => /^explainer-[0-9a-f]+_bg\.wasm$/.test(f), 'compiling'], ['glue', (f) => /^explainer-[0-9a-f]+\.js$/.test(f), 'loading']]) {
  test(`a tampered ${what} file is refused by its SRI hash; the content stays`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'explainer-sri-'));
    await cp(dist, dir, { recursive: true });
    const file = (await readdir(dir)).find(pick);
    const bytes = await readFile(path.join(dir, file));
    bytes[bytes.length - 2] ^= 0x01; // still valid text for the glue, but not the same bytes
    await writeFile(path.join(dir, file), bytes);
    const tampered = await serve(dir, { headers: {} });
    const page = await openPage(browser, `${tampered.base}/`);
    await reach(page);
    await page.waitForFunction(() => document.documentElement.classList.contains('static'), null, { timeout: 15000 });
    assert.equal(await page.locator('ol.events > li').count(), 8);
    assert.equal(await page.textContent('#out-total'), '$1.19 billion');
    await consoleSettled(page);
    assert.ok(page.errors.some((e) => /integrity/.test(e)), page.errors.join(' | '));
    assert.ok(page.errors.some((e) => /^explainer: could not start/.test(e)), page.errors.join(' | '));
    // (The glue and the wasm download in parallel; a refused file means nothing runs.)
    assert.equal(await page.getAttribute('#explainer', 'data-ready'), null, 'never hydrated');
    assert.equal(await page.getAttribute('html', 'data-stage'), stage);
    await page.close();
    await tampered.close();
    await rm(dir, { recursive: true });
  });
}

test('scripts, styles and the calculator\'s code carry SRI; the served page has no inline script or style', async () => {
  const html = await (await fetch(`${server.base}/`)).text();
  const tags = html.match(/<(script|link)\b[^>]*>/g);
  for (const tag of tags.filter((t) => /<script|rel="(stylesheet|modulepreload|preload)"/.test(t))) {
    assert.match(tag, /integrity="sha384-/, tag);
  }
  // The calculator's code is loaded later by the loader, with these hashes.
  assert.match(html, /<html lang="en" data-pages="[^"]+" data-glue="[^"]+" data-glue-integrity="sha384-[^"]+" data-wasm="[^"]+" data-wasm-integrity="sha384-[^"]+"/);
  assert.doesNotMatch(html.replace(/<script[^>]*src=[^>]*><\/script>/g, ''), /<script/);
  assert.doesNotMatch(html, /<style|\sstyle="/);
  const res = await fetch(`${server.base}/`);
  assert.equal(res.headers.get('content-security-policy'), CSP);
});

test('under the strict CSP: no violation, no request beyond its origin, no cookie or storage', async () => {
  const page = await openPage(browser, null, { init: [() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  }] });
  const context = page.context();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // A scenario link: the loader's busy note (a CSS custom property set through the CSSOM) too.
  await page.goto(`${server.base}/?theme=dark&officers=1000`);
  await ready(page);
  await page.focus('#officers');
  await page.keyboard.press('PageUp');
  await page.check('#equipment');
  // The live region has spoken this scenario (its delay is past).
  const spoken = () => page.waitForFunction(() => document.getElementById('status').textContent.includes(document.getElementById('out-total').textContent.trim()));
  await spoken();
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  await page.click('nav.lang a[hreflang="es"]');
  // The Spanish page, with the scenario: started, and spoken.
  await page.waitForURL(/\/index\.es\.html\?/);
  await ready(page);
  await page.waitForFunction(() => !document.documentElement.classList.contains('pending'));
  await spoken();
  await consoleSettled(page);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.errors, []);
  const foreign = requests.filter((u) => !u.startsWith(`${server.base}/`));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(await page.evaluate(async () => [document.cookie, localStorage.length, sessionStorage.length, (await indexedDB.databases()).length]), ['', 0, 0, 0]);
  await context.close();
});

/** A small seeded generator, so a failure can be replayed. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const KEYS = [...sliders().map((s) => s.key), 'awards', 'equipment', 'rule', 'lang', 'theme', '', 'childId', '__proto__', 'constructor'];
const VALUES = ['NaN', 'inf', '-inf', 'Infinity', '-0', '1e309', '9'.repeat(400), '-1', '-99999999999', '0x10', '1_000', ' 42 ', '12.345', '.', '..5', '62.7', '25', '1000', 'es', 'ES', 'dark',
  '%00', '%', '%zz', '%E2%82%AC', 'ünïcødé', '😀', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '', '&', '=', '==', '+', 'true', 'null', 'undefined'];

function hostileQuery(next) {
  const n = Math.floor(next() * 6);
  const parts = [];
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(next() * KEYS.length)];
    let value = VALUES[Math.floor(next() * VALUES.length)];
    if (next() < 0.05) value = 'x'.repeat(4000);
    const raw = next() < 0.5;
    parts.push(raw ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    if (next() < 0.1) parts.push(key); // a key with no value
  }
  return parts.join(next() < 0.9 ? '&' : '&&');
}

test('1,000 hostile query strings: no error, the timeline is there, the figures match the model', async () => {
  const next = rng(287);
  const count = Number(process.env.HOSTILE_QUERIES ?? 1000);
  const queries = Array.from({ length: count }, () => hostileQuery(next));
  // Two tabs share the list (the machine has two cores). A load that does not become ready
  // fails the test, with the start steps the page recorded (see hydrated() in lib.mjs).
  const worker = async (offset) => {
    const page = await openPage(browser, `${server.base}/`);
    for (let i = offset; i < queries.length; i += 2) {
      const q = queries[i];
      await page.goto(`${server.base}/?${q}`);
      await ready(page).catch((e) => { throw new Error(`query #${i}: ${q}: ${e.message}`); });
      // Restoring happens just after hydration: let it settle before comparing.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      assert.deepEqual(page.errors, [], `query #${i}: ${q}`);
      assert.equal(await page.locator('ol.events > li').count(), 8, `query #${i}: ${q}`);
      const steps = await page.evaluate(() => window.__explainerSteps.map(([n]) => n));
      assert.ok(!steps.some((n) => n.startsWith('retry') || n.startsWith('first try')), `query #${i}: ${q}: the watchdog had to retry: ${steps}`);
      const { inputs, shown } = await readPage(page);
      assert.deepEqual(shown, await model.ask(inputs), `query #${i}: ${q}`);
    }
    await page.close();
  };
  await Promise.all([worker(0), worker(1)]);
});
