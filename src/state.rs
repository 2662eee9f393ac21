//! The calculator's state and its one reducer: every change a reader makes goes through
//! [`State::reduce`], which clamps to the content's ranges (and the model's rules). The
//! language is not state: each language is its own prerendered page.

use std::rc::Rc;

use explainer_core::model::{AwardTier, CapRule, Field, Inputs};
use yew::Reducible;

use crate::content::CONTENT;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A slider moved.
    Set(Field, u32),
    Awards(AwardTier),
    Equipment(bool),
    /// How the 25% cap applies.
    Rule(CapRule),
    Reset,
    /// A whole scenario at once (a shared link's).
    Restore(Inputs),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub inputs: Inputs,
}

impl State {
    /// The defaults: what the page was prerendered with.
    pub fn new() -> Self {
        Self { inputs: CONTENT.defaults() }
    }
}

impl Default for State {
    fn default() -> Self {
        Self::new()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(field, v) => next.inputs[field] = v,
            Action::Awards(t) => next.inputs.awards = t,
            Action::Equipment(on) => next.inputs.equipment = on,
            Action::Rule(r) => next.inputs.rule = r,
            Action::Reset => next.inputs = CONTENT.defaults(),
            Action::Restore(inputs) => next.inputs = inputs,
        }
        next.inputs = next.inputs.clamped(&CONTENT.limits());
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reducer_clamps_and_resets() {
        let s = Rc::new(State::new());
        let s = s.reduce(Action::Set(Field::Overtime, 9_000));
        assert_eq!(s.inputs[Field::Overtime], 2_500);
        let s = s.reduce(Action::Set(Field::Officers, 50_000));
        assert_eq!(s.inputs[Field::Officers], CONTENT.limits().get(Field::Officers).max);
        let s = s.reduce(Action::Set(Field::Salary, 1));
        assert_eq!(s.inputs[Field::Salary], CONTENT.limits().get(Field::Salary).min);
        let s = s.reduce(Action::Awards(AwardTier::Tier80)).reduce(Action::Equipment(true)).reduce(Action::Rule(CapRule::Reuters));
        assert_eq!((s.inputs.awards, s.inputs.equipment, s.inputs.rule), (AwardTier::Tier80, true, CapRule::Reuters));
        let s = s.reduce(Action::Reset);
        assert_eq!(s.inputs, CONTENT.defaults());
    }
}
