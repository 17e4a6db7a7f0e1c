//! The true individuals behind the records.
//!
//! An individual's attributes (name, sex, date of birth, documents, phone) follow from the
//! seed and its [`EntityId`] alone, so every agency that records it can render it without
//! a stored population.

use chrono::{Days, NaiveDate};
use concord_core::vocabulary::Gender;

use crate::config::Config;
use crate::identifiers::{self, Identifiers};
use crate::names::{NameForm, Script};
use crate::random::{self, Purpose};
use crate::world::{Origin, World};

/// The true individual behind a person record: ground truth for linkage and estimation.
///
/// It never appears in a record: person and case references are opaque and per agency.
/// The bits hold the individual's country of origin, its part in the story that created it
/// and where that story was generated; nothing else about the individual is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u64);

/// The part an individual plays in the story it was created for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// The main victim or missing person of a case (0) or a co-victim (1 to 7).
    Victim(u8),
    /// A suspect (0 to 3).
    Suspect(u8),
    /// A witness.
    Witness,
}

impl Part {
    fn bits(self) -> u64 {
        match self {
            Self::Victim(i) => u64::from(i & 7),
            Self::Suspect(i) => 8 + u64::from(i & 3),
            Self::Witness => 12,
        }
    }

    fn of_bits(bits: u64) -> Self {
        match bits {
            0..=7 => Self::Victim(bits as u8),
            8..=11 => Self::Suspect(bits as u8 - 8),
            _ => Self::Witness,
        }
    }
}

const ORIGIN_SHIFT: u32 = 56;
const PART_SHIFT: u32 = 52;
const SHARED_BIT: u64 = 1 << 51;
const OWNER_SHIFT: u32 = 39;
const NUMBER_MASK: u64 = (1 << OWNER_SHIFT) - 1;

impl EntityId {
    /// The individual created as `part` of case (or round) `number` of agency (or group
    /// leader) `owner`, from the pool at index `origin`; `shared` when a group of agencies
    /// created it together.
    pub(crate) fn new(origin: u8, part: Part, shared: bool, owner: usize, number: u64) -> Self {
        let shared = if shared { SHARED_BIT } else { 0 };
        let owner = (owner as u64 & 0xFFF) << OWNER_SHIFT;
        Self(
            (u64::from(origin) << ORIGIN_SHIFT) | (part.bits() << PART_SHIFT) | shared | owner | (number & NUMBER_MASK),
        )
    }

    /// The index of the individual's name pool in the [`World`].
    pub(crate) fn origin(self) -> u8 {
        (self.0 >> ORIGIN_SHIFT) as u8
    }

    pub(crate) fn part(self) -> Part {
        Part::of_bits((self.0 >> PART_SHIFT) & 0xF)
    }
}

/// A second given name as records write it: another given name, the father's name
/// (Arabic naming), or a patronymic derived from the father's name (East Slavic naming).
#[derive(Debug, Clone, Copy)]
pub(crate) enum SecondName {
    Given(&'static NameForm),
    Patronymic {
        father: &'static NameForm,
        style: PatronymicStyle,
    },
}

/// The suffixes of a patronymic.
#[derive(Debug, Clone, Copy)]
pub(crate) enum PatronymicStyle {
    Ukrainian,
    Russian,
}

impl PatronymicStyle {
    /// (native, romanised) suffixes for a son or a daughter.
    pub(crate) fn suffixes(self, female: bool) -> (&'static str, &'static str) {
        match (self, female) {
            (Self::Ukrainian, false) => ("ович", "ovych"),
            (Self::Ukrainian, true) => ("івна", "ivna"),
            (Self::Russian, false) => ("ович", "ovich"),
            (Self::Russian, true) => ("овна", "ovna"),
        }
    }
}

/// An individual's true attributes.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub(crate) id: EntityId,
    pub(crate) origin: Origin,
    pub(crate) female: bool,
    pub(crate) gender: Gender,
    pub(crate) birth: NaiveDate,
    pub(crate) given: &'static NameForm,
    pub(crate) second: Option<SecondName>,
    pub(crate) family: &'static NameForm,
    pub(crate) ids: Identifiers,
}

impl Entity {
    /// The individual `id`, as it truly is.
    pub(crate) fn generate(config: &Config, world: &World, id: EntityId) -> Self {
        let mut rng = random::stream(config.seed, Purpose::Entity, &[id.0]);
        let origin = world.origin(id.origin());
        let pool = origin.pool;
        let suspect = matches!(id.part(), Part::Suspect(_));
        let female = random::chance(&mut rng, if suspect { 0.3 } else { 0.58 });
        let gender = match random::below(&mut rng, 100) {
            0 => Gender::NonConforming,
            1 if female => Gender::TransgenderFeminine,
            1 => Gender::TransgenderMasculine,
            _ if female => Gender::Feminine,
            _ => Gender::Masculine,
        };
        let given = pool.draw_given(&mut rng, female);
        let family = pool.draw_family(&mut rng);
        let family = if female { &family.female } else { &family.male };
        let second = second_name(&mut rng, origin, female, given);
        let age_at_start = if suspect {
            random::between(&mut rng, 22, 60)
        } else {
            // Two draws averaged: most victims are young adults, some are children.
            (random::between(&mut rng, 12, 45) + random::between(&mut rng, 12, 50)) / 2
        };
        let birth = config
            .start()
            .checked_sub_days(Days::new(
                age_at_start as u64 * 365 + random::below(&mut rng, 365) as u64,
            ))
            .unwrap_or(config.start());
        let ids = identifiers::generate(&mut rng, origin.country);
        Self {
            id,
            origin,
            female,
            gender,
            birth,
            given,
            second,
            family,
            ids,
        }
    }
}

/// The second given name an individual has, by the naming customs of the pool.
fn second_name(rng: &mut random::Stream, origin: Origin, female: bool, given: &'static NameForm) -> Option<SecondName> {
    let pool = origin.pool;
    let style = match origin.country.code() {
        "UA" => Some(PatronymicStyle::Ukrainian),
        "RU" | "BY" | "KZ" | "KG" => Some(PatronymicStyle::Russian),
        _ => None,
    };
    if let Some(style) = style {
        let fathers = || pool.given_male.iter().filter(|f| ends_in_consonant(f));
        let count = fathers().count();
        if count == 0 {
            return None;
        }
        let k = random::below(rng, count);
        return fathers().nth(k).map(|father| SecondName::Patronymic { father, style });
    }
    if matches!(pool.script, Script::Arabic) {
        return Some(SecondName::Given(pool.draw_given(rng, false)));
    }
    let other = pool.draw_given(rng, female);
    (random::chance(rng, 0.4) && other.native != given.native).then_some(SecondName::Given(other))
}

/// Whether both forms of a name end in a consonant, so that a patronymic suffix attaches.
fn ends_in_consonant(form: &NameForm) -> bool {
    let native_ok = form
        .native
        .chars()
        .last()
        .is_some_and(|c| "бвгджзклмнпрстфхцчшщ".contains(c));
    let roman_ok = form.romanised[0]
        .chars()
        .last()
        .is_some_and(|c| "bdfghklmnprstvz".contains(c));
    native_ok && roman_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_ids_keep_their_fields_apart() {
        let id = EntityId::new(200, Part::Suspect(2), true, 4095, NUMBER_MASK);
        assert_eq!(id.origin(), 200);
        assert_eq!(id.part(), Part::Suspect(2));
        assert_ne!(id, EntityId::new(200, Part::Suspect(2), false, 4095, NUMBER_MASK));
        assert_eq!(EntityId::new(3, Part::Victim(5), false, 0, 9).part(), Part::Victim(5));
    }

    #[test]
    fn an_individual_is_the_same_whoever_renders_it() {
        let config = Config::new(5, NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date"));
        let world = World::new();
        let id = EntityId::new(0, Part::Victim(0), true, 1, 77);
        let (a, b) = (
            Entity::generate(&config, &world, id),
            Entity::generate(&config, &world, id),
        );
        assert_eq!(
            (a.birth, a.given.native, a.family.native),
            (b.birth, b.given.native, b.family.native)
        );
    }
}

#[cfg(test)]
mod namesakes;
