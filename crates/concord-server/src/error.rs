//! Every error the API answers with, and the one JSON shape they all share:
//! `{"error": code, "message": text, ...details}`.
//!
//! Bad input is always a 4xx that says what was wrong and what was expected; a 500 means
//! the store itself failed, and its message never carries the failure's details (they go
//! to the node's log, which holds no personal data).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use concord_core::ValidationErrors;
use concord_exchange::BundleError;
use concord_node::exchange::ExchangeError;
use concord_node::StoreError;
use serde_json::{json, Value};

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// An error answered by the API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query or path parameter whose value is not acceptable.
    #[error("parameter `{parameter}`: got `{value}`; expected {expected}")]
    BadParameter {
        /// The parameter's name.
        parameter: String,
        /// The value given.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// A query parameter this endpoint does not know. The value is not repeated.
    #[error("unknown parameter `{parameter}`; this endpoint accepts: {}", allowed.join(", "))]
    UnknownParameter {
        /// The parameter's name.
        parameter: String,
        /// Every parameter the endpoint accepts.
        allowed: &'static [&'static str],
    },
    /// A query parameter given twice.
    #[error("parameter `{0}` is given more than once; give it once")]
    RepeatedParameter(String),
    /// A query string that could not be decoded at all.
    #[error("the query string could not be decoded: {0}")]
    BadQuery(String),
    /// A body that is not JSON, or not the JSON of the expected record.
    #[error("the body is not a valid record at `{path}`: {detail}")]
    MalformedJson {
        /// JSON path of the problem (`persons[0].role`; `.` for the whole body).
        path: String,
        /// serde's description, with line and column.
        detail: String,
        /// Line of the problem (from 1).
        line: usize,
        /// Column of the problem (from 1).
        column: usize,
    },
    /// A body that is not declared as JSON.
    #[error("the body must be JSON, sent with `Content-Type: application/json`")]
    UnsupportedMediaType,
    /// A body larger than [`MAX_BODY_BYTES`].
    #[error("the body is larger than the {MAX_BODY_BYTES} bytes accepted")]
    PayloadTooLarge,
    /// A body that could not be read.
    #[error("the body could not be read")]
    UnreadableBody,
    /// A record that breaks the rules of [`concord_core::Case::validate`].
    #[error("the record breaks {count} rule(s); each is listed in `errors` with its field", count = .0.0.len())]
    Validation(ValidationErrors),
    /// No resource at this address.
    #[error("{0}")]
    NotFound(String),
    /// The address exists but not with this method.
    #[error("this address does not accept this method")]
    MethodNotAllowed,
    /// A record with this ID already exists.
    #[error("{0}")]
    Conflict(String),
    /// A request addressed to a host name other than this computer's loopback.
    #[error(
        "this node's API answers only requests addressed to localhost, 127.0.0.1 or [::1]; \
         a request for another host name is refused (protection against DNS rebinding)"
    )]
    ForbiddenHost,
    /// An exchange body not declared as a bundle.
    #[error("the body must be a Concord bundle, sent with `Content-Type: application/octet-stream`")]
    NotABundle,
    /// A bundle larger than [`crate::MAX_BUNDLE_BYTES`].
    #[error(
        "the bundle is larger than the {} bytes accepted over HTTP; carry it as a file",
        crate::MAX_BUNDLE_BYTES
    )]
    BundleTooLarge,
    /// A bundle in a protocol version this node does not speak.
    #[error("{message}")]
    UnsupportedVersion {
        /// The refusal, naming the version found and those spoken.
        message: String,
        /// The versions this node speaks.
        supported: &'static [u16],
    },
    /// A bundle that is damaged, forged, or breaks the protocol; nothing was applied.
    #[error("{0}")]
    BundleRejected(String),
    /// A bundle from a node that is not a partner; nothing was applied.
    #[error("{0}")]
    UnknownSender(String),
    /// A bundle addressed to another node; nothing was applied.
    #[error("{0}")]
    NotForThisNode(String),
    /// No session or API token: sign in first.
    #[error("sign in first: this needs a session (sign in on the node's web pages) or an API token (`Authorization: Bearer concord_…`)")]
    Unauthenticated,
    /// An API token that is unknown or revoked.
    #[error("this API token is not valid: it was revoked, or never existed")]
    BadToken,
    /// The caller's role does not allow this.
    #[error("your role ({role}) does not allow this: it needs the permission to {needed}")]
    Forbidden {
        /// The caller's role.
        role: &'static str,
        /// What the request needs, in words.
        needed: &'static str,
    },
    /// Something only a browser session may do (making API tokens), asked with a token.
    #[error("API tokens are made in a signed-in browser session, not with another token")]
    SessionNeeded,
    /// A state-changing request of a browser session without its CSRF token.
    #[error("this request did not carry this session's CSRF token (form field `_csrf` or header `X-CSRF-Token`), or came from another site; nothing was changed. Reload the page and try again")]
    CsrfRejected,
    /// Too many sign-in attempts from one address.
    #[error("too many sign-in attempts from this address; wait a minute and try again")]
    TooManyAttempts,
    /// Another process holds the database for a moment.
    #[error("the node's database is busy (another Concord process is writing to it); try again shortly")]
    Busy,
    /// The store failed. The detail is logged, never sent.
    #[error("the node's store failed; the cause is in the node's log")]
    Internal,
}

impl ApiError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadParameter { .. }
            | Self::UnknownParameter { .. }
            | Self::RepeatedParameter(_)
            | Self::BadQuery(_)
            | Self::MalformedJson { .. }
            | Self::UnreadableBody
            | Self::UnsupportedVersion { .. }
            | Self::BundleRejected(_) => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType | Self::NotABundle => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::UnknownSender(_) => StatusCode::FORBIDDEN,
            Self::NotForThisNode(_) => StatusCode::MISDIRECTED_REQUEST,
            Self::PayloadTooLarge | Self::BundleTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::ForbiddenHost | Self::Forbidden { .. } | Self::CsrfRejected | Self::SessionNeeded => {
                StatusCode::FORBIDDEN
            }
            Self::Unauthenticated | Self::BadToken => StatusCode::UNAUTHORIZED,
            Self::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine-readable code in the `error` field.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadParameter { .. } => "bad_parameter",
            Self::UnknownParameter { .. } => "unknown_parameter",
            Self::RepeatedParameter(_) => "repeated_parameter",
            Self::BadQuery(_) => "bad_query",
            Self::MalformedJson { .. } => "malformed_json",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnreadableBody => "unreadable_body",
            Self::Validation(_) => "validation",
            Self::NotFound(_) => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict(_) => "conflict",
            Self::ForbiddenHost => "forbidden_host",
            Self::NotABundle => "not_a_bundle",
            Self::BundleTooLarge => "payload_too_large",
            Self::UnsupportedVersion { .. } => "unsupported_version",
            Self::BundleRejected(_) => "bundle_rejected",
            Self::UnknownSender(_) => "unknown_sender",
            Self::NotForThisNode(_) => "not_for_this_node",
            Self::Unauthenticated => "unauthenticated",
            Self::BadToken => "bad_token",
            Self::Forbidden { .. } => "forbidden",
            Self::CsrfRejected => "csrf_rejected",
            Self::SessionNeeded => "session_needed",
            Self::TooManyAttempts => "too_many_attempts",
            Self::Busy => "busy",
            Self::Internal => "internal",
        }
    }

    /// The whole JSON body.
    pub fn body(&self) -> Value {
        let mut body = json!({ "error": self.code(), "message": self.to_string() });
        let extra = match self {
            Self::BadParameter {
                parameter,
                value,
                expected,
            } => json!({ "parameter": parameter, "value": value, "expected": expected }),
            Self::UnknownParameter { parameter, allowed } => json!({ "parameter": parameter, "allowed": allowed }),
            Self::RepeatedParameter(parameter) => json!({ "parameter": parameter }),
            Self::MalformedJson { path, line, column, .. } => json!({ "path": path, "line": line, "column": column }),
            Self::PayloadTooLarge => json!({ "limit_bytes": MAX_BODY_BYTES }),
            Self::UnsupportedVersion { supported, .. } => json!({ "supported_versions": supported }),
            Self::BundleTooLarge => json!({ "limit_bytes": crate::MAX_BUNDLE_BYTES }),
            Self::Validation(errors) => json!({ "errors": errors }),
            Self::Forbidden { role, needed } => json!({ "role": role, "needed": needed }),
            _ => json!({}),
        };
        if let (Some(body), Value::Object(extra)) = (body.as_object_mut(), extra) {
            body.extend(extra);
        }
        body
    }

    /// A 400 for a parameter, taking "what was expected" from a parse error's message
    /// (`… ; expected …`) so that the wording stays the one of the type that refused it.
    pub(crate) fn bad_parameter(parameter: &str, value: &str, error: &impl std::fmt::Display) -> Self {
        let message = error.to_string();
        let expected = match message.split_once("; expected ") {
            Some((_, expected)) => expected.to_string(),
            None => message,
        };
        Self::BadParameter {
            parameter: parameter.to_string(),
            value: value.to_string(),
            expected,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::DuplicateCase(_) | StoreError::DuplicatePerson(_) => Self::Conflict(error.to_string()),
            StoreError::CaseNotFound(_) | StoreError::PersonNotFound(_) => Self::NotFound(error.to_string()),
            StoreError::Locked(_) => Self::Busy,
            other => {
                // Store errors name paths, record IDs and SQLite causes, never personal data.
                tracing::error!(error = %other, "store failure");
                Self::Internal
            }
        }
    }
}

impl From<ExchangeError> for ApiError {
    fn from(error: ExchangeError) -> Self {
        match error {
            ExchangeError::Store(e) => e.into(),
            ExchangeError::UnknownSender(_) => Self::UnknownSender(error.to_string()),
            ExchangeError::NotForThisNode { .. } => Self::NotForThisNode(error.to_string()),
            ExchangeError::Bundle(BundleError::UnsupportedVersion { supported, .. }) => Self::UnsupportedVersion {
                message: error.to_string(),
                supported,
            },
            other => Self::BundleRejected(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        let headers = response.headers_mut();
        match self {
            Self::Busy => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            Self::TooManyAttempts => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
            }
            Self::Unauthenticated | Self::BadToken => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"concord\""),
                );
            }
            _ => {}
        }
        response
    }
}
