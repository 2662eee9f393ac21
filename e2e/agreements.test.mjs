// ICE's list of 287(g) agreements on the page: the growth chart and the states, static (no
// script needed), in both languages, light and dark, at phone and desktop widths, and the
// listing pages and CSV beside the widget. Every count is checked against the CSV the build
// wrote from ICE's file, not against numbers typed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { suite, openPage, ready, dist, artifacts } from './lib.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
suite({}, (s) => ({ server, browser } = s));

const PAGES = { en: 'index.html', es: 'index.es.html' };
const LISTINGS = { en: 'agreements.html', es: 'agreements.es.html' };

/** The CSV the build wrote (one agreement a row; RFC 4180 quoting). */
async function csvRows() {
  const text = await readFile(path.join(dist, 'agreements.csv'), 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** "1,234" or "1.234" -> 1234 */
const num = (s) => Number(String(s).replace(/[^0-9]/g, ''));

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

test('the charts show the CSV\'s counts, with no script, at 320, 375 and 1200 px, English and Spanish, light and dark', async () => {
  const rows = await csvRows();
  const byState = {};
  for (const r of rows) byState[r.state] = (byState[r.state] ?? 0) + 1;
  const ranked = Object.entries(byState).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const taskForce = rows.filter((r) => r.model === 'Task Force Model').length;
  const undated = rows.filter((r) => !r.signed).length;
  for (const width of [320, 375, 1200]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const [lang, file] of Object.entries(PAGES)) {
        const page = await openPage(browser, `${server.base}/${file}`, { viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: false });
        const where = `${file} ${width}px ${colorScheme}`;
        const s = await page.evaluate(() => {
          const sec = document.querySelector('section.agreements');
          const figs = sec.querySelectorAll('figure');
          const box = (el) => el.getBoundingClientRect();
          return {
            intro: sec.querySelector('p').textContent,
            growth: figs[0].querySelector('figcaption').textContent,
            legend: [...figs[0].querySelectorAll('.ag-legend li')].map((li) => li.textContent),
            areas: figs[0].querySelectorAll('path.ag-area').length,
            svgWidth: box(figs[0].querySelector('svg')).width,
            bars: [...figs[1].querySelectorAll('svg g')].map((g) => [g.querySelector('text').textContent, g.querySelector('.ag-value').textContent]),
            stateRows: figs[1].querySelectorAll('details tbody tr').length,
            notes: sec.textContent,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            fill: getComputedStyle(figs[0].querySelector('.ag-task-force')).fill,
            textFill: getComputedStyle(figs[0].querySelector('svg text')).fill,
            bg: getComputedStyle(document.documentElement).backgroundColor,
          };
        });
        assert.equal(s.overflow, 0, `no sideways scroll: ${where}`);
        assert.ok(s.svgWidth > 200 && s.svgWidth <= width, `the chart fits: ${where} (${s.svgWidth})`);
        assert.equal(s.areas, 3, where);
        assert.ok(s.intro.includes(rows.length.toLocaleString('en-US')), `the total from the CSV in the intro: ${where}: ${s.intro}`);
        assert.ok(s.intro.includes(String(ranked.length)), `the states: ${where}`);
        assert.ok(s.growth.includes(taskForce.toLocaleString('en-US')), `the Task Force count: ${where}: ${s.growth}`);
        assert.deepEqual(s.legend.map((l) => num(l.split(':').pop())).sort((a, b) => a - b),
          ['Jail Enforcement Model', 'Warrant Service Officer', 'Task Force Model'].map((m) => rows.filter((r) => r.model === m).length).sort((a, b) => a - b), where);
        assert.deepEqual(s.bars.map(([st, n]) => [st, num(n)]), ranked.slice(0, s.bars.length), `the ranked bars: ${where}`);
        assert.equal(s.stateRows, ranked.length, `every state in the table: ${where}`);
        assert.ok(s.notes.includes(`${undated} `), `the undated rows are said: ${where}`);
        // Dark: light text on a dark page, and the colours follow the theme.
        const dark = colorScheme === 'dark';
        const lum = (c) => c.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0);
        assert.equal(lum(s.bg) < 200, dark, `page background: ${where}: ${s.bg}`);
        assert.equal(lum(s.textFill) > 400, dark, `chart text: ${where}: ${s.textFill}`);
        if (width === 375 && lang === 'en') await page.locator('section.agreements').screenshot({ path: path.join(artifacts, `agreements-375-${colorScheme}.png`) });
        await page.close();
      }
    }
  }
});

test('at 375 px the section adds at most 1,200 px, and its tables are folded (open in print)', async () => {
  for (const file of Object.values(PAGES)) {
    const page = await openPage(browser, `${server.base}/${file}`, { viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const added = await page.evaluate(() => {
      const h = () => document.documentElement.scrollHeight;
      const withIt = h();
      const sec = document.querySelector('section.agreements');
      const mark = document.createComment('x');
      sec.replaceWith(mark);
      const without = h();
      mark.replaceWith(sec);
      return withIt - without;
    });
    assert.ok(added > 300 && added <= 1200, `${file}: the section adds ${added} px`);
    const shown = () => page.evaluate(() => [...document.querySelectorAll('section.agreements details')].map((d) => !d.open && d.querySelector('table').checkVisibility()));
    assert.deepEqual(await shown(), [false, false], `${file}: tables folded on screen`);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await shown(), [true, true], `${file}: tables printed, though folded`);
    await page.close();
  }
});

test('axe: the section and the listing pages, light and dark, English and Spanish', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const lang of ['en', 'es']) {
      for (const [file, width] of [[PAGES[lang], 375], [LISTINGS[lang], 320], [LISTINGS[lang], 1200]]) {
        // axe is injected as an inline script, so this context alone bypasses the page's CSP.
        const page = await openPage(browser, `${server.base}/${file}`, { viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
        if (file.startsWith('index')) {
          await ready(page);
          await page.evaluate(() => document.querySelectorAll('section.agreements details').forEach((d) => { d.open = true; }));
        }
        assert.deepEqual(await axe(page), [], `${file} ${width}px ${colorScheme}`);
        await page.close();
      }
    }
  }
});

test('the listing pages: linked from the chart, every agreement, no script, the widget\'s CSP and SRI, 320 px', async () => {
  const rows = await csvRows();
  for (const [lang, file] of Object.entries(PAGES)) {
    const page = await openPage(browser, `${server.base}/${file}`, { viewport: { width: 320, height: 700 } });
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.locator(`section.agreements a[href="${LISTINGS[lang]}"]`).click();
    await page.waitForURL(`**/${LISTINGS[lang]}`);
    const html = await (await fetch(`${server.base}/${LISTINGS[lang]}`)).text();
    assert.doesNotMatch(html, /<script|style="/, 'no script, no inline style');
    assert.match(html, /<link rel="stylesheet" href="[^"]+" integrity="sha384-[^"]+"/, 'the stylesheet with its SRI hash');
    const s = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      rows: [...document.querySelectorAll('table.ag-list tbody tr')].map((tr) => [tr.closest('section').querySelector('h2').textContent, tr.querySelector('th').firstChild.textContent]),
      styled: getComputedStyle(document.querySelector('table.ag-list')).borderCollapse,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      csp: window.cspViolations,
      csv: document.querySelector('a[href="agreements.csv"]')?.getAttribute('href'),
    }));
    assert.equal(s.lang, lang);
    assert.equal(s.rows.length, rows.length, 'one row per agreement in the CSV');
    for (const r of rows.slice(0, 50)) assert.ok(s.rows.some(([state, agency]) => state.startsWith(r.state) && agency === r.agency), `${r.agency} under ${r.state}`);
    assert.equal(s.styled, 'collapse', 'the stylesheet loaded (its SRI hash matched)');
    assert.equal(s.overflow, 0, 'no sideways scroll at 320 px');
    assert.deepEqual(s.csp, []);
    assert.equal(s.csv, 'agreements.csv');
    const res = await fetch(`${server.base}/agreements.csv`);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    assert.equal((await res.text()).trim().split('\n').length, rows.length + 1);
    await page.close();
  }
});
