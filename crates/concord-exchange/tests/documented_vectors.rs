//! The test vectors in `docs/protocol.md` are what this build computes: another
//! implementation (or a later version of this one) can check itself against them.

use concord_core::vocabulary::OrganisationType;
use concord_exchange::envelope::HEADER_LEN;
use concord_exchange::payload::encode;
use concord_exchange::{seal, Bundle, Envelope, Handling, Header, Identity, Kind, MessageId, NodeCard, Notice};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex in lines of 32 bytes, indented.
fn hex_lines(bytes: &[u8]) -> String {
    bytes.chunks(32).map(|line| format!("  {}\n", hex(line))).collect()
}

fn identity(seed: u8) -> Identity {
    Identity::generate(&mut ChaCha20Rng::from_seed([seed; 32]))
}

fn describe(name: &str, seed: u8, identity: &Identity) -> String {
    let keys = identity.public().to_bytes();
    format!(
        "node {name}: secret = first 64 bytes of ChaCha20Rng::from_seed([{seed}; 32])\n\
         \x20 secret (Ed25519 seed, X25519 secret)\n{}\
         \x20 signing key   {}\n\
         \x20 exchange key  {}\n\
         \x20 node ID       {}\n",
        hex_lines(identity.secret_bytes().as_ref()),
        hex(&keys[..32]),
        hex(&keys[32..]),
        identity.node_id()
    )
}

/// The vectors as the documentation writes them.
fn vectors() -> String {
    let (a, b) = (identity(1), identity(2));
    let mut out = describe("A", 1, &a) + "\n" + &describe("B", 2, &b);

    let card = NodeCard::new(
        &a,
        "Anti-Trafficking Unit, Almaty",
        "KZ".parse().unwrap(),
        OrganisationType::LawEnforcement,
        Some("http://127.0.0.1:7001".into()),
        "2026-01-01T00:00:00Z".parse().unwrap(),
    );
    let text = card.sign(&a).unwrap();
    assert_eq!(NodeCard::from_text(&text).unwrap(), card);
    out += "\ncard of A (one line; wrapped here at 64 characters, which readers ignore):\n";
    out += &text
        .as_bytes()
        .chunks(64)
        .map(|l| format!("  {}\n", String::from_utf8_lossy(l)))
        .collect::<String>();

    let header = Header {
        message_id: MessageId::from_bytes(std::array::from_fn(|i| i as u8)),
        sender: a.node_id(),
        recipient: b.node_id(),
        kind: Kind::Notice,
        handling: Handling::Amber,
        created_at_ms: 1_767_225_600_000,
    };
    let notice = Notice {
        subject: "Test".into(),
        body: "Hello from Almaty".into(),
    };
    let payload = encode(&notice);
    let mut ephemeral = [0u8; 32];
    ChaCha20Rng::from_seed([3; 32]).fill_bytes(&mut ephemeral);
    let envelope = seal(&a, &b.public(), &header, &payload, &mut ChaCha20Rng::from_seed([3; 32])).unwrap();
    let decoded = Envelope::decode(&envelope).unwrap();
    decoded.verify(&a.public()).unwrap();
    assert_eq!(&decoded.open(&b).unwrap()[..], &payload[..]);
    out += &format!(
        "\nnotice envelope from A to B\n\
         \x20 message ID {}, created_at_ms {}, {}\n\
         \x20 payload {}\n\
         \x20 HPKE ephemeral key pair = DeriveKeyPair(ikm), ikm = first 32 bytes of\n\
         \x20 ChaCha20Rng::from_seed([3; 32]) = {}\n\
         \x20 header ({} bytes)\n{}\
         \x20 whole envelope ({} bytes)\n{}",
        header.message_id,
        header.created_at_ms,
        header.handling,
        String::from_utf8(payload).unwrap(),
        hex(&ephemeral),
        HEADER_LEN,
        hex_lines(&header.to_bytes()),
        envelope.len(),
        hex_lines(&envelope)
    );

    let bundle = Bundle {
        sender: a.node_id(),
        recipient: b.node_id(),
        created_at_ms: 1_767_225_600_000,
        envelopes: vec![envelope],
    };
    let bytes = bundle.encode(&a).unwrap();
    out += &format!(
        "\nbundle from A to B holding that envelope, created_at_ms {} ({} bytes)\n{}",
        bundle.created_at_ms,
        bytes.len(),
        hex_lines(&bytes)
    );
    out
}

#[test]
fn the_test_vectors_in_the_documentation_are_what_this_build_computes() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/protocol.md")).unwrap();
    let expected = vectors();
    assert!(
        docs.contains(&expected),
        "docs/protocol.md should contain, in its test vectors block:\n{expected}"
    );
}
