//! `concord alert`: issue, list, update, cancel and acknowledge from the command line, with
//! the errors and exit codes scripts rely on.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// `concord` on the node in `dir/node`, unlocked by `dir/node.key`.
fn concord(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap();
    cmd.current_dir(dir)
        .env_remove("CONCORD_PASSPHRASE")
        .env("CONCORD_DATA_DIR", "node")
        .env("CONCORD_KEY_FILE", "node.key");
    cmd
}

fn soon() -> String {
    (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn an_alert_is_issued_listed_updated_and_cancelled_and_bad_input_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    concord(dir.path())
        .args(["init", "--name", "Test unit", "--country", "MD"])
        .assert()
        .success();
    let issued = concord(dir.path())
        .args([
            "alert",
            "issue",
            "--type",
            "RecruitmentScheme",
            "--subject",
            "Fake au-pair adverts",
        ])
        .args([
            "--details",
            "Adverts promise au-pair work abroad.",
            "--expires",
            &soon(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("queued for 0 partner(s)"))
        .stdout(predicate::str::contains("kept on this node only"));
    let stdout = String::from_utf8(issued.get_output().stdout.clone()).unwrap();
    let id = stdout.split_whitespace().nth(2).unwrap().to_string();

    concord(dir.path())
        .args(["alert", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{id} outgoing Active")))
        .stdout(predicate::str::contains("Fake au-pair adverts"));
    concord(dir.path())
        .args([
            "alert",
            "update",
            &id,
            "--subject",
            "Fake au-pair adverts, now on radio",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("(revision 2)"));
    concord(dir.path())
        .args(["alert", "ack", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("was issued by this node"));
    concord(dir.path())
        .args(["alert", "cancel", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("Cancelled alert"));
    concord(dir.path())
        .args(["alert", "list", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"status\": \"Cancelled\""))
        .stdout(predicate::str::contains("\"revision\": 3"));

    concord(dir.path())
        .args([
            "alert",
            "issue",
            "--type",
            "RouteSeen",
            "--subject",
            "s",
            "--details",
            "",
        ])
        .args(["--expires", "2020-01-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not in the future"));
    concord(dir.path())
        .args([
            "alert",
            "issue",
            "--type",
            "RouteSeen",
            "--subject",
            "s",
            "--details",
            "",
        ])
        .args(["--expires", "next week"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`next week` is not a time"));
}
