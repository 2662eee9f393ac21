// The one-file builds (dist/explainer-standalone.html and .es.html, written by the prerender step,
// `standalone()`): no console error from file:// or as an iframe srcdoc, and no language
// switch (its links would name pages that are not next to a lone file); each language has
// its own file instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { launch, openPage, ready, readPage, dist } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FILES = [['en', 'explainer-standalone.html', '$1.19 billion'], ['es', 'explainer-standalone.es.html', '$1,190 millones']];

/** The switch is in the prerendered markup (static) but hidden, before and after the code runs. */
async function assertNoSwitch(w, note) {
  assert.equal(await w.locator('nav.lang').count(), 1, `${note}: the markup keeps the switch`);
  assert.equal(await w.locator('nav.lang').isVisible(), false, `${note}: the switch is offered`);
  for (const a of await w.locator('nav.lang a').all()) assert.equal(await a.isVisible(), false);
}

for (const [lang, file, total] of FILES) {
  test(`${file} from file://: hydrates in ${lang} with no console error and offers no language switch`, async () => {
    const page = await openPage(browser, `file://${path.join(dist, file)}`);
    await assertNoSwitch(page, 'before the code runs');
    await ready(page);
    await assertNoSwitch(page, 'hydrated');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.textContent('#out-total'), total);
    assert.equal((await readPage(page)).inputs.lang, lang);
    // The first Tab skips the hidden switch.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ id: document.activeElement.id, inSwitch: !!document.activeElement.closest('nav.lang'), tag: document.activeElement.tagName }));
    assert.equal(first.inSwitch, false, `first Tab: ${JSON.stringify(first)}`);
    assert.notEqual(first.tag, 'BODY');
    // Works: a key moves a slider and the figures follow.
    await page.focus('#officers');
    await page.keyboard.press('End');
    assert.equal(await page.inputValue('#officers'), '20000');
    assert.notEqual(await page.textContent('#out-total'), total);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${file} as an iframe srcdoc: hydrates in ${lang} with no console error and offers no language switch`, async () => {
    const page = await openPage(browser, 'about:blank');
    await page.setContent('<iframe style="width:100%;border:0;height:600px"></iframe>');
    await page.$eval('iframe', (f, h) => { f.srcdoc = h; }, await readFile(path.join(dist, file), 'utf8'));
    const frame = await (await page.$('iframe')).contentFrame();
    await frame.waitForSelector('#explainer');
    await assertNoSwitch(frame, 'srcdoc, before the code runs');
    await ready(frame);
    await assertNoSwitch(frame, 'srcdoc, hydrated');
    assert.equal(await frame.getAttribute('html', 'lang'), lang);
    assert.equal(await frame.textContent('#out-total'), total);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
