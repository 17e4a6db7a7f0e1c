//! What every page knows about its request: the language, the signed-in caller (if
//! any), and the page shell around its content.

use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use concord_core::{Permission, Picklist};
use maud::{html, Markup, DOCTYPE};

use crate::auth::{client_addr, Caller, CSRF_FIELD};
use crate::state::AppState;
use crate::web::i18n::Lang;

/// The request as a page sees it.
#[derive(Debug, Clone)]
pub struct Ui {
    /// The language to answer in.
    pub lang: Lang,
    /// Who is signed in, if anyone.
    pub caller: Option<Caller>,
    /// The path asked for (to come back to after signing in or switching language).
    pub path: String,
    /// The node's name, shown in every header.
    pub node_name: String,
    /// The client's address, when the server recorded it.
    pub client: Option<IpAddr>,
}

impl FromRequestParts<AppState> for Ui {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Ui {
            lang: Lang::of_request(&parts.headers),
            caller: parts.extensions.get::<Caller>().cloned(),
            path: parts.uri.path().to_string(),
            node_name: state.node_name().to_string(),
            client: client_addr(&parts.extensions),
        })
    }
}

/// The sections of the navigation, each with the permission it needs (`None`: every
/// signed-in user).
const SECTIONS: &[(&str, &str, Option<Permission>)] = &[
    ("/", "nav-dashboard", None),
    ("/cases", "nav-cases", Some(Permission::ReadCases)),
    ("/persons", "nav-persons", Some(Permission::ReadCases)),
    ("/partners", "nav-partners", Some(Permission::ReadPartners)),
    ("/hits", "nav-hits", Some(Permission::ReadPartners)),
    ("/requests", "nav-requests", Some(Permission::ReadPartners)),
    ("/alerts", "nav-alerts", Some(Permission::ReadPartners)),
    ("/statistics", "nav-statistics", Some(Permission::ReadStatistics)),
    ("/estimate", "nav-estimate", Some(Permission::ReadStatistics)),
    ("/audit", "nav-audit", Some(Permission::ReadAudit)),
    ("/tokens", "nav-tokens", None),
];

impl Ui {
    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// Whether the caller may do `permission`.
    pub fn may(&self, permission: Permission) -> bool {
        self.caller.as_ref().is_some_and(|c| c.user.role.may(permission))
    }

    /// The hidden field that carries the session's CSRF token in a form.
    pub fn csrf_field(&self) -> Markup {
        let token = self.caller.as_ref().map_or("", |c| c.csrf_token());
        html! { input type="hidden" name=(CSRF_FIELD) value=(token); }
    }

    /// A whole HTML page titled `title` around `content`.
    pub fn page(&self, title: &str, content: Markup) -> Markup {
        html! {
            (DOCTYPE)
            html lang=(self.lang.code()) dir=(self.lang.dir()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · " (self.t("app-name")) }
                    link rel="stylesheet" href="/static/concord.css";
                }
                body {
                    a.skip href="#main" { (self.t("skip-to-content")) }
                    (self.header())
                    main #main {
                        h1 { (title) }
                        (content)
                    }
                    footer {
                        (self.lang.t_with("footer-version", &[("version", env!("CARGO_PKG_VERSION").into())]))
                    }
                }
            }
        }
    }

    fn header(&self) -> Markup {
        html! {
            header.top {
                div.brand {
                    a href="/" { (self.t("app-name")) }
                    span.node { (self.node_name) }
                }
                @if let Some(caller) = &self.caller {
                    nav aria-label=(self.t("nav-main")) {
                        ul {
                            @for (href, key, needs) in SECTIONS {
                                @if needs.is_none_or(|p| caller.user.role.may(p)) {
                                    li {
                                        a href=(href) aria-current=[self.is_current(href).then_some("page")] {
                                            (self.t(key))
                                        }
                                    }
                                }
                            }
                        }
                    }
                    div.who {
                        span {
                            (self.lang.t_with("signed-in-as", &[
                                ("user", caller.user.display_name.clone().into()),
                                ("role", self.t(&format!("role-short-{}", caller.user.role.as_str())).into()),
                            ]))
                        }
                        form method="post" action="/sign-out" {
                            (self.csrf_field())
                            button type="submit" { (self.t("sign-out")) }
                        }
                    }
                }
                (self.language_switch())
            }
        }
    }

    fn language_switch(&self) -> Markup {
        html! {
            ul.languages aria-label=(self.t("language")) {
                @for lang in Lang::ALL {
                    li {
                        @if lang == self.lang {
                            span lang=(lang.code()) aria-current="true" { (lang.own_name()) }
                        } @else {
                            a lang=(lang.code()) href={ "/language/" (lang.code()) "?back=" (self.path) } {
                                (lang.own_name())
                            }
                        }
                    }
                }
            }
        }
    }

    fn is_current(&self, href: &str) -> bool {
        if href == "/" {
            self.path == "/"
        } else {
            self.path == href || self.path.starts_with(&format!("{href}/"))
        }
    }

    /// A select of every value of picklist `P`, with `selected` chosen; `any` adds a
    /// first empty choice labelled "Any".
    pub fn picklist_select<P: Picklist + PartialEq>(&self, name: &str, selected: Option<P>, any: bool) -> Markup {
        html! {
            select #(name) name=(name) {
                @if any {
                    option value="" { (self.t("any")) }
                }
                @for value in P::ALL {
                    option value=(value.as_str()) selected[Some(*value) == selected] { (self.lang.pick(*value)) }
                }
            }
        }
    }
}

/// A page as an HTML response.
pub fn html(markup: Markup) -> Response {
    Html(markup.into_string()).into_response()
}
