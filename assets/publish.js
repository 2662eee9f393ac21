// The embed page's script (dist/embed.html; README "Publishing kit"). `cargo xtask build`
// appends it to the wasm-bindgen glue of the publish wasm (publish/, core/src/embed/) in one
// module, so `__wbg_init`, `snippets`, `preview_path` and `link_options` are in scope here.
// Every code on the page comes from the Rust builders; this file only wires the form, the
// preview and the copy buttons. Texts come from the page (`data-*` on <html>, from
// assets/publish.toml).
/* global __wbg_init, snippets, preview_path, link_options */

const html = document.documentElement;
const text = (key) => html.dataset[key] ?? '';
const $ = (id) => document.getElementById(id);
const form = $('options');
const preview = $('preview');
const KINDS = ['iframe', 'pym', 'frames', 'amp'];

/** The options as the form holds them. */
function options() {
  const data = new FormData(form);
  return { lang: data.get('lang'), theme: data.get('theme'), scenario: $('scenario').value, base: $('base').value };
}

/** A builder's error (`code\twhat\tmessage`) in the page's language. */
function message(err) {
  const [code, what = '', english = String(err)] = String(err).split('\t');
  const key = 'error' + code.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());
  const t = text(key);
  return t ? t.replace('{what}', what) : english;
}

/** Marks the field an error is about (or clears both). */
function showError(err) {
  const code = err ? String(err).split('\t')[0] : '';
  for (const field of ['base', 'scenario']) {
    const input = $(field);
    const note = $(`${field}-error`);
    const mine = code.startsWith(field + '_');
    note.textContent = mine ? message(err) : '';
    note.hidden = !mine;
    if (mine) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** Whether the preview is downloading the calculator's code (the loader's `__explainerSteps`
 *  have its request and not yet its response). Cutting that download, by a navigation or by
 *  removing the frame, logs an error in its console (Chromium, with the integrity check). */
function downloading() {
  try {
    const steps = (preview.contentWindow.__explainerSteps || []).map(([name]) => name);
    return steps.includes('fetch') && !steps.includes('wasm response') && !steps.includes('stopped');
  } catch {
    return false;
  }
}

/** Moves the preview to `path`, once its download (if any) is through: a change made meanwhile
 *  waits (up to PREVIEW_WAIT_MS), and only the latest one is shown. */
const PREVIEW_WAIT_MS = 10000;
let pendingPreview = null;
function showPreview(path) {
  const first = pendingPreview === null;
  pendingPreview = path;
  if (!first) return;
  const since = Date.now();
  const go = () => {
    if (downloading() && Date.now() - since < PREVIEW_WAIT_MS) return setTimeout(go, 100);
    preview.src = pendingPreview;
    pendingPreview = null;
  };
  go();
}

let lastPreview = '';
function update(movePreview = true) {
  const o = options();
  const title = text(o.lang === 'es' ? 'titleEs' : 'titleEn');
  // The preview follows the language, theme and scenario, whatever the address says.
  try {
    const path = preview_path(o.lang, o.theme, o.scenario);
    if (movePreview && path !== lastPreview) {
      lastPreview = path;
      showPreview(path);
    }
  } catch {
    // The scenario's error is shown below with the codes'.
  }
  let codes = null;
  try {
    codes = snippets(o.base, o.lang, o.theme, o.scenario, title);
    showError(null);
  } catch (err) {
    showError(err);
  }
  $('no-codes').hidden = codes !== null;
  KINDS.forEach((kind, i) => {
    const area = $(`code-${kind}`);
    const code = codes ? codes[2 + i] : '';
    const problem = kind === 'amp' && codes ? codes[6] : '';
    area.value = code;
    $(`copy-${kind}`).disabled = !code;
    $(`status-${kind}`).textContent = '';
    const note = $(`note-${kind}`);
    if (note) {
      note.textContent = problem ? message(problem) : '';
      note.hidden = !problem;
    }
  });
  form.dataset.widgetUrl = codes ? codes[0] : '';
}

/** Copies a code: the clipboard if the browser allows, else the code selected to copy by hand. */
async function copy(kind) {
  const area = $(`code-${kind}`);
  const status = $(`status-${kind}`);
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = text('copied');
  } catch {
    area.focus();
    area.select();
    status.textContent = text('copyFailed');
  }
}

/** Reads a pasted link's language and theme into the form (its inputs stay in the field). */
function applyLink() {
  try {
    const [lang, theme] = link_options($('scenario').value);
    if (lang) form.elements.lang.value = lang;
    if (theme) form.elements.theme.value = theme;
  } catch {
    // Shown by update().
  }
  update();
}

/** The preview's current address: the scenario the reader (editor) made in it. */
function takeScenario() {
  let href = '';
  try {
    href = preview.contentWindow.location.href;
  } catch {
    return;
  }
  // The widget writes its scenario, not the theme; keep the theme chosen here.
  const url = new URL(href);
  url.searchParams.delete('theme');
  $('scenario').value = url.href;
  applyLink();
}

function setWidth() {
  const w = new FormData(form).get('width') ?? 'full';
  const stage = $('stage');
  for (const c of [...stage.classList]) if (c.startsWith('w-')) stage.classList.remove(c);
  stage.classList.add(`w-${w}`);
}

// The widget's height messages size the preview, as on a host page.
window.addEventListener('message', (e) => {
  const d = e.data;
  if (e.source !== preview.contentWindow || !d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  const h = Number(d.height);
  if (Number.isFinite(h) && h > 0 && h < 100000) preview.style.height = `${Math.ceil(h)}px`;
});

async function main() {
  await __wbg_init({ module_or_path: fetch(html.dataset.wasm, { integrity: html.dataset.wasmIntegrity }) });
  const base = $('base');
  if (!base.value) base.value = new URL('./', location.href).href;
  form.addEventListener('input', (e) => {
    if (e.target.name === 'width') setWidth();
    // A link being typed or pasted moves the preview once, when it is left (`change`).
    else update(e.target.id !== 'scenario');
  });
  form.addEventListener('change', (e) => {
    if (e.target.id === 'scenario') applyLink();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('take-scenario').addEventListener('click', takeScenario);
  $('clear-scenario').addEventListener('click', () => {
    $('scenario').value = '';
    update();
  });
  for (const kind of KINDS) $(`copy-${kind}`).addEventListener('click', () => copy(kind));
  setWidth();
  update();
  html.dataset.ready = 'true';
}

main().catch((err) => {
  console.error('embed page:', err);
  $('no-codes').hidden = false;
});
