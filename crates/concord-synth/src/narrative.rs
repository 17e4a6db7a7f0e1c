//! Short case narratives in English, assembled from templates.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use concord_core::vocabulary::{ExploitationType as E, MeansOfControl as M, OrganisationType, RecruitmentMethod as RM};
use concord_core::{Country, Picklist};

use crate::exploitation::Exploitation;
use crate::random::{self, Stream};
use crate::route::Journey;
use crate::world::World;

/// What a narrative tells.
pub(crate) struct Story<'a> {
    /// The main person's given name as the record writes it, to mention sometimes.
    pub(crate) given_name: &'a str,
    pub(crate) female: bool,
    pub(crate) age: Option<u32>,
    pub(crate) journey: &'a Journey,
    pub(crate) exploitation: &'a Exploitation,
    pub(crate) missing: bool,
    pub(crate) registered_on: NaiveDate,
    pub(crate) recorder: OrganisationType,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_year(date: NaiveDate) -> String {
    format!("{} {}", MONTHS[date.month0() as usize], date.year())
}

/// The narrative of a case.
pub(crate) fn write(rng: &mut Stream, world: &World, story: &Story) -> String {
    let (pronoun, object) = if story.female { ("she", "her") } else { ("he", "him") };
    let subject = if !story.given_name.is_empty() && random::chance(rng, 0.35) {
        story.given_name.to_string()
    } else {
        match (story.female, story.age.is_some_and(|a| a < 18)) {
            (true, true) => "The girl",
            (false, true) => "The boy",
            (true, false) => "The woman",
            (false, false) => "The man",
        }
        .to_string()
    };
    let mut text = String::with_capacity(400);
    let age = story.age.map(|a| format!(", aged about {a},")).unwrap_or_default();
    let _ = write!(
        text,
        "{subject}{age} left {} in {} after {}.",
        world.name(story.journey.origin()),
        month_year(story.journey.departed()),
        recruited(story.exploitation)
    );
    if story.missing {
        let _ = write!(
            text,
            " The family reported {object} missing; the last message came from {}.",
            world.name(last_heard(rng, story.journey))
        );
        return text;
    }
    if !story.journey.transits().is_empty() {
        let via: Vec<&str> = story.journey.transits().iter().map(|&c| world.name(c)).collect();
        let _ = write!(text, " The route went through {}.", via.join(", "));
    }
    let _ = write!(
        text,
        " In {} {pronoun} {}.",
        world.name(story.journey.destination()),
        exploited(story)
    );
    if let Some(control) = controlled(story.exploitation) {
        let _ = write!(text, " {control}");
    }
    let _ = write!(text, " {}", identified(story.recorder, story.registered_on));
    text
}

fn recruited(e: &Exploitation) -> &'static str {
    match e.recruitment.methods.first() {
        Some(RM::ThroughOnlineSocialNetworks) => "a contact on social media offered well-paid work",
        Some(RM::ThroughAnOnlineAdvertisement) => "answering a job advertisement online",
        Some(RM::ThroughFriendsOrSocialEvents) => "a friend promised a job abroad",
        Some(RM::ThroughFamilyOrFamilyEvents) => "a relative arranged the journey",
        Some(RM::Abduction) => "being abducted",
        Some(RM::AtWork | RM::AtAPlaceOfBusiness) => "an employer proposed work elsewhere",
        _ => "a recruiter promised work and papers",
    }
}

fn last_heard(rng: &mut Stream, journey: &Journey) -> Country {
    *random::pick(rng, &journey.stops[1..])
}

fn exploited(story: &Story) -> String {
    let e = story.exploitation;
    match e.types.first() {
        Some(E::ForcedLabour) => match e.sector {
            Some(sector) => format!("was made to work without pay ({})", sector.label().to_lowercase()),
            None => "was made to work without pay".into(),
        },
        Some(E::SexualExploitation) => match e.sex_forms.first() {
            Some(form) => format!("was sexually exploited ({})", form.label().to_lowercase()),
            None => "was sexually exploited".into(),
        },
        Some(E::ForcedCriminality) => "was held in a compound and forced to commit online fraud".into(),
        Some(E::ForcedBegging) => "was made to beg in the streets".into(),
        Some(E::ForcedMarriage) => "was married against their will".into(),
        Some(E::ArmedForcesOrGroups) => "was recruited by an armed group".into(),
        Some(E::OrganRemoval) => "was coerced into giving up a kidney".into(),
        Some(E::ChildLabour) => "was made to work instead of going to school".into(),
        _ => "was kept in servitude".into(),
    }
}

fn controlled(e: &Exploitation) -> Option<&'static str> {
    e.control.iter().find_map(|m| match m {
        M::WithholdsDocuments => Some("The employer kept the passport."),
        M::DebtBondage => Some("A debt for travel and lodging was never repaid, whatever was earned."),
        M::ThreatensChildrenFamily => Some("The family at home was threatened."),
        M::RestrictsMovement => Some("Leaving the premises was not allowed."),
        M::PhysicalAbuse => Some("There were beatings."),
        _ => None,
    })
}

fn identified(recorder: OrganisationType, on: NaiveDate) -> String {
    let how = match recorder {
        OrganisationType::LawEnforcement => "Identified during a police operation",
        OrganisationType::ProsecutionService => "Case opened by the prosecutor",
        OrganisationType::LabourInspectorate => "Identified during a labour inspection",
        OrganisationType::InternationalOrganisation => "Referred to the mission for assistance",
        _ => "Referred to the shelter",
    };
    format!("{how} on {} {}.", on.day(), month_year(on))
}
