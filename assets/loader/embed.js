// Embedding: from here, without the wasm, so the iframe fits even if the code never loads.
import { boot, page, params } from './boot.js';

/** The height of the slices that tell where an iframe is visible, in px (followVisible). */
const SLICE = 48;

export function embed() {
  const parent = window.parent;
  if (!parent || parent === window) return;
  page.classList.add('embedded');
  followVisible();
  // Pym's ids are element ids; keep its message (`pymxPYMx{id}xPYMxheightxPYMx{px}`) well-formed.
  const id = params.get('childId');
  const childId = id && id.length <= 100 && !id.includes('xPYMx') ? id : null;
  const send = () => {
    const h = document.body ? document.body.getBoundingClientRect().height : NaN;
    if (!(h >= 0 && h < 1e6)) return;
    const height = Math.ceil(h); // whole pixels, rounded up so nothing is cut off
    if (childId) parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  send();
  if (typeof ResizeObserver === 'function' && document.body) new ResizeObserver(send).observe(document.body);
  // A parent's `{sentinel: "amp", type: "frames-init"}`, and only from the parent.
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source === parent && d && typeof d === 'object' && d.sentinel === 'amp' && d.type === 'frames-init') send();
  });
}

// In an iframe as tall as the widget, `position: sticky` has nothing to stick to: the frame
// never scrolls, the host page does. Tell the stylesheet where the visible part of the frame
// begins (`--vis-top`), so the pinned figures stay on the reader's screen while they work
// the controls. IntersectionObserver measures against the top page's viewport, even across
// origins, but only calls back at threshold crossings: thin slices over the calculator give
// a call every few pixels of scrolling (none while a slider is dragged: nothing moves).
function followVisible() {
  if (typeof IntersectionObserver !== 'function') return;
  const probe = Object.assign(document.createElement('div'), { className: 'vis-probe' });
  probe.setAttribute('aria-hidden', 'true');
  document.body.append(probe);
  const tops = new Map();
  let last = '';
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) tops.set(e.target, e.isIntersecting ? e.intersectionRect.top : Infinity);
    const top = Math.min(...tops.values());
    const value = `${Number.isFinite(top) ? Math.max(0, Math.round(top)) : 0}px`;
    // Only on a change: a custom property on <html> restyles the page.
    if (value !== last) page.style.setProperty('--vis-top', (last = value));
  }, { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
  // Re-placed whenever anything moves the calculator (fonts, a restored scenario, a note).
  const layout = () => {
    const calc = boot.root.querySelector('[data-calculator]');
    const box = calc ? calc.getBoundingClientRect() : { top: 0, height: 0 };
    probe.style.top = `${Math.round(box.top + scrollY)}px`;
    const n = Math.ceil(box.height / SLICE);
    while (probe.children.length < n) {
      const slice = probe.appendChild(document.createElement('div'));
      slice.style.height = `${SLICE}px`;
      seen.observe(slice);
    }
    while (probe.children.length > n) {
      seen.unobserve(probe.lastChild);
      tops.delete(probe.lastChild);
      probe.lastChild.remove();
    }
  };
  layout();
  if (typeof ResizeObserver === 'function') new ResizeObserver(layout).observe(document.body);
  // Keyboard focus that lands under the pinned figures (Shift+Tab) is brought to mid-screen:
  // the host page scrolls, which this frame's scroll-padding cannot ask for.
  boot.root.addEventListener('focusin', (e) => {
    const pinned = boot.root.querySelector('[data-pinned]');
    const el = e.target;
    if (!pinned || !(el instanceof HTMLElement) || pinned.contains(el)) return;
    const h = pinned.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.top < h.bottom && r.bottom > h.top) el.scrollIntoView({ block: 'center' });
  });
}
