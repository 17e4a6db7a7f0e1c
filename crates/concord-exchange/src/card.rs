//! Node cards: how partners introduce their nodes to each other.
//!
//! A card says who runs a node, where to reach it, and which keys it holds, signed with
//! the node's own signing key. It is text (`concord-card-1.` then two base64url parts), so
//! that it survives an e-mail, a chat message or a printout; reading it ignores all
//! whitespace, as mail programs wrap long lines. A card only proves that whoever wrote it
//! holds the keys inside: partners confirm that the keys are the right ones by reading the
//! node ID ([`NodeId`], the fingerprint of the keys) aloud to each other on a call.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use concord_core::vocabulary::OrganisationType;
use concord_core::Country;
use serde::{Deserialize, Serialize};

use crate::identity::{Identity, KeyBytesError, PublicKeys};
use crate::node_id::NodeId;
use crate::signature::{self, Signed, SIGNATURE_LEN};

/// Text before every card of version 1.
const PREFIX: &str = "concord-card-1.";
/// Text before every card, of any version.
const ANY_VERSION: &str = "concord-card-";
const SIGNATURE_CONTEXT: &[u8] = b"concord card v1\0";
/// Longest node name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest endpoint, in bytes.
pub const MAX_ENDPOINT_LEN: usize = 2000;

/// A node's introduction of itself to its partners.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeCard {
    /// The node's ID: the fingerprint of [`keys`](Self::keys).
    pub node_id: NodeId,
    /// The organisation that runs the node, as it names itself.
    pub name: String,
    /// The organisation's country.
    pub country: Country,
    /// The kind of organisation.
    pub kind: OrganisationType,
    /// The node's public keys.
    pub keys: PublicKeys,
    /// Where partners deliver to it over HTTP (`http://` or `https://` and the address);
    /// `None` for a node reached by carried bundles only.
    pub endpoint: Option<String>,
    /// When the card was issued: of two cards of one node, the later one wins.
    pub issued_at: DateTime<Utc>,
}

/// A card that cannot be read or trusted, or cannot be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// The text is not a node card at all.
    #[error("not a Concord node card: expected text starting with `{PREFIX}`")]
    NotACard,
    /// A card of another version.
    #[error("this is a node card of version {found}; this node reads version 1 (cards starting with `{PREFIX}`)")]
    UnknownVersion {
        /// The version found.
        found: String,
    },
    /// Not two dot-separated parts after the prefix.
    #[error(
        "a node card is `{PREFIX}`, its contents, a dot and its signature; found {parts} part(s) after the prefix"
    )]
    Malformed {
        /// Parts found.
        parts: usize,
    },
    /// A part is not base64url.
    #[error("the card's {part} is not base64url without padding (letters, digits, - and _)")]
    BadBase64 {
        /// "contents", "signature", "signing key" or "exchange key".
        part: &'static str,
    },
    /// The signature is not 64 bytes.
    #[error("the card's signature is {found} bytes; expected 64")]
    BadSignatureLength {
        /// Bytes found.
        found: usize,
    },
    /// The contents are not the JSON of a card.
    #[error("the card's contents are not a node card: {0}")]
    BadContents(String),
    /// The keys are not usable keys.
    #[error("the card's keys are unusable: {0}")]
    BadKey(#[from] KeyBytesError),
    /// The signature does not verify.
    #[error(
        "the card's signature does not verify with the signing key it carries: the card was altered after signing"
    )]
    BadSignature,
    /// The node ID is not the fingerprint of the keys.
    #[error("the card says it is node {card}, but its keys are those of node {keys}: refused")]
    IdMismatch {
        /// The ID the card states.
        card: NodeId,
        /// The ID of the keys it carries.
        keys: NodeId,
    },
    /// An empty, overlong or unprintable name.
    #[error("the node's name must be 1 to {MAX_NAME_CHARS} characters without control characters")]
    BadName,
    /// An endpoint that is not an HTTP URL.
    #[error("endpoint `{0}` is not usable; expected a URL starting with http:// or https://, without spaces")]
    BadEndpoint(String),
    /// Signing with an identity whose keys are not the card's.
    #[error("the card is for node {card}; expected that node's identity to sign it, not node {identity}'s")]
    NotThisIdentity {
        /// The node the card is for.
        card: NodeId,
        /// The node of the identity given.
        identity: NodeId,
    },
}

/// The card's JSON, fields in this order.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Contents {
    node_id: NodeId,
    name: String,
    country: Country,
    kind: OrganisationType,
    signing_key: String,
    exchange_key: String,
    endpoint: Option<String>,
    issued_at: String,
}

impl NodeCard {
    /// The card of `identity`'s node.
    pub fn new(
        identity: &Identity,
        name: impl Into<String>,
        country: Country,
        kind: OrganisationType,
        endpoint: Option<String>,
        issued_at: DateTime<Utc>,
    ) -> NodeCard {
        NodeCard {
            node_id: identity.node_id(),
            name: name.into(),
            country,
            kind,
            keys: identity.public(),
            endpoint,
            issued_at,
        }
    }

    /// The card as text, signed by `identity`, whose keys must be the card's. Refuses a
    /// card that [`from_text`](Self::from_text) would refuse.
    pub fn sign(&self, identity: &Identity) -> Result<String, CardError> {
        if identity.public() != self.keys || identity.node_id() != self.node_id {
            return Err(CardError::NotThisIdentity {
                card: self.node_id,
                identity: identity.node_id(),
            });
        }
        self.check()?;
        let keys = self.keys.to_bytes();
        let contents = Contents {
            node_id: self.node_id,
            name: self.name.clone(),
            country: self.country,
            kind: self.kind,
            signing_key: URL_SAFE_NO_PAD.encode(&keys[..32]),
            exchange_key: URL_SAFE_NO_PAD.encode(&keys[32..]),
            endpoint: self.endpoint.clone(),
            issued_at: self.issued_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        };
        let json = serde_json::to_vec(&contents).expect("a card serialises to JSON");
        let signature = signature::sign(identity.signing_key(), SIGNATURE_CONTEXT, &json);
        Ok(format!(
            "{PREFIX}{}.{}",
            URL_SAFE_NO_PAD.encode(&json),
            URL_SAFE_NO_PAD.encode(signature)
        ))
    }

    /// Reads and checks a card: its signature with the signing key it carries, its node ID
    /// against its keys, its name and endpoint. Whitespace anywhere is ignored.
    pub fn from_text(text: &str) -> Result<NodeCard, CardError> {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(rest) = text.strip_prefix(PREFIX) else {
            let version = text.strip_prefix(ANY_VERSION).ok_or(CardError::NotACard)?;
            let found = version.split('.').next().unwrap_or_default();
            return Err(CardError::UnknownVersion {
                found: found.chars().take(20).collect(),
            });
        };
        let parts: Vec<&str> = rest.split('.').collect();
        let [contents, signature] = parts[..] else {
            return Err(CardError::Malformed { parts: parts.len() });
        };
        let base64 =
            |part: &'static str, text: &str| URL_SAFE_NO_PAD.decode(text).map_err(|_| CardError::BadBase64 { part });
        let json = base64("contents", contents)?;
        let signature = base64("signature", signature)?;
        let signature: &[u8; SIGNATURE_LEN] = signature[..]
            .try_into()
            .map_err(|_| CardError::BadSignatureLength { found: signature.len() })?;
        let contents: Contents = serde_json::from_slice(&json).map_err(|e| CardError::BadContents(e.to_string()))?;
        let key_bytes = [
            base64("signing key", &contents.signing_key)?,
            base64("exchange key", &contents.exchange_key)?,
        ]
        .concat();
        let keys = PublicKeys::from_bytes(&key_bytes)?;
        let signed = Signed {
            key: &keys.signing,
            bytes: &json,
            signature,
        };
        if !signature::verify(SIGNATURE_CONTEXT, &signed) {
            return Err(CardError::BadSignature);
        }
        let issued_at = DateTime::parse_from_rfc3339(&contents.issued_at)
            .map_err(|e| CardError::BadContents(format!("issued_at `{}`: {e}", contents.issued_at)))?
            .with_timezone(&Utc);
        let card = NodeCard {
            node_id: contents.node_id,
            name: contents.name,
            country: contents.country,
            kind: contents.kind,
            keys,
            endpoint: contents.endpoint,
            issued_at,
        };
        card.check()?;
        Ok(card)
    }

    /// The rules every card obeys, signed or read.
    fn check(&self) -> Result<(), CardError> {
        let keys = self.keys.node_id();
        if self.node_id != keys {
            return Err(CardError::IdMismatch {
                card: self.node_id,
                keys,
            });
        }
        let chars = self.name.chars().count();
        if self.name.trim().is_empty() || chars > MAX_NAME_CHARS || self.name.chars().any(char::is_control) {
            return Err(CardError::BadName);
        }
        if let Some(endpoint) = &self.endpoint {
            let rest = endpoint
                .strip_prefix("https://")
                .or_else(|| endpoint.strip_prefix("http://"));
            let usable = rest.is_some_and(|r| !r.is_empty())
                && endpoint.len() <= MAX_ENDPOINT_LEN
                && !endpoint.chars().any(|c| c.is_whitespace() || c.is_control());
            if !usable {
                return Err(CardError::BadEndpoint(endpoint.chars().take(100).collect()));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::identity;

    fn card(identity: &Identity) -> NodeCard {
        NodeCard::new(
            identity,
            "Anti-Trafficking Unit, Almaty",
            "KZ".parse().unwrap(),
            OrganisationType::LawEnforcement,
            Some("http://127.0.0.1:7001".into()),
            "2026-01-01T00:00:00Z".parse().unwrap(),
        )
    }

    /// The card's JSON, changed by `edit`, signed by `signer`.
    fn resigned(text: &str, signer: &Identity, edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let contents = text.strip_prefix(PREFIX).unwrap().split('.').next().unwrap();
        let mut json: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(contents).unwrap()).unwrap();
        edit(&mut json);
        let json = serde_json::to_vec(&json).unwrap();
        let signature = signature::sign(signer.signing_key(), SIGNATURE_CONTEXT, &json);
        format!(
            "{PREFIX}{}.{}",
            URL_SAFE_NO_PAD.encode(&json),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    #[test]
    fn a_signed_card_reads_back_as_itself() {
        let a = identity(1);
        let text = card(&a).sign(&a).unwrap();
        assert!(text.starts_with("concord-card-1.") && !text.contains(char::is_whitespace));
        assert_eq!(NodeCard::from_text(&text), Ok(card(&a)));
        let mut without_endpoint = card(&a);
        without_endpoint.endpoint = None;
        without_endpoint.issued_at = "2026-03-04T05:06:07.123456789Z".parse().unwrap();
        let text = without_endpoint.sign(&a).unwrap();
        assert_eq!(NodeCard::from_text(&text), Ok(without_endpoint));
    }

    #[test]
    fn a_card_wrapped_by_a_mail_program_still_reads() {
        let a = identity(1);
        let text = card(&a).sign(&a).unwrap();
        let wrapped: Vec<String> = text
            .as_bytes()
            .chunks(60)
            .map(|l| String::from_utf8(l.to_vec()).unwrap())
            .collect();
        let wrapped = format!("\n  {}\r\n\n", wrapped.join("\r\n\t "));
        assert_eq!(NodeCard::from_text(&wrapped), Ok(card(&a)));
    }

    #[test]
    fn a_tampered_card_fails_its_signature() {
        let a = identity(1);
        let text = card(&a).sign(&a).unwrap();
        let (contents, signature) = text.strip_prefix(PREFIX).unwrap().split_once('.').unwrap();
        let json = String::from_utf8(URL_SAFE_NO_PAD.decode(contents).unwrap()).unwrap();
        let tampered = json.replace("Almaty", "Astana");
        let tampered = format!("{PREFIX}{}.{signature}", URL_SAFE_NO_PAD.encode(tampered));
        assert_eq!(NodeCard::from_text(&tampered), Err(CardError::BadSignature));
        // Signed by another key than the one the card carries.
        let c = identity(3);
        assert_eq!(
            NodeCard::from_text(&resigned(&text, &c, |_| {})),
            Err(CardError::BadSignature)
        );
    }

    #[test]
    fn a_card_whose_id_does_not_fit_its_keys_is_refused() {
        let (a, b) = (identity(1), identity(2));
        let text = card(&a).sign(&a).unwrap();
        let claims_b = resigned(&text, &a, |json| json["node_id"] = b.node_id().to_string().into());
        let err = NodeCard::from_text(&claims_b).unwrap_err();
        assert_eq!(
            err,
            CardError::IdMismatch {
                card: b.node_id(),
                keys: a.node_id()
            }
        );
        assert!(err.to_string().ends_with("refused"), "{err}");
        let mut wrong = card(&a);
        wrong.node_id = b.node_id();
        assert!(matches!(wrong.sign(&a), Err(CardError::NotThisIdentity { .. })));
        assert!(matches!(card(&a).sign(&b), Err(CardError::NotThisIdentity { .. })));
    }

    #[test]
    fn texts_that_are_not_version_1_cards_get_distinct_errors() {
        let a = identity(1);
        let text = card(&a).sign(&a).unwrap();
        let err = NodeCard::from_text(&text.replace("concord-card-1.", "concord-card-2.")).unwrap_err();
        assert_eq!(err, CardError::UnknownVersion { found: "2".into() });
        assert!(err.to_string().contains("reads version 1"), "{err}");
        assert_eq!(NodeCard::from_text("hello"), Err(CardError::NotACard));
        assert_eq!(
            NodeCard::from_text(&format!("{text}.x")),
            Err(CardError::Malformed { parts: 3 })
        );
        assert_eq!(NodeCard::from_text(PREFIX), Err(CardError::Malformed { parts: 1 }));
        let bad = text.replacen(PREFIX, &format!("{PREFIX}!"), 1);
        assert_eq!(
            NodeCard::from_text(&bad),
            Err(CardError::BadBase64 { part: "contents" })
        );
        assert_eq!(
            NodeCard::from_text(&format!("{}AAAA", &text[..text.len() - 4])).unwrap_err(),
            CardError::BadSignature
        );
        let short = format!("{}.AAAA", text.rsplit_once('.').unwrap().0);
        assert_eq!(
            NodeCard::from_text(&short),
            Err(CardError::BadSignatureLength { found: 3 })
        );
        let extra_field = resigned(&text, &a, |json| json["extra"] = 1.into());
        assert!(matches!(
            NodeCard::from_text(&extra_field),
            Err(CardError::BadContents(_))
        ));
        let bad_key = resigned(&text, &a, |json| json["exchange_key"] = "AAAA".into());
        assert!(matches!(NodeCard::from_text(&bad_key), Err(CardError::BadKey(_))));
    }

    #[test]
    fn names_and_endpoints_are_checked_when_signing_and_reading() {
        let a = identity(1);
        for endpoint in ["ftp://x", "127.0.0.1:7001", "http://", "http://a b"] {
            let mut c = card(&a);
            c.endpoint = Some(endpoint.into());
            assert_eq!(c.sign(&a), Err(CardError::BadEndpoint(endpoint.into())));
        }
        let mut https = card(&a);
        https.endpoint = Some("https://node.example.org/".into());
        assert!(https.sign(&a).is_ok());
        for name in ["", "  ", "a\u{7}b", &"x".repeat(201)] {
            let mut c = card(&a);
            c.name = name.into();
            assert_eq!(c.sign(&a), Err(CardError::BadName));
        }
        let text = card(&a).sign(&a).unwrap();
        let bad = resigned(&text, &a, |json| json["endpoint"] = "file:///etc/passwd".into());
        assert!(matches!(NodeCard::from_text(&bad), Err(CardError::BadEndpoint(_))));
    }
}
