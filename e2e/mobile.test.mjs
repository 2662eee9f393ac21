// On a phone, and in an auto-height iframe in an article, the reader sees the total change
// as they move any control: with the control in the middle of their screen, the changed
// total is on screen and not covered, and the control is not covered either and does not
// move. Opened directly and embedded in the demo article (the README's snippet), on phones
// (375x667, 320x568) and at 768 and 1200 px, in English and Spanish.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { suite, openPage, ready, dist, root, artifacts } from './lib.mjs';

let server, browser;
suite({ mounts: { '/widget/': dist, '/demo/': path.join(root, 'demo') } }, (s) => ({ server, browser } = s));
before(() => mkdir(artifacts, { recursive: true }));

// Each control and a key that changes the figures from where the previous step left it:
// overtime down to 24% leaves room under the 25% for only part of the $500-a-quarter awards,
// so switching to Reuters' reading of the cap changes the total too.
const CONTROLS = [
  ['#officers', 'ArrowRight'], ['#salary', 'ArrowRight'], ['#benefits', 'ArrowRight'], ['#overtime', 'ArrowLeft'],
  ['#awards-500', 'Space'], ['#rule-reuters', 'Space'], ['#equipment', 'Space'],
];

/** A phone below 760 px (touch, mobile viewport), a desktop browser above. */
const device = (width, height) => (width < 760 ? { viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width, height } });

/** Where `sel` is in the top page's viewport, whether the point at its centre shows it (not
 *  something on top of it), and the viewport's height. `frame` is null when opened directly. */
async function place(page, frame, sel) {
  const offset = frame ? await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top) : 0;
  const inner = await (frame ?? page).evaluate((s) => {
    const el = document.querySelector(s);
    const b = el.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, x: b.left + b.width / 2, shown: !!hit && (hit === el || el.contains(hit)) };
  }, sel);
  const top = inner.top + offset, bottom = inner.bottom + offset;
  // Embedded: nothing of the host page covers the frame there either.
  const host = frame ? await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [inner.x, (top + bottom) / 2]) : 'IFRAME';
  const height = await page.evaluate(() => innerHeight);
  return { top, bottom, left: inner.left, right: inner.right, shown: inner.shown && host === 'IFRAME', height };
}

/** Scrolls the top page so that `sel` is centred on the screen. */
async function centre(page, frame, sel) {
  const p = await place(page, frame, sel);
  await page.evaluate((dy) => scrollBy(0, dy), (p.top + p.bottom) / 2 - p.height / 2);
}

/** Waits (up to 3 s) for `check` to hold: the loader learns where the frame is visible a
 *  frame or two after a scroll. Fails with the last state if it never holds. */
async function until(check, note) {
  let last;
  for (const started = Date.now(); Date.now() - started < 3000;) {
    last = await check();
    if (last.ok) return last;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.fail(`${note}: ${JSON.stringify(last)}`);
}

async function walk(page, frame, note, shot) {
  const doc = frame ?? page;
  for (const [sel, key] of CONTROLS) {
    await doc.focus(sel);
    await centre(page, frame, sel);
    const figures = () => doc.evaluate(() => ['out-per-officer', 'out-total'].map((id) => document.getElementById(id).textContent).join(' | '));
    const before = await figures();
    const at = await place(page, frame, sel);
    await page.keyboard.press(key);
    await doc.waitForFunction((b) => ['out-per-officer', 'out-total'].map((id) => document.getElementById(id).textContent).join(' | ') !== b, before, { timeout: 3000 })
      .catch((e) => assert.fail(`${note} ${sel}: ${key} changed neither figure (${before}): ${e.message.split('\n')[0]}`));
    let total;
    for (const out of ['#out-per-officer', '#out-total']) {
      total = await until(async () => {
        const t = await place(page, frame, out);
        return { ...t, ok: t.top >= 0 && t.bottom <= t.height && t.shown };
      }, `${note} ${sel}: ${out}, changed, is not on screen and uncovered`);
    }
    const control = await place(page, frame, sel);
    assert.ok(control.shown, `${note} ${sel}: the control is covered`);
    assert.ok(Math.abs(control.top - at.top) < 2, `${note} ${sel}: the control moved from ${at.top} to ${control.top}`);
    const apart = control.top >= total.bottom || control.bottom <= total.top || control.left >= total.right || control.right <= total.left;
    assert.ok(apart, `${note} ${sel}: the total overlaps the control`);
    if (shot && sel === '#benefits') await page.screenshot({ path: path.join(artifacts, shot) });
  }
}

for (const [width, height] of [[375, 667], [320, 568], [768, 1024], [1200, 900]]) {
  for (const lang of ['en', 'es']) {
    const shot = (mode) => (width === 375 && lang === 'en' ? `phone-375-${mode}.png` : null);
    test(`${width}x${height}, ${lang}, opened directly: every control's change is seen`, async () => {
      const page = await openPage(browser, `${server.base}/widget/${lang === 'es' ? 'index.es.html' : ''}`, device(width, height));
      await ready(page);
      await walk(page, null, `${width} ${lang} direct`, shot('direct'));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `sideways scroll of ${overflow}px`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test(`${width}x${height}, ${lang}, embedded in the demo article: every control's change is seen`, async () => {
      const page = await openPage(browser, `${server.base}/demo/article.html`, device(width, height));
      const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
      await page.locator('iframe').scrollIntoViewIfNeeded();
      await ready(frame);
      if (lang === 'es') {
        // The Spanish page is another page: its calculator starts when reached, as any.
        await frame.click('nav.lang a[hreflang="es"]');
        await frame.waitForFunction(() => document.documentElement.lang === 'es');
        await ready(frame);
      }
      await walk(page, frame, `${width} ${lang} embedded`, shot('embedded'));
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test('the notes under the controls fold, open to a tap, and print open', async () => {
  const page = await openPage(browser, `${server.base}/widget/`, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  await ready(page);
  const note = page.locator('#salary-note');
  assert.equal(await note.isVisible(), false, 'folded');
  // The slider still names its note for screen readers.
  assert.equal(await page.getAttribute('#salary', 'aria-describedby'), 'salary-note');
  await page.locator('#salary-note').locator('xpath=ancestor::details/summary').tap();
  assert.ok(await note.isVisible(), 'a tap opens it');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#officers-note').isVisible(), 'print shows the folded notes');
  await page.close();
});

test('checkboxes and radios sit on their label\'s first line at 320 px in Spanish', async () => {
  const page = await openPage(browser, `${server.base}/widget/index.es.html`, { viewport: { width: 320, height: 568 } });
  for (const sel of ['#awards-0', '#awards-1000', '#rule-dhs', '#rule-reuters', '#equipment']) {
    const [box, label] = await page.evaluate((s) => {
      const input = document.querySelector(s);
      const l = document.querySelector(`label[for="${input.id}"]`);
      const r = (e) => { const b = e.getBoundingClientRect(); return { top: b.top, left: b.left, right: b.right }; };
      return [r(input), r(l)];
    }, sel);
    assert.ok(Math.abs(box.top - label.top) <= 4, `${sel}: box at ${box.top}, label at ${label.top}`);
    assert.ok(box.right <= label.left, `${sel}: the box is beside its label`);
  }
  await page.close();
});
