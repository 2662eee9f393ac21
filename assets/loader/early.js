// The native controls move before the code runs, and the first render resets them: keep the
// reader's last choice per control (across a retry too), replay it once ready.
import { boot } from './boot.js';

export function remember(e) {
  const el = e.target;
  if (el instanceof HTMLInputElement) boot.early.set(el.type === 'radio' ? el.name : el.id, { id: el.id, value: el.value, checked: el.checked });
}

export function setEarly(dispatch) {
  for (const { id, value, checked } of boot.early.values()) {
    const el = document.getElementById(id);
    if (!(el instanceof HTMLInputElement)) continue;
    if (el.type === 'range') el.value = value;
    else el.checked = checked;
    if (dispatch) el.dispatchEvent(new Event(el.type === 'range' ? 'input' : 'change', { bubbles: true }));
  }
}
