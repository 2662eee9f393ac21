// The widget embedded from another origin, as on a news site: the host pages (demo article,
// Pym.js and @newswire/frames parents) on one loopback port, the widget on another. The host
// cannot read the widget's document, so sizes are measured on both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, serveCrossOrigin, openPage, hydrated, isCode, iframeFit } from './lib.mjs';

let servers, browser;
suite({ start: serveCrossOrigin }, (s) => ({ server: servers, browser } = s));

/** Scrolls the host page to the widget, then the calculator into view, as a reader would.
 *  (Chromium does not draw a cross-origin iframe that is out of view, so the frame's own
 *  scrolling, which waits for a drawn frame, needs the iframe on screen first.) */
async function reachCalculator({ handle, frame }) {
  await handle.scrollIntoViewIfNeeded();
  await frame.locator('section.calculator').scrollIntoViewIfNeeded();
}

/** The widget's iframe, once its loader has run (it marks <html> `embedded`). */
async function widgetFrame(page) {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  try {
    // Polled on a timer, not on animation frames: a cross-origin frame outside the viewport
    // is not rendered (Chromium throttles it), so a frame-polled wait could wait forever.
    await frame.waitForFunction(() => document.documentElement.classList.contains('embedded'), null, { polling: 100, timeout: 15000 });
  } catch (e) {
    // Say what the frame was doing: which document, whether the loader ran, how far it got.
    const state = await frame.evaluate(() => ({
      url: location.href, readyState: document.readyState, html: document.documentElement.className,
      steps: window.__explainerSteps, scripts: [...document.scripts].map((s) => s.src),
    })).catch((err) => `unreadable (${err.message})`);
    throw new Error(`${e.message.split('\n')[0]}; frame ${frame.url()}: ${JSON.stringify(state)}; page errors: ${JSON.stringify(page.errors)}`);
  }
  return { handle, frame };
}

/** The iframe is as tall as the widget inside it (within 2 px), with no inner scroll. */
async function assertFits(page, { handle, frame }, note) {
  // On the reader's screen, as where a reader checks it: a cross-origin frame outside the
  // viewport is not rendered, so its size observer (and the height message) waits until it is.
  await handle.scrollIntoViewIfNeeded();
  const m = { ...(await iframeFit(page, handle)), origin: await frame.evaluate(() => location.origin) };
  const outer = m.outer;
  assert.equal(m.origin, servers.widget.base, `${note}: the widget is served from the other origin`);
  assert.notEqual(new URL(page.url()).origin, m.origin);
  assert.ok(Math.abs(outer - m.content) <= 2, `${note}: iframe ${outer}px, widget ${m.content}px`);
  assert.ok(m.scroll <= m.client + 1, `${note}: inner scroll (${m.scroll} > ${m.client})`);
  assert.ok(m.scrollW <= m.clientW, `${note}: inner sideways scroll (${m.scrollW} > ${m.clientW})`);
  return outer;
}

for (const width of [320, 768, 1200]) {
  test(`cross-origin demo article at ${width}px: the iframe fits the widget, before and after hydration`, async () => {
    const page = await openPage(browser, `${servers.host.base}/demo/article.html`, { viewport: { width, height: 900 } });
    const widget = await widgetFrame(page);
    assert.match(await widget.handle.getAttribute('src'), new RegExp(`^${servers.widget.base}/widget/index\\.html$`));
    await assertFits(page, widget, `${width}px, prerendered`);
    await reachCalculator(widget);
    await hydrated(widget.frame);
    const height = await assertFits(page, widget, `${width}px, hydrated`);
    await widget.frame.click('nav.lang a[hreflang="es"]');
    await widget.frame.waitForFunction(() => document.documentElement.lang === 'es');
    const spanish = await assertFits(page, widget, `${width}px, Spanish`);
    assert.notEqual(spanish, height, 'switching language changes the height');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

for (const [name, file] of [['Pym.js', 'pym.html'], ['@newswire/frames', 'frames.html']]) {
  for (const width of [320, 768, 1200]) {
    test(`cross-origin, with the real ${name} parent at ${width}px: the iframe fits`, async () => {
      const page = await openPage(browser, `${servers.host.base}/demo/${file}`, { viewport: { width, height: 900 } });
      const widget = await widgetFrame(page);
      const src = await widget.handle.getAttribute('src');
      assert.ok(src.startsWith(`${servers.widget.base}/widget/index.html`), src);
      if (file === 'pym.html') assert.match(src, /childId=explainer-287g/);
      await assertFits(page, widget, `${name} ${width}px`);
      await reachCalculator(widget);
      await hydrated(widget.frame);
      await assertFits(page, widget, `${name} ${width}px, hydrated`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test('cross-origin: the calculator\'s code starts only when the calculator enters the top page\'s viewport', async () => {
  const earlier = servers.widget.requests.length; // the other tests' requests
  const code = () => servers.widget.requests.slice(earlier).filter(isCode);
  const page = await openPage(browser, `${servers.host.base}/demo/article.html`, { viewport: { width: 768, height: 900 } });
  const { frame } = await widgetFrame(page);
  // The signal that the loader has looked: an observer made after the loader's, on the same
  // element, has delivered its first answer (observers answer in the order they were made).
  const visible = await frame.evaluate(() => new Promise((ok) => {
    const o = new IntersectionObserver((entries) => { o.disconnect(); ok(entries[0].isIntersecting); });
    o.observe(document.querySelector('section.calculator'));
  }));
  assert.equal(visible, false, 'the calculator starts out of view');
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.stage ?? null), null, 'not started');
  assert.deepEqual(code(), [], 'no code requested before the calculator is in view');
  // The reader scrolls the article (the top page) until the calculator shows.
  const top = await frame.locator('section.calculator').evaluate((el) => el.getBoundingClientRect().top);
  const frameTop = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), frameTop + top - 300);
  await hydrated(frame);
  assert.equal(code().length, 2, 'the glue and the wasm, once each');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('cross-origin: height messages go only to the parent, and only the parent is answered', async () => {
  // A top page that frames the article, which frames the widget: the widget talks to the article only.
  const top = `${servers.host.base}/top.html`;
  servers.host.addPage('/top.html', '<!doctype html><body style="margin:0"><iframe src="/demo/article.html" style="width:100%;height:2000px;border:0"></iframe></body>');
  const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
  const page = await context.newPage();
  // Every window records what it hears (the init script runs in each frame).
  await page.addInitScript(() => {
    window.heard = [];
    window.addEventListener('message', (e) => window.heard.push({ origin: e.origin, data: e.data, fromChild: e.source === document.querySelector('iframe')?.contentWindow }));
  });
  await page.goto(top);
  const article = await (await page.waitForSelector('iframe')).contentFrame();
  const frame = await (await article.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.documentElement.classList.contains('embedded'));
  const sizes = () => article.evaluate(() => window.heard.filter((m) => m.data && m.data.type === 'embed-size'));
  await article.waitForFunction(() => window.heard.some((m) => m.data && m.data.type === 'embed-size'));
  // The widget's layout has settled (its ResizeObserver has reported) before counting.
  await frame.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  for (const m of await sizes()) {
    assert.equal(m.origin, servers.widget.base);
    assert.equal(m.fromChild, true);
    assert.ok(Number.isInteger(m.data.height) && m.data.height > 0, JSON.stringify(m.data));
  }
  const before = (await sizes()).length;

  // A barrier: messages to one window are handled in the order they were posted, so when
  // the widget relays 'barrier' to its parent, any answer to an earlier message is already there.
  await frame.evaluate(() => window.addEventListener('message', (e) => {
    if (e.data === 'barrier') { parent.postMessage('barrier', '*'); top.postMessage('barrier', '*'); }
  }));
  const barrier = async () => {
    await frame.evaluate(() => window.postMessage('barrier', '*'));
    await article.waitForFunction(() => window.heard.filter((m) => m.data === 'barrier').length > 0);
  };
  // frames-init from the top window and from the widget's own window: not its parent, ignored.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.frames[0].postMessage({ sentinel: 'amp', type: 'frames-init' }, '*'));
  await frame.evaluate(() => window.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*'));
  await barrier();
  assert.equal((await sizes()).length, before, 'answered a window that is not its parent');
  // From the parent: answered.
  await article.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*'));
  await article.waitForFunction((n) => window.heard.filter((m) => m.data && m.data.type === 'embed-size').length === n + 1, before);
  // The top page heard only the barrier from the widget (in order: nothing can come before it unseen).
  await page.waitForFunction(() => window.heard.some((m) => m.data === 'barrier'));
  const atTop = await page.evaluate(() => window.heard.map((m) => m.data));
  assert.deepEqual(atTop, ['barrier'], 'the widget wrote to the top page');
  await context.close();
});
