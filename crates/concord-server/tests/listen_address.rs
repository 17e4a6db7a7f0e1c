//! A node listens on loopback, or beyond it only when told the host names users reach
//! it by (which its host check then accepts, and nothing else).

use std::net::SocketAddr;

use concord_server::{check_listen_address, ServeError};

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// A fresh node's store in `dir`.
fn store_in(dir: &tempfile::TempDir) -> concord_node::Store {
    let key = dir.path().join("node.key");
    concord_node::vault::create_key_file(&key).unwrap();
    let settings = concord_node::NodeSettings {
        name: "Test unit".into(),
        country: "UA".parse().unwrap(),
        kind: concord_core::vocabulary::OrganisationType::NGO,
    };
    concord_node::Store::init(
        &dir.path().join("node"),
        &settings,
        &concord_node::KeySource::KeyFile(key),
    )
    .unwrap()
}

#[test]
fn loopback_addresses_are_accepted() {
    for ok in ["127.0.0.1:8080", "127.10.20.30:1", "[::1]:8080", "127.0.0.1:0"] {
        assert!(check_listen_address(&addr(ok), &[]).is_ok(), "{ok} refused");
    }
}

#[test]
fn every_other_address_without_a_host_name_is_refused_saying_why_and_what_to_use() {
    for bad in [
        "0.0.0.0:8080",
        "192.0.2.1:8080",
        "10.0.0.5:8080",
        "[::]:8080",
        "[2001:db8::1]:8080",
    ] {
        let err = check_listen_address(&addr(bad), &[]).expect_err(bad);
        assert!(matches!(err, ServeError::NoHostName(a) if a == addr(bad)), "{bad}");
        let message = err.to_string();
        assert!(message.contains(bad), "{message}");
        assert!(message.contains("--host"), "{message}");
        assert!(message.contains("TLS"), "{message}");
        assert!(
            message.contains("127.0.0.1:8080"),
            "suggests a loopback address: {message}"
        );
    }
}

#[test]
fn a_network_address_with_the_host_names_users_reach_it_by_is_accepted() {
    let hosts = vec!["concord.unit.example".to_string()];
    assert!(check_listen_address(&addr("0.0.0.0:8443"), &hosts).is_ok());
}

#[tokio::test]
async fn serve_refuses_a_network_address_before_opening_anything() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);

    let result = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        concord_server::serve(store, addr("0.0.0.0:0"), Default::default()),
    )
    .await
    .expect("returns at once instead of serving");

    assert!(matches!(result, Err(ServeError::NoHostName(_))), "{result:?}");
}

#[tokio::test]
async fn serve_answers_on_a_loopback_address() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let server = tokio::spawn(concord_server::serve(store, free, Default::default()));

    let mut answer = String::new();
    for _ in 0..100 {
        if let Ok(mut stream) = tokio::net::TcpStream::connect(free).await {
            let request = format!("GET /api/v1/health HTTP/1.1\r\nHost: {free}\r\nConnection: close\r\n\r\n");
            stream.write_all(request.as_bytes()).await.unwrap();
            stream.read_to_string(&mut answer).await.unwrap();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    server.abort();

    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#""status":"ok""#), "{answer}");
}
