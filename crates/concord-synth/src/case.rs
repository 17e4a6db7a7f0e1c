//! One agency's case: the story behind it (shared with other agencies or not), and how
//! the agency records it.

use chrono::{Datelike, Days, NaiveDate};
use concord_core::vocabulary::{CaseStatus, ExploitationType, OrganisationType, PersonRole, Sensitivity};
use concord_core::{Case, Country, Person};

use crate::agency::Agency;
use crate::config::{earliest_date, Config};
use crate::exploitation::{Exploitation, Setting};
use crate::narrative::{self, Story};
use crate::person;
use crate::population::{Entity, EntityId, Part};
use crate::random::{self, Purpose, Stream};
use crate::route::{self, Journey};
use crate::sharing;
use crate::world::World;

/// A generated case with its ground truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticCase {
    /// The case as the agency records it.
    pub case: Case,
    /// The true individual behind each person of the case, in the same order as
    /// `case.persons`.
    pub entities: Vec<EntityId>,
}

/// Mean number of victims and missing persons per case, used to turn the share of
/// shared persons into a share of shared stories. Follows from [`co_victims`] and the
/// share of missing-person cases.
const VICTIMS_PER_CASE: f64 = 1.35;

/// What the generator needs to write a case of one agency.
pub(crate) struct Writer<'a> {
    config: &'a Config,
    world: &'a World,
    agency: &'a Agency,
    /// The name pool of the agency's country, if it has one.
    local: Option<u8>,
}

/// The story behind a case: a journey, its main victim, perhaps a trafficker, and what
/// was done. A shared story is generated identically by every agency of its group.
struct Episode {
    journey: Journey,
    victim: Entity,
    suspect: Option<EntityId>,
    exploitation: Exploitation,
}

impl<'a> Writer<'a> {
    /// A writer of the cases of `agency`.
    pub(crate) fn new(config: &'a Config, world: &'a World, agency: &'a Agency) -> Self {
        Self {
            config,
            world,
            agency,
            local: world.origin_of(agency.country()),
        }
    }

    fn slot(&self) -> usize {
        self.agency.slot()
    }

    /// Case number `n` of the agency.
    pub(crate) fn case(&self, n: u64) -> SyntheticCase {
        let seed = self.config.seed;
        let mut rng = random::stream(seed, Purpose::Case, &[self.slot() as u64, n]);
        let episode = self.shared_episode(n).unwrap_or_else(|| {
            let countries = [self.agency.country()];
            self.episode(&mut rng, &countries, 6, (self.slot(), n, false))
        });
        self.record(&mut rng, n, episode)
    }

    /// The story agency groups share in round `n`, if this agency's group shares one.
    fn shared_episode(&self, n: u64) -> Option<Episode> {
        let seed = self.config.seed;
        let network = self.agency.network();
        let members = sharing::group(seed, n, network.len(), self.slot());
        let leader = members[0];
        let mut rng = random::stream(seed, Purpose::Group, &[n, leader as u64]);
        let share = (self.config.shared_fraction * VICTIMS_PER_CASE).clamp(0.0, 1.0);
        if members.len() < 2 || !random::chance(&mut rng, share) {
            return None;
        }
        let countries: Vec<Country> = members.iter().map(|&m| network[m]).collect();
        let mut episode = self.episode(&mut rng, &countries, 3, (leader, n, true));
        if random::chance(&mut rng, 0.3) {
            let origin = episode.victim.id.origin();
            episode.suspect = Some(EntityId::new(origin, Part::Suspect(3), true, leader, n));
        }
        Some(episode)
    }

    /// A story along a corridor through `countries`, owned by `(agency or leader, n, shared)`.
    fn episode(
        &self,
        rng: &mut Stream,
        countries: &[Country],
        origin_boost: u32,
        owner: (usize, u64, bool),
    ) -> Episode {
        let (start, today) = (self.config.start(), self.config.today);
        let corridor = self.world.corridor_through(rng, countries, origin_boost);
        let span = (today - start).num_days().max(0);
        let arrived = start
            .checked_add_days(Days::new(random::between(rng, 0, span) as u64))
            .unwrap_or(today);
        let journey = Journey::along(rng, corridor, arrived);
        let id = EntityId::new(corridor.origin, Part::Victim(0), owner.2, owner.0, owner.1);
        let victim = Entity::generate(self.config, self.world, id);
        let setting = Setting {
            origin: journey.origin(),
            destination: journey.destination(),
            minor: years_between(victim.birth, arrived) < 18,
            recorder: (!owner.2).then(|| self.agency.org().kind),
        };
        let exploitation = Exploitation::of_victim(rng, setting);
        Episode {
            journey,
            victim,
            suspect: None,
            exploitation,
        }
    }

    /// The agency's record of a story.
    fn record(&self, rng: &mut Stream, n: u64, episode: Episode) -> SyntheticCase {
        let agency = self.agency;
        let kind = agency.org().kind;
        let at = agency.country();
        let journey = &episode.journey;
        let at_origin = journey.origin() == at;
        let reports_missing = matches!(kind, OrganisationType::NGO | OrganisationType::LawEnforcement);
        let missing = at_origin && random::chance(rng, if reports_missing { 0.6 } else { 0.1 });
        let registered_on = self.registered_on(rng, journey, at_origin, missing);
        let delay = (registered_on - journey.arrived()).num_days().max(0);
        let identified = journey.arrived() + Days::new(random::between(rng, 0, delay) as u64);
        let route = route::legs(rng, journey, at, missing, identified.min(registered_on));
        let exploitation = if missing {
            Exploitation::of_missing_person(rng)
        } else {
            episode.exploitation
        };
        let minor = years_between(episode.victim.birth, registered_on) < 18;
        let (persons, entities) = self.persons(rng, n, &episode.victim, episode.suspect, missing);
        let narrative = random::chance(rng, 0.9).then(|| {
            let given = main_given_name(&persons[0]);
            narrative::write(
                rng,
                self.world,
                &Story {
                    given_name: given,
                    female: episode.victim.female,
                    age: Some(years_between(episode.victim.birth, journey.departed()) as u32),
                    journey,
                    exploitation: &exploitation,
                    missing,
                    registered_on,
                    recorder: kind,
                },
            )
        });
        let armed = exploitation.types.contains(&ExploitationType::ArmedForcesOrGroups);
        let case = Case {
            id: agency.case_id(registered_on.year(), n),
            registered_on,
            reporting_org: agency.org().clone(),
            status: status(rng, registered_on, self.config.today, missing),
            exploitation: exploitation.types,
            labour_sector: exploitation.sector,
            sex_exploitation: exploitation.sex_forms,
            recruitment: exploitation.recruitment,
            means_of_control: exploitation.control,
            route,
            indicators: exploitation.indicators,
            narrative,
            sensitivity: sensitivity(rng, minor || armed, missing),
            persons,
        };
        SyntheticCase { case, entities }
    }

    /// When the agency registered the case: a missing person soon after leaving, a victim
    /// after reaching the agency's country, never after `today` nor before 1990.
    fn registered_on(&self, rng: &mut Stream, journey: &Journey, at_origin: bool, missing: bool) -> NaiveDate {
        let (from, lo, hi) = match (missing, at_origin) {
            (true, _) => (journey.departed(), 3, 120),
            (false, true) => (journey.arrived(), 30, 500),
            (false, false) => (journey.arrived(), 0, 300),
        };
        let day = from
            .checked_add_days(Days::new(random::between(rng, lo, hi) as u64))
            .unwrap_or(from);
        day.clamp(earliest_date(), self.config.today)
    }

    /// The persons of the case and the individuals behind them.
    fn persons(
        &self,
        rng: &mut Stream,
        n: u64,
        victim: &Entity,
        shared_suspect: Option<EntityId>,
        missing: bool,
    ) -> (Vec<Person>, Vec<EntityId>) {
        let agency = self.agency;
        let main_role = if missing {
            PersonRole::MissingPerson
        } else if random::chance(rng, 0.65) {
            PersonRole::Victim
        } else {
            PersonRole::PresumedVictim
        };
        let mut cast = vec![(victim.id, main_role)];
        let local = self.local;
        let new = |part, origin: u8| EntityId::new(origin, part, false, self.slot(), n);
        let origin_index = victim.id.origin();
        if !missing {
            for i in 1..=co_victims(rng) {
                cast.push((new(Part::Victim(i), origin_index), main_role));
            }
            for i in 0..suspects(rng, agency.org().kind) {
                let nationality = local.filter(|_| random::chance(rng, 0.35)).unwrap_or(origin_index);
                cast.push((new(Part::Suspect(i), nationality), PersonRole::Suspect));
            }
            cast.extend(shared_suspect.map(|id| (id, PersonRole::Suspect)));
        }
        if random::chance(rng, 0.08) {
            cast.push((new(Part::Witness, local.unwrap_or(origin_index)), PersonRole::Witness));
        }
        cast.iter()
            .map(|&(id, role)| {
                let record = if id == victim.id {
                    person::record(self.config, agency, victim, role)
                } else {
                    let entity = Entity::generate(self.config, self.world, id);
                    person::record(self.config, agency, &entity, role)
                };
                (record, id)
            })
            .unzip()
    }
}

/// How many other victims share the main victim's case.
fn co_victims(rng: &mut Stream) -> u8 {
    random::weighted(rng, &[(0, 75), (1, 15), (2, 6), (3, 4)])
}

/// How many suspects a case names: police and prosecutors name them more often.
fn suspects(rng: &mut Stream, kind: OrganisationType) -> u8 {
    match kind {
        OrganisationType::LawEnforcement | OrganisationType::ProsecutionService => {
            random::weighted(rng, &[(0, 30), (1, 45), (2, 20), (3, 5)])
        }
        _ => random::weighted(rng, &[(0, 75), (1, 20), (2, 5)]),
    }
}

fn status(rng: &mut Stream, registered_on: NaiveDate, today: NaiveDate, missing: bool) -> CaseStatus {
    use CaseStatus::*;
    if missing {
        return random::weighted(rng, &[(Active, 80), (FollowUp, 20)]);
    }
    if (today - registered_on).num_days() > 730 {
        random::weighted(rng, &[(Active, 20), (FollowUp, 20), (Closed, 45), (ClosedReferred, 15)])
    } else {
        random::weighted(rng, &[(Active, 50), (FollowUp, 25), (Closed, 15), (ClosedReferred, 10)])
    }
}

fn sensitivity(rng: &mut Stream, grave: bool, missing: bool) -> Sensitivity {
    use Sensitivity::*;
    let table: &[(Sensitivity, u32)] = match (grave, missing) {
        (true, _) => &[(Red, 40), (AmberStrict, 40), (Amber, 20)],
        (false, true) => &[(Clear, 10), (Green, 40), (Amber, 50)],
        (false, false) => &[(Clear, 5), (Green, 15), (Amber, 45), (AmberStrict, 20), (Red, 15)],
    };
    random::weighted(rng, table)
}

/// The given name a record shows first, in Latin letters where it has them.
fn main_given_name(person: &Person) -> &str {
    let name = &person.names[0];
    let given = name
        .romanised
        .as_ref()
        .map_or(name.given.as_str(), |r| r.given.as_str());
    given.split(' ').next().unwrap_or(given)
}

/// Whole years from `from` to `to` (0 when `to` is earlier).
fn years_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.years_since(from).map_or(0, i64::from)
}
