//! Users of a node: generated passwords shown once and kept only as Argon2id hashes,
//! roles, and the rules on usernames and units.

use concord_core::Role;
use concord_node::sessions::SignIn;
use concord_node::store::DATABASE_FILE;
use concord_node::users::{NewUser, UserError};

mod common;

fn analyst(name: &str) -> NewUser {
    NewUser {
        username: name.parse().unwrap(),
        display_name: "Olena Analyst".into(),
        role: Role::Analyst,
        unit: None,
    }
}

/// The user a sign-in let in, if any.
fn signed_in(store: &mut concord_node::Store, username: &str, password: &str) -> Option<concord_node::users::User> {
    match store.sign_in(username, password).unwrap() {
        SignIn::Granted { session, .. } => Some(session.user),
        _ => None,
    }
}

#[test]
fn the_password_shown_once_signs_in_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (user, password) = store.add_user(&analyst("olena")).unwrap();
    assert_eq!(user.role, Role::Analyst);
    assert_eq!(signed_in(&mut store, "olena", &password), Some(user));
    assert_eq!(signed_in(&mut store, "olena", "wrong password"), None);
    assert_eq!(signed_in(&mut store, "nobody", &password), None);
    assert_eq!(signed_in(&mut store, "Not A Name", &password), None);
    let new = store.reset_password(&"olena".parse().unwrap()).unwrap();
    assert_eq!(signed_in(&mut store, "olena", &password), None, "the old one is gone");
    assert!(signed_in(&mut store, "olena", &new).is_some());
}

#[test]
fn passwords_are_nowhere_in_clear_not_in_the_file_nor_in_the_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    let (_, password) = store.add_user(&analyst("olena")).unwrap();
    let trail = store.audit_trail(&Default::default(), 10).unwrap();
    assert_eq!(trail[0].event, "user.added");
    assert!(!format!("{trail:?}").contains(password.as_str()));
    drop(store);
    for entry in std::fs::read_dir(dir.path().join("data")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(password.len()).any(|w| w == password.as_bytes()));
    }
    assert!(dir.path().join("data").join(DATABASE_FILE).exists());
}

#[test]
fn usernames_are_unique_and_field_officers_belong_to_a_unit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = common::new_node(dir.path());
    store.add_user(&analyst("olena")).unwrap();
    assert!(matches!(store.add_user(&analyst("olena")), Err(UserError::Exists(_))));
    let field = |unit: Option<&str>, role| NewUser {
        username: "taras".parse().unwrap(),
        display_name: "Taras".into(),
        role,
        unit: unit.map(String::from),
    };
    assert!(matches!(
        store.add_user(&field(None, Role::FieldOfficer)),
        Err(UserError::Unit)
    ));
    assert!(matches!(
        store.add_user(&field(Some("Kharkiv"), Role::Analyst)),
        Err(UserError::Unit)
    ));
    let (taras, _) = store.add_user(&field(Some("Kharkiv"), Role::FieldOfficer)).unwrap();
    assert_eq!(taras.unit.as_deref(), Some("Kharkiv"));
    let names: Vec<_> = store
        .users()
        .unwrap()
        .into_iter()
        .map(|u| u.username.to_string())
        .collect();
    assert_eq!(names, ["olena", "taras"]);
    assert_eq!(store.verify_audit().unwrap().broken, None);
}
