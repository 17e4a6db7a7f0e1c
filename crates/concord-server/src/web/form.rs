//! Form bodies (`application/x-www-form-urlencoded`), as browsers post them.

/// The fields of a posted form, in order; a field may repeat (checkboxes).
#[derive(Debug, Default)]
pub struct Form {
    fields: Vec<(String, String)>,
}

impl Form {
    /// Decodes a form body. Undecodable bytes become U+FFFD rather than an error: the
    /// fields they were in then fail validation with a message that names them.
    pub fn parse(body: &[u8]) -> Self {
        Self {
            fields: form_urlencoded::parse(body).into_owned().collect(),
        }
    }

    /// The first value of `name`, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The value of `name` trimmed, or `None` when absent or blank.
    pub fn text(&self, name: &str) -> Option<&str> {
        Some(self.get(name).trim()).filter(|v| !v.is_empty())
    }

    /// Every value of `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets `name` to `value`, replacing what it held.
    pub fn set(&mut self, name: &str, value: &str) {
        self.fields.retain(|(n, _)| n != name);
        self.add(name, value);
    }

    /// Adds one more value of `name`.
    pub fn add(&mut self, name: &str, value: &str) {
        self.fields.push((name.to_string(), value.to_string()));
    }
}
