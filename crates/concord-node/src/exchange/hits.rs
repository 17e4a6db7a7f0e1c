//! Hits: pairs of one of this node's persons and a partner's encoding that are likely
//! one person, found by comparing encodings and reviewed by liaison officers.
//!
//! [`Store::find_hits`] compares what is new since the last comparison: partners'
//! encodings that arrived against every person of this node, and this node's new or
//! changed persons against every partner encoding held. Every pair scoring at least
//! [`HIT_THRESHOLD`] is recorded, and a notice with the two references and the score goes
//! back to the partner, so that both sides see the hit even where only one side may
//! receive encodings. Which person a reference stands for never leaves its node.
//!
//! Pairs are scored by the probability of a match under the Fellegi–Sunter weights
//! shipped with Concord — what each level of agreement is worth — with the share of
//! matches among candidates (the prior) estimated anew from the node's own comparison:
//! every partner encoding it holds against all its persons. That share falls as lists
//! grow (a million persons hold many namesakes), and a prior fixed once would give a
//! namesake at scale the probability it had among a few hundred. The node keeps the
//! weights and estimates again only when the partner encodings held have doubled, so a
//! few new encodings are scored like the many they join.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use concord_exchange::payload::{HitNotice, Hits, MAX_LINKAGE_ITEMS};
use concord_exchange::{Category, Handling, NodeId};
use concord_link::blocking::Blocking;
use concord_link::filter::FilterSet;
use concord_link::matching::{Matcher, Scoring};
use concord_link::weights::MatchWeights;
use serde::Serialize;

use super::linkage::{CurrentKey, Side};
use super::message::Message;
use super::{stored_node_id, ExchangeError};
use crate::audit::{self, Event};
use crate::store::sqlite::{self, linkage as sql};
use crate::vault::Vault;
use crate::{Store, StoreError};

/// The score at or above which a pair is a hit: the two encodings are more likely one
/// person than two. The probability is calibrated to the lists compared (module
/// documentation), so this means the same at every size; the figures per threshold and
/// list size are in `docs/linkage.md`.
pub const HIT_THRESHOLD: f32 = 0.5;

/// Comparisons above which a comparison is blocked rather than exhaustive: exhaustive
/// finds every pair but costs n × m; at this size it takes about a tenth of a second.
const EXHAUSTIVE_COMPARISONS: u64 = 50_000_000;

/// How a hit was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HitStatus {
    /// Not yet reviewed.
    New,
    /// Confirmed for follow-up (e.g. a request for assistance).
    Confirmed,
    /// Rejected as a different person.
    Rejected,
}

impl HitStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Confirmed => "confirmed",
            Self::Rejected => "rejected",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Self::New, Self::Confirmed, Self::Rejected]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// Which side found a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FoundBy {
    /// This node, comparing a partner's encodings with its persons.
    ThisNode,
    /// The partner, comparing this node's encodings with its persons.
    Partner,
}

/// A hit as this node sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The hit's number on this node.
    pub id: i64,
    /// The partner holding the other record.
    pub peer: NodeId,
    /// The key epoch of the encodings compared.
    pub epoch: u32,
    /// This node's person.
    pub person_id: String,
    /// The reference this node sent for that person.
    pub own_reference: String,
    /// The partner's reference for its record.
    pub partner_reference: String,
    /// The probability that both are one person.
    pub score: f64,
    /// Who found it.
    pub found_by: FoundBy,
    /// Where the review stands.
    pub status: HitStatus,
    /// Who reviewed it.
    pub reviewed_by: Option<String>,
    /// When (RFC 3339).
    pub reviewed_at: Option<String>,
    /// When it was recorded (RFC 3339).
    pub created_at: String,
}

/// What one [`Store::find_hits`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HitReport {
    /// Pairs of filters compared.
    pub comparisons: u64,
    /// Hits recorded that were not known before.
    pub new_hits: usize,
    /// Hits told to partners.
    pub notices_sent: usize,
    /// Where the time went (not part of the report's JSON).
    #[serde(skip)]
    pub stages: HitStages,
}

/// Where the time of one [`Store::find_hits`] went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HitStages {
    /// Reading both sides' encodings and unsealing their filters.
    pub load: Duration,
    /// Estimating the share of matches among the candidates (only when the partner
    /// encodings held have doubled since the last estimate).
    pub estimate: Duration,
    /// Finding the candidates and scoring them.
    pub compare: Duration,
    /// Recording the hits and queuing the notices.
    pub record: Duration,
    /// Marking everything compared.
    pub mark: Duration,
}

/// A pair found: (partner, partner's reference, person ID, own reference, score).
struct Found {
    peer: String,
    partner_reference: String,
    person_id: String,
    own_reference: String,
    score: f32,
}

/// A comparison taken from the store, to run away from it ([`HitSearch::run`]): a
/// server goes on answering while a large comparison takes its seconds.
pub struct HitSearch {
    current: CurrentKey,
    own: Side,
    partners: Side,
    /// Weights to score with, or `None` to estimate them from this comparison first.
    weights: Option<MatchWeights>,
    load: Duration,
}

/// What [`HitSearch::run`] found, for [`Store::record_hits_found`].
pub struct HitsFound {
    current: CurrentKey,
    found: Vec<Found>,
    own_done: Vec<(String, String, Vec<u8>)>,
    partners_done: Vec<(String, String, Vec<u8>)>,
    /// Weights estimated by this comparison, to keep: with the partner encodings held.
    estimated: Option<(MatchWeights, u64)>,
    comparisons: u64,
    stages: HitStages,
}

/// Partner encodings held since the weights were last estimated, as a multiple of those
/// they were estimated on, at which they are estimated again.
const REESTIMATE_GROWTH: u64 = 2;

impl Store {
    /// Compares the encodings new since the last comparison, records the hits and tells
    /// the partners: see the module documentation. The three steps, [`Store::hit_search`],
    /// [`HitSearch::run`] and [`Store::record_hits_found`], can also run apart.
    pub fn find_hits(&mut self) -> Result<HitReport, ExchangeError> {
        match self.hit_search()? {
            Some(search) => self.record_hits_found(search.run()),
            None => Ok(HitReport::default()),
        }
    }

    /// Both sides' encodings of the current epoch, if any is new since the last
    /// comparison, and the weights to score them with.
    pub fn hit_search(&self) -> Result<Option<HitSearch>, StoreError> {
        let Some(current) = self.current_key()? else {
            return Ok(None);
        };
        if !sql::unmatched(&self.conn, current.epoch)? {
            return Ok(None);
        }
        let started = Instant::now();
        let [own, partners] = self.encodings_to_match(&current)?;
        let held = partners.filters.len() as u64;
        let weights = match sql::weights(&self.conn, current.epoch)? {
            Some((text, on)) if held < on.max(1) * REESTIMATE_GROWTH => MatchWeights::from_toml(&text).ok(),
            _ => None,
        };
        Ok(Some(HitSearch {
            current,
            own,
            partners,
            weights,
            load: started.elapsed(),
        }))
    }

    /// Records what a search found: the hits, each partner told, everything compared
    /// marked so, and the weights estimated kept.
    pub fn record_hits_found(&mut self, found: HitsFound) -> Result<HitReport, ExchangeError> {
        let mut report = HitReport {
            comparisons: found.comparisons,
            stages: found.stages,
            ..HitReport::default()
        };
        let started = Instant::now();
        let mut by_peer: BTreeMap<String, Vec<Found>> = BTreeMap::new();
        for pair in found.found {
            by_peer.entry(pair.peer.clone()).or_default().push(pair);
        }
        for (peer, pairs) in by_peer {
            self.record_hits(&found.current, &peer, &pairs, &mut report)?;
        }
        report.stages.record = started.elapsed();
        let started = Instant::now();
        let epoch = found.current.epoch;
        self.transaction(|tx, _| {
            if let Some((weights, on)) = &found.estimated {
                sql::set_weights(tx, epoch, &weights.to_toml(), *on, &sqlite::now())?;
            }
            sql::mark_matched(tx, &found.own_done, &found.partners_done)
        })?;
        report.stages.mark = started.elapsed();
        Ok(report)
    }

    /// Records the new hits with one partner and, if the agreement allows, queues the
    /// notice that tells it, in one transaction: a crash cannot leave a hit untold.
    fn record_hits(
        &mut self,
        current: &CurrentKey,
        peer: &str,
        pairs: &[Found],
        report: &mut HitReport,
    ) -> Result<(), ExchangeError> {
        let partner = stored_node_id(peer)?;
        let epoch = current.epoch;
        let mut fresh = Vec::new();
        for pair in pairs {
            if !sql::hit_exists(&self.conn, peer, &pair.own_reference, &pair.partner_reference)? {
                fresh.push(pair);
            }
        }
        if fresh.is_empty() {
            return Ok(());
        }
        let record = |tx: &rusqlite::Connection, vault: &Vault| {
            let at = sqlite::now();
            for pair in &fresh {
                sql::insert_hit(tx, &hit_row(peer, epoch, pair, "this-node", &at))?;
            }
            let detail = format!("{} new hit(s) at epoch {epoch}", fresh.len());
            audit::record(tx, vault, Event::HitsFound.about(peer).detail(&detail))
        };
        let allowed = self.known_peer(&partner)?.agreement.send.contains(&Category::Encodings);
        if allowed {
            let notices: Vec<HitNotice> = fresh
                .iter()
                .map(|pair| HitNotice {
                    your_reference: pair.partner_reference.clone(),
                    my_reference: pair.own_reference.clone(),
                    score: pair.score,
                })
                .collect();
            let messages: Vec<Message> = notices
                .chunks(MAX_LINKAGE_ITEMS)
                .map(|chunk| {
                    Message::Hits(Hits {
                        epoch,
                        hits: chunk.to_vec(),
                    })
                })
                .collect();
            self.send_with(&partner, &messages, Handling::Amber, |tx, vault, _| {
                Ok(record(tx, vault)?)
            })?;
            report.notices_sent += fresh.len();
        } else {
            self.transaction(|tx, vault| record(tx, vault))?;
        }
        report.new_hits += fresh.len();
        Ok(())
    }

    /// The newest `limit` hits, optionally of one status.
    pub fn hits(&self, status: Option<HitStatus>, limit: usize) -> Result<Vec<Hit>, StoreError> {
        sql::list_hits(&self.conn, status.map(HitStatus::as_str), limit)?
            .into_iter()
            .map(hit)
            .collect()
    }

    /// One hit.
    pub fn hit(&self, id: i64) -> Result<Option<Hit>, StoreError> {
        sql::hit(&self.conn, id)?.map(hit).transpose()
    }

    /// Confirms or rejects hit `id` for user `actor`; a hit can be reviewed again (a
    /// confirmed hit may turn out to be a different person after all).
    pub fn review_hit(&mut self, id: i64, status: HitStatus, actor: &str) -> Result<Hit, ExchangeError> {
        if status == HitStatus::New {
            return Err(ExchangeError::InvalidReview);
        }
        let row = sql::hit(&self.conn, id)?.ok_or(ExchangeError::UnknownHit(id))?;
        self.transaction(|tx, vault| {
            sql::review_hit(tx, id, status.as_str(), actor, &sqlite::now())?;
            let detail = format!("hit {id}: {}", status.as_str());
            audit::record(tx, vault, Event::HitReviewed.about(&row.peer).detail(&detail).by(actor))
        })?;
        self.hit(id)?.ok_or(ExchangeError::UnknownHit(id))
    }
}

fn hit_row(peer: &str, epoch: u32, pair: &Found, found_by: &str, at: &str) -> sql::HitRow {
    sql::HitRow {
        id: 0,
        peer: peer.to_string(),
        epoch,
        person_id: pair.person_id.clone(),
        own_reference: pair.own_reference.clone(),
        partner_reference: pair.partner_reference.clone(),
        score: f64::from(pair.score),
        found_by: found_by.to_string(),
        status: HitStatus::New.as_str().to_string(),
        reviewed_by: None,
        reviewed_at: None,
        created_at: at.to_string(),
    }
}

fn hit(row: sql::HitRow) -> Result<Hit, StoreError> {
    let tampered = || StoreError::Tampered(format!("hit {}", row.id));
    Ok(Hit {
        id: row.id,
        peer: stored_node_id(&row.peer)?,
        epoch: row.epoch,
        person_id: row.person_id,
        own_reference: row.own_reference,
        partner_reference: row.partner_reference,
        score: row.score,
        found_by: if row.found_by == "partner" {
            FoundBy::Partner
        } else {
            FoundBy::ThisNode
        },
        status: HitStatus::parse(&row.status).ok_or_else(tampered)?,
        reviewed_by: row.reviewed_by,
        reviewed_at: row.reviewed_at,
        created_at: row.created_at,
    })
}

impl HitSearch {
    /// Every pair at or above the threshold among those not compared before: new
    /// partner encodings against all of this node's, and older partner encodings
    /// against this node's new ones. Needs no store: it may run on another thread.
    pub fn run(self) -> HitsFound {
        let started = Instant::now();
        let HitSearch {
            current,
            own,
            partners,
            weights,
            load,
        } = self;
        let blocking =
            (own.filters.len() as u64 * partners.filters.len() as u64 > EXHAUSTIVE_COMPARISONS).then(Blocking::default);
        let (weights, estimated) = match weights {
            Some(weights) => (weights, None),
            None => {
                let weights = estimate(&current, blocking, &own, &partners);
                (weights.clone(), Some((weights, partners.filters.len() as u64)))
            }
        };
        let estimated_in = started.elapsed();
        let started = Instant::now();
        let matcher = Matcher::new(&current.schema)
            .scoring(Scoring::Given(weights))
            .expect("weights estimated for this schema, or kept from an estimate of it, fit it")
            .blocking(blocking);
        let (fresh_partners, fresh_index) = subset(&partners.filters, &partners.fresh, true);
        let (old_partners, old_index) = subset(&partners.filters, &partners.fresh, false);
        let (fresh_own, fresh_own_index) = subset(&own.filters, &own.fresh, true);
        let mut found = Vec::new();
        let first = matcher.pairs(&fresh_partners, &own.filters, HIT_THRESHOLD);
        for c in &first.pairs {
            found.push(pair(
                &partners,
                fresh_index[c.left as usize],
                &own,
                c.right as usize,
                c.score,
            ));
        }
        let second = matcher.pairs(&old_partners, &fresh_own, HIT_THRESHOLD);
        for c in &second.pairs {
            let o = fresh_own_index[c.right as usize];
            found.push(pair(&partners, old_index[c.left as usize], &own, o, c.score));
        }
        HitsFound {
            current,
            found,
            own_done: own.done,
            partners_done: partners.done,
            estimated,
            comparisons: first.comparisons + second.comparisons,
            stages: HitStages {
                load,
                estimate: estimated_in,
                compare: started.elapsed(),
                ..HitStages::default()
            },
        }
    }
}

/// The weights to score with: the shipped weights' levels, with the share of matches
/// among candidates estimated anew from every partner encoding held against every person
/// of this node (the partners' side sampled, when large). That share falls as lists grow
/// — a million persons hold many namesakes — and the probability a score gives must
/// fall with it. A schema the shipped weights do not fit gets weights estimated whole.
fn estimate(current: &CurrentKey, blocking: Option<Blocking>, own: &Side, partners: &Side) -> MatchWeights {
    let shipped = MatchWeights::default_weights();
    let sets = [&partners.filters, &own.filters];
    let fitted = Matcher::new(&current.schema).scoring(Scoring::Given(shipped.clone()));
    match fitted {
        Ok(matcher) => matcher.blocking(blocking).with_prior(&sets, &shipped),
        Err(_) => Matcher::new(&current.schema)
            .blocking(blocking)
            .estimate(&sets)
            .expect("estimated scoring gives weights"),
    }
}

/// The filters of `set` whose flag is `wanted`, and their indices in `set`.
fn subset(set: &FilterSet, flags: &[bool], wanted: bool) -> (FilterSet, Vec<usize>) {
    let index: Vec<usize> = (0..set.len()).filter(|&i| flags[i] == wanted).collect();
    let mut filters = FilterSet::with_capacity(set.bits(), index.len());
    index.iter().for_each(|&i| filters.push(set.get(i)));
    (filters, index)
}

fn pair(partners: &Side, p: usize, own: &Side, o: usize, score: f32) -> Found {
    let (peer, partner_reference) = partners.labels[p].clone();
    let (person_id, own_reference) = own.labels[o].clone();
    Found {
        peer,
        partner_reference,
        person_id,
        own_reference,
        score,
    }
}

/// Records the hits a partner found and told; `Err` with the reason to reject them.
/// Notices naming a reference this node no longer holds (an older epoch's) are skipped.
pub(crate) fn apply_hits(
    tx: &rusqlite::Connection,
    vault: &Vault,
    sender: &str,
    hits: &Hits,
) -> Result<Result<(), String>, StoreError> {
    let at = sqlite::now();
    let mut recorded = 0;
    for notice in &hits.hits {
        let Some(person_id) = sql::person_of_reference(tx, &notice.your_reference)? else {
            continue;
        };
        let found = Found {
            peer: sender.to_string(),
            partner_reference: notice.my_reference.clone(),
            person_id,
            own_reference: notice.your_reference.clone(),
            score: notice.score,
        };
        if sql::insert_hit(tx, &hit_row(sender, hits.epoch, &found, "partner", &at))? {
            recorded += 1;
        }
    }
    if recorded > 0 {
        let detail = format!("{recorded} new hit(s) told by the partner at epoch {}", hits.epoch);
        audit::record(tx, vault, Event::HitsFound.about(sender).detail(&detail))?;
    }
    Ok(Ok(()))
}
