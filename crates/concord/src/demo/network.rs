//! Joining the demo's nodes into a network, in one process: cards and agreements, the
//! linkage key, a first round of encodings and hits carried between them by bundle (so
//! that the hits are there when the demo starts), and one request for assistance.

use anyhow::Context;
use chrono::Days;
use concord_core::alert::AlertType;
use concord_core::assistance::{LegalBasis, RequestType, Urgency};
use concord_core::PersonId;
use concord_exchange::Category;
use concord_node::exchange::{Agreement, ExchangeError, HitStatus, NewAlert, NewRequest, Via};

use super::nodes::{Node, COORDINATOR};

/// Rounds of sync, comparison and carrying after which the network must be quiet: the
/// key reaches the members, then their encodings go out, then the hits found come back.
const MAX_ROUNDS: usize = 8;

/// Gives each node the endpoint `urls[i]` and, where that is new, its card to the other
/// nodes (a partner keeps its agreement when it learns a node's new card).
pub fn publish_cards(nodes: &mut [Node; 3], urls: &[String; 3]) -> anyhow::Result<()> {
    for i in 0..nodes.len() {
        if nodes[i].store.endpoint()?.as_deref() == Some(urls[i].as_str()) {
            continue;
        }
        nodes[i].store.set_endpoint(Some(&urls[i]))?;
        let (card, id) = (nodes[i].store.card()?, nodes[i].store.node_id());
        for other in (0..nodes.len()).filter(|&j| j != i) {
            nodes[other].store.add_peer(&card, &id)?;
        }
    }
    Ok(())
}

/// Agreements that allow everything both ways between every two nodes, and the linkage
/// key made by the coordinator and accepted by the others.
pub fn agree(nodes: &mut [Node; 3]) -> anyhow::Result<()> {
    let everything = Agreement {
        send: Category::ALL.iter().copied().collect(),
        receive: Category::ALL.iter().copied().collect(),
    };
    let ids: Vec<_> = nodes.iter().map(|n| n.store.node_id()).collect();
    for node in nodes.iter_mut() {
        let this = node.store.node_id();
        for id in ids.iter().filter(|&&id| id != this) {
            node.store.set_agreement(id, &everything)?;
        }
    }
    nodes[COORDINATOR].store.create_linkage_key(None)?;
    for node in nodes.iter_mut() {
        node.store.set_linkage_coordinator(&ids[COORDINATOR])?;
    }
    Ok(())
}

/// Brings the linkage up to date on every node and carries what they send each other,
/// until nothing is left to carry.
pub fn settle(nodes: &mut [Node; 3]) -> anyhow::Result<()> {
    for _ in 0..MAX_ROUNDS {
        for node in nodes.iter_mut() {
            node.store.sync_linkage()?;
            node.store.find_hits()?;
        }
        if carry_all(nodes)? == 0 {
            return Ok(());
        }
    }
    anyhow::bail!("the demo network did not settle in {MAX_ROUNDS} rounds")
}

/// Carries every pending message between every two nodes, and the receipts back; how
/// many messages went.
pub fn carry_all(nodes: &mut [Node; 3]) -> anyhow::Result<usize> {
    let mut carried = 0;
    for from in 0..nodes.len() {
        for to in (0..nodes.len()).filter(|&to| to != from) {
            carried += carry(nodes, from, to)?;
        }
    }
    Ok(carried)
}

fn carry(nodes: &mut [Node; 3], from: usize, to: usize) -> anyhow::Result<usize> {
    let recipient = nodes[to].store.node_id();
    let bundle = match nodes[from].store.export_bundle(&recipient) {
        Ok(bundle) => bundle,
        Err(ExchangeError::NothingPending(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let received = nodes[to].store.receive_bundle(&bundle.bytes, Via::Bundle)?;
    if let Some(back) = &received.return_bundle {
        nodes[from].store.receive_bundle(back, Via::Bundle)?;
    }
    Ok(bundle.messages.len())
}

/// The first node's liaison officer confirms its best hit with the coordinator and asks
/// it to locate the person; the request is carried at once. It is about the hit and the
/// case of the police unit's person, and names neither person.
pub fn open_request(nodes: &mut [Node; 3]) -> anyhow::Result<()> {
    let mission = nodes[COORDINATOR].store.node_id();
    let best = nodes[0]
        .store
        .hits(None, super::ALL)?
        .into_iter()
        .filter(|h| h.peer == mission)
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .context("the demo found no hit between the police unit and the mission to open a request about")?;
    nodes[0].store.review_hit(best.id, HitStatus::Confirmed, "liaison")?;
    let person: PersonId = best.person_id.parse().context("a hit's person ID")?;
    let case = nodes[0].store.get_person(&person)?.map(|(case, _)| case);
    let request = NewRequest {
        request_type: RequestType::LocatePerson,
        legal_basis: LegalBasis::TraffickingProtocol,
        urgency: Urgency::Urgent,
        deadline: chrono::Local::now().date_naive().checked_add_days(Days::new(14)),
        about_hit: Some(best.id),
        about_case: case,
        subject: format!("Hit {} with your reference {}", best.id, best.partner_reference),
        details: format!(
            "A person reported in our case files matches your record {} (score {:.2}). Please tell us \
             whether the person is in your care and how we can reach them safely.",
            best.partner_reference, best.score
        ),
    };
    nodes[0].store.send_request(&mission, &request)?;
    carry_all(nodes)?;
    Ok(())
}

/// The mission warns its partners of a recruitment scheme its teams met in the field.
pub fn raise_alert(nodes: &mut [Node; 3]) -> anyhow::Result<()> {
    let alert = NewAlert {
        alert_type: AlertType::RecruitmentScheme,
        subject: "Fake agency offering factory work abroad".into(),
        details: "Recruiters at the camp promise factory jobs abroad with travel paid in advance; \
                  the debt is then used to hold the workers."
            .into(),
        expires_at: chrono::Utc::now() + chrono::Duration::days(30),
        area: Some("Port Sudan camps".into()),
    };
    nodes[COORDINATOR].store.issue_alert(&alert)?;
    carry_all(nodes)?;
    Ok(())
}
