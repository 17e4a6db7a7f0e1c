//! Requests for mutual assistance between partners: sent, received, and moved through
//! their workflow by both sides.
//!
//! A request and each step of it travel as messages over the exchange (kinds `request`
//! and `request-update`, category `requests` of the sharing agreement), so they are
//! sealed, signed, retried, carried by bundle when there is no link, and audited like any
//! other message. Each node keeps its own copy; the workflow of
//! [`concord_core::assistance`] decides every change on both sides, so a step that one
//! side could not take is refused by the other too. The requester learns that its request
//! was received from the partner's signed receipt.
//!
//! A request made from a hit carries the responder's reference of the person, so both
//! sides know whom it is about without a name. Identifying data crosses only inside an
//! answer whose disclosure a liaison officer approved ([`Store::answer_request`]); both
//! nodes record the disclosure in their audit trails, and the requester records each
//! time someone reads it.

use chrono::NaiveDate;
use concord_core::assistance::{LegalBasis, Party, RequestStatus, RequestType, Step, Urgency};
use concord_core::{CaseId, PersonId, Picklist};
use concord_exchange::payload::{Answer, AssistanceRequest, Disclosure, RequestUpdate, StepName};
use concord_exchange::{Handling, NodeId};
use serde::{Deserialize, Serialize};

use super::ExchangeError;
use crate::audit::{self, Event};
use crate::store::sqlite::{self, linkage, requests as sql};
use crate::vault::Vault;
use crate::{Store, StoreError};

/// Where the texts of requests are sealed in the vault's namespaces.
const SEALED_CONTENT: &str = "request.content";

/// A request to send.
#[derive(Debug, Clone)]
pub struct NewRequest {
    /// What is asked.
    pub request_type: RequestType,
    /// Under which instrument.
    pub legal_basis: LegalBasis,
    /// How fast.
    pub urgency: Urgency,
    /// By when.
    pub deadline: Option<NaiveDate>,
    /// What it is about.
    pub subject: String,
    /// The request itself.
    pub details: String,
    /// The hit (its number on this node) the request is about, if any: it must be a hit
    /// with the partner the request goes to.
    pub about_hit: Option<i64>,
    /// The case of this node the request is about, if any.
    pub about_case: Option<CaseId>,
}

/// An answer to send, with the identifying data of one of this node's persons if a
/// liaison officer approved their disclosure.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    /// The answer.
    pub text: String,
    /// The person whose identifying data is disclosed.
    pub disclose: Option<PersonId>,
    /// The user answering, who approves the disclosure.
    pub approved_by: String,
}

/// Which way a request (or an alert) went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// This node asked.
    Outgoing,
    /// This node was asked.
    Incoming,
}

impl Direction {
    /// This node's side of a request going this way.
    fn party(self) -> Party {
        match self {
            Direction::Outgoing => Party::Requester,
            Direction::Incoming => Party::Responder,
        }
    }
}

/// A request as this node keeps it, unsealed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssistanceRecord {
    /// Its ID, the same on both nodes.
    pub request_id: uuid::Uuid,
    /// The partner.
    pub peer: NodeId,
    /// Which way it went.
    pub direction: Direction,
    /// What is asked.
    pub request_type: RequestType,
    /// Under which instrument.
    pub legal_basis: LegalBasis,
    /// How fast.
    pub urgency: Urgency,
    /// By when.
    pub deadline: Option<NaiveDate>,
    /// Where it stands.
    pub status: RequestStatus,
    /// What it is about.
    pub subject: String,
    /// The request itself.
    pub details: String,
    /// Why it was declined.
    pub reason: Option<String>,
    /// This node's person the request is about (from a hit).
    pub about_person: Option<String>,
    /// The requester's case the request is about (its reference, on both nodes).
    pub about_case: Option<CaseId>,
    /// The answer, once answered.
    pub answer: Option<String>,
    /// Whether the answer disclosed a person's identifying data (read it with
    /// [`Store::disclosure`], which records the reading).
    pub disclosed: bool,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
}

/// The sealed texts of a request.
#[derive(Default, Serialize, Deserialize)]
struct Content {
    subject: String,
    details: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    disclosure: Option<Disclosure>,
}

fn seal(vault: &Vault, peer: &str, request_id: &str, content: &Content) -> Vec<u8> {
    let json = serde_json::to_vec(content).expect("a request's content serialises");
    vault.seal(SEALED_CONTENT, &format!("{peer}/{request_id}"), &json)
}

fn unseal(vault: &Vault, row: &sql::RequestRow) -> Result<Content, StoreError> {
    let tampered = || StoreError::Tampered(format!("request {}", row.request_id));
    let json = vault
        .open(
            SEALED_CONTENT,
            &format!("{}/{}", row.peer, row.request_id),
            &row.content,
        )
        .ok_or_else(tampered)?;
    serde_json::from_slice(&json).map_err(|_| tampered())
}

fn status_of(row: &sql::RequestRow) -> Result<RequestStatus, StoreError> {
    RequestStatus::parse(&row.status).map_err(|_| StoreError::Tampered(format!("request {}", row.request_id)))
}

fn direction_of(row: &sql::RequestRow) -> Direction {
    if row.direction == "outgoing" {
        Direction::Outgoing
    } else {
        Direction::Incoming
    }
}

impl Store {
    /// Sends a request to partner `to` (whose agreement must allow `requests`): queued
    /// with its own record in one transaction. Returns its ID.
    pub fn send_request(&mut self, to: &NodeId, new: &NewRequest) -> Result<uuid::Uuid, ExchangeError> {
        let request_id = uuid::Uuid::new_v4();
        let hit = new.about_hit.map(|id| self.hit_with(id, to)).transpose()?;
        if let Some(case) = &new.about_case {
            self.get_case(case)?
                .ok_or_else(|| StoreError::CaseNotFound(case.clone()))?;
        }
        let payload = AssistanceRequest {
            about_case: new.about_case.clone(),
            about_reference: hit.as_ref().map(|h| h.partner_reference.clone()),
            request_id,
            request_type: new.request_type,
            legal_basis: new.legal_basis,
            urgency: new.urgency,
            deadline: new.deadline,
            subject: new.subject.clone(),
            details: new.details.clone(),
        };
        let peer = to.to_string();
        let message = super::Message::Request(payload);
        self.send_with(to, &[message], Handling::Amber, |tx, vault, ids| {
            let now = sqlite::now();
            let id = request_id.to_string();
            let content = Content {
                subject: new.subject.clone(),
                details: new.details.clone(),
                ..Content::default()
            };
            let row = sql::RequestRow {
                about_person: hit.map(|h| h.person_id),
                about_case: new.about_case.as_ref().map(ToString::to_string),
                request_id: id.clone(),
                peer: peer.clone(),
                direction: "outgoing",
                request_type: new.request_type.as_str().into(),
                legal_basis: new.legal_basis.as_str().into(),
                urgency: new.urgency.as_str().into(),
                deadline: new.deadline.map(|d| d.to_string()),
                status: RequestStatus::Sent.as_str().into(),
                content: seal(vault, &peer, &id, &content),
                message_id: ids[0].to_string(),
                created_at: now.clone(),
                updated_at: now,
            };
            sql::insert_request(tx, &row)?;
            Ok(())
        })?;
        Ok(request_id)
    }

    /// Takes this node's `step` on request `request_id`, and tells the partner.
    pub fn request_step(&mut self, request_id: &uuid::Uuid, step: &Step) -> Result<RequestStatus, ExchangeError> {
        self.take_step(request_id, step, None)
    }

    /// Answers request `request_id` (this node being asked), disclosing the identifying
    /// data of person `answer.disclose` if given: `answer.approved_by` approves it, and
    /// the disclosure is recorded in this node's audit trail, as it will be in the
    /// partner's when the answer arrives.
    pub fn answer_request(
        &mut self,
        request_id: &uuid::Uuid,
        answer: &NewAnswer,
    ) -> Result<RequestStatus, ExchangeError> {
        let disclosure = match &answer.disclose {
            Some(id) => {
                let (_, person) = self
                    .get_person(id)?
                    .ok_or_else(|| StoreError::PersonNotFound(id.clone()))?;
                Some(Disclosure {
                    person,
                    approved_by: answer.approved_by.clone(),
                })
            }
            None => None,
        };
        let answer = Answer {
            text: answer.text.clone(),
            disclosure,
        };
        self.take_step(request_id, &Step::Answer, Some(answer))
    }

    fn take_step(
        &mut self,
        request_id: &uuid::Uuid,
        step: &Step,
        answer: Option<Answer>,
    ) -> Result<RequestStatus, ExchangeError> {
        let id = request_id.to_string();
        let row = self.only_request(request_id)?;
        let next = status_of(&row)?
            .after(direction_of(&row).party(), step)
            .map_err(ExchangeError::Step)?;
        let (name, reason) = step_name(step);
        let mut content = unseal(&self.vault, &row)?;
        content.reason = reason.clone();
        content.answer = answer.as_ref().map(|a| a.text.clone());
        content.disclosure = answer.as_ref().and_then(|a| a.disclosure.clone());
        let peer: NodeId = super::stored_node_id(&row.peer)?;
        // Identifying data is for the named recipient only.
        let handling = if content.disclosure.is_some() {
            Handling::Red
        } else {
            Handling::Amber
        };
        let update = super::Message::RequestUpdate(RequestUpdate {
            request_id: *request_id,
            step: name,
            reason,
            answer,
        });
        self.send_with(&peer, &[update], handling, |tx, vault, _| {
            let sealed = seal(vault, &row.peer, &id, &content);
            sql::update_request(tx, &row.peer, &id, next.as_str(), &sealed, &sqlite::now())?;
            if let Some(disclosure) = &content.disclosure {
                let detail = format!("request {id}: person {}", disclosure.person.id);
                let entry = Event::DisclosureSent.about(&row.peer).detail(&detail);
                audit::record(tx, vault, entry.by(&disclosure.approved_by))?;
            }
            Ok(())
        })?;
        Ok(next)
    }

    /// The one request with this ID.
    fn only_request(&self, request_id: &uuid::Uuid) -> Result<sql::RequestRow, ExchangeError> {
        // IDs are random UUIDs; two partners using the same one means one of them chose
        // it on purpose, and then no step is taken on a guess.
        let mut rows = sql::requests_with_id(&self.conn, &request_id.to_string())?;
        match (rows.pop(), rows.is_empty()) {
            (Some(row), true) => Ok(row),
            (Some(_), false) => Err(ExchangeError::AmbiguousRequest(*request_id)),
            (None, _) => Err(ExchangeError::UnknownRequest(*request_id)),
        }
    }

    /// The person a partner disclosed in its answer to request `request_id`, read by
    /// user `actor`: the reading is recorded in the audit trail.
    pub fn disclosure(&mut self, request_id: &uuid::Uuid, actor: &str) -> Result<Option<Disclosure>, ExchangeError> {
        let row = self.only_request(request_id)?;
        let Some(disclosure) = unseal(&self.vault, &row)?.disclosure else {
            return Ok(None);
        };
        let detail = format!("request {request_id}");
        self.transaction(|tx, vault| {
            audit::record(
                tx,
                vault,
                Event::DisclosureViewed.about(&row.peer).detail(&detail).by(actor),
            )
        })?;
        Ok(Some(disclosure))
    }

    /// The newest `limit` requests, both ways, unsealed.
    pub fn requests(&self, limit: usize) -> Result<Vec<AssistanceRecord>, StoreError> {
        sql::list_requests(&self.conn, limit)?
            .iter()
            .map(|row| record(&self.vault, row))
            .collect()
    }
}

fn record(vault: &Vault, row: &sql::RequestRow) -> Result<AssistanceRecord, StoreError> {
    let tampered = || StoreError::Tampered(format!("request {}", row.request_id));
    let content = unseal(vault, row)?;
    Ok(AssistanceRecord {
        request_id: row.request_id.parse().map_err(|_| tampered())?,
        peer: super::stored_node_id(&row.peer)?,
        direction: direction_of(row),
        request_type: RequestType::parse(&row.request_type).map_err(|_| tampered())?,
        legal_basis: LegalBasis::parse(&row.legal_basis).map_err(|_| tampered())?,
        urgency: Urgency::parse(&row.urgency).map_err(|_| tampered())?,
        deadline: row
            .deadline
            .as_deref()
            .map(str::parse)
            .transpose()
            .map_err(|_| tampered())?,
        status: status_of(row)?,
        subject: content.subject,
        details: content.details,
        reason: content.reason,
        about_person: row.about_person.clone(),
        about_case: row
            .about_case
            .as_deref()
            .map(str::parse)
            .transpose()
            .map_err(|_| tampered())?,
        answer: content.answer,
        disclosed: content.disclosure.is_some(),
        created_at: row.created_at.clone(),
        updated_at: row.updated_at.clone(),
    })
}

fn step_name(step: &Step) -> (StepName, Option<String>) {
    match step {
        Step::Acknowledge => (StepName::Acknowledge, None),
        Step::Start => (StepName::Start, None),
        Step::Answer => (StepName::Answer, None),
        Step::Decline { reason } => (StepName::Decline, Some(reason.clone())),
        Step::Withdraw | Step::Receive => (StepName::Withdraw, None),
    }
}

impl Store {
    /// Hit `id`, if it is a hit with partner `to`.
    fn hit_with(&self, id: i64, to: &NodeId) -> Result<super::Hit, ExchangeError> {
        match self.hit(id)? {
            Some(hit) if hit.peer == *to => Ok(hit),
            Some(hit) => Err(ExchangeError::HitOfAnotherPartner {
                hit: id,
                peer: hit.peer,
            }),
            None => Err(ExchangeError::UnknownHit(id)),
        }
    }
}

/// Records a request received from `peer`; `Err` with the reason to reject it.
pub(crate) fn apply_request(
    tx: &rusqlite::Connection,
    vault: &Vault,
    peer: &str,
    message_id: &str,
    request: &AssistanceRequest,
) -> Result<Result<(), String>, StoreError> {
    let id = request.request_id.to_string();
    let now = sqlite::now();
    let content = Content {
        subject: request.subject.clone(),
        details: request.details.clone(),
        ..Content::default()
    };
    let about_person = match &request.about_reference {
        Some(reference) => linkage::person_of_reference(tx, reference)?,
        None => None,
    };
    let row = sql::RequestRow {
        about_person,
        about_case: request.about_case.as_ref().map(ToString::to_string),
        request_id: id.clone(),
        peer: peer.to_string(),
        direction: "incoming",
        request_type: request.request_type.as_str().into(),
        legal_basis: request.legal_basis.as_str().into(),
        urgency: request.urgency.as_str().into(),
        deadline: request.deadline.map(|d| d.to_string()),
        status: RequestStatus::Received.as_str().into(),
        content: seal(vault, peer, &id, &content),
        message_id: message_id.to_string(),
        created_at: now.clone(),
        updated_at: now,
    };
    if sql::insert_request(tx, &row)? {
        Ok(Ok(()))
    } else {
        Ok(Err(format!("request {id} was already received from this partner")))
    }
}

/// Applies a step the partner took; `Err` with the reason to reject it (an unknown
/// request, or a step the workflow does not allow the partner from where it stands).
pub(crate) fn apply_update(
    tx: &rusqlite::Connection,
    vault: &Vault,
    peer: &str,
    update: &RequestUpdate,
) -> Result<Result<(), String>, StoreError> {
    let id = update.request_id.to_string();
    let Some(row) = sql::request(tx, peer, &id)? else {
        return Ok(Err(format!("no request {id} with this partner")));
    };
    let partner = match direction_of(&row) {
        Direction::Outgoing => Party::Responder,
        Direction::Incoming => Party::Requester,
    };
    let next = match status_of(&row)?.after(partner, &update.step()) {
        Ok(next) => next,
        Err(error) => return Ok(Err(error.to_string())),
    };
    let mut content = unseal(vault, &row)?;
    content.reason = update.reason.clone();
    if let Some(answer) = &update.answer {
        content.answer = Some(answer.text.clone());
        content.disclosure = answer.disclosure.clone();
    }
    sql::update_request(
        tx,
        peer,
        &id,
        next.as_str(),
        &seal(vault, peer, &id, &content),
        &sqlite::now(),
    )?;
    let detail = format!("request {id}: {}", next.as_str());
    audit::record(tx, vault, Event::RequestChanged.about(peer).detail(&detail))?;
    if let Some(disclosure) = update.answer.as_ref().and_then(|a| a.disclosure.as_ref()) {
        let detail = format!("request {id}: approved by {} at the partner", disclosure.approved_by);
        audit::record(tx, vault, Event::DisclosureReceived.about(peer).detail(&detail))?;
    }
    Ok(Ok(()))
}

/// A request of ours that the partner's receipt says arrived is now received.
pub(crate) fn mark_received(tx: &rusqlite::Connection, peer: &str, message_id: &str) -> Result<(), StoreError> {
    sql::mark_received(tx, peer, message_id, &sqlite::now())
}
