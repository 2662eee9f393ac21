// The fallback images and share cards (README "Publishing kit"): both languages' images exist
// at the documented size and are not blank; they are made from the prerendered page (a
// changed headline figure changes the picture, the same page gives the same picture); the
// share tags of both built pages are there, well-formed, and name an image that exists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, dist } from './lib.mjs';
import { fallbackImages, compose, WIDTH, HEIGHT } from '../build/fallback.mjs';

let server, browser, tmp;
before(async () => {
  server = await serve(dist);
  browser = await launch();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'fallback-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A PNG's size from its IHDR chunk (fails if the file is not a PNG). */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('fallback.png and fallback.es.png: 1200 x 630 px (or 2x), not blank, one per language', async () => {
  const images = {};
  for (const file of ['fallback.png', 'fallback.es.png']) {
    const bytes = await readFile(path.join(dist, file));
    const { width, height } = pngSize(bytes);
    assert.ok(width === WIDTH || width === 2 * WIDTH, `${file}: ${width} px wide`);
    assert.equal(height * WIDTH, width * HEIGHT, `${file}: ${width}x${height} is not ${WIDTH}:${HEIGHT}`);
    images[file] = bytes;
    // Not blank: decoded by the browser, a good share of the picture is ink, in several colours.
    const page = await browser.newPage();
    await page.goto(`${server.base}/${file}`);
    const ink = await page.evaluate(async () => {
      const img = document.querySelector('img');
      await img.decode();
      const c = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] + d[i + 1] + d[i + 2] < 600) dark++;
        colours.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      }
      return { share: dark / (d.length / 4), colours: colours.size };
    });
    assert.ok(ink.share > 0.08 && ink.share < 0.6, `${file}: ${(ink.share * 100).toFixed(1)}% ink`);
    assert.ok(ink.colours >= 20, `${file}: ${ink.colours} colours`);
    await page.close();
  }
  assert.notDeepEqual(images['fallback.png'], images['fallback.es.png']);
});

test('the images are made from the prerendered page: a changed headline figure changes the picture, the same page gives the same one; 2x on request', async () => {
  const copy = async (name) => {
    const dir = path.join(tmp, name);
    await mkdir(dir);
    await cp(dist, dir, { recursive: true, filter: (f) => !/standalone|\.(gz|br|png|wasm)$/.test(f) });
    return dir;
  };
  const same = await copy('same');
  const changed = await copy('changed');
  const index = path.join(changed, 'index.html');
  const html = await readFile(index, 'utf8');
  const figure = /(<strong id="out-total">)([^<]+)(<\/strong>)/;
  assert.match(html, figure);
  const [, , total] = html.match(figure);
  assert.notEqual(total, '$2.38 billion');
  await writeFile(index, html.replace(figure, (_, open, __, close) => `${open}$2.38 billion${close}`));
  // The pairs the build passes (xtask/src/publish.rs, from core/src/files.rs): the published
  // names, spelled out as the contract they are.
  const pages = [['index.html', 'fallback.png'], ['index.es.html', 'fallback.es.png']];
  await fallbackImages(same, same, 1, pages);
  await fallbackImages(changed, changed, 1, pages);
  const read = (dir, f) => readFile(path.join(dir, f));
  assert.notDeepEqual(await read(same, 'fallback.png'), await read(changed, 'fallback.png'), 'a new total, a new picture');
  assert.deepEqual(await read(same, 'fallback.es.png'), await read(changed, 'fallback.es.png'), 'the same page, the same picture');
  const twice = path.join(tmp, '2x');
  await mkdir(twice);
  await fallbackImages(same, twice, 2, pages);
  assert.deepEqual(pngSize(await read(twice, 'fallback.png')), { width: 2 * WIDTH, height: 2 * HEIGHT });
});

test('share tags: both pages carry og:title, og:description, og:image (an image that exists), og:image:alt, twitter:card and a description, in their language', async () => {
  for (const [file, lang] of [['index.html', 'en'], ['index.es.html', 'es']]) {
    const page = await browser.newPage();
    await page.route(/\.js$/, (r) => r.abort()); // the markup as served
    await page.goto(`${server.base}/${file}`);
    const tags = await page.evaluate(() => {
      const all = (sel) => [...document.head.querySelectorAll(sel)].map((m) => m.getAttribute('content'));
      return {
        lang: document.documentElement.lang, title: document.title, heading: document.getElementById('explainer-title').textContent,
        dek: document.querySelector('.dek').textContent, total: document.getElementById('out-total').textContent,
        ogTitle: all('meta[property="og:title"]'), ogDescription: all('meta[property="og:description"]'), ogImage: all('meta[property="og:image"]'),
        ogAlt: all('meta[property="og:image:alt"]'), card: all('meta[name="twitter:card"]'), description: all('meta[name="description"]'),
        metas: document.head.querySelectorAll('meta').length, bodyMetas: document.body.querySelectorAll('meta').length,
      };
    });
    assert.equal(tags.lang, lang);
    assert.deepEqual(tags.ogTitle, [tags.heading]);
    assert.equal(tags.title, tags.heading);
    assert.deepEqual(tags.ogDescription, [tags.dek]);
    assert.deepEqual(tags.description, [tags.dek]);
    assert.deepEqual(tags.card, ['summary_large_image']);
    assert.equal(tags.ogAlt.length, 1);
    assert.ok(tags.ogAlt[0].includes(tags.total), `${file}: the image's text names the total it shows: ${tags.ogAlt[0]}`);
    assert.equal(tags.bodyMetas, 0, `${file}: every tag stayed in the head (well-formed)`);
    // Relative without PUBLIC_URL (the default build), and an image that is there.
    assert.equal(tags.ogImage.length, 1);
    const image = new URL(tags.ogImage[0], `${server.base}/${file}`);
    if (!process.env.PUBLIC_URL) assert.equal(tags.ogImage[0], lang === 'en' ? 'fallback.png' : 'fallback.es.png');
    const res = await fetch(`${server.base}${image.pathname.replace(/^.*\//, '/')}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    await page.close();
  }
});

test('the card says its figures are our estimate and lists every assumption they rest on, in its language', async () => {
  for (const [file, estimate] of [['index.html', /^Our estimate/], ['index.es.html', /^Nuestra estimación/]]) {
    const page = await browser.newPage();
    await page.route(/\.js$/, (r) => r.abort()); // the markup as served, as fallback.mjs reads it
    await page.goto(`${server.base}/${file}`);
    const readouts = await page.$$eval('.slider output', (os) => os.map((o) => o.textContent.trim()));
    assert.ok(readouts.length >= 3, `${file}: ${readouts.length} sliders`);
    await page.evaluate(compose);
    const card = await page.evaluate(() => ({
      estimate: document.querySelector('.card-estimate')?.textContent,
      assumes: document.querySelector('.card-assumes')?.textContent,
      figures: document.querySelector('.card-figures')?.textContent,
    }));
    assert.match(card.estimate, estimate, `${file}: ${card.estimate}`);
    for (const value of readouts) assert.ok(card.assumes.includes(value), `${file}: the card's assumptions lack ${value}: ${card.assumes}`);
    assert.ok(card.figures.length > 0);
    await page.close();
  }
});
