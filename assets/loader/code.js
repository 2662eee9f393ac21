// The calculator's code: downloaded (with its SRI hashes) and started, once.
import { boot, isTrap, page, stage, step } from './boot.js';
import { arm, retry, stop } from './watchdog.js';

/** Starts downloading the glue and the wasm (once), with the hashes the prerender step wrote on
 *  <html> from Trunk's output. */
export function fetchCode() {
  if (boot.download) return boot.download;
  const { glue, glueIntegrity, wasm, wasmIntegrity } = page.dataset;
  if (!glue || !wasm) throw new Error('the page does not say where the widget code is');
  step('fetch');
  // import() cannot check a hash; a modulepreload link can, and import() then reuses it.
  const glueReady = !glueIntegrity ? Promise.resolve() : new Promise((ok, fail) => {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: glue, integrity: glueIntegrity, crossOrigin: 'anonymous' });
    link.onload = () => ok(step('glue loaded'));
    link.onerror = () => fail(new Error(`could not load ${glue} (network or integrity)`));
    document.head.append(link);
  });
  const cancel = new AbortController();
  const request = fetch(wasm, { integrity: wasmIntegrity || undefined, credentials: 'same-origin', signal: cancel.signal });
  // Compiled here, not by the glue: after a give-up, nothing may start.
  const compiled = request.then((r) => {
    step('wasm response');
    if (!r.ok) throw new Error(`could not load ${wasm} (${r.status})`);
    return r.headers.get('content-type') === 'application/wasm' ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
  }).then((m) => (step('compiled'), m));
  glueReady.catch(() => {}); // reported when start() awaits these
  compiled.catch(() => {});
  return (boot.download = { glue, glueReady, compiled, cancel });
}

export async function start() {
  stage('loading');
  const { glue, glueReady, compiled } = fetchCode();
  await glueReady;
  const bindings = await import(glue);
  stage('compiling');
  const module = compiled.then((m) => (boot.stopped ? Promise.reject(new Error('stopped')) : m));
  const exports = await bindings.default({ module_or_path: module });
  stage('rendering'); // the island marks #explainer data-ready="true" when done
  // Tests and `cargo xtask bench` (which set window.__explainerTest) read the wasm's memory.
  const test = window.__explainerTest;
  if (test && typeof test === 'object') test.memoryBytes = () => exports.memory.buffer.byteLength;
}

export function beginStart(why) {
  if (boot.started || boot.stopped) return;
  boot.started = true;
  step(`start: ${why.type || why}`);
  arm();
  start().catch((e) => {
    if (boot.stopped) return;
    if (isTrap(e)) stop(e); // the code itself failed: it would fail again
    else retry(String(e && e.message || e));
  });
}
