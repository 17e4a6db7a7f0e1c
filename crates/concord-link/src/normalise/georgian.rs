//! Georgian (Mkhedruli; Mtavruli capitals are lower-cased to it before) to Latin after
//! the national system of 2002 without its apostrophes: ejectives and plain consonants
//! meet (კ and ქ → k, ტ and თ → t, წ and ც → ts), as in passports.

/// Appends the lower-case Georgian `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    for c in word.chars() {
        match letter(c) {
            Some(spelling) => out.push_str(spelling),
            None => super::push_ascii(any_ascii::any_ascii_char(c), out),
        }
    }
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ა' => "a",
        'ბ' => "b",
        'გ' => "g",
        'დ' => "d",
        'ე' | 'ჱ' => "e",
        'ვ' | 'ჳ' => "v",
        'ზ' => "z",
        'თ' | 'ტ' => "t",
        'ი' | 'ჲ' => "i",
        'კ' | 'ქ' | 'ყ' => "k",
        'ლ' => "l",
        'მ' => "m",
        'ნ' => "n",
        'ო' | 'ჵ' => "o",
        'პ' | 'ფ' => "p",
        'ჟ' => "zh",
        'რ' => "r",
        'ს' => "s",
        'უ' => "u",
        'ღ' => "gh",
        'შ' => "sh",
        'ჩ' | 'ჭ' => "ch",
        'ც' | 'წ' => "ts",
        'ძ' => "dz",
        'ხ' | 'ჴ' => "kh",
        'ჯ' => "j",
        'ჰ' => "h",
        'ჶ' => "f",
        _ => return None,
    })
}
