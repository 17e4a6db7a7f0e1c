//! Burmese (Myanmar script) to Latin as passports write names: syllable by syllable, an
//! initial consonant with its medials (ျ ြ → y, ွ → w, ှ → a leading h), then a rhyme
//! read from the vowel signs and the final consonant (အောင် → aung, နိုင် → naing,
//! ဟိန်း → hein, ထွန်း → htun). Tone marks are dropped. Rough, like the romanisations
//! themselves (Htun and Tun, Oo and U), which the skeleton bridges.

const ASAT: char = '\u{103A}';
const VIRAMA: char = '\u{1039}';

/// Appends the Myanmar `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let letters: Vec<char> = word
        .chars()
        .filter(|&c| !matches!(c, '\u{1037}' | '\u{1038}'))
        .collect();
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        i += 1;
        if let Some(vowel) = independent_vowel(c) {
            out.push_str(vowel);
        } else if let Some(initial) = initial(c) {
            let syllable = Syllable::read(initial, &letters, &mut i);
            syllable.push(out);
        }
    }
}

#[derive(Default)]
struct Syllable {
    initial: &'static str,
    aspirated: bool,
    medial_y: bool,
    medial_w: bool,
    e: bool,
    a: bool,
    i: bool,
    u: bool,
    ai: bool,
    nasal: bool,
    last: Option<Final>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Final {
    Ng,
    Ny,
    N,
    Stop,
    K,
    Y,
}

impl Syllable {
    /// Reads the medials, vowel signs and final consonant after `initial`, from `i` on.
    fn read(initial: &'static str, letters: &[char], i: &mut usize) -> Syllable {
        let mut syllable = Syllable {
            initial,
            ..Syllable::default()
        };
        while let Some(&c) = letters.get(*i) {
            match c {
                '\u{103B}' | '\u{103C}' => syllable.medial_y = true,
                '\u{103D}' => syllable.medial_w = true,
                '\u{103E}' => syllable.aspirated = true,
                '\u{1031}' => syllable.e = true,
                '\u{102B}' | '\u{102C}' => syllable.a = true,
                '\u{102D}' | '\u{102E}' => syllable.i = true,
                '\u{102F}' | '\u{1030}' => syllable.u = true,
                '\u{1032}' => syllable.ai = true,
                '\u{1036}' => syllable.nasal = true,
                ASAT | VIRAMA => {}
                _ => match (final_of(c), letters.get(*i + 1)) {
                    (Some(last), Some(&ASAT | &VIRAMA)) => {
                        syllable.last = Some(last);
                        *i += 2;
                        return syllable;
                    }
                    _ => return syllable,
                },
            }
            *i += 1;
        }
        syllable
    }

    fn push(&self, out: &mut String) {
        if self.aspirated {
            out.push('h');
        }
        out.push_str(self.initial);
        if self.medial_y {
            out.push('y');
        }
        let rhyme = self.rhyme();
        if self.medial_w && !rhyme.starts_with('u') {
            out.push('w');
        }
        out.push_str(rhyme);
    }

    fn rhyme(&self) -> &'static str {
        use Final::*;
        let vowel = match (self.e, self.a, self.i, self.u) {
            (true, true, _, _) => "aw",
            (_, _, true, true) => "o",
            (true, _, _, _) => "ay",
            (_, _, true, _) => "i",
            (_, _, _, true) => "u",
            _ if self.ai => "e",
            _ => "a",
        };
        match (vowel, self.last) {
            (_, None) if self.nasal => "an",
            (vowel, None) => vowel,
            ("aw", Some(Ng)) => "aung",
            ("aw", Some(_)) => "auk",
            ("o", Some(Ng)) => "aing",
            ("o", Some(_)) => "aik",
            ("i", Some(N)) => "ein",
            ("i", Some(_)) => "eik",
            ("u", Some(N)) => "on",
            ("u", Some(_)) => "ok",
            (_, Some(Ng | Ny)) => "in",
            (_, Some(N)) if self.medial_w => "un",
            (_, Some(N)) => "an",
            (_, Some(Stop)) if self.medial_w => "ut",
            (_, Some(Stop)) => "at",
            (_, Some(K)) => "et",
            (_, Some(Y)) => "e",
        }
    }
}

fn initial(c: char) -> Option<&'static str> {
    Some(match c {
        'က' => "k",
        'ခ' => "kh",
        'ဂ' | 'ဃ' => "g",
        'င' => "ng",
        'စ' => "s",
        'ဆ' => "hs",
        'ဇ' | 'ဈ' => "z",
        'ဉ' | 'ည' => "ny",
        'ဋ' | 'တ' => "t",
        'ဌ' | 'ထ' => "ht",
        'ဍ' | 'ဎ' | 'ဒ' | 'ဓ' => "d",
        'ဏ' | 'န' => "n",
        'ပ' => "p",
        'ဖ' => "ph",
        'ဗ' | 'ဘ' => "b",
        'မ' => "m",
        'ယ' | 'ရ' => "y",
        'လ' | 'ဠ' => "l",
        'ဝ' => "w",
        'သ' => "th",
        'ဟ' => "h",
        'အ' => "",
        _ => return None,
    })
}

/// The kind of final a consonant makes when it closes a syllable.
fn final_of(c: char) -> Option<Final> {
    Some(match c {
        'င' => Final::Ng,
        'ဉ' | 'ည' => Final::Ny,
        'န' | 'ဏ' | 'မ' => Final::N,
        'တ' | 'ဒ' | 'ပ' | 'ဋ' | 'ဌ' | 'ထ' | 'ဓ' | 'ဗ' | 'ဘ' | 'စ' | 'ဇ' | 'သ' => Final::Stop,
        'က' | 'ဂ' | 'ခ' => Final::K,
        'ယ' => Final::Y,
        _ => return None,
    })
}

fn independent_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'ဣ' | 'ဤ' => "i",
        'ဥ' | 'ဦ' => "u",
        'ဧ' => "ay",
        'ဩ' | 'ဪ' => "aw",
        _ => return None,
    })
}
