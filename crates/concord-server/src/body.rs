//! Request bodies: JSON only, at most [`MAX_BODY_BYTES`](crate::error::MAX_BODY_BYTES), and a
//! parse error that names the JSON path of the problem.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON request body parsed into `T`.
///
/// Unlike `axum::Json`, every refusal is an [`ApiError`]: a body not declared as JSON is
/// a 415 (which also makes browsers ask before sending one from another site), a body
/// over the limit a 413, and a body that does not parse a 400 naming the path, line and
/// column of the problem.
#[derive(Debug)]
pub(crate) struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::UnreadableBody
            }
        })?;
        parse(&bytes).map(JsonBody)
    }
}

/// Parses a whole body as `T`, trailing characters included.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        malformed(path, e.into_inner())
    })?;
    de.end().map_err(|e| malformed(".".to_string(), e))?;
    Ok(value)
}

fn malformed(path: String, error: serde_json::Error) -> ApiError {
    ApiError::MalformedJson {
        path,
        line: error.line(),
        column: error.column(),
        detail: concord_core::without_values(&error.to_string()),
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_with_parameters_and_suffixes_count_as_json() {
        let mut headers = HeaderMap::new();
        for (value, json) in [
            ("application/json", true),
            ("Application/JSON; charset=utf-8", true),
            ("application/problem+json", true),
            ("text/plain", false),
            ("application/x-www-form-urlencoded", false),
        ] {
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
            assert_eq!(is_json(&headers), json, "{value}");
        }
        assert!(!is_json(&HeaderMap::new()), "a body without a content type is not JSON");
    }

    #[test]
    fn values_from_the_body_are_not_repeated_in_the_problem() {
        let detail = |json: &str| match parse::<concord_core::Person>(json.as_bytes()) {
            Err(ApiError::MalformedJson { detail, .. }) => detail,
            other => panic!("{other:?}"),
        };
        let names = detail(r#"{"id": "P-1", "role": "Victim", "names": "Olena \"Lena\" Testova"}"#);
        assert!(!names.contains("Olena") && !names.contains("Testova"), "{names}");
        assert!(
            names.contains("a string") && names.contains("expected a sequence"),
            "{names}"
        );
        let birth = detail(r#"{"id": "P-1", "role": "Victim", "names": [], "birth_date": "12.03.1990"}"#);
        assert!(!birth.contains("12.03.1990") && birth.contains("YYYY-MM-DD"), "{birth}");
        let role = detail(r#"{"id": "P-1", "role": "Victm"}"#);
        assert!(!role.contains("Victm") && role.contains("Victim"), "{role}");
    }

    #[test]
    fn trailing_characters_after_the_record_are_refused() {
        let err = parse::<serde_json::Value>(b"{} x").unwrap_err();
        assert_eq!(err.code(), "malformed_json");
    }
}
