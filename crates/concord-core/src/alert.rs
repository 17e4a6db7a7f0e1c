//! Alerts: notices that one node broadcasts to every partner allowed to receive them — a
//! missing person, a wanted suspect, a recruitment scheme or a route seen in the field —
//! which expire, can be updated or cancelled by their issuer, and are acknowledged.
//!
//! An alert changes only by revisions: its issuer sends the whole alert again with a
//! higher revision number, and a node keeps the highest revision it has seen
//! ([`supersedes`]). Messages may arrive twice, late or out of order (a bundle carried by
//! hand can overtake a push over HTTP), and this rule makes every order end in the same
//! state. Whether an alert is in force is computed from the record and the time of
//! reading ([`AlertStatus::of`]), so no background job has to expire anything.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::picklist::{picklist, Picklist};

/// The longest an alert may stay in force, counted from its issue or its last update: a
/// stale alert that nobody renews should not keep officers looking for a person found
/// long ago.
pub const MAX_ALERT_DAYS: i64 = 90;

picklist! {
    /// What an alert is about.
    AlertType, "alert type" {
        MissingPerson => "Missing person";
        WantedSuspect => "Wanted suspect";
        RecruitmentScheme => "Recruitment scheme";
        RouteSeen => "Route seen in the field";
    }
}

picklist! {
    /// Whether an alert is in force, as computed when it is read.
    AlertStatus, "alert status" {
        Active => "Active";
        Expired => "Expired";
        Cancelled => "Cancelled";
    }
}

impl AlertStatus {
    /// The status of an alert that expires at `expires_at`, at time `now`. A cancellation
    /// wins over expiry: it says more about why the alert no longer holds.
    pub fn of(cancelled: bool, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> AlertStatus {
        if cancelled {
            AlertStatus::Cancelled
        } else if expires_at <= now {
            AlertStatus::Expired
        } else {
            AlertStatus::Active
        }
    }
}

/// Something refused about an alert.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlertError {
    /// An expiry that is not a time.
    #[error(
        "expires_at: `{0}` is not a time; expected RFC 3339 (2026-12-15T18:00:00+02:00), a date and time \
         in UTC (2026-12-15 18:00) or a date (2026-12-15: until the end of that day, UTC)"
    )]
    BadExpiry(String),
    /// An expiry that is not in the future.
    #[error("expires_at ({expires_at}) is not in the future; expected a time after {now}")]
    ExpiryPast {
        /// The expiry given.
        expires_at: DateTime<Utc>,
        /// The time of issue.
        now: DateTime<Utc>,
    },
    /// An expiry too far ahead.
    #[error("expires_at ({expires_at}) is more than {MAX_ALERT_DAYS} days ahead; expected {latest} at the latest (renew the alert by updating it)")]
    ExpiryTooFar {
        /// The expiry given.
        expires_at: DateTime<Utc>,
        /// The latest accepted.
        latest: DateTime<Utc>,
    },
    /// Acknowledging, updating or cancelling an alert no longer in force.
    #[error("alert {alert_id} is {status}, so it cannot be {done}", status = .status.label().to_lowercase())]
    NotActive {
        /// The alert.
        alert_id: String,
        /// Where it stands.
        status: AlertStatus,
        /// What was tried, as done to the alert ("acknowledged").
        done: &'static str,
    },
}

/// Reads an expiry as people and forms write it: RFC 3339 with its offset; a date and
/// time without one (`2026-12-15T18:00`, `2026-12-15 18:00`, as a browser's date-time
/// field sends it), taken as UTC so that every node reads the same instant; or a date,
/// meaning until the end of that day in UTC.
pub fn parse_expiry(text: &str) -> Result<DateTime<Utc>, AlertError> {
    let text = text.trim();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(time) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(time.and_utc());
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.succ_opt())
        .map(|next| next.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc())
        .ok_or_else(|| AlertError::BadExpiry(text.to_string()))
}

/// Checks that an alert issued or updated at `now` expires in the future and within
/// [`MAX_ALERT_DAYS`].
pub fn check_expiry(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), AlertError> {
    if expires_at <= now {
        return Err(AlertError::ExpiryPast { expires_at, now });
    }
    let latest = now + Duration::days(MAX_ALERT_DAYS);
    if expires_at > latest {
        return Err(AlertError::ExpiryTooFar { expires_at, latest });
    }
    Ok(())
}

/// Whether an incoming revision replaces the one held (`None`: none held yet). An equal
/// or lower revision is a replay or arrived late, and changes nothing.
pub fn supersedes(incoming: u32, held: Option<u32>) -> bool {
    held.is_none_or(|held| incoming > held)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn an_expiry_must_be_ahead_and_within_ninety_days() {
        let now = at("2026-06-30T12:00:00Z");
        assert_eq!(check_expiry(at("2026-07-01T00:00:00Z"), now), Ok(()));
        assert_eq!(check_expiry(at("2026-09-28T12:00:00Z"), now), Ok(()), "exactly 90 days");
        let past = check_expiry(at("2026-06-30T12:00:00Z"), now).unwrap_err();
        assert!(matches!(past, AlertError::ExpiryPast { .. }), "{past}");
        assert!(past
            .to_string()
            .starts_with("expires_at (2026-06-30 12:00:00 UTC) is not in the future"));
        let far = check_expiry(at("2026-09-28T12:00:01Z"), now).unwrap_err();
        assert!(far.to_string().contains("more than 90 days ahead"), "{far}");
    }

    #[test]
    fn expiries_are_read_as_people_and_forms_write_them() {
        for (text, expected) in [
            ("2026-12-15T18:00:00+02:00", "2026-12-15T16:00:00Z"),
            ("2026-12-15T16:00:00Z", "2026-12-15T16:00:00Z"),
            ("2026-12-15T16:00", "2026-12-15T16:00:00Z"),
            (" 2026-12-15 16:00 ", "2026-12-15T16:00:00Z"),
            ("2026-12-15", "2026-12-16T00:00:00Z"),
        ] {
            assert_eq!(parse_expiry(text), Ok(at(expected)), "{text}");
        }
        for bad in ["", "tomorrow", "15/12/2026", "2026-02-30"] {
            let error = parse_expiry(bad).unwrap_err();
            assert!(error.to_string().starts_with("expires_at: `"), "{error}");
        }
    }

    #[test]
    fn a_cancelled_alert_is_cancelled_even_after_it_expired() {
        let (expires, now) = (at("2026-07-01T00:00:00Z"), at("2026-06-30T00:00:00Z"));
        assert_eq!(AlertStatus::of(false, expires, now), AlertStatus::Active);
        assert_eq!(AlertStatus::of(false, expires, expires), AlertStatus::Expired);
        assert_eq!(AlertStatus::of(true, expires, now), AlertStatus::Cancelled);
        assert_eq!(AlertStatus::of(true, expires, expires), AlertStatus::Cancelled);
        let refused = AlertError::NotActive {
            alert_id: "A-1".into(),
            status: AlertStatus::Expired,
            done: "acknowledged",
        };
        assert_eq!(
            refused.to_string(),
            "alert A-1 is expired, so it cannot be acknowledged"
        );
    }

    proptest! {
        /// However the revisions of an alert arrive — in any order, any number of times —
        /// the node ends up holding the highest, and applies each revision at most once.
        #[test]
        fn the_highest_revision_wins_whatever_the_order(arrivals in proptest::collection::vec(1u32..20, 1..40)) {
            let mut held = None;
            let mut applied = Vec::new();
            for revision in &arrivals {
                if supersedes(*revision, held) {
                    held = Some(*revision);
                    applied.push(*revision);
                }
            }
            prop_assert_eq!(held, arrivals.iter().max().copied());
            prop_assert!(applied.windows(2).all(|w| w[0] < w[1]), "applied {:?}", applied);
        }

        /// An expiry is accepted exactly when it lies in (now, now + 90 days].
        #[test]
        fn expiry_is_accepted_only_inside_the_window(offset_s in -10_000_000i64..10_000_000) {
            let now = at("2026-06-30T12:00:00Z");
            let accepted = check_expiry(now + Duration::seconds(offset_s), now).is_ok();
            prop_assert_eq!(accepted, offset_s > 0 && offset_s <= MAX_ALERT_DAYS * 86_400);
        }
    }
}
