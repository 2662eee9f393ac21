//! Hooks shared by the components.

use yew::prelude::*;

/// `use_effect_with`, except on the first render: what the page shows on load is already the
/// prerendered state, so there is nothing to do for it (no address to write, nothing to
/// announce). What `f` returns is kept until the next change or unmount, then dropped (a
/// dropped timer is a cancelled one).
#[hook]
pub fn use_effect_after_first<T, F, R>(deps: T, f: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) -> R + 'static,
    R: 'static,
{
    let first = use_mut_ref(|| true);
    use_effect_with(deps, move |deps| {
        let kept = (!std::mem::take(&mut *first.borrow_mut())).then(|| f(deps));
        move || drop(kept)
    });
}
