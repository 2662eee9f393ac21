// The widget in headless Chromium, against the release build in dist/ served on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, openPage, ready, oracle, readPage, artifacts, calculator, layoutShift } from './lib.mjs';

let server, browser, model;
before(async () => {
  server = await serve();
  browser = await launch();
  model = oracle();
  await mkdir(artifacts, { recursive: true });
});
after(async () => {
  model?.close();
  await browser?.close();
  await server?.close();
});

/** The page shows exactly what the native model computes for the inputs it holds. */
const assertMatchesModel = (page, note) => calculator(page, model).matches(note);

test('loads and hydrates with no error; every event and the default figures are there', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  assert.deepEqual(page.errors, []);
  assert.equal(await page.locator('ol.events > li').count(), 8);
  assert.equal(await page.locator('li.event.milestone').count(), 4);
  for (const li of await page.locator('ol.events > li').all()) assert.ok(await li.isVisible());
  assert.equal(await page.textContent('#out-per-officer'), '$139,855');
  assert.equal(await page.textContent('#out-total'), '$1.19 billion');
  assert.equal(await page.textContent('#out-share'), "For scale: equal to 6.3% of about $18.75 billion a year, our even yearly split of ICE's new funding");
  assert.equal(await page.textContent('#out-assumes'), 'Assumes overtime at the maximum DHS announced: 25% of salary.');
  await assertMatchesModel(page, 'defaults');
  await page.close();
});

for (const file of ['index.html', 'index.es.html']) test(`${file}: the calculator's first render changes nothing on screen and shifts no layout`, async () => {
  const page = await openPage(browser, `${server.base}/${file}`);
  // The markup as served, before any script ran, against the DOM after the island rendered
  // (the wasm's content carries only the calculator's texts: a missing one shows here).
  const served = await (await fetch(`${server.base}/${file}`)).text();
  await ready(page);
  // The DOM serialises boolean attributes as `checked=""`. The island sets an input's value and
  // checked state as properties (no attribute): those are compared control by control below.
  const strip = (h) => h.replace(/=""/g, '').replace(/<input([^>]*?) value="[^"]*"/g, '<input$1').replace(/<input([^>]*?) checked/g, '<input$1');
  const servedRoot = served.match(/<div id="explainer"[^>]*>([\s\S]*)<\/div>\s*<\/body>/)[1];
  const liveRoot = await page.evaluate(() => document.getElementById('explainer').innerHTML);
  assert.equal(strip(liveRoot), strip(servedRoot));
  const controls = await page.evaluate(() => [...document.querySelectorAll('#explainer input')].map((i) => [i.id, i.value, i.checked]));
  const servedControls = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return [...doc.querySelectorAll('#explainer input')].map((i) => [i.id, i.value, i.checked]);
  }, served);
  assert.ok(controls.length > 8);
  assert.deepEqual(controls, servedControls);
  // Every shift since the page loaded, two frames after the first render.
  const shift = await layoutShift(page);
  assert.ok(shift < 0.01, `layout shift ${shift}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('each slider, moved by keyboard, changes every output to the model\'s figures', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  // Arrow keys move key_step, PageUp/PageDown page_step, Home/End the ends (content.toml).
  const moves = [
    ['officers', ['ArrowRight', 'ArrowRight', 'ArrowRight'], (i) => i.officers === 8651],
    ['officers', ['PageDown'], (i) => i.officers === 8151],
    ['salary', ['End'], (i) => i.salary === 150000],
    ['benefits', ['Home'], (i) => i.benefits === 0],
    ['benefits', ['ArrowUp', 'ArrowUp'], (i) => i.benefits === 200],
    ['overtime', ['ArrowLeft'], (i) => i.overtime === 2400],
    ['overtime', ['End', 'ArrowRight'], (i) => i.overtime === 2500],
    ['salary', ['Home', 'PageUp'], (i) => i.salary === 45000],
  ];
  let before = (await readPage(page)).shown;
  for (const [id, keys, check] of moves) {
    await page.focus(`#${id}`);
    for (const k of keys) await page.keyboard.press(k);
    const inputs = await assertMatchesModel(page, `${id} ${keys}`);
    assert.ok(check(inputs), `${id} after ${keys}: ${JSON.stringify(inputs)}`);
    const now = (await readPage(page)).shown;
    if (!(id === 'overtime' && keys.includes('End'))) assert.notDeepEqual(now, before, `${id} ${keys} changed nothing`);
    before = now;
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('sliders follow the pointer; options and reset work', async () => {
  const page = await openPage(browser, `${server.base}/`);
  await ready(page);
  for (const [id, fraction] of [['officers', 0.25], ['salary', 0.9], ['benefits', 0.5], ['overtime', 0.1]]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const box = await page.locator(`#${id}`).boundingBox();
    const before = (await readPage(page)).inputs[id];
    await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
    const inputs = await assertMatchesModel(page, `pointer on ${id}`);
    assert.notEqual(inputs[id], before, `${id} did not move`);
  }
  await page.check('#awards-1000');
  let inputs = await assertMatchesModel(page, 'awards');
  assert.equal(inputs.awards, '1000');
  await page.check('#equipment');
  inputs = await assertMatchesModel(page, 'equipment');
  assert.equal(inputs.equipment, true);
  await page.click('button.reset');
  inputs = await assertMatchesModel(page, 'reset');
  assert.deepEqual(
    [inputs.officers, inputs.salary, inputs.benefits, inputs.overtime, inputs.awards, inputs.equipment],
    [8501, 74510, 6270, 2500, '0', false],
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('with JavaScript off, the timeline and default figures are there', async () => {
  const page = await openPage(browser, `${server.base}/`, { javaScriptEnabled: false });
  assert.equal(await page.locator('ol.events > li').count(), 8);
  assert.ok(await page.locator('#event-reimbursements-start').isVisible());
  assert.equal(await page.textContent('#out-total'), '$1.19 billion');
  assert.equal(await page.textContent('#out-per-officer'), '$139,855');
  await page.close();
});

test('the Spanish page is prerendered and hydrates in Spanish', async () => {
  const page = await openPage(browser, `${server.base}/index.es.html`);
  await ready(page);
  assert.deepEqual(page.errors, []);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.textContent('#out-total'), '$1,190 millones');
  assert.match(await page.textContent('#timeline-title'), /^Cronología del programa 287\(g\)$/);
  await page.focus('#salary');
  await page.keyboard.press('ArrowRight');
  await assertMatchesModel(page, 'Spanish salary');
  await page.close();
});

test('screenshots at 375 and 1024 px', async () => {
  for (const width of [375, 1024]) {
    const page = await openPage(browser, `${server.base}/`, { viewport: { width, height: 900 } });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at ${width}px`);
    await page.screenshot({ path: path.join(artifacts, `widget-${width}.png`), fullPage: true });
    await page.close();
  }
});
