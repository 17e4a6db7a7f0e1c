//! Alerts: issued by this node to every partner whose agreement allows `alerts`, updated
//! or cancelled by their issuer only, acknowledged by the partners that received them.
//!
//! An alert and its revisions travel as messages of kind `alert`, acknowledgements as
//! `alert-ack` (category `alerts`), so they are sealed, signed, retried, carried by bundle
//! and audited like any other message. Each revision carries the whole alert and every
//! node keeps the highest revision it has seen ([`concord_core::alert::supersedes`]), so a
//! revision arriving twice, late, or by two ways at once changes nothing. Alerts are kept
//! by ID, one issuer each: a partner cannot revise an alert another node issued. Whether
//! an alert is in force is computed when it is read.

use chrono::{DateTime, Utc};
use concord_core::alert::{check_expiry, supersedes, AlertError, AlertStatus, AlertType};
use concord_core::Picklist;
use concord_exchange::payload::{Alert, AlertAck};
use concord_exchange::{Category, Handling, NodeId};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{stored_node_id, Direction, ExchangeError, Message};
use crate::audit::{self, Event};
use crate::store::sqlite::{self, alerts as sql};
use crate::vault::Vault;
use crate::{Store, StoreError};

/// Where the texts of alerts are sealed in the vault's namespaces.
const SEALED_CONTENT: &str = "alert.content";

/// An alert to issue.
#[derive(Debug, Clone)]
pub struct NewAlert {
    /// What it is about.
    pub alert_type: AlertType,
    /// What it is about, in a line.
    pub subject: String,
    /// The alert itself.
    pub details: String,
    /// When it stops being in force: in the future, within 90 days.
    pub expires_at: DateTime<Utc>,
    /// Where it applies.
    pub area: Option<String>,
}

/// What an update of one of our alerts changes; what is `None` stays as it was. An empty
/// `area` removes it.
#[derive(Debug, Clone, Default)]
pub struct AlertChange {
    /// A new type.
    pub alert_type: Option<AlertType>,
    /// A new subject.
    pub subject: Option<String>,
    /// New details.
    pub details: Option<String>,
    /// A new expiry (in the future, within 90 days).
    pub expires_at: Option<DateTime<Utc>>,
    /// A new area.
    pub area: Option<String>,
}

/// What issuing, updating or cancelling an alert sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AlertSent {
    /// The alert.
    pub alert_id: Uuid,
    /// Its revision now.
    pub revision: u32,
    /// How many partners it was queued for (0 when no agreement allows alerts: the
    /// alert is then kept on this node only).
    pub recipients: usize,
}

/// A partner an alert of ours went to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertRecipient {
    /// The partner.
    pub peer: NodeId,
    /// The latest revision it acknowledged.
    pub acknowledged_revision: Option<u32>,
    /// When (RFC 3339).
    pub acknowledged_at: Option<String>,
}

/// An alert as this node keeps it, unsealed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertRecord {
    /// Its ID, the same on every node.
    pub alert_id: Uuid,
    /// `outgoing` if this node issued it, `incoming` if a partner did.
    pub direction: Direction,
    /// Who issued it (this node's ID for ours).
    pub issuer: NodeId,
    /// The highest revision seen.
    pub revision: u32,
    /// What it is about.
    pub alert_type: AlertType,
    /// Whether it is in force now.
    pub status: AlertStatus,
    /// What it is about, in a line.
    pub subject: String,
    /// The alert itself.
    pub details: String,
    /// Where it applies.
    pub area: Option<String>,
    /// When it stops being in force.
    pub expires_at: DateTime<Utc>,
    /// For a partner's alert: the revision this node acknowledged.
    pub acknowledged_revision: Option<u32>,
    /// When this node acknowledged it.
    pub acknowledged_at: Option<String>,
    /// For ours: the partners it went to and what each acknowledged.
    pub recipients: Vec<AlertRecipient>,
    /// When this node first had it (RFC 3339).
    pub created_at: String,
    /// When it last changed here (RFC 3339).
    pub updated_at: String,
}

/// The sealed texts of an alert.
#[derive(Serialize, Deserialize)]
struct Content {
    subject: String,
    details: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    area: Option<String>,
}

/// The record a revision's texts are sealed under: a sealed text moved to another alert
/// or revision does not open.
fn sealed_record(alert_id: &str, revision: u32) -> String {
    format!("{alert_id}/{revision}")
}

fn unseal(vault: &Vault, row: &sql::AlertRow) -> Result<Content, StoreError> {
    let tampered = || StoreError::Tampered(format!("alert {}", row.alert_id));
    let json = vault
        .open(
            SEALED_CONTENT,
            &sealed_record(&row.alert_id, row.revision),
            &row.content,
        )
        .ok_or_else(tampered)?;
    serde_json::from_slice(&json).map_err(|_| tampered())
}

/// The row of revision `alert` issued by `issuer` (`None`: this node).
fn row_of(vault: &Vault, alert: &Alert, issuer: Option<&str>, pk: i64) -> sql::AlertRow {
    let id = alert.alert_id.to_string();
    let content = Content {
        subject: alert.subject.clone(),
        details: alert.details.clone(),
        area: alert.area.clone(),
    };
    let json = serde_json::to_vec(&content).expect("an alert's content serialises");
    let now = sqlite::now();
    sql::AlertRow {
        pk,
        content: vault.seal(SEALED_CONTENT, &sealed_record(&id, alert.revision), &json),
        alert_id: id,
        issuer: issuer.map(str::to_string),
        revision: alert.revision,
        alert_type: alert.alert_type.as_str().into(),
        expires_at: alert.expires_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        cancelled: alert.cancelled,
        acknowledged_revision: None,
        acknowledged_at: None,
        created_at: now.clone(),
        updated_at: now,
    }
}

/// The alert payload of a stored row.
fn alert_of(vault: &Vault, row: &sql::AlertRow) -> Result<Alert, StoreError> {
    let tampered = || StoreError::Tampered(format!("alert {}", row.alert_id));
    let content = unseal(vault, row)?;
    Ok(Alert {
        alert_id: row.alert_id.parse().map_err(|_| tampered())?,
        revision: row.revision,
        alert_type: AlertType::parse(&row.alert_type).map_err(|_| tampered())?,
        subject: content.subject,
        details: content.details,
        expires_at: row.expires_at.parse().map_err(|_| tampered())?,
        area: content.area,
        cancelled: row.cancelled,
    })
}

fn status_at(alert: &Alert, now: DateTime<Utc>) -> AlertStatus {
    AlertStatus::of(alert.cancelled, alert.expires_at, now)
}

/// What a revision does, for the audit trail.
fn action(alert: &Alert) -> &'static str {
    match (alert.revision, alert.cancelled) {
        (_, true) => "cancelled",
        (1, false) => "issued",
        _ => "updated",
    }
}

impl Store {
    /// Issues an alert to every partner whose agreement allows sending `alerts`, in one
    /// transaction with its own record (all are queued, or nothing is). Partners without
    /// `alerts` get nothing; with none at all, the alert is kept here for 0 recipients.
    pub fn issue_alert(&mut self, new: &NewAlert) -> Result<AlertSent, ExchangeError> {
        check_expiry(new.expires_at, Utc::now()).map_err(ExchangeError::Alert)?;
        let alert = Alert {
            alert_id: Uuid::new_v4(),
            revision: 1,
            alert_type: new.alert_type,
            subject: new.subject.clone(),
            details: new.details.clone(),
            expires_at: new.expires_at,
            area: non_empty(new.area.clone()),
            cancelled: false,
        };
        let recipients: Vec<NodeId> = self
            .peers()?
            .into_iter()
            .filter(|p| p.agreement.send.contains(&Category::Alerts))
            .map(|p| p.card.node_id)
            .collect();
        self.broadcast(&alert, &recipients, None)
    }

    /// Updates an alert this node issued: a new revision, sent to the partners the alert
    /// went to (those whose agreement still allows alerts). A cancelled alert stays so.
    pub fn update_alert(&mut self, alert_id: &Uuid, change: &AlertChange) -> Result<AlertSent, ExchangeError> {
        let (pk, mut alert) = self.own_alert(alert_id, "updated")?;
        if let Some(alert_type) = change.alert_type {
            alert.alert_type = alert_type;
        }
        alert.subject = change.subject.clone().unwrap_or(alert.subject);
        alert.details = change.details.clone().unwrap_or(alert.details);
        alert.expires_at = change.expires_at.unwrap_or(alert.expires_at);
        if change.area.is_some() {
            alert.area = non_empty(change.area.clone());
        }
        // An expired alert can be renewed, but only with a new expiry ahead.
        check_expiry(alert.expires_at, Utc::now()).map_err(ExchangeError::Alert)?;
        alert.revision += 1;
        self.rebroadcast(&alert, pk)
    }

    /// Cancels an alert this node issued, and tells the partners it went to.
    pub fn cancel_alert(&mut self, alert_id: &Uuid) -> Result<AlertSent, ExchangeError> {
        let (pk, mut alert) = self.own_alert(alert_id, "cancelled")?;
        alert.cancelled = true;
        alert.revision += 1;
        self.rebroadcast(&alert, pk)
    }

    /// Acknowledges the latest revision of a partner's alert, which must be in force, and
    /// tells its issuer. Returns the revision acknowledged.
    pub fn acknowledge_alert(&mut self, alert_id: &Uuid) -> Result<u32, ExchangeError> {
        let row = sql::alert(&self.conn, &alert_id.to_string())?.ok_or(ExchangeError::UnknownAlert(*alert_id))?;
        let issuer = row.issuer.as_deref().ok_or(ExchangeError::OwnAlert(*alert_id))?;
        let alert = alert_of(&self.vault, &row)?;
        refuse_unless_active(&alert, "acknowledged")?;
        if row.acknowledged_revision == Some(row.revision) {
            return Err(ExchangeError::AlreadyAcknowledged {
                alert: *alert_id,
                revision: row.revision,
            });
        }
        let ack = Message::AlertAck(AlertAck {
            alert_id: *alert_id,
            revision: row.revision,
        });
        self.send_with(&stored_node_id(issuer)?, &[ack], Handling::Amber, |tx, _, _| {
            Ok(sql::set_acknowledged(tx, row.pk, row.revision, &sqlite::now())?)
        })?;
        Ok(row.revision)
    }

    /// Up to `limit` alerts, issued and received, unsealed: those in force first, then
    /// the expired and cancelled; newest first in each group.
    pub fn alerts(&self, limit: usize) -> Result<Vec<AlertRecord>, StoreError> {
        let now = Utc::now();
        let now_text = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        sql::list_alerts(&self.conn, &now_text, limit)?
            .iter()
            .map(|row| self.alert_record(row, now))
            .collect()
    }

    fn alert_record(&self, row: &sql::AlertRow, now: DateTime<Utc>) -> Result<AlertRecord, StoreError> {
        let alert = alert_of(&self.vault, row)?;
        let (direction, issuer, recipients) = match &row.issuer {
            Some(issuer) => (Direction::Incoming, stored_node_id(issuer)?, Vec::new()),
            None => (Direction::Outgoing, self.node_id(), self.recipients_of(row.pk)?),
        };
        Ok(AlertRecord {
            alert_id: alert.alert_id,
            direction,
            issuer,
            revision: alert.revision,
            alert_type: alert.alert_type,
            status: status_at(&alert, now),
            subject: alert.subject,
            details: alert.details,
            area: alert.area,
            expires_at: alert.expires_at,
            acknowledged_revision: row.acknowledged_revision,
            acknowledged_at: row.acknowledged_at.clone(),
            recipients,
            created_at: row.created_at.clone(),
            updated_at: row.updated_at.clone(),
        })
    }

    fn recipients_of(&self, pk: i64) -> Result<Vec<AlertRecipient>, StoreError> {
        sql::recipients(&self.conn, pk)?
            .into_iter()
            .map(|r| {
                Ok(AlertRecipient {
                    peer: stored_node_id(&r.peer)?,
                    acknowledged_revision: r.acknowledged_revision,
                    acknowledged_at: r.acknowledged_at,
                })
            })
            .collect()
    }

    /// An alert this node issued, not cancelled, with its row's key; or why it cannot be
    /// `done` (updated, cancelled) here.
    fn own_alert(&self, alert_id: &Uuid, done: &'static str) -> Result<(i64, Alert), ExchangeError> {
        let row = sql::alert(&self.conn, &alert_id.to_string())?.ok_or(ExchangeError::UnknownAlert(*alert_id))?;
        if let Some(issuer) = &row.issuer {
            return Err(ExchangeError::NotIssuer {
                alert: *alert_id,
                issuer: stored_node_id(issuer)?,
            });
        }
        let alert = alert_of(&self.vault, &row)?;
        if alert.cancelled {
            return Err(ExchangeError::Alert(AlertError::NotActive {
                alert_id: alert_id.to_string(),
                status: AlertStatus::Cancelled,
                done,
            }));
        }
        Ok((row.pk, alert))
    }

    /// Sends a new revision of our alert `pk` to the partners the alert went to whose
    /// agreement still allows alerts: an agreement narrowed since is obeyed.
    fn rebroadcast(&mut self, alert: &Alert, pk: i64) -> Result<AlertSent, ExchangeError> {
        let allowed: Vec<NodeId> = self
            .peers()?
            .into_iter()
            .filter(|p| p.agreement.send.contains(&Category::Alerts))
            .map(|p| p.card.node_id)
            .collect();
        let recipients: Vec<NodeId> = self
            .recipients_of(pk)?
            .into_iter()
            .map(|r| r.peer)
            .filter(|peer| allowed.contains(peer))
            .collect();
        self.broadcast(alert, &recipients, Some(pk))
    }

    /// Queues `alert` for each of `recipients` and records it (as new, or as a revision
    /// of our alert `existing`), in one transaction.
    fn broadcast(
        &mut self,
        alert: &Alert,
        recipients: &[NodeId],
        existing: Option<i64>,
    ) -> Result<AlertSent, ExchangeError> {
        // Checked here too: with no recipient, nothing is sealed, so nothing else checks it.
        alert.validate().map_err(ExchangeError::InvalidMessage)?;
        let message = Message::Alert(alert.clone());
        let batch: Vec<(NodeId, &Message)> = recipients.iter().map(|to| (*to, &message)).collect();
        self.queue(&batch, Handling::Amber, |tx, vault, _| {
            let row = row_of(vault, alert, None, existing.unwrap_or_default());
            match existing {
                Some(_) => sql::revise_alert(tx, &row)?,
                None => {
                    let pk = sql::insert_alert(tx, &row)?;
                    for peer in recipients {
                        sql::add_recipient(tx, pk, &peer.to_string())?;
                    }
                }
            }
            let detail = format!(
                "alert {} revision {}: {}, to {} partner(s)",
                row.alert_id,
                alert.revision,
                action(alert),
                recipients.len()
            );
            Ok(audit::record(tx, vault, Event::AlertIssued.entry().detail(&detail))?)
        })?;
        Ok(AlertSent {
            alert_id: alert.alert_id,
            revision: alert.revision,
            recipients: recipients.len(),
        })
    }
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

fn refuse_unless_active(alert: &Alert, done: &'static str) -> Result<(), ExchangeError> {
    match status_at(alert, Utc::now()) {
        AlertStatus::Active => Ok(()),
        status => Err(ExchangeError::Alert(AlertError::NotActive {
            alert_id: alert.alert_id.to_string(),
            status,
            done,
        })),
    }
}

/// Applies a revision of an alert received from `peer`; `Err` with the reason to reject
/// it. A revision no higher than the one held is accepted and changes nothing.
pub(crate) fn apply_alert(
    tx: &rusqlite::Connection,
    vault: &Vault,
    peer: &str,
    alert: &Alert,
) -> Result<Result<(), String>, StoreError> {
    if let Err(error) = alert.validate() {
        return Ok(Err(error.to_string()));
    }
    let id = alert.alert_id.to_string();
    let Some(held) = sql::alert(tx, &id)? else {
        sql::insert_alert(tx, &row_of(vault, alert, Some(peer), 0))?;
        return Ok(Ok(()));
    };
    if held.issuer.as_deref() != Some(peer) {
        let issuer = held.issuer.as_deref().unwrap_or("this node");
        return Ok(Err(format!(
            "alert {id} was issued by {issuer}; only its issuer may update or cancel it"
        )));
    }
    if !supersedes(alert.revision, Some(held.revision)) {
        return Ok(Ok(()));
    }
    sql::revise_alert(tx, &row_of(vault, alert, Some(peer), held.pk))?;
    let detail = format!("alert {id} revision {}: {}", alert.revision, action(alert));
    audit::record(tx, vault, Event::AlertChanged.about(peer).detail(&detail))?;
    Ok(Ok(()))
}

/// Records a partner's acknowledgement of one of our alerts; `Err` with the reason to
/// reject it (not our alert, not sent to that partner, or a revision never issued).
pub(crate) fn apply_ack(
    tx: &rusqlite::Connection,
    vault: &Vault,
    peer: &str,
    ack: &AlertAck,
) -> Result<Result<(), String>, StoreError> {
    let id = ack.alert_id.to_string();
    let held = sql::alert(tx, &id)?.filter(|row| row.issuer.is_none());
    let Some(held) = held else {
        return Ok(Err(format!("this node issued no alert {id}")));
    };
    if ack.revision == 0 || ack.revision > held.revision {
        return Ok(Err(format!(
            "alert {id} has no revision {} to acknowledge",
            ack.revision
        )));
    }
    if !sql::record_ack(tx, held.pk, peer, ack.revision, &sqlite::now())? {
        return Ok(Err(format!("alert {id} was not sent to this partner")));
    }
    let detail = format!("alert {id} revision {}: acknowledged", ack.revision);
    audit::record(tx, vault, Event::AlertChanged.about(peer).detail(&detail))?;
    Ok(Ok(()))
}
