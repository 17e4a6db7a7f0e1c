//! Any text given as a node card or a node ID must give a card or an error, never a
//! panic; a node ID that parses prints as a text that parses to it again.

#![no_main]

use concord_exchange::{NodeCard, NodeId};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = NodeCard::from_text(text);
    if let Ok(id) = text.parse::<NodeId>() {
        assert_eq!(id.to_string().parse::<NodeId>(), Ok(id));
    }
});
