//! SQL of hit/no-hit matching: linkage keys, encodings both ways, and hits.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::StoreError;

/// A linkage key as stored (the key itself sealed).
pub(crate) struct KeyRow {
    pub epoch: u32,
    pub key: Vec<u8>,
    pub schema: String,
    pub key_check: String,
    pub issued_by: String,
    pub received_at: String,
}

/// The partner (or this node) whose linkage keys this node accepts.
pub(crate) fn coordinator(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT node_id FROM linkage_coordinator WHERE id = 1", [], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set_coordinator(conn: &Connection, node_id: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO linkage_coordinator (id, node_id) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET node_id = excluded.node_id",
        [node_id],
    )?;
    Ok(())
}

/// The key of the highest epoch held: the current one.
pub(crate) fn current_key(conn: &Connection) -> Result<Option<KeyRow>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT epoch, key, schema, key_check, issued_by, received_at FROM linkage_keys
             ORDER BY epoch DESC LIMIT 1",
            [],
            |r| {
                Ok(KeyRow {
                    epoch: r.get(0)?,
                    key: r.get(1)?,
                    schema: r.get(2)?,
                    key_check: r.get(3)?,
                    issued_by: r.get(4)?,
                    received_at: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Stores the key of a new epoch and retires everything of the older ones: this node's
/// encodings and what it sent (references change with the epoch), and the partners'
/// encodings; every person is to be encoded again.
pub(crate) fn insert_key(conn: &Connection, row: &KeyRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO linkage_keys (epoch, key, schema, key_check, issued_by, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            row.epoch,
            row.key,
            row.schema,
            row.key_check,
            row.issued_by,
            row.received_at
        ],
    )?;
    conn.execute("DELETE FROM own_encodings WHERE epoch < ?1", [row.epoch])?;
    conn.execute("DELETE FROM encodings_sent", [])?;
    conn.execute("DELETE FROM partner_encodings WHERE epoch < ?1", [row.epoch])?;
    conn.execute(
        "INSERT OR IGNORE INTO linkage_pending (person_id) SELECT person_id FROM persons",
        [],
    )?;
    Ok(())
}

/// Whether `peer` was sent the key of `epoch`.
pub(crate) fn granted(conn: &Connection, peer: &str, epoch: u32) -> Result<bool, StoreError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM linkage_key_grants WHERE peer = ?1 AND epoch = ?2",
            params![peer, epoch],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub(crate) fn insert_grant(conn: &Connection, peer: &str, epoch: u32, at: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO linkage_key_grants (peer, epoch, sent_at) VALUES (?1, ?2, ?3)",
        params![peer, epoch, at],
    )?;
    Ok(())
}

/// Whether an encoding, a partner or an agreement changed since the partners were last
/// sent what they are owed.
pub(crate) fn encodings_changed(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT changed FROM linkage_outgoing WHERE id = 1", [], |r| r.get(0))?)
}

/// The partners were sent what they are owed.
pub(crate) fn encodings_sent_out(conn: &Connection) -> Result<(), StoreError> {
    conn.execute("UPDATE linkage_outgoing SET changed = 0 WHERE id = 1", [])?;
    Ok(())
}

/// Persons no longer waiting to be encoded.
pub(crate) fn clear_pending(conn: &Connection, person_ids: &[String]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM linkage_pending WHERE person_id = ?1")?;
    for id in person_ids {
        stmt.execute([id])?;
    }
    Ok(())
}

/// Persons waiting to be encoded.
pub(crate) fn count_pending(conn: &Connection) -> Result<u64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM linkage_pending", [], |r| count(r, 0))?)
}

/// A person's encoding: (reference, digest), if it has one.
pub(crate) fn own_encoding(conn: &Connection, person_id: &str) -> Result<Option<(String, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT reference, digest FROM own_encodings WHERE person_id = ?1")?;
    Ok(stmt.query_row([person_id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

/// This node's encoding of one person.
pub(crate) struct OwnRow {
    pub person_id: String,
    pub epoch: u32,
    pub reference: String,
    pub filter: Vec<u8>,
    pub digest: Vec<u8>,
}

/// Writes a new or changed encoding, to be compared again.
pub(crate) fn upsert_own(conn: &Connection, row: &OwnRow) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO own_encodings (person_id, epoch, reference, filter, digest, matched)
         VALUES (?1, ?2, ?3, ?4, ?5, 0)
         ON CONFLICT (person_id) DO UPDATE SET
             epoch = excluded.epoch, filter = excluded.filter, digest = excluded.digest, matched = 0",
    )?;
    stmt.execute(params![row.person_id, row.epoch, row.reference, row.filter, row.digest])?;
    Ok(())
}

pub(crate) fn delete_own(conn: &Connection, person_id: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM own_encodings WHERE person_id = ?1")?
        .execute([person_id])?;
    Ok(())
}

/// The person an own reference stands for.
pub(crate) fn person_of_reference(conn: &Connection, reference: &str) -> Result<Option<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT person_id FROM own_encodings WHERE reference = ?1")?;
    Ok(stmt.query_row([reference], |r| r.get(0)).optional()?)
}

/// Up to `limit` of this node's encodings that `peer` has not been sent as they are now.
pub(crate) fn owed_to(conn: &Connection, peer: &str, limit: usize) -> Result<Vec<OwnRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.person_id, o.epoch, o.reference, o.filter, o.digest FROM own_encodings o
         LEFT JOIN encodings_sent s ON s.peer = ?1 AND s.reference = o.reference
         WHERE s.digest IS NULL OR s.digest <> o.digest LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![peer, limit as i64], own_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn own_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OwnRow> {
    Ok(OwnRow {
        person_id: r.get(0)?,
        epoch: r.get(1)?,
        reference: r.get(2)?,
        filter: r.get(3)?,
        digest: r.get(4)?,
    })
}

/// References sent to `peer` whose persons are no longer shared.
pub(crate) fn withdrawn_from(conn: &Connection, peer: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.reference FROM encodings_sent s
         WHERE s.peer = ?1 AND NOT EXISTS (SELECT 1 FROM own_encodings o WHERE o.reference = s.reference)
         ORDER BY s.reference",
    )?;
    let rows = stmt.query_map([peer], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn mark_sent(conn: &Connection, peer: &str, reference: &str, digest: &[u8]) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO encodings_sent (peer, reference, digest) VALUES (?1, ?2, ?3)
         ON CONFLICT (peer, reference) DO UPDATE SET digest = excluded.digest",
    )?
    .execute(params![peer, reference, digest])?;
    Ok(())
}

pub(crate) fn unmark_sent(conn: &Connection, peer: &str, reference: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM encodings_sent WHERE peer = ?1 AND reference = ?2")?
        .execute(params![peer, reference])?;
    Ok(())
}

/// Stores a partner's encoding (replacing one under the same reference), to be compared.
pub(crate) fn upsert_partner(
    conn: &Connection,
    peer: &str,
    reference: &str,
    epoch: u32,
    filter: &[u8],
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO partner_encodings (peer, reference, epoch, filter, matched) VALUES (?1, ?2, ?3, ?4, 0)
         ON CONFLICT (peer, reference) DO UPDATE SET epoch = excluded.epoch, filter = excluded.filter, matched = 0",
    )?
    .execute(params![peer, reference, epoch, filter])?;
    Ok(())
}

pub(crate) fn delete_partner(conn: &Connection, peer: &str, reference: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM partner_encodings WHERE peer = ?1 AND reference = ?2")?
        .execute(params![peer, reference])?;
    Ok(())
}

/// Encodings of either side of `epoch` to compare: (owner — a person ID or a partner —,
/// reference, sealed filter, whether compared before).
pub(crate) struct Stored {
    pub owner: String,
    pub reference: String,
    pub filter: Vec<u8>,
    pub matched: bool,
}

/// This node's encodings of `epoch`.
pub(crate) fn own_of_epoch(conn: &Connection, epoch: u32) -> Result<Vec<Stored>, StoreError> {
    stored(
        conn,
        "SELECT person_id, reference, filter, matched FROM own_encodings WHERE epoch = ?1",
        epoch,
    )
}

/// The partners' encodings of `epoch`.
pub(crate) fn partners_of_epoch(conn: &Connection, epoch: u32) -> Result<Vec<Stored>, StoreError> {
    stored(
        conn,
        "SELECT peer, reference, filter, matched FROM partner_encodings WHERE epoch = ?1",
        epoch,
    )
}

fn stored(conn: &Connection, sql: &str, epoch: u32) -> Result<Vec<Stored>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([epoch], |r| {
        Ok(Stored {
            owner: r.get(0)?,
            reference: r.get(1)?,
            filter: r.get(2)?,
            matched: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether anything of `epoch` waits to be compared.
pub(crate) fn unmatched(conn: &Connection, epoch: u32) -> Result<bool, StoreError> {
    let query = "SELECT EXISTS (SELECT 1 FROM own_encodings WHERE matched = 0 AND epoch = ?1)
                 OR EXISTS (SELECT 1 FROM partner_encodings WHERE matched = 0 AND epoch = ?1)";
    Ok(conn.query_row(query, [epoch], |r| r.get(0))?)
}

/// These encodings of this node (person, reference, sealed filter) and of partners
/// (partner, reference, sealed filter) are now compared: each is marked only if it is
/// still the one compared (a replaced encoding was sealed anew), so that an encoding
/// that changed meanwhile stays to be compared.
pub(crate) fn mark_matched(
    conn: &Connection,
    own: &[(String, String, Vec<u8>)],
    partners: &[(String, String, Vec<u8>)],
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("UPDATE own_encodings SET matched = 1 WHERE person_id = ?1 AND filter = ?2")?;
    for (person_id, _, filter) in own {
        stmt.execute(params![person_id, filter])?;
    }
    let mut stmt = conn.prepare_cached(
        "UPDATE partner_encodings SET matched = 1 WHERE peer = ?1 AND reference = ?2 AND filter = ?3",
    )?;
    for (peer, reference, filter) in partners {
        stmt.execute(params![peer, reference, filter])?;
    }
    Ok(())
}

/// The match weights last estimated for `epoch`, with the number of partner encodings
/// they were estimated on.
pub(crate) fn weights(conn: &Connection, epoch: u32) -> Result<Option<(String, u64)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT weights, partner_encodings FROM linkage_weights WHERE epoch = ?1",
            [epoch],
            |r| Ok((r.get(0)?, count(r, 1)?)),
        )
        .optional()?)
}

pub(crate) fn set_weights(
    conn: &Connection,
    epoch: u32,
    weights: &str,
    partners: u64,
    at: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO linkage_weights (epoch, weights, partner_encodings, estimated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (epoch) DO UPDATE SET weights = excluded.weights,
             partner_encodings = excluded.partner_encodings, estimated_at = excluded.estimated_at",
        params![epoch, weights, partners as i64, at],
    )?;
    Ok(())
}

/// (own encodings, partners' encodings) held, of any epoch.
pub(crate) fn counts(conn: &Connection) -> Result<(u64, u64), StoreError> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM own_encodings), (SELECT count(*) FROM partner_encodings)",
        [],
        |r| Ok((count(r, 0)?, count(r, 1)?)),
    )?)
}

/// A hit as stored.
pub(crate) struct HitRow {
    pub id: i64,
    pub peer: String,
    pub epoch: u32,
    pub person_id: String,
    pub own_reference: String,
    pub partner_reference: String,
    pub score: f64,
    pub found_by: String,
    pub status: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub created_at: String,
}

/// Records a hit unless the pair is already one; whether it is new.
pub(crate) fn insert_hit(conn: &Connection, row: &HitRow) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO hits
             (peer, epoch, person_id, own_reference, partner_reference, score, found_by, status, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'new', ?8)",
    )?;
    Ok(stmt.execute(params![
        row.peer,
        row.epoch,
        row.person_id,
        row.own_reference,
        row.partner_reference,
        row.score,
        row.found_by,
        row.created_at
    ])? > 0)
}

/// Whether this pair is already a hit.
pub(crate) fn hit_exists(conn: &Connection, peer: &str, own: &str, partner: &str) -> Result<bool, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT 1 FROM hits WHERE peer = ?1 AND own_reference = ?2 AND partner_reference = ?3")?;
    Ok(stmt
        .query_row(params![peer, own, partner], |_| Ok(()))
        .optional()?
        .is_some())
}

const HIT_COLUMNS: &str = "pk, peer, epoch, person_id, own_reference, partner_reference, score, found_by, status, \
                           reviewed_by, reviewed_at, created_at";

fn hit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HitRow> {
    Ok(HitRow {
        id: r.get(0)?,
        peer: r.get(1)?,
        epoch: r.get(2)?,
        person_id: r.get(3)?,
        own_reference: r.get(4)?,
        partner_reference: r.get(5)?,
        score: r.get(6)?,
        found_by: r.get(7)?,
        status: r.get(8)?,
        reviewed_by: r.get(9)?,
        reviewed_at: r.get(10)?,
        created_at: r.get(11)?,
    })
}

/// The newest `limit` hits, optionally of one status.
pub(crate) fn list_hits(conn: &Connection, status: Option<&str>, limit: usize) -> Result<Vec<HitRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {HIT_COLUMNS} FROM hits WHERE ?1 IS NULL OR status = ?1 ORDER BY pk DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![status, limit as i64], hit_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn hit(conn: &Connection, id: i64) -> Result<Option<HitRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {HIT_COLUMNS} FROM hits WHERE pk = ?1"))?;
    Ok(stmt.query_row([id], hit_row).optional()?)
}

pub(crate) fn review_hit(conn: &Connection, id: i64, status: &str, actor: &str, at: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE hits SET status = ?2, reviewed_by = ?3, reviewed_at = ?4 WHERE pk = ?1",
        params![id, status, actor, at],
    )?;
    Ok(())
}

/// Hits by status: (new, confirmed, rejected).
pub(crate) fn hit_counts(conn: &Connection) -> Result<(u64, u64, u64), StoreError> {
    Ok(conn.query_row(
        "SELECT count(*) FILTER (WHERE status = 'new'), count(*) FILTER (WHERE status = 'confirmed'),
                count(*) FILTER (WHERE status = 'rejected') FROM hits",
        [],
        |r| Ok((count(r, 0)?, count(r, 1)?, count(r, 2)?)),
    )?)
}

fn count(r: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(column)?.max(0) as u64)
}
