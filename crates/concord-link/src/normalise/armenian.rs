//! Armenian to Latin after the Eastern Armenian passport forms (Hovhannisyan, Grigoryan):
//! ու → u, և → ev, ո at the start of a word → vo. Western Armenian voicing (Kevork for
//! Gevorg, Garabedian for Karapetyan) is bridged by the skeleton, which merges voiced and
//! voiceless consonants.

/// Appends the lower-case Armenian `word` as a-z to `out`.
pub(super) fn push(word: &str, out: &mut String) {
    let mut letters = word.chars().peekable();
    let mut first = true;
    while let Some(c) = letters.next() {
        match c {
            'ո' if letters.next_if_eq(&'ւ').is_some() => out.push('u'),
            'ո' if first => out.push_str("vo"),
            _ => match letter(c) {
                Some(spelling) => out.push_str(spelling),
                None => super::push_ascii(any_ascii::any_ascii_char(c), out),
            },
        }
        first = false;
    }
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ա' => "a",
        'բ' => "b",
        'գ' => "g",
        'դ' => "d",
        'ե' | 'է' | 'ը' => "e",
        'զ' => "z",
        'թ' | 'տ' => "t",
        'ժ' => "zh",
        'ի' => "i",
        'լ' => "l",
        'խ' => "kh",
        'ծ' | 'ց' => "ts",
        'կ' | 'ք' => "k",
        'հ' => "h",
        'ձ' => "dz",
        'ղ' => "gh",
        'ճ' | 'չ' => "ch",
        'մ' => "m",
        'յ' => "y",
        'ն' => "n",
        'շ' => "sh",
        'ո' | 'օ' => "o",
        'պ' | 'փ' => "p",
        'ջ' => "j",
        'ռ' | 'ր' => "r",
        'ս' => "s",
        'վ' | 'ւ' => "v",
        'և' => "ev",
        'ֆ' => "f",
        _ => return None,
    })
}
