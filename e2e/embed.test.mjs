// The widget in a news page's iframe: our snippet, Pym.js and @newswire/frames parents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, openPage, ready, dist, root, iframeFit } from './lib.mjs';

let server, browser;
suite({
  mounts: {
    '/widget/': dist,
    '/demo/': path.join(root, 'demo'),
    '/vendor/pym.v1.min.js': path.join(root, 'node_modules/pym.js/dist/pym.v1.min.js'),
    '/vendor/frames.umd.js': path.join(root, 'node_modules/@newswire/frames/dist/frames.umd.js'),
  },
}, (s) => ({ server, browser } = s));

/** Waits until the iframe is as tall as the widget inside it (within 2 px), with no inner scroll. */
async function assertFits(page, note) {
  const frameEl = page.locator('iframe').first();
  await frameEl.scrollIntoViewIfNeeded();
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await ready(frame);
  const m = await iframeFit(page, await frameEl.elementHandle());
  assert.ok(Math.abs(m.outer - m.content) <= 2, `${note}: iframe ${m.outer}px, widget ${m.content}px`);
  assert.ok(m.scroll <= m.client + 1, `${note}: inner scroll (${m.scroll} > ${m.client})`);
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embedded')), true);
  return { frame, height: m.outer };
}

for (const width of [320, 768, 1200]) {
  test(`demo article at ${width}px: the iframe fits the widget and follows its height`, async () => {
    const page = await openPage(browser, `${server.base}/demo/article.html`, { viewport: { width, height: 900 } });
    const { frame, height } = await assertFits(page, `${width}px`);
    const historyLength = await page.evaluate(() => history.length);
    await frame.click('nav.lang a[hreflang="es"]');
    await frame.waitForFunction(() => document.documentElement.lang === 'es');
    const after = await assertFits(page, `${width}px, Spanish`);
    assert.notEqual(after.height, height, 'switching language changes the height');
    assert.equal(await page.evaluate(() => history.length), historyLength, 'the host\'s Back is not spent on the widget');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('with the real Pym.js parent', async () => {
  const page = await openPage(browser, `${server.base}/demo/pym.html`, { viewport: { width: 768, height: 900 } });
  await page.waitForSelector('iframe');
  assert.match(await page.getAttribute('iframe', 'src'), /childId=explainer-287g/);
  const { frame, height } = await assertFits(page, 'pym');
  // The other language's page keeps Pym's keys, so its height messages still reach the host.
  await frame.click('nav.lang a[hreflang="es"]');
  await frame.waitForFunction(() => document.documentElement.lang === 'es');
  assert.match(frame.url(), /\/index\.es\.html\?.*childId=explainer-287g/);
  const after = await assertFits(page, 'pym, Spanish');
  assert.notEqual(after.height, height, 'the Spanish page has its own height');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('with the real @newswire/frames parent', async () => {
  const page = await openPage(browser, `${server.base}/demo/frames.html`, { viewport: { width: 768, height: 900 } });
  await page.waitForSelector('iframe');
  await assertFits(page, 'frames');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('only the parent is answered; a message from another window changes nothing', async () => {
  const page = await openPage(browser, `${server.base}/demo/article.html`, { viewport: { width: 768, height: 900 } });
  const { frame } = await assertFits(page, 'before');
  await page.evaluate(() => {
    window.sizes = 0;
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'embed-size') window.sizes++;
      if (e.data === 'barrier') window.barrier = true;
    });
  });
  const before = await frame.evaluate(() => document.getElementById('explainer').innerHTML);
  // From the widget's own window (not its parent): ignored. Messages to a window are handled
  // in order, so when the widget relays the barrier, an answer to these would be there already.
  await frame.evaluate(() => {
    window.addEventListener('message', (e) => { if (e.data === 'barrier') parent.postMessage('barrier', '*'); });
    window.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*');
    window.postMessage('pymxPYMxexplainer-287gxPYMxheightxPYMx10', '*');
    window.postMessage('barrier', '*');
  });
  await page.waitForFunction(() => window.barrier === true);
  assert.equal(await page.evaluate(() => window.sizes), 0);
  assert.equal(await frame.evaluate(() => document.getElementById('explainer').innerHTML), before);
  // From the parent: answered at once with the height.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*'));
  await page.waitForFunction(() => window.sizes === 1);
  await page.close();
});

test('the self-contained file works from file:// and as an iframe srcdoc', async () => {
  const file = path.join(dist, 'explainer-standalone.html');
  const page = await openPage(browser, `file://${file}`);
  await ready(page);
  assert.equal(await page.locator('ol.events > li').count(), 8);
  const before = await page.textContent('#out-total');
  await page.focus('#officers');
  await page.keyboard.press('End');
  assert.notEqual(await page.textContent('#out-total'), before);
  assert.equal(await page.inputValue('#officers'), '20000');
  assert.deepEqual(page.errors, []);

  const { readFile } = await import('node:fs/promises');
  const html = await readFile(file, 'utf8');
  await page.setContent('<iframe style="width:100%;border:0;height:600px"></iframe>');
  await page.$eval('iframe', (f, h) => { f.srcdoc = h; }, html);
  const frame = await (await page.$('iframe')).contentFrame();
  await ready(frame);
  assert.equal(await frame.locator('ol.events > li').count(), 8);
  await page.close();
});
