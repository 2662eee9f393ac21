// Starts the widget without any inline script (so a strict CSP works): loads the
// wasm-bindgen glue and the wasm that Trunk preloads, with their SRI hashes, and hydrates.
//
// If anything fails (no WebAssembly, a network error, a panic), the prerendered content
// stays readable: the controls are switched off, the figures stay consistent, the
// prerendered markup is put back if it was lost, and exactly one message is logged.
// (A Rust panic is logged by its panic hook; the trap that follows is not logged again.)

const root = document.getElementById('explainer');
const saved = root ? root.innerHTML : '';
let stopped = false;

const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;

function stop(error) {
  if (stopped) return;
  stopped = true;
  if (root) {
    if (!root.querySelector('ol.events') || !root.querySelector('#out-total')) root.innerHTML = saved;
    for (const control of root.querySelectorAll('input, button')) control.disabled = true;
  }
  document.documentElement.classList.add('static');
  if (!isTrap(error)) console.error('explainer: could not start; showing the prerendered content.', String(error && error.message || error));
}

// A trap after start-up (a panic in an event handler) arrives as an uncaught error.
window.addEventListener('error', (e) => {
  if (isTrap(e.error)) {
    e.preventDefault();
    stop(e.error);
  }
});

async function start() {
  const glue = document.querySelector('link[rel="modulepreload"]');
  const wasm = document.querySelector('link[rel="preload"][as="fetch"]');
  if (!glue || !wasm) throw new Error('the page has no preload links for the widget');
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available');
  const bindings = await import(glue.href);
  const request = fetch(wasm.href, { integrity: wasm.integrity || undefined, credentials: 'same-origin' });
  const exports = await bindings.default({ module_or_path: request });
  // For the benchmark (`cargo xtask bench`): the wasm's linear memory, in bytes.
  window.explainerWasmMemoryBytes = () => exports.memory.buffer.byteLength;
}

// Let the browser paint the prerendered page first: hydration can wait a frame. Frames do
// not come in a background tab (or a hidden iframe), so a timer starts it there instead.
let started = false;
const go = () => {
  if (started) return;
  started = true;
  start().catch(stop);
};
requestAnimationFrame(() => setTimeout(go, 0));
setTimeout(go, 100);
