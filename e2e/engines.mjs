// Firefox ESR and WebKitGTK (Debian's), driven the same way by the engine tests
// (firefox.test.mjs, webkit.test.mjs): Firefox by puppeteer-core over WebDriver BiDi (no
// geckodriver), WebKit by selenium-webdriver against WebKitWebDriver and its MiniBrowser, on an
// Xvfb display started here (a free display number, chosen by Xvfb) and stopped after.
// A tab has the few things the flows need: goto, run (a function in the page or one of its
// frames), until (a state), press (a key on a control), click, errors.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Polls `check` (async, returns a value or a falsy one) until it holds; fails after `timeout`
 *  ms with `what` and the last value of `describe`. A wait for a state, not for a time. */
export async function until(check, what, { timeout = 15000, describe = async () => '' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeout} ms; ${await describe()}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

// ---- Firefox

async function firefox() {
  const launch = (prefs = {}) => puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: prefs });
  const browser = await launch();
  // JavaScript off is a browser-wide setting in Firefox (BiDi has no per-page switch yet): a
  // second browser, started when a test asks for it. The test's own scripts still run.
  let noScript = null;
  return {
    name: 'firefox',
    async open({ width = 1024, height = 800, javascript = true } = {}) {
      const context = await (javascript ? browser : (noScript ??= await launch({ 'javascript.enabled': false }))).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      const frameOf = (sel) => sel ? page.$(sel).then((h) => h.contentFrame()) : page.mainFrame();
      return {
        errors,
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        url: () => page.url(),
        watch: async () => {},
        run: async (fn, args = [], frame) => (await frameOf(frame)).evaluate(fn, ...args),
        async press(sel, key, frame) {
          await (await frameOf(frame)).focus(sel);
          await page.keyboard.press(key);
        },
        click: async (sel, frame) => (await frameOf(frame)).click(sel),
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      await noScript?.close();
    },
  };
}

// ---- WebKit

const KEYS = { ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, PageUp: Key.PAGE_UP, PageDown: Key.PAGE_DOWN, End: Key.END, Home: Key.HOME, Tab: Key.TAB };

/** A free TCP port on loopback (asked of the system, then released for the driver). */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().once('error', fail).listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Resolves when `url` answers (the driver is listening), failing if `child` exits first. */
function listening(child, url, name) {
  return new Promise((ok, fail) => {
    let done = false;
    child.once('exit', (code, signal) => { if (!done) fail(new Error(`${name} exited (${signal ?? code}) before it listened`)); });
    const poll = () => fetch(url).then(() => { done = true; ok(); }, () => !done && setTimeout(poll, 50));
    poll();
  });
}

async function webkit() {
  // Xvfb picks a free display and writes its number on fd 3.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const children = [xvfb];
  const stop = () => { for (const c of children) if (c.exitCode === null) c.kill(); };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { stop(); process.exit(1); });
  let xlog = '';
  xvfb.stderr.on('data', (d) => { xlog += d; });
  const display = await new Promise((ok, fail) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) ok(out.trim()); });
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${xlog}`)));
    xvfb.once('error', (e) => fail(new Error(`cannot start Xvfb: ${e.message}`)));
  });
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: `:${display}` }, stdio: 'ignore' });
  children.push(driver);
  await listening(driver, `http://127.0.0.1:${port}/status`, 'WebKitWebDriver');
  const sessions = new Set();
  return {
    name: 'webkit',
    async open({ width = 1024, height = 800, javascript = true } = {}) {
      // One MiniBrowser per tab: a fresh profile, as a new browser context is. The driver
      // allows one session: a tab a failed test left open is closed first.
      for (const wd of sessions) await wd.quit().catch(() => {});
      sessions.clear();
      const args = ['--automation', ...(javascript ? [] : ['--enable-javascript-markup=false'])];
      const wd = await new Builder().usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args },
        }).build();
      sessions.add(wd);
      await wd.manage().window().setRect({ width, height });
      // No console log in classic WebDriver: each document records its errors itself, from
      // when the tab has it (see recordErrors).
      const errors = [];
      const inFrame = async (frame, action) => {
        if (!frame) return action();
        await wd.switchTo().frame(await wd.findElement(By.css(frame)));
        try { return await action(); } finally { await wd.switchTo().defaultContent(); }
      };
      const run = (fn, args = [], frame) => inFrame(frame, () => wd.executeScript(`return (${fn}).apply(null, arguments)`, ...args));
      const collect = async () => {
        const e = await wd.executeScript('return window.__errors ? window.__errors.splice(0) : []').catch(() => []);
        errors.push(...e);
      };
      return {
        errors,
        async goto(url) {
          await collect();
          await wd.get(url);
          await run(recordErrors);
        },
        url: () => wd.getCurrentUrl(),
        /** After a navigation the page made itself: record the new document's errors too. */
        watch: async () => { await collect(); await run(recordErrors); },
        run,
        press: async (sel, key, frame) => {
          await inFrame(frame, async () => {
            // Focused as a reader's Tab would, then the key to the focused element (an element's
            // sendKeys refuses a slider that the pinned figures cover in an iframe).
            await wd.executeScript('arguments[0].focus()', await wd.findElement(By.css(sel)));
            await wd.actions().sendKeys(KEYS[key] ?? key).perform();
          });
        },
        click: (sel, frame) => inFrame(frame, async () => (await wd.findElement(By.css(sel))).click()),
        async close() { await collect(); sessions.delete(wd); await wd.quit(); },
      };
    },
    async close() {
      for (const wd of sessions) await wd.quit().catch(() => {});
      stop();
    },
  };
}

/** In a WebKit document: console errors and uncaught errors from now on, in `window.__errors`. */
function recordErrors() {
  if (window.__errors) return;
  const errors = (window.__errors = []);
  const log = console.error.bind(console);
  console.error = (...a) => { errors.push(a.map(String).join(' ')); log(...a); };
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
}

export function startEngine(name) {
  if (name === 'firefox') return firefox();
  if (name === 'webkit') return webkit();
  throw new Error(`no engine ${name}`);
}
