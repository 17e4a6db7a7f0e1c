//! Greek family names: a stem (a forefather's name, a trade, a nickname) with a
//! regional suffix, each with its form for women: -όπουλος/-οπούλου (Peloponnese),
//! -άκης/-άκη (Crete), -ίδης/-ίδου and -ιάδης/-ιάδου (Pontus, Asia Minor), -άτος/-άτου
//! (Ionian islands), or the genitive -ίου of a name in -ιος, the same for both (Γεωργίου).
//! Papa- (a priest's family), Χατζη- (a pilgrim's) and Καρα- (dark) compound with names.
//!
//! Stems are written without accent: the suffix carries it.

use super::super::romanise::GREEK;
use super::{gendered, rank_weight, same, Shape, Tail};

const OPOULOS: u8 = 1;
const AKIS: u8 = 2;
const IDIS: u8 = 4;
const IADIS: u8 = 8;
const ATOS: u8 = 16;
const IOU: u8 = 32;

pub(super) fn greek() -> Tail {
    let mut family = Vec::new();
    for (i, &(stem, flags)) in GR_STEMS.iter().enumerate() {
        let weight = |w: u64| w * rank_weight(i);
        for (flag, male, female, w) in [
            (OPOULOS, "όπουλος", "οπούλου", 12),
            (AKIS, "άκης", "άκη", 8),
            (IDIS, "ίδης", "ίδου", 7),
            (IADIS, "ιάδης", "ιάδου", 4),
            (ATOS, "άτος", "άτου", 2),
        ] {
            if flags & flag != 0 {
                let (m, f) = (format!("{stem}{male}"), format!("{stem}{female}"));
                family.push(gendered(m, f, GREEK, weight(w)));
            }
        }
        if flags & IOU != 0 {
            family.push(same(format!("{stem}ίου"), GREEK, weight(6)));
            // Παπα + Αθανάσιος → Παπαθανασίου: the prefix's α merges with an initial α.
            let stem = lower(stem);
            let prefix = if stem.starts_with('α') { "Παπ" } else { "Παπα" };
            family.push(same(format!("{prefix}{stem}ίου"), GREEK, weight(2)));
        }
    }
    for (i, prefix) in ["Παπα", "Χατζη", "Καρα"].iter().enumerate() {
        for (j, name) in GR_COMPOUNDS.iter().enumerate() {
            // -ης → -η, -ας → -α, -ος → -ου.
            let Some(stem) = name.strip_suffix('ς') else {
                continue;
            };
            let female = if stem.ends_with(['ο', 'ό']) {
                format!("{stem}υ")
            } else {
                stem.to_string()
            };
            let weight = rank_weight(i) * rank_weight(j) / 50_000;
            family.push(gendered(
                format!("{prefix}{name}"),
                format!("{prefix}{female}"),
                GREEK,
                weight,
            ));
        }
    }
    Tail::family(family, Shape::Zipf(140))
}

/// A stem with its first letter in lower case, to follow a prefix (Παπα + δημητρ).
fn lower(stem: &str) -> String {
    let mut chars = stem.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Stems, roughly most common first.
const GR_STEMS: &[(&str, u8)] = &[
    ("Γεωργ", OPOULOS | AKIS | IADIS),
    ("Δημητρ", OPOULOS | AKIS | IADIS | IOU),
    ("Νικολ", OPOULOS | AKIS | IDIS),
    ("Κωνσταντιν", OPOULOS | AKIS | IDIS),
    ("Ιωανν", IDIS),
    ("Γιανν", OPOULOS | AKIS),
    ("Παναγιωτ", OPOULOS | AKIS | IDIS),
    ("Βασιλ", OPOULOS | AKIS | IADIS),
    ("Χριστ", OPOULOS | AKIS | IDIS),
    ("Αθανασ", OPOULOS | IADIS | IOU),
    ("Μιχαλ", OPOULOS | AKIS),
    ("Αντων", OPOULOS | AKIS | IADIS | IOU),
    ("Σπυρ", OPOULOS | AKIS | IDIS),
    ("Σταυρ", OPOULOS | AKIS | IDIS),
    ("Πετρ", OPOULOS | AKIS | IDIS),
    ("Θεοδωρ", OPOULOS | AKIS | IDIS),
    ("Αλεξανδρ", OPOULOS | IDIS),
    ("Αλεξ", OPOULOS | AKIS | IADIS),
    ("Ευαγγελ", OPOULOS | IDIS),
    ("Ηλι", OPOULOS | AKIS | IADIS),
    ("Μανωλ", OPOULOS | AKIS),
    ("Λαμπρ", OPOULOS | AKIS | IDIS),
    ("Κυριακ", OPOULOS | IDIS),
    ("Αναστασ", OPOULOS | IADIS | IOU),
    ("Παυλ", OPOULOS | AKIS | IDIS),
    ("Σωτηρ", OPOULOS | AKIS | IADIS | IOU),
    ("Ζαχαρ", OPOULOS | AKIS | IADIS | IOU),
    ("Στεφαν", OPOULOS | AKIS | IDIS),
    ("Φωτ", OPOULOS | AKIS | IADIS),
    ("Γρηγορ", OPOULOS | AKIS | IADIS | IOU),
    ("Μαρκ", OPOULOS | AKIS),
    ("Αγγελ", OPOULOS | AKIS | IDIS),
    ("Κοντ", OPOULOS | AKIS),
    ("Μαυρ", OPOULOS | AKIS | IDIS),
    ("Ραφτ", OPOULOS | AKIS),
    ("Ψαρ", OPOULOS | AKIS),
    ("Βλαχ", OPOULOS | AKIS),
    ("Αρβανιτ", OPOULOS | AKIS),
    ("Σαββ", OPOULOS | IDIS),
    ("Ευστρατ", IADIS | IOU),
    ("Ζαφειρ", OPOULOS | IADIS | IOU),
    ("Λαζαρ", OPOULOS | IDIS),
    ("Οικονομ", OPOULOS | AKIS | IDIS),
    ("Σιδηρ", OPOULOS),
    ("Τριανταφυλλ", OPOULOS | IDIS),
    ("Πολυχρον", OPOULOS | IADIS | IOU),
    ("Στυλιαν", OPOULOS | IDIS),
    ("Χαραλαμπ", OPOULOS | IDIS),
    ("Θεοχαρ", OPOULOS | AKIS | IDIS),
    ("Ξεν", OPOULOS | AKIS | IDIS),
    ("Μαργαρ", IDIS | IOU),
    ("Καλ", OPOULOS | IDIS),
    ("Γαλαν", OPOULOS | AKIS),
    ("Δασκαλ", OPOULOS | AKIS),
    ("Κουτσ", OPOULOS | AKIS),
    ("Μαρ", OPOULOS | AKIS | IDIS),
    ("Πανταζ", OPOULOS | IDIS),
    ("Τσακαλ", OPOULOS | IDIS),
    ("Τζαννετ", OPOULOS | AKIS | ATOS),
    ("Λιναρδ", ATOS | AKIS),
    ("Μεταξ", ATOS | AKIS),
    ("Ρουσ", OPOULOS | AKIS),
    ("Γερακ", OPOULOS | IDIS),
    ("Σκορδ", OPOULOS | AKIS),
    ("Μπαλτ", ATOS),
    ("Κοσμ", OPOULOS | AKIS | IDIS),
    ("Φραγκ", OPOULOS | AKIS | IADIS),
    ("Παπαδημ", OPOULOS),
    ("Γεωργακ", OPOULOS),
    ("Προδρομ", IDIS),
    ("Σαρρ", OPOULOS | IDIS),
    ("Καραγιαννακ", OPOULOS),
    ("Τσολ", AKIS | IDIS),
    ("Μουρατ", OPOULOS | IDIS),
    ("Δημ", OPOULOS | AKIS),
    ("Γκικ", OPOULOS | AKIS),
    ("Σιμ", OPOULOS | IDIS),
    ("Ζερβ", OPOULOS | AKIS | ATOS),
    ("Χατζηδ", AKIS),
    ("Αποστολ", OPOULOS | AKIS | IDIS | IOU),
    ("Αργυρ", OPOULOS | AKIS | IADIS | IOU),
    ("Ευσταθ", OPOULOS | IADIS | IOU),
    ("Κανελλ", OPOULOS | AKIS),
    ("Μελετ", OPOULOS | IADIS | IOU),
];

/// Names in -ης and -ας that compound with Papa-, Χατζη- and Καρα- (Παπαγιάννης).
const GR_COMPOUNDS: &[&str] = &[
    "γιάννης",
    "γιώργης",
    "μιχάλης",
    "κώστας",
    "δημήτρης",
    "νικολής",
    "στάθης",
    "θανάσης",
    "λάμπρης",
    "βασίλης",
    "ηλίας",
    "παύλος",
    "μανώλης",
    "χρήστος",
    "πέτρης",
];
