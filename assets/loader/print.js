// Print shows every folded note.
import { boot } from './boot.js';

/** Print shows every folded note (the stylesheet does it where ::details-content exists). */
export function printOpensNotes() {
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('#explainer details:not([open])')) {
      d.open = true;
      boot.folded.push(d);
    }
  });
  window.addEventListener('afterprint', () => {
    for (const d of boot.folded.splice(0)) d.open = false;
  });
}
