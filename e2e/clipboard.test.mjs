// "Copy link to this scenario" where it can fail: the button says "Link copied" only when the
// browser says it copied; otherwise the link is shown, selected, in a labelled read-only field.
// At the top level and in a cross-origin iframe (the host on one loopback port, the widget on
// another); each time, the link (copied or shown) must restore the scenario when opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, serveCrossOrigin, ready, readPage, recordErrors, assertScenarioLink } from './lib.mjs';

let servers, browser;
suite({ start: serveCrossOrigin }, (s) => ({ server: servers, browser } = s));

const TEXT = {
  en: { copy: 'Copy link to this scenario', copied: 'Link copied', label: 'Link to this scenario', failed: 'The link could not be copied automatically. It is selected in the field above: copy it from there.' },
  es: { copy: 'Copiar enlace a este escenario', copied: 'Enlace copiado', label: 'Enlace a este escenario', failed: 'No se pudo copiar el enlace automáticamente. Está seleccionado en el campo de arriba: cópielo desde allí.' },
};

/** How the clipboard answers. `allowed`: permission granted; `denied`: the reader refused it
 *  (set through CDP, as the browser's own permission store); `missing`: no
 *  `navigator.clipboard` at all, as on plain http. */
async function newContext(clipboard) {
  const context = await browser.newContext({
    viewport: { width: 768, height: 900 },
    permissions: clipboard === 'allowed' ? ['clipboard-read', 'clipboard-write'] : [],
  });
  if (clipboard === 'denied') {
    const page = await context.newPage();
    const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
    const cdp = await browser.newBrowserCDPSession();
    for (const permission of [{ name: 'clipboard-write' }, { name: 'clipboard-write', allowWithoutSanitization: true }]) {
      await cdp.send('Browser.setPermission', { permission, setting: 'denied', browserContextId: targetInfo.browserContextId });
    }
    await page.close();
  }
  // Every frame: the API is gone, as where the page is not a secure context.
  if (clipboard === 'missing') await context.addInitScript(() => { delete Navigator.prototype.clipboard; });
  return context;
}

const track = recordErrors;

/** Moves the calculator off its defaults (officers 9,001, $750 awards, Reuters' reading). */
async function setScenario(w) {
  await w.focus('#officers');
  await w.press('#officers', 'PageUp');
  await w.check('#awards-750');
  await w.check('#rule-reuters');
  const { inputs } = await readPage(w);
  assert.deepEqual([inputs.officers, inputs.awards, inputs.rule], [9001, '750', 'reuters']);
  // Wait for the live region to speak this scenario (its total, and Reuters' reading, which
  // only the last step sets), so what copying does to it is seen alone. Any text would not do:
  // on a slow machine a step can take longer than the region's pause, and an earlier
  // scenario's announcement would come first, then this one's after the observer below.
  await w.waitForFunction(() => {
    const said = document.getElementById('status').textContent;
    return said.includes('Reuters') && said.includes(document.getElementById('out-total').textContent.trim());
  });
  await w.evaluate(() => {
    window.statusChanges = 0;
    new MutationObserver(() => window.statusChanges++).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  return inputs;
}

/** Clicks copy and waits for the widget's answer: the button's text, or the field. */
async function copy(w, lang) {
  await w.click('button.copy');
  await w.waitForFunction((t) => document.querySelector('button.copy').textContent.trim() === t.copied || document.getElementById('copy-field'), TEXT[lang]);
  return w.evaluate(() => ({
    button: document.querySelector('button.copy').textContent.trim(),
    field: document.getElementById('copy-field') && {
      value: document.getElementById('copy-field').value,
      readOnly: document.getElementById('copy-field').readOnly,
      label: document.querySelector('label[for="copy-field"]')?.textContent.trim(),
      note: document.getElementById(document.getElementById('copy-field').getAttribute('aria-describedby'))?.textContent.trim(),
      focused: document.activeElement === document.getElementById('copy-field'),
      selected: [document.getElementById('copy-field').selectionStart, document.getElementById('copy-field').selectionEnd],
    },
    liveRegions: document.querySelectorAll('[aria-live], [role="status"], [role="alert"]').length,
    statusChanges: window.statusChanges,
    status: document.getElementById('status').textContent,
  }));
}

/** The link opened in a fresh page restores the scenario. */
async function assertRestores(link, inputs, note) {
  const context = await browser.newContext();
  const page = await context.newPage();
  track(page);
  await page.goto(link);
  await ready(page);
  await page.waitForFunction((n) => document.getElementById('officers').value === String(n), inputs.officers);
  assert.deepEqual((await readPage(page)).inputs, inputs, `${note}: ${link}`);
  assert.deepEqual(page.errors, []);
  await context.close();
}

/** The outcome: copied (and on the clipboard), or shown in the field; either way one live region, unchanged. */
async function assertOutcome(result, { copied, lang, clipboardText, inputs, note }) {
  assert.equal(result.liveRegions, 1, `${note}: one live region`);
  assert.equal(result.statusChanges, 0, `${note}: copying announced nothing more in the live region`);
  let link;
  if (copied) {
    assert.equal(result.button, TEXT[lang].copied, note);
    assert.equal(result.field, null, `${note}: no field when copied`);
    link = await clipboardText();
  } else {
    assert.equal(result.button, TEXT[lang].copy, `${note}: the button must not say it copied`);
    assert.ok(result.field, `${note}: the link is shown`);
    assert.equal(result.field.readOnly, true);
    assert.equal(result.field.label, TEXT[lang].label);
    assert.equal(result.field.note, TEXT[lang].failed);
    assert.equal(result.field.focused, true, `${note}: the field has focus`);
    assert.deepEqual(result.field.selected, [0, result.field.value.length], `${note}: the whole link is selected`);
    link = result.field.value;
  }
  assertScenarioLink(link, new URL(link).pathname.split('/').pop(), { officers: '9001', salary: '74510', benefits: '62.7', overtime: '25', awards: '750', equipment: '0', rule: 'reuters' }, note);
  await assertRestores(link, inputs, note);
  return link;
}

for (const [clipboard, copied] of [['allowed', true], ['denied', false], ['missing', false]]) {
  for (const lang of ['en', 'es']) {
    test(`top level, clipboard ${clipboard} (${lang}): ${copied ? 'copied' : 'the link is shown to copy'}, and it restores the scenario`, async () => {
      const context = await newContext(clipboard);
      const page = await context.newPage();
      track(page);
      await page.goto(`${servers.widget.base}/widget/${lang === 'es' ? 'index.es.html' : 'index.html'}`);
      await ready(page);
      const inputs = await setScenario(page);
      const result = await copy(page, lang);
      const link = await assertOutcome(result, { copied, lang, inputs, note: `top, ${clipboard}`, clipboardText: () => page.evaluate(() => navigator.clipboard.readText()) });
      assert.ok(link.startsWith(`${servers.widget.base}/widget/index`), link);
      assert.deepEqual(page.errors, []);
      // A new scenario: the old answer goes away.
      await page.press('#officers', 'PageUp');
      await page.waitForFunction((t) => document.querySelector('button.copy').textContent.trim() === t && !document.getElementById('copy-field'), TEXT[lang].copy);
      await context.close();
    });
  }
}

/** A host page on the other origin with just our iframe (and `allow`, or not). */
async function hostPage(context, allow) {
  const pathname = `/host-${allow ? 'allow' : 'plain'}.html`;
  servers.host.addPage(pathname, `<!doctype html><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><body style="margin:0">
      <iframe src="${servers.widget.base}/widget/index.html" ${allow ? 'allow="clipboard-write"' : ''} style="width:100%;height:3000px;border:0"></iframe>`);
  const url = `${servers.host.base}${pathname}`;
  const page = await context.newPage();
  track(page);
  await page.goto(url);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await ready(frame);
  return { page, frame };
}

const EMBEDS = [
  // The README's snippet, as in the demo article: allow="clipboard-write".
  ['the demo article (allow="clipboard-write")', 'allowed', true, 'article'],
  ['an iframe without allow="clipboard-write"', 'allowed', false, 'plain'],
  ['the demo article, permission denied', 'denied', false, 'article'],
  ['the demo article, no clipboard API', 'missing', false, 'article'],
  // Pym.js makes the iframe itself and cannot add `allow`.
  ['the real Pym.js parent', 'allowed', false, 'pym'],
  ['the real @newswire/frames parent (data-frame-attribute-allow)', 'allowed', true, 'frames'],
];
for (const [name, clipboard, copied, host] of EMBEDS) {
  test(`cross-origin iframe, ${name}: ${copied ? 'copied' : 'the link is shown to copy'}, and it restores the scenario`, async () => {
    const context = await newContext(clipboard);
    let page, frame;
    if (host === 'plain') {
      ({ page, frame } = await hostPage(context, false));
    } else {
      page = await context.newPage();
      track(page);
      await page.goto(`${servers.host.base}/demo/${{ article: 'article.html', pym: 'pym.html', frames: 'frames.html' }[host]}`);
      frame = await (await page.waitForSelector('iframe')).contentFrame();
      await ready(frame);
    }
    assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the widget is on another origin');
    const inputs = await setScenario(frame);
    const result = await copy(frame, 'en');
    const link = await assertOutcome(result, { copied, lang: 'en', inputs, note: name, clipboardText: () => page.evaluate(() => navigator.clipboard.readText()) });
    assert.ok(link.startsWith(`${servers.widget.base}/widget/index.html?`), link);
    // Without `allow`, Chromium itself logs the refused write; the widget logs nothing.
    const refused = /^Permissions policy violation: The Clipboard API has been blocked/;
    assert.deepEqual(page.errors.filter((e) => !(host === 'plain' || host === 'pym') || !refused.test(e)), []);
    await context.close();
  });
}

test('the link to copy by hand: no axe violation, and no sideways scroll at 320 px (en, es)', async () => {
  const { createRequire } = await import('node:module');
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  for (const file of ['index.html', 'index.es.html']) {
    // axe is injected as an inline script, so this context alone bypasses the page's CSP.
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, bypassCSP: true });
    await context.addInitScript(() => { delete Navigator.prototype.clipboard; });
    const page = await context.newPage();
    track(page);
    await page.goto(`${servers.widget.base}/widget/${file}`);
    await ready(page);
    await page.click('button.copy');
    await page.waitForSelector('#copy-field');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${file}: the field pushes the page ${overflow}px sideways`);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], file);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
