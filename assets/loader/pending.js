// A shared link's scenario on its way: its figures busy in place, and the page on them.
import { boot, page } from './boot.js';

/** Until a link's scenario is on screen: `pending` (style.css) hides the figures in place and
 *  shows the note, a CSS string set through the CSSOM (allowed by the CSP). */
export function showPending() {
  page.classList.add('pending');
  page.style.setProperty('--explainer-note', `"${(page.dataset.noteLoading || '').replace(/[\\"]/g, '\\$&')}"`);
}

export function hidePending() {
  page.classList.remove('pending');
  page.style.removeProperty('--explainer-note');
  if (!page.getAttribute('style')) page.removeAttribute('style');
  for (const el of boot.root ? boot.root.querySelectorAll('[aria-busy]') : []) el.removeAttribute('aria-busy');
}

/** A shared scenario opens on its figures, not 4,000 px above them. Only on a fresh visit to
 *  the page itself: not after a reload or Back (the browser puts the reader back), not to an
 *  anchor, and never in a frame (the host page scrolls, and the widget does not move it). No
 *  focus moves and no history entry is made: the page is only scrolled. */
export function landOnFigures(root) {
  const nav = performance.getEntriesByType?.('navigation')[0];
  if (window.parent !== window || location.hash || (nav && nav.type !== 'navigate')) return;
  root.querySelector('[data-calculator]')?.scrollIntoView({ block: 'start' });
}
