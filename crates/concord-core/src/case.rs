//! A trafficking case as one organisation records it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::date::PartialDate;
use crate::ids::CaseId;
use crate::person::Person;
use crate::validation::{short_text_problem, Checker, FieldError, ValidationErrors};
use crate::vocabulary::{
    CaseStatus, ExploitationType, Indicator, LabourSector, LegRole, MeansOfControl, OrganisationType,
    RecruiterRelation, RecruitmentMethod, Sensitivity, SexExploitationForm,
};

/// Longest narrative accepted, in characters.
pub const MAX_NARRATIVE_CHARS: usize = 20_000;

/// A case: what happened, to whom, along which route, as recorded by one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The organisation's reference for the case.
    pub id: CaseId,
    /// When the case was registered.
    pub registered_on: NaiveDate,
    /// The organisation that reported the case.
    pub reporting_org: Organisation,
    /// Where the case stands.
    pub status: CaseStatus,
    /// Forms of exploitation (empty when not yet known, e.g. a missing-person report).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub exploitation: BTreeSet<ExploitationType>,
    /// Sector of forced labour; only with [`ExploitationType::ForcedLabour`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labour_sector: Option<LabourSector>,
    /// Forms of sexual exploitation; only with [`ExploitationType::SexualExploitation`].
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub sex_exploitation: BTreeSet<SexExploitationForm>,
    /// How the victims were recruited.
    #[serde(default, skip_serializing_if = "Recruitment::is_empty")]
    pub recruitment: Recruitment,
    /// Means used to control the victims.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub means_of_control: BTreeSet<MeansOfControl>,
    /// The route, leg by leg, from origin through transit to destination.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<RouteLeg>,
    /// ILO indicators of forced labour observed.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub indicators: BTreeSet<Indicator>,
    /// What happened, in the caseworker's words. Sealed at rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// How widely the case may be shared.
    pub sensitivity: Sensitivity,
    /// Persons linked to the case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<Person>,
}

/// An organisation (HTCDS `org_`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: OrganisationType,
    /// Its country.
    pub country: Country,
}

/// How recruitment happened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recruitment {
    /// Who the recruiter was to the victim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<RecruiterRelation>,
    /// How the victim was recruited.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub methods: BTreeSet<RecruitmentMethod>,
}

impl Recruitment {
    /// Whether nothing is known about recruitment.
    pub fn is_empty(&self) -> bool {
        self.relation.is_none() && self.methods.is_empty()
    }
}

/// One leg of a route (HTCDS historic trafficking event, `hte_`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteLeg {
    /// Origin, transit or destination.
    pub role: LegRole,
    /// The country.
    pub country: Country,
    /// Town or region, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// When the person arrived there (for an origin: when recruitment began).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// When the person left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
}

impl Case {
    /// Checks every rule the types alone cannot express. `today` bounds dates: nothing
    /// may be registered or happen in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut c = Checker::default();
        c.check(self.registered_on <= today, || {
            FieldError::new(
                "registered_on",
                self.registered_on,
                format!("a date not after today ({today})"),
            )
        });
        c.check(self.registered_on >= min_date(), || {
            FieldError::new("registered_on", self.registered_on, "a date from 1990 on")
        });
        check_text(&mut c, "reporting_org.name", &self.reporting_org.name, 200);
        self.check_exploitation(&mut c);
        self.check_route(&mut c, today);
        if let Some(narrative) = &self.narrative {
            c.check(narrative.chars().count() <= MAX_NARRATIVE_CHARS, || {
                FieldError::redacted("narrative", "at most 20000 characters")
            });
        }
        let mut ids = BTreeSet::new();
        for (i, person) in self.persons.iter().enumerate() {
            let prefix = format!("persons[{i}]");
            c.check(ids.insert(&person.id), || {
                FieldError::new(format!("{prefix}.id"), &person.id, "a person ID used once in the case")
            });
            c.extend_within(&prefix, person.problems(self.registered_on));
        }
        c.finish()
    }

    fn check_exploitation(&self, c: &mut Checker) {
        if let Some(sector) = self.labour_sector {
            c.check(self.exploitation.contains(&ExploitationType::ForcedLabour), || {
                FieldError::new(
                    "labour_sector",
                    sector,
                    "a labour sector only when exploitation includes ForcedLabour",
                )
            });
        }
        c.check(
            self.sex_exploitation.is_empty() || self.exploitation.contains(&ExploitationType::SexualExploitation),
            || {
                FieldError::new(
                    "sex_exploitation",
                    crate::picklist::join(&self.sex_exploitation),
                    "forms of sexual exploitation only when exploitation includes SexualExploitation",
                )
            },
        );
    }

    fn check_route(&self, c: &mut Checker, today: NaiveDate) {
        let mut previous: Option<(LegRole, Option<PartialDate>)> = None;
        for (i, leg) in self.route.iter().enumerate() {
            let field = |name: &str| format!("route[{i}].{name}");
            if let Some(place) = &leg.place {
                check_text(c, &field("place"), place, 100);
            }
            for (name, date) in [("from", leg.from), ("to", leg.to)] {
                if let Some(date) = date {
                    c.check(date.earliest() <= today, || {
                        FieldError::new(field(name), date, "a date not in the future")
                    });
                }
            }
            if let (Some(from), Some(to)) = (leg.from, leg.to) {
                c.check(from.earliest() <= to.latest(), || {
                    FieldError::new(field("to"), to, format!("a date on or after `from` ({from})"))
                });
            }
            if let Some((role, last_date)) = previous {
                c.check(role <= leg.role, || {
                    FieldError::new(
                        field("role"),
                        leg.role,
                        format!("legs in order origin, transit, destination (it follows a {role} leg)"),
                    )
                });
                if let (Some(last), Some(from)) = (last_date, leg.from) {
                    c.check(last.earliest() <= from.latest(), || {
                        FieldError::new(
                            field("from"),
                            from,
                            format!("a date on or after the previous leg's ({last})"),
                        )
                    });
                }
            }
            previous = Some((leg.role, leg.to.or(leg.from).or(previous.and_then(|p| p.1))));
        }
    }
}

fn min_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).expect("a valid date")
}

/// Checks a required short free-text field.
fn check_text(c: &mut Checker, field: &str, text: &str, max: usize) {
    let problem = if text.is_empty() {
        Some("a non-empty text".to_string())
    } else {
        short_text_problem(text, max)
    };
    if let Some(problem) = problem {
        c.push(FieldError::new(field, text, problem));
    }
}
