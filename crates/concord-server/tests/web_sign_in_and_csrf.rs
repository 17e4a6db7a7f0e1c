//! The browser's path through the node: signing in sets a secure session cookie, every
//! state-changing form needs the session's CSRF token, signing out ends the session,
//! and every answer carries the security headers.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use concord_core::Role;
use concord_server::{CONTENT_SECURITY_POLICY, SESSION_COOKIE, SIGN_INS_PER_MINUTE};

mod common;

use common::{Answer, TestNode};

/// A browser: its cookie once signed in.
struct Browser<'n> {
    node: &'n TestNode,
    cookie: Option<String>,
}

impl<'n> Browser<'n> {
    fn new(node: &'n TestNode) -> Self {
        Self { node, cookie: None }
    }

    async fn send(&self, method: Method, uri: &str, form: Option<&str>) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::HOST, "127.0.0.1:8080")
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = &self.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        if form.is_some() {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        let body = form.map_or_else(Body::empty, |f| Body::from(f.to_string()));
        self.node.request_as_sent(request.body(body).unwrap()).await
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Method::GET, uri, None).await
    }

    async fn post(&self, uri: &str, form: &str) -> Answer {
        self.send(Method::POST, uri, Some(form)).await
    }

    async fn sign_in(&mut self, username: &str, password: &str) -> Answer {
        let form = format!("username={username}&password={}&back=%2Fcases", urlencode(password));
        let answer = self.post("/sign-in", &form).await;
        if let Some(set) = answer.headers.get(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            self.cookie = Some(set.split(';').next().unwrap().to_string());
        }
        answer
    }

    /// The CSRF token in the page's forms.
    async fn csrf_token(&self) -> String {
        let page = self.get("/tokens").await.text;
        let at = page
            .find("name=\"_csrf\" value=\"")
            .expect("a form with the CSRF token")
            + 20;
        page[at..at + page[at..].find('"').unwrap()].to_string()
    }
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn signing_in_sets_a_secure_http_only_strict_cookie_and_goes_back_to_the_page_asked() {
    let node = TestNode::new();
    let (password, _) = node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    assert_eq!(browser.get("/cases").await.status, StatusCode::UNAUTHORIZED);
    let answer = browser.sign_in("olena", &password).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.headers[header::LOCATION], "/cases");
    let cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with(&format!("{SESSION_COOKIE}=")), "{cookie}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing from {cookie}");
    }
    let cases = browser.get("/cases").await;
    assert_eq!(cases.status, StatusCode::OK);
    assert!(cases.text.contains("Test olena"), "the page names who is signed in");
}

#[tokio::test]
async fn a_wrong_password_shows_the_sign_in_form_again_with_401() {
    let node = TestNode::new();
    node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    let answer = browser.sign_in("olena", "not her password").await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert!(answer.text.contains("Wrong username or password"));
    assert!(browser.cookie.is_none());
}

#[tokio::test]
async fn too_many_sign_ins_from_one_address_are_refused_for_a_minute() {
    let node = TestNode::new();
    let mut browser = Browser::new(&node);
    for _ in 0..SIGN_INS_PER_MINUTE {
        assert_eq!(browser.sign_in("nobody", "x").await.status, StatusCode::UNAUTHORIZED);
    }
    let answer = browser.sign_in("nobody", "x").await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_form_without_the_sessions_csrf_token_is_refused_and_changes_nothing() {
    let node = TestNode::new();
    let (password, _) = node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    browser.sign_in("olena", &password).await;
    for form in ["name=stolen", "name=stolen&_csrf=guess"] {
        let answer = browser.post("/tokens", form).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{form}");
        assert!(answer.text.contains("CSRF"), "{}", answer.text);
    }
    assert!(
        !browser.get("/tokens").await.text.contains("stolen"),
        "no token was made"
    );
    let token = browser.csrf_token().await;
    let answer = browser.post("/tokens", &format!("name=made&_csrf={token}")).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    assert!(answer.text.contains("concord_"), "the secret is shown once");
}

#[tokio::test]
async fn a_json_call_of_a_browser_session_needs_the_token_in_its_header() {
    let node = TestNode::new();
    let (password, _) = node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    browser.sign_in("olena", &password).await;
    let token = browser.csrf_token().await;
    let call = |csrf: Option<String>| {
        let mut request = Request::post("/api/v1/tokens")
            .header(header::COOKIE, browser.cookie.clone().unwrap())
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(csrf) = csrf {
            request = request.header("x-csrf-token", csrf);
        }
        request.body(Body::from(r#"{"name":"script"}"#)).unwrap()
    };
    assert_eq!(node.request_as_sent(call(None)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        node.request_as_sent(call(Some(token))).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_form_posted_from_another_site_is_refused_even_with_a_session() {
    let node = TestNode::new();
    let (password, _) = node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    browser.sign_in("olena", &password).await;
    let token = browser.csrf_token().await;
    let request = Request::post("/tokens")
        .header(header::COOKIE, browser.cookie.clone().unwrap())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(format!("name=x&_csrf={token}")))
        .unwrap();
    assert_eq!(node.request_as_sent(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server_not_only_in_the_browser() {
    let node = TestNode::new();
    let (password, _) = node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    browser.sign_in("olena", &password).await;
    let token = browser.csrf_token().await;
    let answer = browser.post("/sign-out", &format!("_csrf={token}")).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert!(answer.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(
        browser.get("/cases").await.status,
        StatusCode::UNAUTHORIZED,
        "the old cookie is dead"
    );
}

#[tokio::test]
async fn every_answer_carries_a_strict_content_security_policy_and_no_caching_of_pages() {
    let node = TestNode::new();
    let browser = Browser::new(&node);
    for uri in ["/sign-in", "/cases", "/api/v1/health", "/api/v1/cases", "/nowhere"] {
        let answer = browser.get(uri).await;
        assert_eq!(
            answer.headers[header::CONTENT_SECURITY_POLICY],
            CONTENT_SECURITY_POLICY,
            "{uri}"
        );
        assert_eq!(answer.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
        assert_eq!(answer.headers[header::X_FRAME_OPTIONS], "DENY", "{uri}");
        assert_eq!(answer.headers[header::REFERRER_POLICY], "no-referrer", "{uri}");
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store", "{uri}");
    }
    assert!(CONTENT_SECURITY_POLICY.contains("default-src 'none'"));
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
    let css = browser.get("/static/concord.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.headers[header::CACHE_CONTROL].to_str().unwrap().contains("max-age"));
}

#[tokio::test]
async fn no_page_holds_an_inline_style_or_script_that_the_policy_would_block() {
    let node = TestNode::with(&[common::case("C-1")]).await;
    let (password, _) = node.user("olena", Role::Analyst, None);
    let mut browser = Browser::new(&node);
    browser.sign_in("olena", &password).await;
    for uri in [
        "/",
        "/statistics",
        "/estimate",
        "/cases",
        "/cases/C-1",
        "/cases/C-1/edit",
        "/cases/new",
        "/persons",
        "/persons/C-1-V1",
        "/tokens",
    ] {
        let page = browser.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.text);
        for forbidden in ["style=", "<style", "<script", "javascript:", "⟦"] {
            assert!(!page.text.contains(forbidden), "{uri} holds {forbidden}");
        }
    }
}
