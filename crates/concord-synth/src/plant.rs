//! Planting: chosen individuals recorded by several agencies, each copy written the way a
//! second agency would write it, with the ground truth of who is who.
//!
//! The generator's own sharing ([`Config::shared_fraction`]) lets agencies meet
//! individuals as the corridors bring them. Planting instead copies persons of one
//! agency's cases into other agencies' cases, so that a demonstration or a test knows
//! exactly who is held where, and how each copy differs from the record it was copied
//! from: another romanisation, the native script only, or a typing error in the name;
//! and the date of birth as written, reduced to its year, or a day or a month off.
//! Each copy is one more victim of a case of the receiving agency, under that agency's
//! person reference.

use chrono::{Datelike, Days, Months, NaiveDate};
use concord_core::vocabulary::PersonRole;
use concord_core::{PartialDate, Person, PersonId, PersonName};

use crate::agency::Agency;
use crate::case::SyntheticCase;
use crate::config::Config;
use crate::network::world;
use crate::population::{Entity, EntityId};
use crate::random::{self, Purpose, Stream};
use crate::variation::{self, Writing};

/// The roles whose persons are planted: those agencies look for across borders.
const PLANTED_ROLES: [PersonRole; 3] = [
    PersonRole::Victim,
    PersonRole::PresumedVictim,
    PersonRole::MissingPerson,
];

/// Copies of `persons` persons of agency `from`, each planted in every agency of `into`
/// (indices into the agencies given to [`plant`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planting {
    /// The agency whose records are copied.
    pub from: usize,
    /// The agencies that receive a copy of each.
    pub into: Vec<usize>,
    /// How many persons.
    pub persons: usize,
}

/// How a copy writes the name, compared with the record it was copied from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameChange {
    /// Latin letters only, in another romanisation where the name has one.
    OtherRomanisation,
    /// The native script only.
    NativeScriptOnly,
    /// The same writing with one typing error.
    Typo,
}

/// How a copy writes the date of birth, compared with the record it was copied from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BirthChange {
    /// As written (also when there was none, or it was too partial to change).
    Unchanged,
    /// The year only.
    YearOnly,
    /// A day earlier or later.
    DayOff,
    /// A month earlier or later.
    MonthOff,
}

/// How one copy differs from its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Change {
    /// The name.
    pub name: NameChange,
    /// The date of birth.
    pub birth: BirthChange,
}

/// One record of a planted individual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlantedRecord {
    /// The agency holding it (an index into the agencies given to [`plant`]).
    pub agency: usize,
    /// Its person reference there.
    pub person: PersonId,
    /// How it differs from the original; `None` for the original.
    pub change: Option<Change>,
}

/// An individual held by several agencies after planting: the ground truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    /// The true individual.
    pub entity: EntityId,
    /// The original record first, then the copies.
    pub records: Vec<PlantedRecord>,
}

/// A plan that cannot be carried out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlantError {
    /// An agency index beyond the agencies given.
    #[error("planting names agency {index}, but only {count} agencies were given")]
    NoSuchAgency {
        /// The index.
        index: usize,
        /// How many agencies there are.
        count: usize,
    },
    /// Fewer persons to copy than asked for.
    #[error(
        "agency {agency} has {available} victims, presumed victims or missing persons not planted yet; \
         {wanted} were asked for (generate more cases)"
    )]
    TooFewPersons {
        /// The agency.
        agency: usize,
        /// How many were asked for.
        wanted: usize,
        /// How many there are.
        available: usize,
    },
    /// An agency with no case to plant a victim in.
    #[error("agency {0} has no case with a victim to add a planted person to (generate more cases)")]
    NoHostCase(usize),
}

/// Carries out `plan` on the cases of `agencies` (`cases[i]` are the cases of
/// `agencies[i]`), step by step, and returns who is who. An individual is planted by one
/// step only. A step that cannot be carried out leaves the steps before it done.
/// Deterministic: the same inputs give the same copies.
pub fn plant(
    config: &Config,
    agencies: &[Agency],
    cases: &mut [Vec<SyntheticCase>],
    plan: &[Planting],
) -> Result<Vec<Planted>, PlantError> {
    let count = agencies.len().min(cases.len());
    let indices = plan.iter().flat_map(|p| std::iter::once(&p.from).chain(&p.into));
    if let Some(&index) = indices.into_iter().find(|&&i| i >= count) {
        return Err(PlantError::NoSuchAgency { index, count });
    }
    let mut planted: Vec<Planted> = Vec::new();
    for (step, planting) in (0u64..).zip(plan) {
        let mut rng = random::stream(config.seed, Purpose::Planting, &[step]);
        let taken: Vec<EntityId> = planted.iter().map(|p| p.entity).collect();
        let chosen = choose(&mut rng, &cases[planting.from], planting, &taken)?;
        for (case, person) in chosen {
            let original = cases[planting.from][case].case.persons[person].clone();
            let entity = cases[planting.from][case].entities[person];
            let mut records = vec![PlantedRecord {
                agency: planting.from,
                person: original.id.clone(),
                change: None,
            }];
            for &into in &planting.into {
                let replica = Replica {
                    config,
                    agency: &agencies[into],
                    original: &original,
                    entity,
                };
                records.push(replica.plant_into(&mut rng, &mut cases[into], into)?);
            }
            planted.push(Planted { entity, records });
        }
    }
    Ok(planted)
}

/// Draws `planting.persons` persons of planted roles, not among `taken`, as (case,
/// person) indices.
fn choose(
    rng: &mut Stream,
    cases: &[SyntheticCase],
    planting: &Planting,
    taken: &[EntityId],
) -> Result<Vec<(usize, usize)>, PlantError> {
    let mut candidates: Vec<(usize, usize)> = cases
        .iter()
        .enumerate()
        .flat_map(|(c, case)| {
            let persons = case.case.persons.iter().zip(&case.entities).enumerate();
            persons
                .filter(|(_, (person, entity))| {
                    PLANTED_ROLES.contains(&person.role) && !person.names.is_empty() && !taken.contains(entity)
                })
                .map(move |(p, _)| (c, p))
        })
        .collect();
    if candidates.len() < planting.persons {
        return Err(PlantError::TooFewPersons {
            agency: planting.from,
            wanted: planting.persons,
            available: candidates.len(),
        });
    }
    // A partial Fisher–Yates shuffle, drawing with `random::below` so that the choice is
    // the same on every platform.
    for i in 0..planting.persons {
        let j = i + random::below(rng, candidates.len() - i);
        candidates.swap(i, j);
    }
    candidates.truncate(planting.persons);
    Ok(candidates)
}

/// One copy to make of an original record.
struct Replica<'a> {
    config: &'a Config,
    /// The agency that records the copy.
    agency: &'a Agency,
    original: &'a Person,
    entity: EntityId,
}

impl Replica<'_> {
    /// Adds the copy as one more victim of a case of `cases` (those of agency `index`).
    fn plant_into(
        &self,
        rng: &mut Stream,
        cases: &mut [SyntheticCase],
        index: usize,
    ) -> Result<PlantedRecord, PlantError> {
        let hosts: Vec<usize> = (0..cases.len())
            .filter(|&c| {
                let main = cases[c].case.persons.first().map(|p| p.role);
                matches!(main, Some(PersonRole::Victim | PersonRole::PresumedVictim))
            })
            .collect();
        if hosts.is_empty() {
            return Err(PlantError::NoHostCase(index));
        }
        let host = &mut cases[*random::pick(rng, &hosts)];
        let role = host.case.persons[0].role;
        let (person, change) = self.written(rng, role);
        let record = PlantedRecord {
            agency: index,
            person: person.id.clone(),
            change: Some(change),
        };
        host.case.persons.push(person);
        host.entities.push(self.entity);
        Ok(record)
    }

    /// The copy as the agency writes it, in `role`: the original's attributes, one
    /// change to the name, perhaps one to the date of birth, and only some of its
    /// documents and phones (a second agency has not seen every paper).
    fn written(&self, rng: &mut Stream, role: PersonRole) -> (Person, Change) {
        let entity = Entity::generate(self.config, world(), self.entity);
        let (name, name_change) = renamed(rng, &entity, &self.original.names[0]);
        let (birth_date, birth_change) = redated(rng, self.original.birth_date);
        let mut person = self.original.clone();
        person.id = crate::person::person_id(self.config, self.agency.slot(), &entity);
        person.role = role;
        person.names = vec![name];
        person.birth_date = birth_date;
        person.documents.retain(|_| random::chance(rng, 0.5));
        person.phones.retain(|_| random::chance(rng, 0.5));
        let change = Change {
            name: name_change,
            birth: birth_change,
        };
        (person, change)
    }
}

/// The name written with one change, drawn among those that change it: a name already
/// in its native script only cannot be written in it again, and a name with one
/// romanisation has no other.
fn renamed(rng: &mut Stream, entity: &Entity, original: &PersonName) -> (PersonName, NameChange) {
    let mut changes = [
        NameChange::OtherRomanisation,
        NameChange::NativeScriptOnly,
        NameChange::Typo,
    ];
    let first = random::below(rng, changes.len());
    changes.rotate_left(first);
    let second = has_second_name(entity, original);
    for change in changes {
        let name = match change {
            NameChange::OtherRomanisation => other_romanisation(rng, entity, original, second),
            NameChange::NativeScriptOnly => variation::name(rng, entity, Writing::Native, second),
            NameChange::Typo => {
                let mut name = original.clone();
                variation::mistype_name(rng, &mut name);
                name
            }
        };
        if name != *original {
            return (name, change);
        }
    }
    // Only a name too short to mistype, already native, with one romanisation, ends here.
    (original.clone(), NameChange::Typo)
}

/// A romanised-only name whose Latin letters differ from the original's where the
/// name's romanisations allow (a few draws, the common ones being the likelier).
fn other_romanisation(rng: &mut Stream, entity: &Entity, original: &PersonName, second: bool) -> PersonName {
    let latin = |n: &PersonName| {
        n.romanised.as_ref().map_or((n.given.clone(), n.family.clone()), |r| {
            (r.given.clone(), r.family.clone())
        })
    };
    let mut name = variation::name(rng, entity, Writing::Romanised, second);
    for _ in 0..8 {
        if latin(&name) != latin(original) {
            break;
        }
        name = variation::name(rng, entity, Writing::Romanised, second);
    }
    name
}

/// Whether the original record writes a second given name or a patronymic: it then has
/// more words than the individual's given and family names alone.
fn has_second_name(entity: &Entity, original: &PersonName) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    let written = words(&original.given) + words(&original.family);
    let native = words(entity.given.native) + words(entity.family.native);
    let romanised = words(entity.given.romanised[0]) + words(entity.family.romanised[0]);
    written > native.max(romanised)
}

/// The date of birth with one change, or none: what the change does depends on how
/// precise the original is, and the change returned is the one made.
fn redated(rng: &mut Stream, original: Option<PartialDate>) -> (Option<PartialDate>, BirthChange) {
    let change = *random::pick(
        rng,
        &[
            BirthChange::Unchanged,
            BirthChange::YearOnly,
            BirthChange::DayOff,
            BirthChange::MonthOff,
        ],
    );
    let earlier = random::chance(rng, 0.5);
    let full = |moved: Option<NaiveDate>| moved.map(PartialDate::Full);
    let changed = match (change, original) {
        (BirthChange::YearOnly, Some(PartialDate::Full(d))) => Some(PartialDate::Year(d.year())),
        (BirthChange::YearOnly, Some(PartialDate::YearMonth { year, .. })) => Some(PartialDate::Year(year)),
        (BirthChange::DayOff, Some(PartialDate::Full(d))) if earlier => full(d.checked_sub_days(Days::new(1))),
        (BirthChange::DayOff, Some(PartialDate::Full(d))) => full(d.checked_add_days(Days::new(1))),
        (BirthChange::MonthOff, Some(PartialDate::Full(d))) if earlier => full(d.checked_sub_months(Months::new(1))),
        (BirthChange::MonthOff, Some(PartialDate::Full(d))) => full(d.checked_add_months(Months::new(1))),
        _ => None,
    };
    match changed {
        Some(date) => (Some(date), change),
        None => (original, BirthChange::Unchanged),
    }
}

#[cfg(test)]
mod tests;
