// The fallback images (README "Publishing kit"): dist/fallback.png from index.html and
// dist/fallback.es.png from index.es.html, made by `cargo xtask build` (xtask/src/publish.rs)
// from the prerendered pages, so they always show what the content says: the title, the
// headline figures at the defaults, the cost bar with its parts, the credit (whose report; the
// figures are estimates) and the four key dates.
// Headless Chromium lays these out as a card (assets/card.css) and takes a 1200 x 630 px
// screenshot (FALLBACK_SCALE=2: 2400 x 1260). No script of the page runs: the prerendered
// markup is the source. Fails if the card's content does not fit.
// Usage: node build/fallback.mjs DIST_DIR OUT_DIR PAGE=IMAGE... (the build passes each language's
// page and image, named in core/src/files.rs only).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
// The browser tests' static server and Chromium launcher: the card is laid out as they see pages.
import { serve, launch, root } from '../e2e/lib.mjs';

export const WIDTH = 1200;
export const HEIGHT = 630;

/** In the page: the prerendered widget's key content, as the card. Throws naming what is missing. */
export function compose() {
  const q = (sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`the prerendered page has no ${sel}`);
    return el;
  };
  const make = (tag, cls, text) => Object.assign(document.createElement(tag), { className: cls, textContent: text ?? '' });
  const card = make('main', 'card');
  card.append(make('h1', 'card-title', q('#explainer-title').textContent));
  // The figures are our estimate, under the assumptions listed under them (standards: a card
  // on a feed must not read as the program's cost).
  card.append(make('p', 'card-estimate', q('.pinned .estimate').textContent));
  const figures = make('div', 'card-figures');
  for (const f of document.querySelectorAll('.pinned .figure')) {
    const p = make('p', 'card-figure');
    p.append(make('span', '', f.querySelector('.figure-label').textContent), make('strong', '', f.querySelector('strong').textContent));
    figures.append(p);
  }
  if (figures.children.length !== 2) throw new Error('the prerendered page does not have the two headline figures');
  // Every assumption, as its slider shows it: "Officers covered: 8,501 · …".
  const assumptions = [...document.querySelectorAll('.slider')].map((s) => `${s.querySelector('label').textContent.trim()}: ${s.querySelector('output').textContent.trim()}`);
  if (assumptions.length === 0) throw new Error('the prerendered page has no sliders');
  card.append(figures, make('p', 'card-assumes', assumptions.join(' · ')));
  card.append(q('svg.bar').cloneNode(true));
  const legend = make('ul', 'card-legend');
  for (const row of document.querySelectorAll('table.breakdown tbody tr')) {
    const amount = row.querySelector('td').textContent.trim();
    if (/^\$0$/.test(amount)) continue; // a part the bar does not show
    const li = make('li', '');
    li.append(make('span', `swatch ${row.dataset.part}`), `${row.querySelector('th').textContent.trim()} ${amount}`);
    legend.append(li);
  }
  card.append(legend);
  // Whose report, and that the figures are our estimates, not official costs (the widget's credit line).
  card.append(make('p', 'card-credit', q('p.credit').textContent.trim()));
  const dates = make('ol', 'card-dates');
  for (const m of document.querySelectorAll('li.event.milestone')) {
    const li = make('li', '');
    li.append(make('b', '', m.querySelector('.date time').textContent), m.querySelector('.headline').textContent);
    dates.append(li);
  }
  if (dates.children.length !== 4) throw new Error(`the prerendered page has ${dates.children.length} key dates, not 4`);
  card.append(dates);
  document.body.replaceChildren(card);
  // What overflows its box would be cut off in the picture.
  const over = [card, ...card.querySelectorAll('*')].filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
    .filter((el) => !(el instanceof SVGElement)).map((el) => `${el.className || el.tagName}: ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
  const last = card.lastElementChild.getBoundingClientRect().bottom;
  return { over, bottom: last, height: card.getBoundingClientRect().height };
}

/** Writes the fallback image of each page in `dir` to `out`: `pages` is [[page, image], …].
 *  Returns the files written. */
export async function fallbackImages(dir, out, scale, pages) {
  const css = await readFile(path.join(root, 'assets/card.css'), 'utf8');
  // The page's own files, without the CSP header: the card's stylesheet is added inline.
  const server = await serve(dir, { headers: {} });
  const browser = await launch();
  const written = [];
  try {
    for (const [page, file] of pages) {
      const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: scale, colorScheme: 'light', reducedMotion: 'reduce' });
      const tab = await context.newPage();
      // No page script: the prerendered markup is the card's only source.
      await tab.route(/\.js$/, (r) => r.abort());
      await tab.goto(`${server.base}/${page}`);
      await tab.addStyleTag({ content: css });
      const fit = await tab.evaluate(compose);
      if (fit.over.length || fit.bottom > HEIGHT) {
        throw new Error(`${page}: the card's content does not fit ${WIDTH}x${HEIGHT} px (${fit.over.join('; ') || `it ends at ${fit.bottom}px`}): shorten the texts or change assets/card.css`);
      }
      await tab.evaluate(() => document.fonts.ready);
      const target = path.join(out, file);
      await tab.screenshot({ path: target, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
      written.push(target);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, out, ...pairs] = process.argv.slice(2);
  const scale = Number(process.env.FALLBACK_SCALE ?? 1);
  const pages = pairs.map((p) => p.split('='));
  if (!dir || !out || !pages.length || pages.some((p) => p.length !== 2 || !p[0] || !p[1])) {
    console.error('usage: node build/fallback.mjs DIST_DIR OUT_DIR PAGE=IMAGE...  (FALLBACK_SCALE=2 for 2x)');
    process.exit(2);
  }
  if (scale !== 1 && scale !== 2) {
    console.error(`fallback: FALLBACK_SCALE must be 1 or 2, not ${JSON.stringify(process.env.FALLBACK_SCALE)}`);
    process.exit(2);
  }
  for (const f of await fallbackImages(path.resolve(dir), path.resolve(out), scale, pages)) {
    console.error(`fallback: wrote ${f} (${WIDTH * scale}x${HEIGHT * scale} px)`);
  }
}
