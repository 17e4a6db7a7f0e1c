//! Journeys along corridors, and the route legs an agency records of them.

use chrono::{Days, NaiveDate};
use concord_core::vocabulary::LegRole;
use concord_core::{Country, RouteLeg};

use crate::random::{self, Stream};
use crate::variation;
use crate::world::{self, Corridor};

/// Where an individual truly went and when: the stops in order (origin first; trafficking
/// within a country has the same country twice) and the day each was reached (for the
/// origin, the day of departure).
#[derive(Debug, Clone)]
pub(crate) struct Journey {
    pub(crate) stops: Vec<Country>,
    pub(crate) days: Vec<NaiveDate>,
}

impl Journey {
    /// A journey along a corridor that reaches its destination on `arrived`; each transit
    /// country is passed through or not.
    pub(crate) fn along(rng: &mut Stream, corridor: &Corridor, arrived: NaiveDate) -> Self {
        let path = &corridor.path;
        let mut stops = vec![path[0]];
        if path.len() > 2 {
            stops.extend(path[1..path.len() - 1].iter().filter(|_| random::chance(rng, 0.7)));
        }
        stops.push(path[path.len() - 1]);
        let travel = random::between(rng, 30, 900) as u64;
        let departed = arrived.checked_sub_days(Days::new(travel)).unwrap_or(arrived);
        let legs = (stops.len() - 1) as u64;
        let days = (0..stops.len() as u64)
            .map(|i| {
                departed
                    .checked_add_days(Days::new(travel * i / legs))
                    .unwrap_or(arrived)
            })
            .collect();
        Self { stops, days }
    }

    /// The country of origin.
    pub(crate) fn origin(&self) -> Country {
        self.stops[0]
    }

    /// The country of destination.
    pub(crate) fn destination(&self) -> Country {
        self.stops[self.stops.len() - 1]
    }

    /// The day of departure.
    pub(crate) fn departed(&self) -> NaiveDate {
        self.days[0]
    }

    /// The day the destination was reached.
    pub(crate) fn arrived(&self) -> NaiveDate {
        self.days[self.days.len() - 1]
    }

    /// The stops transited, in order.
    pub(crate) fn transits(&self) -> &[Country] {
        &self.stops[1..self.stops.len() - 1]
    }
}

/// The route as an agency in `at` records it. A missing-person report knows only where
/// the person left from; otherwise the route ends where the agency found the person (in
/// its own country, added as the destination when the journey did not pass there), and
/// the last leg may end on the day the person was `identified`.
pub(crate) fn legs(
    rng: &mut Stream,
    journey: &Journey,
    at: Country,
    missing: bool,
    identified: NaiveDate,
) -> Vec<RouteLeg> {
    let seen: Vec<(Country, NaiveDate)> = if missing {
        vec![(journey.origin(), journey.departed())]
    } else {
        let pairs = journey.stops.iter().copied().zip(journey.days.iter().copied());
        match journey.stops.iter().rposition(|&c| c == at) {
            Some(0) => pairs.collect(),
            Some(end) => pairs.take(end + 1).collect(),
            None => {
                let mut seen: Vec<_> = pairs.take(journey.stops.len() - 1).collect();
                seen.push((at, journey.arrived()));
                seen
            }
        }
    };
    let last = seen.len() - 1;
    (0..seen.len())
        .map(|i| {
            let (country, day) = seen[i];
            let role = match i {
                0 => LegRole::Origin,
                _ if i == last => LegRole::Destination,
                _ => LegRole::Transit,
            };
            let left = match role {
                LegRole::Origin => None,
                LegRole::Transit => Some(seen[i + 1].1),
                LegRole::Destination => random::chance(rng, 0.3).then_some(identified),
            };
            RouteLeg {
                role,
                country,
                place: world::place(rng, country).filter(|_| random::chance(rng, 0.5)),
                from: variation::event_date(rng, day),
                to: left.and_then(|d| variation::event_date(rng, d)),
            }
        })
        .collect()
}
