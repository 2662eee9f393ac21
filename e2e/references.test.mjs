// Figures worked out by hand, independent of the model and its formatter: each scenario's
// strings are written out here (computed with pencil rules: every percentage of one
// officer's amount rounded half up to the cent, totals exact, money shown AP-style). The
// page must show exactly these, in English and Spanish. (`figures` is the model's oracle;
// it is not used here, so a bug shared by the model and the view cannot pass.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, hydrated } from './lib.mjs';

let server, browser;
suite({}, (s) => ({ server, browser } = s));

const EN_SHARE = (s) => `For scale: equal to ${s} of about $18.75 billion a year, our even yearly split of ICE's new funding`;
const ES_SHARE = (s) => `Como referencia: equivale ${s} de unos $18,750 millones al año, nuestro reparto anual uniforme de los nuevos fondos de ICE`;
const EN_MAX = 'Assumes overtime at the maximum DHS announced: 25% of salary.';

// rows: salary, benefits, overtime, awards, equipment: [per officer, all officers].
const SCENARIOS = [
  {
    name: 'zero officers',
    q: 'officers=0&salary=74510&benefits=62.7&overtime=25&awards=0&equipment=0',
    perOfficer: '$139,855', total: '$0', share: EN_SHARE('0%'), assumes: EN_MAX,
    rows: [['$74,510', '$0'], ['$46,718', '$0'], ['$18,628', '$0'], ['$0', '$0'], ['$0', '$0']],
  },
  {
    name: 'every range at its top, every extra on (DHS reading)',
    q: 'officers=20000&salary=150000&benefits=100&overtime=25&awards=1000&equipment=1',
    // 150,000 + 150,000 + 37,500 + 4,000 + 7,500 = 349,000; x 20,000 = $6.98 billion; /18.75 billion = 37.2%
    perOfficer: '$349,000', total: '$6.98 billion', share: EN_SHARE('37.2%'), assumes: EN_MAX,
    rows: [['$150,000', '$3 billion'], ['$150,000', '$3 billion'], ['$37,500', '$750 million'], ['$4,000', '$80 million'], ['$7,500', '$150 million']],
    es: { perOfficer: '$349,000', total: '$6,980 millones', share: ES_SHARE('al 37.2%'), rows: [['$150,000', '$3,000 millones'], ['$150,000', '$3,000 millones'], ['$37,500', '$750 millones'], ['$4,000', '$80 millones'], ['$7,500', '$150 millones']] },
  },
  {
    name: 'every range at its bottom, one officer',
    q: 'officers=1&salary=40000&benefits=0&overtime=0&awards=0&equipment=0',
    perOfficer: '$40,000', total: '$40,000', share: EN_SHARE('less than 0.1%'), assumes: 'Assumes overtime of 0% of salary.',
    rows: [['$40,000', '$40,000'], ['$0', '$0'], ['$0', '$0'], ['$0', '$0'], ['$0', '$0']],
    es: { perOfficer: '$40,000', total: '$40,000', share: ES_SHARE('a menos del 0.1%'), assumes: 'Supone horas extra equivalentes al 0% del salario.', rows: [['$40,000', '$40,000'], ['$0', '$0'], ['$0', '$0'], ['$0', '$0'], ['$0', '$0']] },
  },
  {
    name: '$500 a quarter, under a million in most lines',
    q: 'officers=100&salary=60000&benefits=40&overtime=10&awards=500&equipment=0',
    // 60,000 + 24,000 + 6,000 + 2,000 = 92,000; x 100 = $9.2 million
    perOfficer: '$92,000', total: '$9.2 million', share: EN_SHARE('less than 0.1%'), assumes: 'Assumes overtime of 10% of salary.',
    rows: [['$60,000', '$6 million'], ['$24,000', '$2.4 million'], ['$6,000', '$600,000'], ['$2,000', '$200,000'], ['$0', '$0']],
    es: { perOfficer: '$92,000', total: '$9.2 millones', share: ES_SHARE('a menos del 0.1%'), rows: [['$60,000', '$6 millones'], ['$24,000', '$2.4 millones'], ['$6,000', '$600,000'], ['$2,000', '$200,000'], ['$0', '$0']] },
  },
  {
    name: '$750 a quarter and equipment',
    q: 'officers=5000&salary=80000&benefits=62.7&overtime=15&awards=750&equipment=1',
    // 80,000 + 50,160 + 12,000 + 3,000 + 7,500 = 152,660; x 5,000 = $763.3 million; 4.07% -> 4.1%
    perOfficer: '$152,660', total: '$763.3 million', share: EN_SHARE('4.1%'), assumes: 'Assumes overtime of 15% of salary.',
    rows: [['$80,000', '$400 million'], ['$50,160', '$250.8 million'], ['$12,000', '$60 million'], ['$3,000', '$15 million'], ['$7,500', '$37.5 million']],
    es: {
      perOfficer: '$152,660', total: '$763.3 millones', share: ES_SHARE('al 4.1%'), assumes: 'Supone horas extra equivalentes al 15% del salario.',
      rows: [['$80,000', '$400 millones'], ['$50,160', '$250.8 millones'], ['$12,000', '$60 millones'], ['$3,000', '$15 millones'], ['$7,500', '$37.5 millones']],
      valuetext: { officers: '5,000 agentes', salary: '$80,000 al año', benefits: '62.7% del salario', overtime: '15% del salario' },
    },
  },
  {
    name: 'cents: three officers at the defaults',
    q: 'officers=3&salary=74510&benefits=62.7&overtime=25&awards=0&equipment=0',
    // benefits 46,717.77 x 3 = 140,153.31; overtime 18,627.50 x 3 = 55,882.50 -> $55,883 (half up); total 419,565.81
    perOfficer: '$139,855', total: '$419,566', share: EN_SHARE('less than 0.1%'), assumes: EN_MAX,
    rows: [['$74,510', '$223,530'], ['$46,718', '$140,153'], ['$18,628', '$55,883'], ['$0', '$0'], ['$0', '$0']],
  },
  {
    name: 'Reuters reading: overtime takes the whole 25%, awards cut to nothing',
    q: 'officers=1000&salary=100000&benefits=50&overtime=25&awards=1000&equipment=0&rule=reuters',
    perOfficer: '$175,000', total: '$175 million', share: EN_SHARE('0.9%'), assumes: EN_MAX,
    rows: [['$100,000', '$100 million'], ['$50,000', '$50 million'], ['$25,000', '$25 million'], ['$0', '$0'], ['$0', '$0']],
    cut: 'Awards reduced by $4,000 per officer: on one reading of Reuters\' wording, overtime and awards share one 25% of salary. We count overtime first; no source says which comes first.',
    es: {
      perOfficer: '$175,000', total: '$175 millones', share: ES_SHARE('al 0.9%'),
      rows: [['$100,000', '$100 millones'], ['$50,000', '$50 millones'], ['$25,000', '$25 millones'], ['$0', '$0'], ['$0', '$0']],
      cut: 'Bonos reducidos en $4,000 por agente: según una lectura posible del texto de Reuters, las horas extra y los bonos comparten un tope común del 25% del salario. Contamos primero las horas extra; ninguna fuente dice cuál se aplica primero.',
    },
  },
  {
    name: 'the same under the DHS reading',
    q: 'officers=1000&salary=100000&benefits=50&overtime=25&awards=1000&equipment=0&rule=dhs',
    // 179,000,000 / 18,750,000,000 = 0.95% -> 1%
    perOfficer: '$179,000', total: '$179 million', share: EN_SHARE('1%'), assumes: EN_MAX,
    rows: [['$100,000', '$100 million'], ['$50,000', '$50 million'], ['$25,000', '$25 million'], ['$4,000', '$4 million'], ['$0', '$0']],
  },
  {
    name: 'Reuters reading: 24% overtime leaves $1,000 for awards',
    q: 'officers=1000&salary=100000&benefits=50&overtime=24&awards=500&equipment=0&rule=reuters',
    perOfficer: '$175,000', total: '$175 million', share: EN_SHARE('0.9%'), assumes: 'Assumes overtime of 24% of salary.',
    rows: [['$100,000', '$100 million'], ['$50,000', '$50 million'], ['$24,000', '$24 million'], ['$1,000', '$1 million'], ['$0', '$0']],
    cut: 'Awards reduced by $1,000 per officer: on one reading of Reuters\' wording, overtime and awards share one 25% of salary. We count overtime first; no source says which comes first.',
  },
  {
    name: 'Reuters reading: awards that fit are paid in full',
    q: 'officers=1000&salary=100000&benefits=50&overtime=20&awards=500&equipment=0&rule=reuters',
    perOfficer: '$172,000', total: '$172 million', share: EN_SHARE('0.9%'), assumes: 'Assumes overtime of 20% of salary.',
    rows: [['$100,000', '$100 million'], ['$50,000', '$50 million'], ['$20,000', '$20 million'], ['$2,000', '$2 million'], ['$0', '$0']],
  },
  {
    name: 'the most officers at the default pay',
    q: 'officers=20000&salary=74510&benefits=62.7&overtime=25&awards=0&equipment=0',
    // 139,855.27 x 20,000 = 2,797,105,400 -> $2.8 billion; 14.92% -> 14.9%
    perOfficer: '$139,855', total: '$2.8 billion', share: EN_SHARE('14.9%'), assumes: EN_MAX,
    rows: [['$74,510', '$1.49 billion'], ['$46,718', '$934.36 million'], ['$18,628', '$372.55 million'], ['$0', '$0'], ['$0', '$0']],
    es: { perOfficer: '$139,855', total: '$2,800 millones', share: ES_SHARE('al 14.9%'), rows: [['$74,510', '$1,490 millones'], ['$46,718', '$934.36 millones'], ['$18,628', '$372.55 millones'], ['$0', '$0'], ['$0', '$0']] },
  },
  {
    name: 'DHS officers with every extra',
    q: 'officers=8501&salary=74510&benefits=62.7&overtime=25&awards=1000&equipment=1',
    // 139,855.27 + 4,000 + 7,500 = 151,355.27; x 8,501 = 1,286,671,150.27 -> $1.29 billion; 6.86% -> 6.9%
    perOfficer: '$151,355', total: '$1.29 billion', share: EN_SHARE('6.9%'), assumes: EN_MAX,
    rows: [['$74,510', '$633.41 million'], ['$46,718', '$397.15 million'], ['$18,628', '$158.35 million'], ['$4,000', '$34 million'], ['$7,500', '$63.76 million']],
  },
];

async function shown(page) {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent.trim() ?? null;
    const rows = [...document.querySelectorAll('table.breakdown tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()));
    const valuetext = Object.fromEntries(['officers', 'salary', 'benefits', 'overtime'].map((id) => [id, document.getElementById(id).getAttribute('aria-valuetext')]));
    return { perOfficer: text('#out-per-officer'), total: text('#out-total'), share: text('#out-share'), assumes: text('#out-assumes'), cut: text('#out-awards-cut'), rows, valuetext };
  });
}

async function check(path, q, expected, note) {
  const page = await openPage(browser, `${server.base}/${path}?${q}`);
  await hydrated(page);
  // The controls hold the scenario (so the figures below are the controls' figures).
  const want = Object.fromEntries(new URLSearchParams(q));
  await page.waitForFunction((w) => document.getElementById('officers').value === w.officers && document.getElementById('salary').value === w.salary, want);
  const got = await shown(page);
  for (const key of ['perOfficer', 'total', 'share', 'rows']) assert.deepEqual(got[key], expected[key], `${note}: ${key}`);
  if (expected.assumes) assert.equal(got.assumes, expected.assumes, `${note}: assumes`);
  assert.equal(got.cut, expected.cut ?? null, `${note}: awards cut`);
  for (const [id, text] of Object.entries(expected.valuetext ?? {})) assert.equal(got.valuetext[id], text, `${note}: ${id} valuetext`);
  assert.deepEqual(page.errors, [], note);
  await page.close();
}

for (const s of SCENARIOS) {
  test(`by hand: ${s.name}`, async () => {
    await check('', s.q, s, s.name);
    if (s.es) await check('index.es.html', s.q, { cut: undefined, ...s.es }, `${s.name} (es)`);
  });
}
