// What the link asks for (?theme=, a scenario, a language), and where the EN/ES links go.
import { boot, page, params } from './boot.js';

/** `?theme=` (the last valid one wins; the prerender step writes the themes on <html>,
 *  `data-themes="auto light dark"`, from explainer_core::embed::Theme): `data-theme`, which the
 *  stylesheet prefers over `prefers-color-scheme` (it has no rule for `auto`: the system's). */
export function applyTheme() {
  const themes = (page.dataset.themes || '').split(' ');
  const theme = params.getAll('theme').filter((t) => t && themes.includes(t)).pop();
  if (theme) page.dataset.theme = theme;
}

/** Whether the link asks for a scenario: only malformed values means the defaults, so nothing
 *  to wait for. What the wasm's parser accepts, key by key, the prerender step writes on
 *  <html> (`data-keys="officers=^…$ …"`, from explainer_core::url): one definition of a link. */
export function readLink() {
  for (const entry of (page.dataset.keys || '').split(' ')) {
    const at = entry.indexOf('=');
    if (at < 1) continue;
    const key = entry.slice(0, at);
    const valid = new RegExp(entry.slice(at + 1));
    for (const v of params.getAll(key).map((s) => s.trim())) {
      if (key === 'lang') boot.lang = valid.test(v) ? v.toLowerCase() : boot.lang; // the last valid one wins
      else boot.scenario ||= valid.test(v);
    }
  }
}

/** Each language's page (`<html data-pages="en=index.html es=…">`). */
export const pageOf = (lang) => ((page.dataset.pages || '').split(' ').find((p) => p.startsWith(lang + '=')) || '').slice(lang.length + 1);

/** Where the EN/ES links go, set here only (the prerender writes the plain links that readers
 *  without script follow): each language's page with this page's query, minus `lang` (the
 *  page is the language), so `?theme=` and a host's keys (Pym.js's `childId`, which its height
 *  messages need) stay. Once the calculator runs, the query it writes instead, at each change
 *  (`data-lang-query`, explainer_core::url::lang_link_query: its scenario, none at the
 *  defaults, and those other keys); the address follows only once the reader pauses. */
export function pointLangLinks() {
  const calc = boot.ready && boot.root.querySelector('[data-lang-query]');
  const query = new URLSearchParams(calc ? calc.dataset.langQuery : params);
  query.delete('lang');
  const q = query.toString();
  for (const a of document.querySelectorAll('a[hreflang]')) {
    const to = pageOf(a.hreflang);
    if (to) a.setAttribute('href', to + (q && '?' + q));
  }
}

/** Once the calculator runs: the language links follow its scenario, at each change. */
export function followScenario() {
  pointLangLinks();
  new MutationObserver(pointLangLinks).observe(boot.root, { subtree: true, attributes: true, attributeFilter: ['data-lang-query'] });
}

/** A link asking for the other language goes to that language's page, with the same query
 *  (each language is its own prerendered page). Not to this very address (a host that answers
 *  every path with one page): no reload loop. Whether it went. */
export function goToLanguage() {
  const other = boot.lang !== boot.pageLang && pageOf(boot.lang);
  const to = other && new URL(other + location.search + location.hash, location.href).href;
  if (to && to !== location.href) return location.replace(to), true;
  return false;
}

/** The EN/ES links replace this page, adding no history entry: Back leaves the widget (in an
 *  iframe, the host's Back is not spent on it). A new tab or window is the browser's. */
export function replaceOnLangClick() {
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[hreflang]');
    if (a && !e.defaultPrevented && !e.button && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      location.replace(a.href);
    }
  });
}
