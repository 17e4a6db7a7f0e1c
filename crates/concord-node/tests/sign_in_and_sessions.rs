//! Signing in: sessions and API tokens kept only as digests, lock-out after repeated
//! failures, sessions ended by sign-out and by a password reset, and every step in the
//! audit trail under the user's name.

use concord_core::Role;
use concord_node::audit::AuditFilter;
use concord_node::sessions::{SignIn, MAX_FAILED_SIGN_INS, TOKEN_PREFIX};
use concord_node::store::DATABASE_FILE;
use concord_node::Store;

mod common;

use common::add_user as add;

fn events(store: &Store, actor: &str) -> Vec<String> {
    let filter = AuditFilter {
        actor: Some(actor.into()),
        ..AuditFilter::default()
    };
    let mut events: Vec<_> = store
        .audit_trail(&filter, 100)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    events.reverse();
    events
}

#[test]
fn a_session_lives_until_sign_out_and_its_secret_is_not_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (user, password) = add(&mut store, "olena", Role::Analyst, None);
    let SignIn::Granted { secret, session } = store.sign_in("olena", &password).unwrap() else {
        panic!("the right password signs in");
    };
    assert_eq!(session.user, user);
    assert!(session.csrf_token.len() >= 40, "a CSRF token of 256 bits");
    assert_eq!(store.session(secret.as_str()).unwrap(), Some(session.clone()));
    assert_eq!(store.session("not-a-secret").unwrap(), None);

    let bytes = std::fs::read(dir.path().join("data").join(DATABASE_FILE)).unwrap();
    let found = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(!found(secret.as_str()), "only a digest of the secret is stored");

    store.sign_out(secret.as_str()).unwrap();
    assert_eq!(store.session(secret.as_str()).unwrap(), None);
    assert_eq!(events(&store, "olena"), ["session.signed-in", "session.signed-out"]);
}

#[test]
fn five_wrong_passwords_lock_the_account_even_against_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (_, password) = add(&mut store, "olena", Role::Analyst, None);
    for attempt in 1..MAX_FAILED_SIGN_INS {
        assert!(
            matches!(store.sign_in("olena", "guess").unwrap(), SignIn::Refused),
            "attempt {attempt}"
        );
    }
    let SignIn::Locked { until } = store.sign_in("olena", "guess").unwrap() else {
        panic!("the fifth wrong password locks the account");
    };
    assert!(until > chrono::Utc::now() + chrono::Duration::minutes(14));
    assert!(matches!(
        store.sign_in("olena", &password).unwrap(),
        SignIn::Locked { .. }
    ));
    let trail = events(&store, "olena");
    assert_eq!(trail.iter().filter(|e| *e == "session.sign-in-failed").count(), 5);
    assert!(trail.contains(&"session.locked-out".to_string()));
}

#[test]
fn a_right_password_resets_the_count_of_failures() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (_, password) = add(&mut store, "olena", Role::Analyst, None);
    for _ in 0..3 {
        store.sign_in("olena", "guess").unwrap();
    }
    assert!(matches!(
        store.sign_in("olena", &password).unwrap(),
        SignIn::Granted { .. }
    ));
    for _ in 0..3 {
        assert!(matches!(store.sign_in("olena", "guess").unwrap(), SignIn::Refused));
    }
}

#[test]
fn an_unknown_username_is_refused_and_recorded_without_repeating_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    assert!(matches!(
        store.sign_in("s3cret-typed-as-name", "x").unwrap(),
        SignIn::Refused
    ));
    let trail = store.audit_trail(&AuditFilter::default(), 10).unwrap();
    assert_eq!(trail[0].event, "session.sign-in-failed");
    assert!(!format!("{trail:?}").contains("s3cret-typed-as-name"));
}

#[test]
fn a_password_reset_ends_every_session_of_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (_, password) = add(&mut store, "olena", Role::Analyst, None);
    let SignIn::Granted { secret, .. } = store.sign_in("olena", &password).unwrap() else {
        panic!()
    };
    store.reset_password(&"olena".parse().unwrap()).unwrap();
    assert_eq!(store.session(secret.as_str()).unwrap(), None);
}

#[test]
fn an_api_token_acts_as_its_owner_until_the_owner_revokes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (olena, _) = add(&mut store, "olena", Role::Analyst, None);
    let (ivan, _) = add(&mut store, "ivan", Role::LiaisonOfficer, None);
    let (token, secret) = store.create_api_token(&olena, "nightly export").unwrap();
    assert!(secret.as_str().starts_with(TOKEN_PREFIX));
    assert_eq!(store.token_user(secret.as_str()).unwrap(), Some(olena.clone()));
    assert_eq!(
        store.api_tokens(&olena).unwrap(),
        [token.clone()].map(|mut t| {
            t.last_used = store.api_tokens(&olena).unwrap()[0].last_used.clone();
            t
        })
    );
    assert!(
        store.api_tokens(&ivan).unwrap().is_empty(),
        "tokens are listed to their owner only"
    );
    assert!(
        !store.revoke_api_token(&ivan, token.id).unwrap(),
        "nobody but the owner revokes it"
    );
    assert!(store.revoke_api_token(&olena, token.id).unwrap());
    assert_eq!(store.token_user(secret.as_str()).unwrap(), None);
    assert!(store.api_tokens(&olena).unwrap()[0].revoked_at.is_some());
    assert_eq!(events(&store, "olena"), ["token.created", "token.revoked"]);
    assert!(store.create_api_token(&olena, "  ").is_err(), "a token needs a name");
}
