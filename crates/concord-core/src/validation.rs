//! Validation errors that say exactly what is wrong: which field, what value, what was
//! expected.

use std::fmt;

/// One problem with one field of a record.
///
/// `value` is left out for identifying fields (names, document and phone numbers) so
/// that an error can be shown or logged without repeating personal data.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// Path of the field, e.g. `persons[1].birth_date`.
    pub field: String,
    /// The offending value, when it is not identifying.
    pub value: Option<String>,
    /// What was expected instead.
    pub expected: String,
}

impl FieldError {
    /// An error whose value may be shown.
    pub fn new(field: impl Into<String>, value: impl fmt::Display, expected: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            value: Some(value.to_string()),
            expected: expected.into(),
        }
    }

    /// An error about an identifying field: the value is not repeated.
    pub fn redacted(field: impl Into<String>, expected: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            value: None,
            expected: expected.into(),
        }
    }

    /// The same error for a field nested under `prefix` (`persons[0]` + `names[1].given`).
    pub fn within(mut self, prefix: &str) -> Self {
        self.field = format!("{prefix}.{}", self.field);
        self
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(v) => write!(f, "{}: got `{v}`; {}", self.field, self.expected),
            None => write!(f, "{}: {}", self.field, self.expected),
        }
    }
}

/// Every problem found in one record; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[serde(transparent)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

/// Collects field errors while a record is checked.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub(crate) fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    pub(crate) fn check(&mut self, ok: bool, error: impl FnOnce() -> FieldError) {
        if !ok {
            self.errors.push(error());
        }
    }

    pub(crate) fn extend_within(&mut self, prefix: &str, errors: Vec<FieldError>) {
        self.errors.extend(errors.into_iter().map(|e| e.within(prefix)));
    }

    pub(crate) fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    pub(crate) fn finish(self) -> Result<(), ValidationErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(self.errors))
        }
    }
}

/// Why a short text (a name part, a place) is not acceptable, if it is not.
///
/// `;` and `|` separate list items in CSV files, so short texts may not contain them.
pub(crate) fn short_text_problem(text: &str, max_chars: usize) -> Option<String> {
    if text != text.trim() {
        Some("no leading or trailing spaces".into())
    } else if text.chars().count() > max_chars {
        Some(format!("at most {max_chars} characters"))
    } else if text.chars().any(|c| c.is_control() || c == ';' || c == '|') {
        Some("no control characters, `;` or `|`".into())
    } else {
        None
    }
}

/// serde's description of a problem, without the value that caused it. The value may be
/// a name, a document number or a date of birth put in the wrong place, and identifying
/// values are never repeated in an answer or a report (see [`FieldError::redacted`]). concord-core's
/// parse errors read `` `value` is not …; expected … ``, serde's own
/// `invalid type: string "value", expected …`; what was expected is kept.
pub fn without_values(detail: &str) -> String {
    if let Some((_, expected)) = detail.split_once("; expected ") {
        return format!("expected {expected}");
    }
    let Some((before, quoted)) = detail.split_once("string \"") else {
        return detail.to_string();
    };
    // serde writes the string escaped, so its end is the first quote not escaped.
    let mut escaped = false;
    let end = quoted.char_indices().find_map(|(i, c)| {
        let closes = c == '"' && !escaped;
        escaped = c == '\\' && !escaped;
        closes.then_some(i)
    });
    match end {
        Some(end) => format!("{before}a string{}", &quoted[end + 1..]),
        None => format!("{before}a string"),
    }
}

#[cfg(test)]
mod tests {
    use super::without_values;

    #[test]
    fn parse_messages_keep_what_was_expected_and_lose_the_value() {
        let serde = r#"invalid type: string "Olena \"Lena\" Testova", expected a sequence at line 1 column 9"#;
        assert_eq!(
            without_values(serde),
            "invalid type: a string, expected a sequence at line 1 column 9"
        );
        let core = "`12.03.1990` is not a date; expected YYYY-MM-DD, YYYY-MM, YYYY or YYYY±N (N from 1 to 20)";
        assert_eq!(
            without_values(core),
            "expected YYYY-MM-DD, YYYY-MM, YYYY or YYYY±N (N from 1 to 20)"
        );
        assert_eq!(without_values("missing field `id`"), "missing field `id`");
    }
}
