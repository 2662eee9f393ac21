// Before and after: the same measures on several builds (their dist/ folders), in one browser
// and one session, interleaved: every round measures each build once, in a rotating order, so
// that the machine's drift (paint times vary ±30% between runs here) falls on all of them alike.
// Not part of the test command.
//
//   node e2e/bench-ab.mjs before=/path/to/old/dist after=dist [more=...]
//
// Prints, per build: the median first contentful paint of the default page on a phone (cold,
// 4x throttled), the median time to a ready calculator on a scenario link, and the slider's
// input-to-DOM p50 / p95 over all rounds' inputs. BENCH_AB_ROUNDS (default 7) sets the rounds,
// BENCH_AB_INPUT_ROUNDS (default 3) how many of them also time 200 slider inputs.
import path from 'node:path';
import { serve, launch } from './lib.mjs';
import { load, inputLatency, median, pct, THROTTLE, PHONE } from './bench-lib.mjs';

const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 7);
// Slider inputs: 200 a round, in this many of the rounds.
const INPUT_ROUNDS = Math.min(ROUNDS, Number(process.env.BENCH_AB_INPUT_ROUNDS ?? 3));
const builds = process.argv.slice(2).map((arg) => {
  const [name, dir] = arg.split('=');
  if (!name || !dir) throw new Error(`expected name=dist-folder, got ${JSON.stringify(arg)}`);
  return { name, dir: path.resolve(dir), fcp: [], ready: [], input: [] };
});
if (builds.length < 2) throw new Error('usage: node e2e/bench-ab.mjs before=<dist> after=<dist> [...]');

const mounts = Object.fromEntries(builds.map((b) => [`/${b.name}/`, b.dir]));
const server = await serve(mounts, { widgetDirs: builds.map((b) => b.dir) });
const browser = await launch();
try {
  for (const b of builds) await load(browser, `${server.base}/${b.name}/`, { headline: '', fcpOnly: true }); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const order = builds.map((_, i) => builds[(i + round) % builds.length]);
    for (const b of order) {
      const base = `${server.base}/${b.name}/`;
      b.fcp.push((await load(browser, base, { headline: '', fcpOnly: true })).fcp);
      b.ready.push((await load(browser, `${base}?officers=8501`, { headline: '' })).ready);
      if (round < INPUT_ROUNDS) b.input.push(...(await inputLatency(browser, `${base}?officers=8501`)));
    }
    process.stderr.write(`round ${round + 1} of ${ROUNDS}\n`);
  }
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`Medians of ${ROUNDS} cold loads each (phone ${PHONE.width}x${PHONE.height}, CPU ${THROTTLE}x), interleaved; slider: ${builds[0].input.length} inputs each.\n`);
  console.log('| build | first contentful paint | calculator ready (scenario link) | slider input to DOM, p50 / p95 |');
  console.log('|---|---|---|---|');
  for (const b of builds) {
    console.log(`| ${b.name} | ${ms(median(b.fcp))} | ${ms(median(b.ready))} | ${pct(b.input, 50).toFixed(2)} / ${pct(b.input, 95).toFixed(2)} ms |`);
  }
} finally {
  await browser.close();
  await server.close();
}
