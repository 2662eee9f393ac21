// Phones as phones: a mobile device profile (touch, a high-density screen, the viewport meta
// honoured), the options tapped with a finger and a slider dragged with touch, in English and
// Spanish at 320 and 375 px; every change shows the native model's figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, ready, readPage, calculator } from './lib.mjs';

let server, browser, model;
suite({ model: true }, (s) => ({ server, browser, model } = s));

/** A phone: what Playwright's device descriptors set for a mid-range Android phone. */
const phone = (width) => ({
  viewport: { width, height: 700 },
  deviceScaleFactor: width === 320 ? 2 : 3,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
});

const assertMatchesModel = (page, note) => calculator(page, model).matches(note);

/** A finger tap in the middle of the element (scrolled into view first, as a reader would). */
async function tap(page, selector) {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Drags a range input's thumb with one finger from its current value to `fraction` of the
 *  track. Playwright has no touch drag, so the touch events go through CDP, as the browser's
 *  own input pipeline (not synthetic DOM events). */
async function touchDrag(page, cdp, selector, fraction) {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  const { min, max, value } = await el.evaluate((i) => ({ min: Number(i.min), max: Number(i.max), value: Number(i.value) }));
  // The thumb's centre moves along the track inset by half the thumb's width.
  const inset = Math.min(12, box.width / 10);
  const at = (f) => box.x + inset + (box.width - 2 * inset) * f;
  const y = box.y + box.height / 2;
  const from = at((value - min) / (max - min));
  const to = at(fraction);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from + ((to - from) * i) / 10, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

for (const [file, lang] of [['/', 'en'], ['/index.es.html', 'es']]) {
  for (const width of [320, 375]) {
    test(`phone ${width}px (${lang}): taps and a touch drag show the model's figures, no sideways scroll`, async () => {
      const page = await openPage(browser, `${server.base}${file}`, phone(width));
      // The viewport meta is honoured: the layout is as wide as the screen, not 980 px.
      const screen = await page.evaluate(() => ({
        inner: window.innerWidth, client: document.documentElement.clientWidth, dpr: window.devicePixelRatio,
        touch: matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0,
      }));
      assert.deepEqual(screen, { inner: width, client: width, dpr: width === 320 ? 2 : 3, touch: true });
      await ready(page);
      assert.equal((await readPage(page)).inputs.lang, lang);

      // Each tap changes the breakdown (with $1,000 awards, Reuters' reading cuts them).
      const steps = [
        ['#awards-500', true, (i) => i.awards === '500'],
        ['#awards-1000', true, (i) => i.awards === '1000'],
        ['#equipment', true, (i) => i.equipment === true],
        ['#rule-reuters', true, (i) => i.rule === 'reuters'],
        ['#equipment', false, (i) => i.equipment === false],
        ['#rule-dhs', true, (i) => i.rule === 'dhs'],
        ['#awards-0', true, (i) => i.awards === '0'],
      ];
      const breakdown = () => document.querySelector('table.breakdown').textContent;
      for (const [selector, checked, check] of steps) {
        const before = await page.evaluate(breakdown);
        await tap(page, selector);
        // The tap's click follows the touch events: wait for its effect, on the control and the figures.
        await page.waitForFunction(([s, c]) => document.querySelector(s).checked === c, [selector, checked]);
        await page.waitForFunction((prev) => document.querySelector('table.breakdown').textContent !== prev, before, { timeout: 5000 })
          .catch(() => {}); // the assertion below says what did not change
        const inputs = await assertMatchesModel(page, `tap ${selector}`);
        assert.ok(check(inputs), `after tapping ${selector}: ${JSON.stringify(inputs)}`);
        assert.notEqual(await page.evaluate(breakdown), before, `tapping ${selector} changed no figure`);
      }

      const cdp = await page.context().newCDPSession(page);
      for (const [id, fraction] of [['salary', 0.8], ['officers', 0.2]]) {
        const before = (await readPage(page)).inputs[id];
        await touchDrag(page, cdp, `#${id}`, fraction);
        // The last input event is handled before the next frame is drawn.
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
        const inputs = await assertMatchesModel(page, `touch drag on ${id}`);
        assert.ok(fraction > 0.5 ? inputs[id] > before : inputs[id] < before, `${id}: ${before} -> ${inputs[id]} (dragged to ${fraction})`);
        const { min, max } = await page.locator(`#${id}`).evaluate((i) => ({ min: Number(i.min), max: Number(i.max) }));
        const reached = (inputs[id] - min) / (max - min);
        assert.ok(Math.abs(reached - fraction) < 0.1, `${id} followed the finger to ${reached.toFixed(2)}, not ${fraction}`);
      }

      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(overflow.scroll <= overflow.client, `sideways overflow at ${width}px: ${JSON.stringify(overflow)}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}
