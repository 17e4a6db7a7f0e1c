//! What messages say: the JSON inside each kind of envelope.
//!
//! Payloads are JSON so that a partner's implementation in any language can read them and
//! an auditor can read a decrypted message. Readers ignore fields they do not know, so a
//! later version may add optional fields to a kind; a change of meaning needs a new kind.
//!
//! A [`CaseSummary`] is built from a case by [`CaseSummary::from_case`] only, which copies
//! what analysis needs and nothing that identifies a person: no names, dates of birth,
//! documents, phones, places, narrative or any other free text.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use concord_core::alert::AlertType;
use concord_core::assistance::{LegalBasis, RequestType, Step, Urgency};
use concord_core::vocabulary::{
    CaseStatus, ExploitationType, Gender, LabourSector, MeansOfControl, PersonRole, SexExploitationForm,
};
use concord_core::{AgeBand, Case, CaseId, Country};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::envelope::MessageId;
use crate::kind::Kind;

/// Longest notice subject, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
/// Longest notice body, in characters.
pub const MAX_BODY_CHARS: usize = 10_000;
/// Longest area of an alert, in characters.
pub const MAX_AREA_CHARS: usize = 200;

/// A payload that cannot be read, or breaks its kind's limits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// Not the JSON of the kind.
    #[error("the {kind} payload is not valid at `{path}`: {message}")]
    Malformed {
        /// The kind expected.
        kind: Kind,
        /// Where in the JSON, e.g. `entries[2].message_id`.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// A text over its limit.
    #[error("the {field} is {found} characters long; expected at most {max}")]
    TooLong {
        /// "subject" or "body".
        field: &'static str,
        /// The limit.
        max: usize,
        /// Characters found.
        found: usize,
    },
    /// A required text is empty.
    #[error("the {field} is empty; expected some text")]
    Empty {
        /// The field.
        field: &'static str,
    },
    /// A list over its limit.
    #[error("the {field} list holds {found} items; expected at most {max} per message")]
    TooMany {
        /// The list.
        field: &'static str,
        /// The limit.
        max: usize,
        /// Items found.
        found: usize,
    },
    /// A value out of its range or form.
    #[error("a {field} is not valid; expected {expected}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What is expected.
        expected: &'static str,
    },
    /// An alert's revision 0: revisions count from 1.
    #[error("the revision is 0; expected 1 for a new alert, and more for each later version")]
    ZeroRevision,
}

/// The JSON of a payload.
///
/// # Panics
/// If `value`'s serialisation fails, which it never does for this module's types.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("payloads serialise to JSON")
}

/// Reads the JSON of a payload of `kind`; the error names the kind and where in the JSON
/// it went wrong.
pub fn decode<T: DeserializeOwned>(kind: Kind, bytes: &[u8]) -> Result<T, PayloadError> {
    let malformed = |path: String, message: String| PayloadError::Malformed { kind, path, message };
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| malformed(e.path().to_string(), e.inner().to_string()))?;
    deserializer.end().map_err(|e| malformed(".".into(), e.to_string()))?;
    Ok(value)
}

/// A short text from one organisation to another (kind [`Kind::Notice`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What it is about: 1 to 200 characters.
    pub subject: String,
    /// The text: up to 10,000 characters.
    pub body: String,
}

impl Notice {
    /// Checks the limits.
    pub fn validate(&self) -> Result<(), PayloadError> {
        check_texts(&self.subject, ("body", &self.body))
    }
}

/// A subject of 1 to [`MAX_SUBJECT_CHARS`] characters and a text (named `body` or
/// `details` by its kind) of at most [`MAX_BODY_CHARS`].
fn check_texts(subject: &str, (text_field, text): (&'static str, &str)) -> Result<(), PayloadError> {
    if subject.trim().is_empty() {
        return Err(PayloadError::Empty { field: "subject" });
    }
    for (field, text, max) in [
        ("subject", subject, MAX_SUBJECT_CHARS),
        (text_field, text, MAX_BODY_CHARS),
    ] {
        let found = text.chars().count();
        if found > max {
            return Err(PayloadError::TooLong { field, max, found });
        }
    }
    Ok(())
}

/// A request for mutual assistance (kind [`Kind::Request`]).
///
/// Its ID, chosen by the requester, names the request in both nodes and in every
/// [`RequestUpdate`]. Identifying data does not belong in a request's text: it crosses
/// only inside an answer a liaison officer approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistanceRequest {
    /// The request's ID, a random UUID.
    pub request_id: uuid::Uuid,
    /// What is asked.
    pub request_type: RequestType,
    /// Under which instrument.
    pub legal_basis: LegalBasis,
    /// How fast.
    pub urgency: Urgency,
    /// By when an answer is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// What it is about: 1 to 200 characters.
    pub subject: String,
    /// The request itself: up to 10,000 characters.
    pub details: String,
    /// For a request made from a hit: the responder's own reference of the person, from
    /// the hit, so that it knows whom the request is about without a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about_reference: Option<String>,
    /// For a request about one of the requester's cases: its reference (the
    /// organisation's file number, not personal data), to file the answer under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about_case: Option<CaseId>,
}

impl AssistanceRequest {
    /// Checks the limits of its texts and the reference.
    pub fn validate(&self) -> Result<(), PayloadError> {
        check_texts(&self.subject, ("details", &self.details))?;
        self.about_reference.as_deref().map_or(Ok(()), check_reference)
    }
}

/// A step in a request's workflow, taken by one side and told to the other (kind
/// [`Kind::RequestUpdate`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestUpdate {
    /// The request.
    pub request_id: uuid::Uuid,
    /// The step: `acknowledge`, `start`, `answer`, `decline` or `withdraw`.
    pub step: StepName,
    /// Why (required to decline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// With the `answer` step: the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
}

/// The responder's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The answer: up to 10,000 characters.
    pub text: String,
    /// Identifying data of a person, disclosed because a liaison officer approved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Disclosure>,
}

/// A person's identifying data, disclosed in an answer: the only way such data crosses
/// a border in Concord.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// The person as the responder holds them.
    pub person: concord_core::Person,
    /// The liaison officer who approved the disclosure (their username).
    pub approved_by: String,
}

impl RequestUpdate {
    /// Checks the answer's limits.
    pub fn validate(&self) -> Result<(), PayloadError> {
        match &self.answer {
            Some(answer) if answer.text.chars().count() > MAX_BODY_CHARS => Err(PayloadError::TooLong {
                field: "answer",
                max: MAX_BODY_CHARS,
                found: answer.text.chars().count(),
            }),
            _ => Ok(()),
        }
    }
}

/// The steps one node tells the other ("receive" is not told: the receipt says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepName {
    /// The responder acknowledges.
    Acknowledge,
    /// The responder starts work.
    Start,
    /// The responder answers.
    Answer,
    /// The responder declines, with a reason.
    Decline,
    /// The requester withdraws.
    Withdraw,
}

impl RequestUpdate {
    /// The workflow step this update is.
    pub fn step(&self) -> Step {
        match self.step {
            StepName::Acknowledge => Step::Acknowledge,
            StepName::Start => Step::Start,
            StepName::Answer => Step::Answer,
            StepName::Decline => Step::Decline {
                reason: self.reason.clone().unwrap_or_default(),
            },
            StepName::Withdraw => Step::Withdraw,
        }
    }
}

/// Most encodings, withdrawn references or hits in one message: a node sends more as
/// several messages, each small enough to push, seal and apply quickly.
pub const MAX_LINKAGE_ITEMS: usize = 5_000;

/// Longest opaque reference, in bytes.
pub const MAX_REFERENCE_BYTES: usize = 64;

/// The network's linkage key and schema of one epoch (kind [`Kind::LinkageKey`]), from
/// the coordinating node to a member. Like every payload it is sealed to its recipient:
/// only the members ever hold the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkageKeyGrant {
    /// The key epoch, 1 or more; a new epoch retires every encoding of the older ones.
    pub epoch: u32,
    /// The key in the linkage key file form (a header line, the epoch, base64).
    pub key: String,
    /// The linkage schema, as TOML; its `key_epoch` is `epoch`.
    pub schema: String,
}

/// Encodings of persons for hit/no-hit matching (kind [`Kind::Encodings`]): keyed Bloom
/// filters under opaque references, and nothing else about the persons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Encodings {
    /// The key epoch they were made under.
    pub epoch: u32,
    /// The digest of the schema they were made under.
    pub schema_digest: String,
    /// New or changed persons; a reference sent before is replaced.
    #[serde(default)]
    pub records: Vec<EncodedPerson>,
    /// References of persons no longer shared (gone, or no longer of a shared role):
    /// the recipient forgets their encodings.
    #[serde(default)]
    pub withdrawn: Vec<String>,
}

/// One person's encoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodedPerson {
    /// The sender's opaque reference: random, meaningful only to the sender.
    pub reference: String,
    /// The Bloom filter, base64 of its little-endian 64-bit words.
    pub filter: String,
}

impl Encodings {
    /// Checks the sizes and references.
    pub fn validate(&self) -> Result<(), PayloadError> {
        check_count("records", self.records.len())?;
        check_count("withdrawn", self.withdrawn.len())?;
        let references = self.records.iter().map(|r| r.reference.as_str());
        references
            .chain(self.withdrawn.iter().map(String::as_str))
            .try_for_each(check_reference)
    }
}

/// Hits the sender found between its persons and the recipient's encodings (kind
/// [`Kind::Hits`]), so that both sides see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hits {
    /// The key epoch of the encodings compared.
    pub epoch: u32,
    /// The hits.
    pub hits: Vec<HitNotice>,
}

/// One hit: two references and a score. Which person either side holds stays with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitNotice {
    /// The recipient's reference, from the encodings it sent.
    pub your_reference: String,
    /// The sender's reference for its own person.
    pub my_reference: String,
    /// The probability that both are one person, 0 to 1.
    pub score: f32,
}

impl Hits {
    /// Checks the sizes, references and scores.
    pub fn validate(&self) -> Result<(), PayloadError> {
        check_count("hits", self.hits.len())?;
        for hit in &self.hits {
            check_reference(&hit.your_reference)?;
            check_reference(&hit.my_reference)?;
            if !(0.0..=1.0).contains(&hit.score) {
                return Err(PayloadError::Invalid {
                    field: "score",
                    expected: "a number from 0 to 1",
                });
            }
        }
        Ok(())
    }
}

/// An alert, or a later revision of it (kind [`Kind::Alert`]).
///
/// Every revision carries the whole alert, so that a receiver needs only the highest it
/// has seen ([`concord_core::alert::supersedes`]); an update or a cancellation is the same
/// `alert_id` with a higher `revision`. Unlike a request, an alert may describe a person
/// (a missing child must be recognisable); receivers seal it at rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// The alert's ID, a random UUID chosen by its issuer.
    pub alert_id: uuid::Uuid,
    /// 1 when issued, one more for each update or the cancellation.
    pub revision: u32,
    /// What it is about.
    pub alert_type: AlertType,
    /// What it is about: 1 to 200 characters.
    pub subject: String,
    /// The alert itself: up to 10,000 characters.
    pub details: String,
    /// When it stops being in force (RFC 3339).
    pub expires_at: DateTime<Utc>,
    /// Where it applies (a country, region, border crossing…): up to 200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Whether the issuer cancelled it.
    #[serde(default)]
    pub cancelled: bool,
}

impl Alert {
    /// Checks the limits of its texts and its revision. Its expiry is checked by the issuer
    /// only ([`concord_core::alert::check_expiry`]): an alert carried by hand may arrive
    /// after it expired, and is then kept as expired rather than refused.
    pub fn validate(&self) -> Result<(), PayloadError> {
        if self.revision == 0 {
            return Err(PayloadError::ZeroRevision);
        }
        check_texts(&self.subject, ("details", &self.details))?;
        let found = self.area.as_deref().map_or(0, |a| a.chars().count());
        if found > MAX_AREA_CHARS {
            return Err(PayloadError::TooLong {
                field: "area",
                max: MAX_AREA_CHARS,
                found,
            });
        }
        Ok(())
    }
}

fn check_count(field: &'static str, found: usize) -> Result<(), PayloadError> {
    if found > MAX_LINKAGE_ITEMS {
        return Err(PayloadError::TooMany {
            field,
            max: MAX_LINKAGE_ITEMS,
            found,
        });
    }
    Ok(())
}

fn check_reference(reference: &str) -> Result<(), PayloadError> {
    let valid = !reference.is_empty()
        && reference.len() <= MAX_REFERENCE_BYTES
        && reference.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(PayloadError::Invalid {
            field: "reference",
            expected: "1 to 64 ASCII letters, digits or hyphens",
        })
    }
}

/// A partner's acknowledgement of an alert, sent back to its issuer (kind
/// [`Kind::AlertAck`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertAck {
    /// The alert.
    pub alert_id: uuid::Uuid,
    /// The revision the partner read and acknowledges.
    pub revision: u32,
}

/// A case without identifying data, for analysis (kind [`Kind::CaseSummary`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    /// The sending organisation's reference for the case, so that a later summary of the
    /// same case replaces this one and a partner can ask about it.
    pub case_id: CaseId,
    /// Year and month of registration, `YYYY-MM`: the day adds nothing to statistics and
    /// would help single out a case.
    pub registered: String,
    /// Where the case stands.
    pub status: CaseStatus,
    /// Forms of exploitation.
    #[serde(default)]
    pub exploitation: BTreeSet<ExploitationType>,
    /// Sector of forced labour.
    #[serde(default)]
    pub labour_sector: Option<LabourSector>,
    /// Forms of sexual exploitation.
    #[serde(default)]
    pub sex_exploitation: BTreeSet<SexExploitationForm>,
    /// Means used to control the victims.
    #[serde(default)]
    pub means_of_control: BTreeSet<MeansOfControl>,
    /// The countries of the route, from origin to destination (places within them are
    /// left out: a village can identify a person).
    #[serde(default)]
    pub route: Vec<Country>,
    /// The persons of the case, without anything that identifies them.
    #[serde(default)]
    pub persons: Vec<PersonSummary>,
}

/// A person in a [`CaseSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    /// The part the person plays in the case.
    pub role: PersonRole,
    /// Gender.
    pub gender: Gender,
    /// Age band at registration (CTDC bands, e.g. "18-20"), when the birth date is known.
    #[serde(default, deserialize_with = "age_band")]
    pub age_band: Option<AgeBand>,
    /// Citizenships.
    #[serde(default)]
    pub citizenships: BTreeSet<Country>,
}

/// Reads an age band as [`AgeBand::as_str`] writes it (concord-core serialises bands but
/// does not read them).
fn age_band<'de, D: Deserializer<'de>>(d: D) -> Result<Option<AgeBand>, D::Error> {
    let text = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
    text.map(|t| {
        AgeBand::parse(&t).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{t}` is not an age band; expected one of 0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+"
            ))
        })
    })
    .transpose()
}

impl CaseSummary {
    /// The summary of a case: picklist values, countries and age bands only.
    pub fn from_case(case: &Case) -> CaseSummary {
        CaseSummary {
            case_id: case.id.clone(),
            registered: case.registered_on.format("%Y-%m").to_string(),
            status: case.status,
            exploitation: case.exploitation.clone(),
            labour_sector: case.labour_sector,
            sex_exploitation: case.sex_exploitation.clone(),
            means_of_control: case.means_of_control.clone(),
            route: case.route.iter().map(|leg| leg.country).collect(),
            persons: case
                .persons
                .iter()
                .map(|p| PersonSummary {
                    role: p.role,
                    gender: p.gender,
                    age_band: p.birth_date.and_then(|b| AgeBand::at(b, case.registered_on)),
                    citizenships: p.citizenships.clone(),
                })
                .collect(),
        }
    }
}

/// Acknowledges messages received (kind [`Kind::Receipt`]): one entry per message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// What became of each message.
    pub entries: Vec<ReceiptEntry>,
}

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptEntry {
    /// The message.
    pub message_id: MessageId,
    /// What became of it.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// What became of a message. Written inside its entry:
/// `{"message_id": "…", "outcome": "rejected", "reason": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    /// Stored: the sender may forget it.
    Accepted,
    /// Already stored before: the sender may forget it.
    Duplicate,
    /// Refused for good, for `reason`: sending it again will not help.
    Rejected {
        /// Why, for the sender's operators.
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn every_payload_kind_round_trips_through_json() {
        let notice = Notice {
            subject: "Test".into(),
            body: "Hello from Almaty".into(),
        };
        assert_eq!(encode(&notice), br#"{"subject":"Test","body":"Hello from Almaty"}"#);
        assert_eq!(decode::<Notice>(Kind::Notice, &encode(&notice)), Ok(notice));
        let id = MessageId::from_bytes([7; 16]);
        let receipt = Receipt {
            entries: vec![
                ReceiptEntry {
                    message_id: id,
                    outcome: Outcome::Accepted,
                },
                ReceiptEntry {
                    message_id: id,
                    outcome: Outcome::Duplicate,
                },
                ReceiptEntry {
                    message_id: id,
                    outcome: Outcome::Rejected {
                        reason: "not allowed".into(),
                    },
                },
            ],
        };
        let json = String::from_utf8(encode(&receipt)).unwrap();
        assert!(
            json.contains(&format!(
                r#"{{"message_id":"{id}","outcome":"rejected","reason":"not allowed"}}"#
            )),
            "{json}"
        );
        assert_eq!(decode::<Receipt>(Kind::Receipt, json.as_bytes()), Ok(receipt));
    }

    #[test]
    fn a_malformed_payload_is_refused_naming_the_kind_and_the_place() {
        let err = decode::<Receipt>(
            Kind::Receipt,
            br#"{"entries":[{"message_id":"nope","outcome":"accepted"}]}"#,
        )
        .unwrap_err();
        let PayloadError::Malformed { kind, path, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!((*kind, path.as_str()), (Kind::Receipt, "entries[0].message_id"));
        assert!(
            err.to_string()
                .starts_with("the receipt payload is not valid at `entries[0].message_id`"),
            "{err}"
        );
        let err = decode::<Notice>(Kind::Notice, br#"{"subject":"a","body":"b"} x"#).unwrap_err();
        assert!(matches!(err, PayloadError::Malformed { .. }), "{err}");
        let err = decode::<Notice>(Kind::Notice, br#"{"subject":"a"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `body`"), "{err}");
        let err = decode::<CaseSummary>(Kind::CaseSummary, br#"{"persons":[{"age_band":"17-19"}]}"#).unwrap_err();
        assert!(err.to_string().starts_with("the case-summary payload"), "{err}");
    }

    #[test]
    fn notices_keep_to_their_limits() {
        let notice = |subject: &str, body: &str| Notice {
            subject: subject.into(),
            body: body.into(),
        };
        assert_eq!(notice("s", &"é".repeat(10_000)).validate(), Ok(()));
        assert_eq!(
            notice(" ", "b").validate(),
            Err(PayloadError::Empty { field: "subject" })
        );
        assert_eq!(
            notice(&"s".repeat(201), "").validate(),
            Err(PayloadError::TooLong {
                field: "subject",
                max: 200,
                found: 201
            })
        );
        let err = notice("s", &"b".repeat(10_001)).validate().unwrap_err();
        assert_eq!(
            err.to_string(),
            "the body is 10001 characters long; expected at most 10000"
        );
    }

    fn alert() -> Alert {
        Alert {
            alert_id: "9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d".parse().unwrap(),
            revision: 1,
            alert_type: AlertType::RecruitmentScheme,
            subject: "Fake au-pair adverts".into(),
            details: "Adverts on a job board promise au-pair work in Poland.".into(),
            expires_at: "2026-12-15T00:00:00Z".parse().unwrap(),
            area: Some("Lviv oblast".into()),
            cancelled: false,
        }
    }

    #[test]
    fn alerts_read_as_documented_and_keep_to_their_limits() {
        let documented = br#"{"alert_id":"9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d","revision":1,
            "alert_type":"RecruitmentScheme","subject":"Fake au-pair adverts",
            "details":"Adverts on a job board promise au-pair work in Poland.",
            "expires_at":"2026-12-15T02:00:00+02:00","area":"Lviv oblast"}"#;
        assert_eq!(
            decode::<Alert>(Kind::Alert, documented),
            Ok(alert()),
            "no `cancelled` means false"
        );
        assert_eq!(decode::<Alert>(Kind::Alert, &encode(&alert())), Ok(alert()));
        assert_eq!(alert().validate(), Ok(()));
        let with = |change: fn(&mut Alert)| {
            let mut a = alert();
            change(&mut a);
            a.validate()
        };
        assert_eq!(with(|a| a.revision = 0), Err(PayloadError::ZeroRevision));
        assert_eq!(
            with(|a| a.subject = " ".into()),
            Err(PayloadError::Empty { field: "subject" })
        );
        let long_details = with(|a| a.details = "x".repeat(10_001)).unwrap_err();
        assert_eq!(
            long_details.to_string(),
            "the details is 10001 characters long; expected at most 10000"
        );
        assert_eq!(
            with(|a| a.area = Some("é".repeat(201))),
            Err(PayloadError::TooLong {
                field: "area",
                max: 200,
                found: 201
            })
        );
        let err = decode::<Alert>(Kind::Alert, br#"{"alert_id":"9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d","revision":1,"alert_type":"Lost","subject":"s","details":"","expires_at":"2026-12-15T00:00:00Z"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the alert payload is not valid at `alert_type`"),
            "{err}"
        );
        let ack = AlertAck {
            alert_id: alert().alert_id,
            revision: 2,
        };
        assert_eq!(decode::<AlertAck>(Kind::AlertAck, &encode(&ack)), Ok(ack));
    }

    /// Every string value in a JSON document.
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn case_summaries_carry_no_identifying_data() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let config = concord_synth::Config::new(11, today);
        let (mut checked, mut persons, mut banded, mut documents_and_phones) = (0, 0, 0, 0);
        for agency in concord_synth::agencies(4) {
            for synthetic in concord_synth::cases(&config, &agency, 150) {
                let case = synthetic.case;
                let summary = CaseSummary::from_case(&case);
                let json = String::from_utf8(encode(&summary)).unwrap();
                assert_eq!(
                    decode::<CaseSummary>(Kind::CaseSummary, json.as_bytes()).as_ref(),
                    Ok(&summary)
                );
                let mut values = Vec::new();
                strings(&serde_json::from_str(&json).unwrap(), &mut values);
                // The narrative's words are common words ("route"): look for its sentences.
                let sentences = case.narrative.iter().flat_map(|n| n.split('.')).map(str::trim);
                for sentence in sentences.filter(|s| s.len() >= 20) {
                    assert!(
                        !json.contains(sentence),
                        "the narrative of case {} leaks into {json}",
                        case.id
                    );
                }
                // Whole values; a name part may hold several words, each of which counts.
                let mut secrets = Vec::new();
                secrets.extend(case.route.iter().filter_map(|leg| leg.place.clone()));
                secrets.push(case.reporting_org.name.clone());
                secrets.push(case.registered_on.to_string());
                for person in &case.persons {
                    secrets.push(person.id.to_string());
                    for name in &person.names {
                        let romanised = name.romanised.iter().flat_map(|r| [&r.given, &r.family]);
                        for part in [&name.given, &name.family].into_iter().chain(romanised) {
                            secrets.push(part.clone());
                            secrets.extend(part.split_whitespace().map(str::to_string));
                        }
                    }
                    secrets.extend(person.birth_date.map(|d| d.to_string()));
                    secrets.extend(person.documents.iter().map(|d| d.number.as_str().to_string()));
                    secrets.extend(person.phones.iter().map(|p| p.as_str().to_string()));
                    persons += 1;
                    documents_and_phones += person.documents.len() + person.phones.len();
                }
                for secret in &secrets {
                    // Short parts ("Li", "1990") may occur by chance inside other words or
                    // dates, so they must only never be a whole value.
                    let leaked =
                        values.contains(secret) || (secret.chars().count() >= 5 && json.contains(secret.as_str()));
                    assert!(!leaked, "`{secret}` of case {} leaks into {json}", case.id);
                }
                banded += summary.persons.iter().filter(|p| p.age_band.is_some()).count();
                checked += 1;
            }
        }
        assert_eq!(checked, 600);
        assert!(
            persons > 600 && banded > persons / 2,
            "{persons} persons, {banded} with an age band"
        );
        assert!(
            documents_and_phones > 100,
            "only {documents_and_phones} documents and phones checked"
        );
    }
}
