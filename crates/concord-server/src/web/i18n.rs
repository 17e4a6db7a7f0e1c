//! The translation catalog: every piece of text the web pages show, in English and in
//! Arabic, the right-to-left language that proves the layout works both ways.
//!
//! Messages are Project Fluent files (`locales/*.ftl`), compiled into the binary, so
//! that plural rules and word order are the translator's business, not the code's.
//! English is the reference: a message missing from another language falls back to it.
//! Picklist values (statuses, forms of exploitation…) are labelled in English by
//! `concord-core`; a language translates them as `<list>-<Value>`.

use std::borrow::Cow;
use std::sync::OnceLock;

use axum::http::{header, HeaderMap};
use concord_core::Picklist;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::auth::cookie;

/// The cookie that keeps the language a user chose.
pub const LANGUAGE_COOKIE: &str = "concord-lang";

/// A language of the web pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English, the reference.
    En,
    /// Arabic, written right to left.
    Ar,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    /// The language for `code`, if the pages speak it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a request: the one the user chose, else the first one the
    /// browser asks for that the pages speak, else English.
    pub fn of_request(headers: &HeaderMap) -> Lang {
        if let Some(lang) = cookie(headers, LANGUAGE_COOKIE).and_then(|c| Lang::from_code(&c)) {
            return lang;
        }
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .into_iter()
            .flat_map(|v| v.split(','))
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Lang::from_code(tag.trim().split('-').next().unwrap_or("")))
            .next()
            .unwrap_or(Lang::En)
    }

    /// The message `key`.
    pub fn t(self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with its arguments.
    pub fn t_with(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    /// The label of a picklist value in this language.
    pub fn pick<P: Picklist>(self, value: P) -> String {
        let key = picklist_key(P::LIST, value.as_str());
        match catalog(self).message(&key, None) {
            Some(text) => text,
            None => value.label().to_string(),
        }
    }

    fn format(self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        catalog(self)
            .message(key, args)
            .or_else(|| catalog(Lang::En).message(key, args))
            .unwrap_or_else(|| {
                tracing::error!(key, "a message is missing from the translation catalog");
                format!("⟦{key}⟧")
            })
    }
}

/// The catalog key of a picklist value: the list's name up to any parenthesis, in
/// lowercase words joined by dashes, then the value (`case-status-Active`).
pub fn picklist_key(list: &str, value: &str) -> String {
    let name = list.split('(').next().unwrap_or(list).trim();
    format!("{}-{value}", name.to_lowercase().replace(' ', "-"))
}

/// One language's compiled messages.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
    keys: Vec<String>,
}

impl Catalog {
    fn load(lang: Lang, source: &str) -> Self {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("the {} catalog does not parse: {errors:?}", lang.code()));
        let keys = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect();
        let id = lang.code().parse().expect("a language code parses");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("the {} catalog repeats a message: {errors:?}", lang.code()));
        Self { bundle, keys }
    }

    fn message(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text: Cow<'_, str> = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    /// The identifiers of every message in the catalog.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }
}

/// The catalog of `lang`, compiled on first use.
pub fn catalog(lang: Lang) -> &'static Catalog {
    static EN: OnceLock<Catalog> = OnceLock::new();
    static AR: OnceLock<Catalog> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| Catalog::load(Lang::En, include_str!("../../locales/en.ftl"))),
        Lang::Ar => AR.get_or_init(|| Catalog::load(Lang::Ar, include_str!("../../locales/ar.ftl"))),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use concord_core::alert::{AlertStatus, AlertType};
    use concord_core::assistance::{LegalBasis, RequestStatus, RequestType, Urgency};
    use concord_core::vocabulary::{CaseStatus, ExploitationType, Gender, PersonRole};
    use concord_core::Role;

    use super::*;

    fn keys_of<P: Picklist>() -> Vec<String> {
        P::ALL.iter().map(|v| picklist_key(P::LIST, v.as_str())).collect()
    }

    /// Every picklist value the pages label, as catalog keys.
    fn picklist_keys() -> BTreeSet<String> {
        [
            keys_of::<CaseStatus>(),
            keys_of::<ExploitationType>(),
            keys_of::<PersonRole>(),
            keys_of::<Gender>(),
            keys_of::<Role>(),
            keys_of::<RequestStatus>(),
            keys_of::<RequestType>(),
            keys_of::<Urgency>(),
            keys_of::<LegalBasis>(),
            keys_of::<AlertType>(),
            keys_of::<AlertStatus>(),
        ]
        .concat()
        .into_iter()
        .collect()
    }

    #[test]
    fn arabic_translates_every_english_message_and_every_picklist_value_shown() {
        let english: BTreeSet<_> = catalog(Lang::En).keys().iter().cloned().collect();
        let arabic: BTreeSet<_> = catalog(Lang::Ar).keys().iter().cloned().collect();
        let missing: Vec<_> = english.difference(&arabic).collect();
        assert!(missing.is_empty(), "Arabic lacks {missing:?}");
        let unknown: Vec<_> = arabic
            .difference(&english)
            .filter(|k| !picklist_keys().contains(*k))
            .collect();
        assert!(
            unknown.is_empty(),
            "Arabic has messages nobody asks for (typos?): {unknown:?}"
        );
        let untranslated: Vec<_> = picklist_keys().into_iter().filter(|k| !arabic.contains(k)).collect();
        assert!(untranslated.is_empty(), "Arabic lacks the values {untranslated:?}");
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let count = |lang: Lang, n: u64| lang.t_with("cases-count", &[("total", n.into())]);
        assert_eq!(count(Lang::En, 1), "One case");
        assert_eq!(count(Lang::En, 7), "\u{2068}7\u{2069} cases");
        assert_eq!(count(Lang::Ar, 2), "قضيتان");
        assert_eq!(count(Lang::Ar, 3), "\u{2068}3\u{2069} قضايا");
        assert_eq!(count(Lang::Ar, 11), "\u{2068}11\u{2069} قضية");
    }

    #[test]
    fn the_language_is_the_one_chosen_else_the_browsers_else_english() {
        let headers = |pairs: &[(header::HeaderName, &str)]| {
            let mut h = HeaderMap::new();
            for (name, value) in pairs {
                h.insert(name.clone(), value.parse().unwrap());
            }
            h
        };
        assert_eq!(Lang::of_request(&headers(&[])), Lang::En);
        assert_eq!(
            Lang::of_request(&headers(&[(header::ACCEPT_LANGUAGE, "fr-FR, ar-SY;q=0.8")])),
            Lang::Ar
        );
        let chosen = [(header::ACCEPT_LANGUAGE, "ar"), (header::COOKIE, "concord-lang=en")];
        assert_eq!(Lang::of_request(&headers(&chosen)), Lang::En);
        assert_eq!(Lang::Ar.dir(), "rtl");
    }

    #[test]
    fn a_missing_message_is_visible_not_silent() {
        assert_eq!(Lang::En.t("no-such-message"), "⟦no-such-message⟧");
    }
}
