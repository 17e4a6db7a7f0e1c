//! The web UI in a real browser: headless Chromium driven over WebDriver (chromedriver)
//! against `concord serve` running as its own process on 127.0.0.1.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without
//! them each test says loudly that it was skipped and why, and passes. When a step
//! fails, a screenshot of the page is kept in `target/tmp/browser-screenshots/`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

mod common;

use common::free_port;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Why the browser tests cannot run here, if they cannot.
fn missing_browser() -> Option<String> {
    [CHROMIUM, CHROMEDRIVER]
        .iter()
        .find(|p| !Path::new(p).exists())
        .map(|p| format!("{p} is not installed (apt-get install chromium chromium-driver)"))
}

fn skip(test: &str, why: &str) {
    eprintln!("\n*** SKIPPED browser test `{test}`: {why} ***\n");
}

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A node served on loopback, with users created by the command line.
struct Node {
    dir: tempfile::TempDir,
    url: String,
    _server: Running,
}

/// Runs `concord` on the node in `dir` (`synth` makes a file and needs no node).
fn concord(dir: &Path, args: &[&str]) -> String {
    let node: &[&str] = if args[0] == "synth" {
        &[]
    } else {
        &["-d", "node", "-k", "node.key"]
    };
    let output = Command::new(env!("CARGO_BIN_EXE_concord"))
        .current_dir(dir)
        .args(args)
        .args(node)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "concord {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The password in what `concord init --admin` or `concord user add` printed.
fn password_in(printed: &str) -> String {
    let at = printed.find("assword: ").expect("a password is printed") + "assword: ".len();
    printed[at..].split_whitespace().next().unwrap().to_string()
}

impl Node {
    /// A node with an administrator and a field officer in each of two units.
    fn start() -> (Node, Vec<(&'static str, String)>) {
        let dir = tempfile::tempdir().unwrap();
        let admin = concord(
            dir.path(),
            &[
                "init",
                "--name",
                "Browser test unit",
                "--country",
                "KZ",
                "--admin",
                "admin",
            ],
        );
        let mut users = vec![("admin", password_in(&admin))];
        for (name, unit) in [("field-a", "Unit A"), ("field-b", "Unit B")] {
            let printed = concord(
                dir.path(),
                &["user", "add", name, "--role", "FieldOfficer", "--unit", unit],
            );
            users.push((name, password_in(&printed)));
        }
        let port = free_port();
        let server = Command::new(env!("CARGO_BIN_EXE_concord"))
            .current_dir(dir.path())
            .args([
                "serve",
                "-d",
                "node",
                "-k",
                "node.key",
                "--listen",
                &format!("127.0.0.1:{port}"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        wait_for(&format!("127.0.0.1:{port}"));
        (
            Node {
                dir,
                url,
                _server: Running(server),
            },
            users,
        )
    }
}

fn wait_for(addr: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {addr}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Headless Chromium, driven by its own chromedriver.
struct Browser {
    client: Client,
    _driver: Running,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Running(driver);
        wait_for(&format!("127.0.0.1:{port}"));
        let profile = tempfile::tempdir().unwrap();
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1024,800",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("chromedriver starts a browser session");
        Browser {
            client,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Runs `scenario`; on failure keeps a screenshot named after the test, then panics.
    async fn run(self, test: &str, scenario: impl std::future::Future<Output = anyhow::Result<()>>) {
        let outcome = scenario.await;
        if let Err(error) = outcome {
            let shot = screenshot_path(test);
            let kept = match self.client.screenshot().await {
                Ok(png) => std::fs::write(&shot, png).map(|_| format!("screenshot: {}", shot.display())),
                Err(e) => Ok(format!("no screenshot ({e})")),
            };
            let _ = self.client.close().await;
            panic!("{error:#}\n{}", kept.unwrap_or_default());
        }
        self.client.close().await.unwrap();
    }
}

fn screenshot_path(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{test}.png"))
}

/// Clicks `button` and waits until the browser has left `from` and loaded the next page.
async fn submit(c: &Client, button: &str) -> anyhow::Result<String> {
    let from = c.current_url().await?;
    c.find(Locator::Css(button)).await?.click().await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ready = c.execute("return document.readyState;", vec![]).await?;
        let url = c.current_url().await?;
        if url != from && ready == "complete" {
            return Ok(url.path().to_string());
        }
        ensure!(Instant::now() < deadline, "submitting with {button} never left {from}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn sign_in(c: &Client, base: &str, username: &str, password: &str) -> anyhow::Result<()> {
    c.goto(&format!("{base}/sign-in")).await?;
    c.find(Locator::Id("username")).await?.send_keys(username).await?;
    c.find(Locator::Id("password")).await?.send_keys(password).await?;
    let path = submit(c, "form.sign-in button[type=submit]").await?;
    ensure!(
        path == "/",
        "signing in as {username} leads to the dashboard, not {path}"
    );
    Ok(())
}

async fn sign_out(c: &Client) -> anyhow::Result<()> {
    let path = submit(c, "form[action='/sign-out'] button").await?;
    ensure!(path == "/sign-in", "signing out leads to the sign-in page, not {path}");
    Ok(())
}

async fn heading(c: &Client) -> anyhow::Result<String> {
    Ok(c.find(Locator::Css("main h1")).await?.text().await?)
}

/// Fills the new-case form's reference and first person, and submits it.
async fn submit_new_case(c: &Client, base: &str, id: &str, birth_date: &str) -> anyhow::Result<()> {
    c.goto(&format!("{base}/cases/new")).await?;
    c.find(Locator::Id("id")).await?.send_keys(id).await?;
    c.find(Locator::Id("given")).await?.send_keys("Aigerim").await?;
    c.find(Locator::Id("family")).await?.send_keys("Testova").await?;
    c.find(Locator::Id("birth_date")).await?.send_keys(birth_date).await?;
    submit(c, "form.case button[type=submit]").await?;
    Ok(())
}

#[tokio::test]
async fn sign_in_create_a_case_fix_a_validation_error_find_it_and_sign_out() {
    if let Some(why) = missing_browser() {
        return skip("sign_in_create_a_case…", &why);
    }
    let (node, users) = Node::start();
    let browser = Browser::start().await;
    let c = browser.client.clone();
    let base = node.url.clone();
    let password = users[1].1.clone();
    browser
        .run("create_a_case", async move {
            c.goto(&format!("{base}/cases")).await?;
            c.find(Locator::Css("form.sign-in"))
                .await
                .context("a page asked without a session shows the sign-in form")?;
            sign_in(&c, &base, "field-a", &password).await?;

            submit_new_case(&c, &base, "AST-2026-0042", "1990-13").await?;
            let error = c
                .find(Locator::Id("birth_date-error"))
                .await
                .context("the error is shown next to the date of birth")?;
            ensure!(!error.text().await?.is_empty(), "the error says what was expected");
            let kept = c.find(Locator::Id("family")).await?.prop("value").await?;
            ensure!(kept.as_deref() == Some("Testova"), "what was typed is kept: {kept:?}");

            let birth_date = c.find(Locator::Id("birth_date")).await?;
            birth_date.clear().await?;
            birth_date.send_keys("1990-05").await?;
            let path = submit(&c, "form.case button[type=submit]").await?;
            ensure!(path == "/cases/AST-2026-0042", "saving leads to the case, not {path}");
            ensure!(heading(&c).await?.contains("AST-2026-0042"));
            ensure!(c.source().await?.contains("Testova"), "the case shows its person");

            c.goto(&format!("{base}/cases?q=AST-2026")).await?;
            c.find(Locator::LinkText("AST-2026-0042"))
                .await
                .context("the new case is in the filtered list")?;

            sign_out(&c).await?;
            c.goto(&format!("{base}/cases")).await?;
            c.find(Locator::Css("form.sign-in"))
                .await
                .context("after signing out the cases need a session again")?;
            Ok(())
        })
        .await;
    drop(node);
}

#[tokio::test]
async fn a_field_officer_cannot_open_another_units_case() {
    if let Some(why) = missing_browser() {
        return skip("a_field_officer_cannot_open_another_units_case", &why);
    }
    let (node, users) = Node::start();
    let browser = Browser::start().await;
    let c = browser.client.clone();
    let base = node.url.clone();
    browser
        .run("other_units_case", async move {
            sign_in(&c, &base, "field-b", &users[2].1).await?;
            submit_new_case(&c, &base, "B-UNIT-7", "1985").await?;
            ensure!(
                c.current_url().await?.path() == "/cases/B-UNIT-7",
                "unit B's officer made the case"
            );
            sign_out(&c).await?;

            sign_in(&c, &base, "field-a", &users[1].1).await?;
            c.goto(&format!("{base}/cases/B-UNIT-7")).await?;
            let title = heading(&c).await?;
            ensure!(
                title == "Not found",
                "unit A's officer is told the case is not found, got `{title}`"
            );
            ensure!(!c.source().await?.contains("Testova"), "nothing of the case is shown");
            c.goto(&format!("{base}/cases")).await?;
            if c.find(Locator::LinkText("B-UNIT-7")).await.is_ok() {
                bail!("unit B's case is listed to unit A");
            }
            Ok(())
        })
        .await;
    drop(node);
}

#[tokio::test]
async fn the_pages_fit_a_360_pixel_screen_and_turn_right_to_left_in_arabic() {
    if let Some(why) = missing_browser() {
        return skip("the_pages_fit_a_360_pixel_screen…", &why);
    }
    let (node, users) = Node::start();
    concord(
        node.dir.path(),
        &["synth", "-o", "cases.csv", "--cases", "50", "--seed", "3"],
    );
    concord(node.dir.path(), &["import", "cases.csv"]);
    let browser = Browser::start().await;
    let c = browser.client.clone();
    let base = node.url.clone();
    browser
        .run("narrow_and_arabic", async move {
            c.set_window_size(360, 800).await?;
            sign_in(&c, &base, "admin", &users[0].1).await?;
            for lang in ["English", "العربية"] {
                if lang != "English" {
                    let switch = c.find(Locator::LinkText(lang)).await?.attr("href").await?;
                    c.goto(&format!("{base}{}", switch.context("the language link has an address")?)).await?;
                }
                for page in ["/", "/cases", "/cases/new", "/statistics", "/estimate", "/audit"] {
                    c.goto(&format!("{base}{page}")).await?;
                    let measured = c
                        .execute(
                            "return [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.dir];",
                            vec![],
                        )
                        .await?;
                    let (scroll, inner, dir) = (measured[0].as_f64().unwrap_or(0.0), measured[1].as_f64().unwrap_or(0.0), measured[2].as_str().unwrap_or(""));
                    ensure!(scroll <= inner, "{page} in {lang} is wider ({scroll}px) than the screen ({inner}px)");
                    let expected = if lang == "English" { "ltr" } else { "rtl" };
                    ensure!(dir == expected, "{page} in {lang} has dir={dir}");
                }
            }
            ensure!(heading(&c).await? == "سجل التدقيق", "the audit page's title is in Arabic");
            Ok(())
        })
        .await;
    drop(node);
}
