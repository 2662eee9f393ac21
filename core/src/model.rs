//! The reimbursement rules (DHS press release, 2025-09-02) and the money.
//!
//! Money is integer cents ([`Cents`]); nothing here uses floating point.
//! **Rounding rule (the only one):** a percentage is applied to one officer's
//! amount in cents and rounded half up to the nearest cent ([`percent_of`]).
//! Everything else is exact integer arithmetic: per-officer lines are added,
//! and totals are per-officer cents times the number of officers.
//! Display rounding (whole dollars, "$1.19 billion") happens only in [`crate::format`].

use strum::{EnumCount, EnumString, IntoStaticStr, VariantArray};

/// An amount of money in U.S. cents.
pub type Cents = u64;

/// Percentages are carried in basis points: 10,000 = 100%.
pub const BP_PER_WHOLE: u32 = 10_000;

/// DHS: overtime is covered "up to 25% of the officer's annual salary". Reuters words the
/// same 25% as covering "overtime costs and performance-based bonuses" (see [`CapRule`]).
pub const OVERTIME_CAP_BP: u32 = 2_500;

/// Performance awards are paid quarterly (DHS).
pub const QUARTERS_PER_YEAR: u64 = 4;

/// Equipment allowance: "up to $7,500" per trained task force officer (reported by the
/// Fraternal Order of Police; secondary). No source says when or how often: counted once a year here
/// only when the reader switches it on.
pub const EQUIPMENT_CENTS: Cents = 750_000;

/// Hard bounds the model accepts whatever the content file or a URL says, by unit
/// ([`Unit::hard_max`]), so that no input can overflow: 10^6 officers x ~$23 million each
/// still fits in u64 cents.
pub const MAX_COUNT: u32 = 1_000_000;
pub const MAX_DOLLARS: u32 = 10_000_000;

/// `n / d` rounded half up: the project's one rounding rule, used by the model and, for
/// display, by [`crate::format`]. `d` must not be 0.
pub fn round_half_up(n: u128, d: u128) -> u64 {
    ((n + d / 2) / d) as u64
}

/// Whole dollars in cents (the one conversion).
pub fn dollars_to_cents(dollars: u64) -> Cents {
    dollars.saturating_mul(100)
}

/// `bp` basis points of `amount`, rounded half up to the nearest cent.
pub fn percent_of(amount: Cents, bp: u32) -> Cents {
    round_half_up(amount as u128 * bp as u128, BP_PER_WHOLE as u128)
}

/// How the 25% of salary applies. The sources differ, so the reader chooses.
/// Its key (in URLs and element ids) is its name in lower case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, VariantArray, EnumCount, IntoStaticStr, EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum CapRule {
    /// DHS (primary): overtime up to 25% of salary; quarterly awards listed separately, on top.
    #[default]
    Dhs,
    /// Reuters: up to 25% of salary "for overtime costs and performance-based bonuses", one
    /// cap for both. Overtime counts first; awards fill what is left of the 25%.
    Reuters,
}

impl CapRule {
    pub const ALL: [CapRule; Self::COUNT] = crate::all();

    /// Stable short name, used in URLs and element ids.
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn from_key(key: &str) -> Option<Self> {
        key.parse().ok()
    }
}

/// What the 25% rule lets DHS pay one officer for overtime and awards, in cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extras {
    /// The share of salary counted for overtime (what was asked, at most the cap).
    pub overtime_bp: u32,
    /// Whether the overtime asked for reaches the cap.
    pub at_cap: bool,
    pub overtime: Cents,
    pub awards: Cents,
    /// Awards the reader asked for that the cap leaves out (only under [`CapRule::Reuters`]).
    pub awards_cut: Cents,
}

/// The 25% rule, in one place, under either reading: whatever share of overtime is asked
/// for, DHS pays at most 25% of salary; under Reuters' reading, awards only fill what
/// overtime leaves of that 25%.
pub fn capped_extras(salary: Cents, overtime_bp: u32, awards: Cents, rule: CapRule) -> Extras {
    let counted = overtime_bp.min(OVERTIME_CAP_BP);
    // percent_of rises with the share, so this is the smaller of what was asked and the cap.
    let overtime = percent_of(salary, counted);
    let paid = match rule {
        CapRule::Dhs => awards,
        CapRule::Reuters => awards.min(percent_of(salary, OVERTIME_CAP_BP) - overtime),
    };
    Extras { overtime_bp: counted, at_cap: overtime_bp >= OVERTIME_CAP_BP, overtime, awards: paid, awards_cut: awards - paid }
}

/// Quarterly performance awards by the share of ICE-provided targets located (DHS).
/// Its key (in URLs) is the award in dollars a quarter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, VariantArray, EnumCount, IntoStaticStr, EnumString)]
pub enum AwardTier {
    /// Awards not counted (or below 70% of targets located: nothing).
    #[default]
    #[strum(serialize = "0")]
    None,
    /// 70-79% of targets located: $500 a quarter.
    #[strum(serialize = "500")]
    Tier70,
    /// 80-89%: $750 a quarter.
    #[strum(serialize = "750")]
    Tier80,
    /// 90-100%: $1,000 a quarter.
    #[strum(serialize = "1000")]
    Tier90,
}

impl AwardTier {
    pub const ALL: [AwardTier; Self::COUNT] = crate::all();

    pub fn per_quarter_cents(self) -> Cents {
        match self {
            Self::None => 0,
            Self::Tier70 => 50_000,
            Self::Tier80 => 75_000,
            Self::Tier90 => 100_000,
        }
    }

    pub fn per_year_cents(self) -> Cents {
        self.per_quarter_cents() * QUARTERS_PER_YEAR
    }

    /// Stable short name, used in URLs.
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn from_key(key: &str) -> Option<Self> {
        key.parse().ok()
    }
}

/// Inclusive bounds of one numeric input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub min: u32,
    pub max: u32,
    /// The slider's granularity (at least 1).
    pub step: u32,
}

impl Bounds {
    /// Inside the range and on a step from `min`, rounded half up to the nearest step, as a
    /// browser's range input does: the figures are always those of the slider's position (a
    /// link's `salary=83315` becomes $83,320 on a $10 slider, not a figure the slider cannot show).
    pub fn clamp(self, value: u32) -> u32 {
        let max = self.max.max(self.min);
        let step = self.step.max(1) as u64;
        let v = (value.clamp(self.min, max) - self.min) as u64;
        let snapped = round_half_up(v as u128, step as u128) * step;
        let top = (max - self.min) as u64 / step * step;
        self.min + snapped.min(top) as u32
    }
}

/// How an input's value is counted, read on screen and written in a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of people ("8,501").
    Count,
    /// Whole dollars ("$74,510").
    Dollars,
    /// A share of salary in basis points ("62.7%"; `62.7` in a link).
    Percent,
}

impl Unit {
    /// What the model accepts whatever the content file or a link says, so that no input can
    /// overflow (not a rule: the 25% cap is [`capped_extras`]'s). A share is at most 100%.
    pub fn hard_max(self) -> u32 {
        match self {
            Unit::Count => MAX_COUNT,
            Unit::Dollars => MAX_DOLLARS,
            Unit::Percent => BP_PER_WHOLE,
        }
    }
}

/// One of the calculator's numeric inputs (a slider): the one definition every loop over the
/// inputs reads (clamping, links, the content check, the sliders, the test oracle). Its words
/// and range are in `assets/content.toml` under `[calculator.sliders.{key}]`.
///
/// Adding an input: a variant here (its key is its name in lower case; `ALL` follows) with its
/// arm in `unit`, and what it costs in [`compute`] (read as `inputs[Field::X]`); its
/// `[calculator.sliders.{key}]` in `assets/content.toml`. README: "Adding an input".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, VariantArray, EnumCount, IntoStaticStr, EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Field {
    Officers,
    Salary,
    Benefits,
    Overtime,
}

impl Field {
    /// Every input, in the order of the sliders (the order the variants are written in).
    pub const ALL: [Field; Self::COUNT] = crate::all();

    /// The query key in links, the slider's element id and its content entry's name.
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn from_key(key: &str) -> Option<Field> {
        key.parse().ok()
    }

    /// How its value is counted: officers, whole dollars a year, or a share of salary.
    pub fn unit(self) -> Unit {
        match self {
            Field::Officers => Unit::Count,
            Field::Salary => Unit::Dollars,
            Field::Benefits | Field::Overtime => Unit::Percent,
        }
    }
}

/// The ranges the calculator offers (from the content file), one per [`Field`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits(pub [Bounds; Field::ALL.len()]);

impl Limits {
    pub fn get(&self, field: Field) -> Bounds {
        self.0[field as usize]
    }
}

/// What the reader chooses (`Default`: every number 0, no extras; the calculator starts from
/// the content's defaults, `Content::defaults`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    /// Each slider's value in its [`Unit`], read and written as `inputs[Field::Salary]`.
    /// Overtime is what was asked for (capped by [`capped_extras`]).
    pub values: [u32; Field::COUNT],
    pub awards: AwardTier,
    /// Count the reported equipment allowance.
    pub equipment: bool,
    /// How the 25% cap applies (the sources differ).
    pub rule: CapRule,
}

impl std::ops::Index<Field> for Inputs {
    type Output = u32;
    fn index(&self, field: Field) -> &u32 {
        &self.values[field as usize]
    }
}

impl std::ops::IndexMut<Field> for Inputs {
    fn index_mut(&mut self, field: Field) -> &mut u32 {
        &mut self.values[field as usize]
    }
}

impl Inputs {
    /// The same inputs with one slider's value changed (`Inputs::default().with(Field::Officers, 10)`).
    pub fn with(mut self, field: Field, value: u32) -> Self {
        self[field] = value;
        self
    }

    /// Brings every input inside `limits` (the sliders' ranges and steps) and the model's hard
    /// bounds: the one clamp (the reducer and the link parser both call it).
    pub fn clamped(mut self, limits: &Limits) -> Self {
        for f in Field::ALL {
            self[f] = limits.get(f).clamp(self[f]);
        }
        self.bounded()
    }

    /// Every input at most its unit's [`Unit::hard_max`]: all [`compute`] needs never to overflow.
    fn bounded(mut self) -> Self {
        for f in Field::ALL {
            self[f] = self[f].min(f.unit().hard_max());
        }
        self
    }
}

/// One line of the cost breakdown.
/// Its key is its name in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, VariantArray, EnumCount, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Part {
    Salary,
    Benefits,
    Overtime,
    Awards,
    Equipment,
}

impl Part {
    pub const ALL: [Part; Self::COUNT] = crate::all();

    /// Stable short name, for the markup (`data-part`, the bar's colours) and content (`ui.rows`).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// What one officer costs DHS in a year, line by line, and what all of them cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub officers: u32,
    /// Per officer, each line ([`Part`]) in cents, read as `breakdown.per_officer(Part::Salary)`.
    pub parts: [Cents; Part::COUNT],
    /// Per officer: awards asked for but left out by the cap (Reuters' reading), else 0.
    pub awards_cut: Cents,
    pub rule: CapRule,
    /// The share of salary counted for overtime, and whether the overtime asked for reached the
    /// cap (what the total assumes, said beside it).
    pub overtime_bp: u32,
    pub overtime_at_cap: bool,
}

impl Breakdown {
    pub fn per_officer(&self, part: Part) -> Cents {
        self.parts[part as usize]
    }

    /// One officer, all lines.
    pub fn per_officer_total(&self) -> Cents {
        Part::ALL.iter().map(|&p| self.per_officer(p)).sum()
    }

    /// One line, all officers (exact).
    pub fn total_of(&self, part: Part) -> Cents {
        self.per_officer(part) * self.officers as Cents
    }

    /// Everything, all officers, for a year (exact).
    pub fn total(&self) -> Cents {
        self.per_officer_total() * self.officers as Cents
    }
}

/// Applies the rules. Inputs outside the model's hard bounds are clamped first,
/// so this never overflows or panics.
pub fn compute(inputs: &Inputs) -> Breakdown {
    let i = inputs.bounded();
    let salary = dollars_to_cents(i[Field::Salary] as u64);
    let extras = capped_extras(salary, i[Field::Overtime], i.awards.per_year_cents(), i.rule);
    Breakdown {
        officers: i[Field::Officers],
        // Each line's rule (a new line is a `Part` and its arm here).
        parts: Part::ALL.map(|part| match part {
            Part::Salary => salary,
            Part::Benefits => percent_of(salary, i[Field::Benefits]),
            Part::Overtime => extras.overtime,
            Part::Awards => extras.awards,
            Part::Equipment => if i.equipment { EQUIPMENT_CENTS } else { 0 },
        }),
        awards_cut: extras.awards_cut,
        rule: i.rule,
        overtime_bp: extras.overtime_bp,
        overtime_at_cap: extras.at_cap,
    }
}

/// How far one input moves the total: the yearly total at the lowest and at the highest setting
/// of its slider (`limits`), every other input held as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swing {
    pub field: Field,
    pub low: Cents,
    pub high: Cents,
}

/// Each input's [`Swing`], in `Field::ALL` order. The total never falls as an input rises
/// (property-tested below), so the ends of a range are its least and its most total.
pub fn swings(inputs: &Inputs, limits: &Limits) -> [Swing; Field::ALL.len()] {
    Field::ALL.map(|field| {
        let b = limits.get(field);
        let at = |v: u32| compute(&inputs.with(field, b.clamp(v))).total();
        Swing { field, low: at(b.min), high: at(b.max) }
    })
}

/// Yearly share of a multi-year sum, rounded half up to the cent ("about $18.75 billion a year").
pub fn per_year(total_dollars: u64, years: u32) -> Cents {
    round_half_up(dollars_to_cents(total_dollars) as u128, years.max(1) as u128)
}

/// `part` as a share of `whole` in tenths of a percent, rounded half up (63 = 6.3%).
/// `None` when `whole` is zero.
pub fn share_tenths_pct(part: Cents, whole: Cents) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    Some(round_half_up(part as u128 * 1000, whole as u128))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use Field::{Benefits, Officers, Overtime, Salary};

    /// The worked case of facts.md (the content's defaults); tests change what they test.
    fn reference() -> Inputs {
        Inputs::default().with(Officers, 8_501).with(Salary, 74_510).with(Benefits, 6_270).with(Overtime, 2_500)
    }

    /// What `parts` of `b` cost per officer, in that order.
    fn lines<const N: usize>(b: &Breakdown, parts: [Part; N]) -> [Cents; N] {
        parts.map(|p| b.per_officer(p))
    }

    #[test]
    fn worked_reference_case_from_facts_md() {
        let b = compute(&reference());
        // Salary; benefits 74,510 x 0.627 = 46,717.77; overtime 18,627.50; no awards, no equipment.
        assert_eq!(lines(&b, [Part::Salary, Part::Benefits, Part::Overtime, Part::Awards, Part::Equipment]), [7_451_000, 4_671_777, 1_862_750, 0, 0]);
        assert_eq!(b.per_officer_total(), 13_985_527); // $139,855.27
        // $139,855.27 x 8,501 officers, exact: $1,188,909,650.27
        assert_eq!(b.total(), 118_890_965_027);
        let ice = per_year(75_000_000_000, 4);
        assert_eq!(ice, 1_875_000_000_000);
        assert_eq!(share_tenths_pct(b.total(), ice), Some(63)); // 6.3%
    }

    #[test]
    fn awards_and_equipment_follow_dhs_tiers() {
        let mut i = reference();
        i.awards = AwardTier::Tier90;
        i.equipment = true;
        let b = compute(&i);
        assert_eq!(b.per_officer(Part::Awards), 400_000); // $1,000 x 4 quarters
        assert_eq!(b.per_officer(Part::Equipment), 750_000);
        assert_eq!(AwardTier::Tier80.per_year_cents(), 300_000);
        assert_eq!(AwardTier::Tier70.per_year_cents(), 200_000);
        assert_eq!(b.per_officer_total(), 13_985_527 + 400_000 + 750_000);
    }

    #[test]
    fn overtime_is_capped_at_a_quarter_of_salary() {
        for rule in CapRule::ALL {
            assert_eq!(capped_extras(10_000_000, 9_999, 0, rule).overtime, 2_500_000);
            assert_eq!(capped_extras(10_000_000, u32::MAX, 0, rule).overtime, 2_500_000);
            assert_eq!(capped_extras(10_000_000, 1_000, 0, rule).overtime, 1_000_000);
        }
    }

    /// The example: $100,000 salary, 50% benefits, 25% overtime, $1,000 a quarter.
    #[test]
    fn both_readings_of_the_25_percent_rule() {
        let i = Inputs { awards: AwardTier::Tier90, ..reference().with(Salary, 100_000).with(Benefits, 5_000).with(Overtime, 2_500) };
        let dhs = compute(&i);
        assert_eq!(dhs.per_officer_total(), 17_900_000); // $179,000
        assert_eq!((dhs.per_officer(Part::Awards), dhs.awards_cut), (400_000, 0));
        let reuters = compute(&Inputs { rule: CapRule::Reuters, ..i });
        assert_eq!(reuters.per_officer_total(), 17_500_000); // $175,000: overtime uses the whole 25%
        assert_eq!((reuters.per_officer(Part::Awards), reuters.awards_cut), (0, 400_000));
        // 20% overtime leaves 5% ($5,000) of room: the $4,000 of awards fit, both readings agree.
        let room = i.with(Overtime, 2_000);
        assert_eq!(compute(&room).per_officer_total(), compute(&Inputs { rule: CapRule::Reuters, ..room }).per_officer_total());
        // 24% overtime leaves $1,000: awards are cut to it.
        let tight = compute(&Inputs { rule: CapRule::Reuters, ..i.with(Overtime, 2_400) });
        assert_eq!((tight.per_officer(Part::Awards), tight.awards_cut), (100_000, 300_000));
    }

    #[test]
    fn cap_rule_keys_round_trip() {
        for r in CapRule::ALL {
            assert_eq!(CapRule::from_key(r.key()), Some(r));
        }
        assert_eq!(CapRule::from_key("DHS"), None);
    }

    #[test]
    fn rounding_is_half_up_to_the_cent() {
        assert_eq!(percent_of(1, 5_000), 1); // 0.5 cent -> 1
        assert_eq!(percent_of(1, 4_999), 0);
        assert_eq!(percent_of(3, 5_000), 2); // 1.5 -> 2
        assert_eq!(share_tenths_pct(5, 10_000), Some(1)); // 0.05% -> 0.1%
        assert_eq!(share_tenths_pct(1, 0), None);
    }

    #[test]
    fn award_keys_round_trip() {
        for t in AwardTier::ALL {
            assert_eq!(AwardTier::from_key(t.key()), Some(t));
        }
        assert_eq!(AwardTier::from_key("999"), None);
    }

    #[test]
    fn clamping_respects_limits_and_steps() {
        let limits = limits(&[(Overtime, Bounds { min: 0, max: 9_000, step: 100 })]);
        let i = reference().with(Officers, u32::MAX).with(Salary, 1).with(Benefits, u32::MAX).with(Overtime, u32::MAX).clamped(&limits);
        // Clamping keeps what the slider can hold; the 25% cap is the model's, in compute.
        assert_eq!([i[Officers], i[Salary], i[Benefits], i[Overtime]], [20_000, 40_000, 10_000, 9_000]);
        let b = compute(&i);
        assert_eq!((b.overtime_bp, b.overtime_at_cap, b.per_officer(Part::Overtime)), (OVERTIME_CAP_BP, true, 1_000_000));
        // Off-step values go to the nearest step, half up, as a browser's range input shows them.
        let i = reference().with(Salary, 83_315).with(Benefits, 6_274).with(Overtime, 1_249).clamped(&limits);
        assert_eq!([i[Salary], i[Benefits], i[Overtime]], [83_320, 6_270, 1_200]);
        let odd = Bounds { min: 1, max: 10, step: 4 }; // steps 1, 5, 9: 10 is not one
        assert_eq!([0, 3, 4, 7, 10, u32::MAX].map(|v| odd.clamp(v)), [1, 5, 5, 9, 9, 9]);
        // A range wider than the hard bounds still stops at them.
        let wide = Limits([Bounds { min: 0, max: u32::MAX, step: 1 }; Field::COUNT]);
        let i = Inputs { values: [u32::MAX; Field::COUNT], ..reference() }.clamped(&wide);
        assert!(Field::ALL.iter().all(|&f| i[f] == f.unit().hard_max()), "{i:?}");
    }

    /// The calculator's ranges (as in assets/content.toml), with `changed` ones replaced; an
    /// input not named here has the range 0..=0.
    fn limits(changed: &[(Field, Bounds)]) -> Limits {
        let mut l = Limits([Bounds { min: 0, max: 0, step: 1 }; Field::COUNT]);
        let sliders = [
            (Officers, Bounds { min: 0, max: 20_000, step: 1 }),
            (Salary, Bounds { min: 40_000, max: 150_000, step: 10 }),
            (Benefits, Bounds { min: 0, max: 10_000, step: 10 }),
            (Overtime, Bounds { min: 0, max: 2_500, step: 100 }),
        ];
        for &(f, b) in sliders.iter().chain(changed) {
            l.0[f as usize] = b;
        }
        l
    }

    fn slider_limits() -> Limits {
        limits(&[])
    }

    /// At the defaults, each end worked out by hand from the per-officer amounts.
    #[test]
    fn swings_are_the_totals_at_each_end_of_a_range() {
        let s = swings(&reference(), &slider_limits());
        assert_eq!(s.map(|s| s.field), Field::ALL);
        // $139,855.27 per officer: 0 to 20,000 officers ("about $2.8 billion").
        assert_eq!((s[Officers as usize].low, s[Officers as usize].high), (0, 20_000 * 13_985_527));
        // $40,000: 40,000 + 25,080 (62.7%) + 10,000 (25%); $150,000: 150,000 + 94,050 + 37,500.
        assert_eq!((s[Salary as usize].low, s[Salary as usize].high), (8_501 * 7_508_000, 8_501 * 28_155_000));
        // Benefits 0%: 74,510 + 18,627.50; 100%: 74,510 x 2 + 18,627.50.
        assert_eq!((s[Benefits as usize].low, s[Benefits as usize].high), (8_501 * 9_313_750, 8_501 * 16_764_750));
        // Overtime 0%: 74,510 + 46,717.77; 25%: the default total.
        assert_eq!((s[Overtime as usize].low, s[Overtime as usize].high), (8_501 * 12_122_777, 8_501 * 13_985_527));
        // The other inputs are held: with awards on, every end carries them.
        let with_awards = swings(&Inputs { awards: AwardTier::Tier90, ..reference() }, &slider_limits());
        assert_eq!(with_awards[Salary as usize].high - s[Salary as usize].high, 8_501 * 400_000);
    }

    #[test]
    fn fields_round_trip_and_set_what_they_get() {
        for (n, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(Field::from_key(f.key()), Some(f));
            assert_eq!(f as usize, n, "Limits is indexed by the order of ALL");
            let i = Inputs::default().with(f, 1_234);
            assert_eq!(i[f], 1_234);
            assert!(Field::ALL.iter().filter(|&&g| g != f).all(|&g| i[g] == 0), "{f:?} set only itself");
        }
        assert_eq!(Field::from_key("Officers"), None);
    }

    #[test]
    fn the_cap_says_what_it_counted() {
        let e = capped_extras(10_000_000, 1_000, 0, CapRule::Dhs);
        assert_eq!((e.overtime_bp, e.at_cap), (1_000, false));
        let e = capped_extras(10_000_000, 2_500, 0, CapRule::Dhs);
        assert_eq!((e.overtime_bp, e.at_cap), (2_500, true));
        let e = capped_extras(10_000_000, 7_000, 0, CapRule::Reuters);
        assert_eq!((e.overtime_bp, e.at_cap, e.overtime), (2_500, true, 2_500_000));
    }

    fn any_tier() -> impl Strategy<Value = AwardTier> {
        prop::sample::select(AwardTier::ALL.to_vec())
    }

    fn any_rule() -> impl Strategy<Value = CapRule> {
        prop::sample::select(CapRule::ALL.to_vec())
    }

    fn any_inputs() -> impl Strategy<Value = Inputs> {
        (any::<[u32; Field::COUNT]>(), any_tier(), any::<bool>(), any_rule())
            .prop_map(|(values, awards, equipment, rule)| Inputs { values, awards, equipment, rule })
    }

    proptest! {
        #[test]
        fn the_total_lies_within_each_inputs_swing(i in any_inputs()) {
            let limits = slider_limits();
            let i = i.clamped(&limits);
            let total = compute(&i).total();
            for s in swings(&i, &limits) {
                prop_assert!(s.low <= total && total <= s.high, "{:?}: {} not in {}..{}", s.field, total, s.low, s.high);
            }
        }

        #[test]
        fn overtime_never_exceeds_a_quarter_of_salary(i in any_inputs()) {
            let b = compute(&i);
            let (overtime, salary) = (b.per_officer(Part::Overtime), b.per_officer(Part::Salary));
            prop_assert!(overtime * 4 <= salary + 3, "overtime {} salary {}", overtime, salary);
        }

        #[test]
        fn under_reuters_reading_overtime_and_awards_never_exceed_a_quarter(i in any_inputs()) {
            let b = compute(&Inputs { rule: CapRule::Reuters, ..i });
            let [salary, overtime, awards] = lines(&b, [Part::Salary, Part::Overtime, Part::Awards]);
            prop_assert!(overtime + awards <= percent_of(salary, OVERTIME_CAP_BP));
            prop_assert_eq!(awards + b.awards_cut, i.awards.per_year_cents());
        }

        #[test]
        fn when_awards_fit_under_the_cap_both_readings_agree(i in any_inputs()) {
            let dhs = compute(&Inputs { rule: CapRule::Dhs, ..i });
            let reuters = compute(&Inputs { rule: CapRule::Reuters, ..i });
            prop_assert!(reuters.per_officer_total() <= dhs.per_officer_total());
            prop_assert_eq!(dhs.awards_cut, 0);
            let [salary, overtime, awards] = lines(&dhs, [Part::Salary, Part::Overtime, Part::Awards]);
            if overtime + awards <= percent_of(salary, OVERTIME_CAP_BP) {
                prop_assert_eq!(dhs.per_officer_total(), reuters.per_officer_total());
            } else {
                prop_assert!(reuters.awards_cut > 0);
            }
        }

        #[test]
        fn every_output_is_monotonic_in_every_input(i in any_inputs(), bump in 1u32..100_000, tier in any_tier()) {
            let base = compute(&i);
            let ups = Field::ALL.map(|f| i.with(f, i[f].saturating_add(bump)));
            for up in ups.into_iter().chain([Inputs { awards: i.awards.max(tier), ..i }, Inputs { equipment: true, ..i }]) {
                let b = compute(&up);
                for part in Part::ALL {
                    // Under Reuters' reading more overtime leaves less room for awards (the total still rises).
                    if part == Part::Awards && up.rule == CapRule::Reuters && up[Overtime] != i[Overtime] {
                        continue;
                    }
                    prop_assert!(b.per_officer(part) >= base.per_officer(part));
                    prop_assert!(b.total_of(part) >= base.total_of(part));
                }
                prop_assert!(b.per_officer_total() >= base.per_officer_total());
                prop_assert!(b.total() >= base.total());
            }
        }

        #[test]
        fn totals_are_exact_sums(i in any_inputs()) {
            let b = compute(&i);
            let sum: u128 = Part::ALL.iter().map(|&p| b.total_of(p) as u128).sum();
            prop_assert_eq!(sum, b.total() as u128);
        }
    }

    #[test]
    fn no_overflow_at_every_maximum() {
        let max = Inputs { values: [u32::MAX; Field::COUNT], awards: AwardTier::Tier90, equipment: true, rule: CapRule::Dhs };
        let b = compute(&max);
        // Checked arithmetic proves the unchecked sums above could not wrap.
        let per = Part::ALL
            .map(|p| b.per_officer(p))
            .iter()
            .try_fold(0u64, |acc, &x| acc.checked_add(x))
            .expect("per-officer sum fits");
        assert_eq!(per.checked_mul(b.officers as u64), Some(b.total()));
        assert_eq!(b.officers, MAX_COUNT);
        assert_eq!(b.per_officer(Part::Salary), MAX_DOLLARS as u64 * 100);
        assert_eq!(b.per_officer(Part::Benefits), b.per_officer(Part::Salary));
        assert_eq!(share_tenths_pct(b.total(), 1).map(|s| s > 0), Some(true));
    }
}
