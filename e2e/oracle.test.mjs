// The tests' oracle (lib.mjs `oracle()`) fails at once, with a clear error, when its process
// is missing or dies, instead of leaving the test waiting until CI's limit. The timeouts
// only turn a regression (a hang) into a failure; a working oracle answers in milliseconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oracle, sliders, toQuery } from './lib.mjs';

const DEFAULTS = { officers: 8501, salary: 74510, benefits: 6270, overtime: 2500, awards: '0', equipment: false };

test('a missing oracle binary fails the question, naming the binary', { timeout: 5000 }, async () => {
  const model = oracle({ bin: '/nonexistent/figures' });
  await assert.rejects(model.ask(DEFAULTS), /oracle \/nonexistent\/figures: not found/);
  // Later questions fail the same way, at once.
  await assert.rejects(model.ask(DEFAULTS), /not found/);
});

test('an oracle that dies with a question waiting fails it at once', { timeout: 5000 }, async () => {
  // Reads the question, then kills itself without answering.
  const model = oracle({ bin: '/bin/sh', args: ['-c', 'read line; kill -9 $$'] });
  await assert.rejects(model.ask(DEFAULTS), /exited \(SIGKILL\) with 1 question\(s\) unanswered/);
  await assert.rejects(model.ask(DEFAULTS), /exited/);
});

test('an oracle that exits after answering: the answer is kept, the next question fails', { timeout: 5000 }, async () => {
  // One well-formed answer line (tab-separated, as src/bin/figures.rs writes), then exit 3.
  const model = oracle({ bin: '/bin/sh', args: ['-c', "read line; printf 'a\\tb\\tc\\td\\t-\\n'; exit 3"] });
  const answer = await model.ask(DEFAULTS);
  assert.equal(answer.perOfficer, 'a');
  await assert.rejects(model.ask(DEFAULTS), /exited \(code 3\)/);
});

test('the real oracle answers the default scenario', { timeout: 10000 }, async () => {
  const model = oracle();
  try {
    const answer = await model.ask(DEFAULTS);
    assert.equal(answer.perOfficer, '$139,855');
    assert.equal(answer.total, '$1.19 billion');
    // A link that gives nothing is the defaults, as a reader's link is.
    assert.deepEqual(await model.ask({}), answer);
    // A percent is asked as a link writes it (62.7, not the slider's 6270 basis points):
    // $74,510 + 50% + 25% = $130,392.50 a year, shown in whole dollars.
    assert.equal(toQuery({ benefits: 5000, lang: 'es' }, sliders()), 'benefits=50&lang=es');
    const half = await model.ask({ benefits: 5000 });
    assert.equal(half.perOfficer, '$130,393');
  } finally {
    model.close();
  }
});

test('the sliders come from the model, in order, each with its range', { timeout: 10000 }, () => {
  const list = sliders();
  assert.ok(list.length > 0 && new Set(list.map((s) => s.key)).size === list.length, 'every slider once');
  for (const s of list) {
    assert.ok(s.min < s.max && s.step > 0, JSON.stringify(s));
    // A percent is held in basis points and written in percent; the rest as held.
    assert.equal(s.scale, s.unit === 'percent' ? 100 : 1, JSON.stringify(s));
  }
  // The first sliders, as the widget shows them (a new input is added after them or among them).
  assert.deepEqual(list.filter((s) => ['officers', 'benefits'].includes(s.key)).map((s) => [s.key, s.unit]), [['officers', 'count'], ['benefits', 'percent']]);
});
