//! Harness for the end-to-end suite: starts the real, built desktop app through tauri-driver and
//! WebKitWebDriver (under the Xvfb display the caller provides), in a sandbox whose portfolio,
//! data and config folders are temp dirs, so no test touches the user's real files.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tempfile::TempDir;

mod waiting;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// A built binary of this workspace: `$VAR` if set, else `<target>/debug/<name>`.
fn workspace_binary(var: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(var) {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug").join(name)
}

pub fn desktop_binary() -> PathBuf {
    workspace_binary("STEERCO_DESKTOP_BIN", "steerco-desktop")
}

pub fn cli_binary() -> PathBuf {
    workspace_binary("STEERCO_CLI_BIN", "steerco")
}

fn tauri_driver() -> PathBuf {
    std::env::var_os("TAURI_DRIVER").map(PathBuf::from).unwrap_or_else(|| {
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .unwrap_or_default();
        let installed = cargo_home.join("bin/tauri-driver");
        if installed.exists() {
            installed
        } else {
            PathBuf::from("tauri-driver")
        }
    })
}

/// Every page in the sidebar, by the id its entry's test id carries (`nav-<id>`).
pub const PAGES: &[&str] = &[
    "dashboard",
    "overview",
    "portfolio",
    "research",
    "workshops",
    "registry",
    "data",
    "policies",
    "lineage",
    "board",
    "pilots",
    "value",
    "steering",
    "checklist",
    "cadence",
    "signoffs",
    "risk",
    "audit",
    "reports",
];

/// Polls `done` (a CLI read, say) until it holds, for up to 15 s.
pub async fn wait_until(what: &str, mut done: impl FnMut() -> TestResult<bool>) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done()? {
        if Instant::now() > deadline {
            return Err(format!("timed out waiting until {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    Ok(())
}

/// Who the app and the CLI work as in tests, unless a test chooses otherwise.
pub const DEMO_USER: &str = "Jonas Weber";

/// Per-test folders: a portfolio path plus private data, config and cache homes.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> TestResult<Self> {
        let sandbox = Self { dir: TempDir::new()? };
        for home in ["xdg-data", "xdg-config", "xdg-cache/mesa_shader_cache"] {
            std::fs::create_dir_all(sandbox.path(home))?;
        }
        // WebKitGTK answers `prefers-reduced-motion` from GTK's animation setting, and the app
        // then opens drawers and modals without transitions: no click lands on a sliding panel.
        std::fs::create_dir_all(sandbox.path("xdg-config/gtk-3.0"))?;
        std::fs::write(sandbox.path("xdg-config/gtk-3.0/settings.ini"), "[Settings]\ngtk-enable-animations=false\n")?;
        Ok(sandbox)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn envs(&self, portfolio: &Path) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("STEERCO_DB", portfolio.to_owned()),
            // The demo's administrator, so the profile picker does not interrupt tests that are
            // not about it; tests about roles switch profiles in the app.
            ("STEERCO_USER", PathBuf::from(DEMO_USER)),
            ("XDG_DATA_HOME", self.path("xdg-data")),
            ("XDG_CONFIG_HOME", self.path("xdg-config")),
            ("XDG_CACHE_HOME", self.path("xdg-cache")),
        ]
    }

    /// Runs the `steerco` CLI on `portfolio` and parses its `--json` output.
    pub fn cli_json(&self, portfolio: &Path, args: &[&str]) -> TestResult<Value> {
        let out =
            Command::new(cli_binary()).arg("--db").arg(portfolio).args(args).envs(self.envs(portfolio)).output()?;
        if !out.status.success() {
            return Err(format!("steerco {args:?} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(serde_json::from_slice(&out.stdout)?)
    }

    /// Runs the `steerco` CLI on `portfolio`, failing unless it succeeds; returns its stdout.
    pub fn cli(&self, portfolio: &Path, args: &[&str]) -> TestResult<String> {
        let out =
            Command::new(cli_binary()).arg("--db").arg(portfolio).args(args).envs(self.envs(portfolio)).output()?;
        if !out.status.success() {
            return Err(format!("steerco {args:?} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Starts the desktop app on `portfolio` and connects a WebDriver session to it. GTK can
    /// fail to start under a busy Xvfb; one retry absorbs that without hiding a real failure.
    pub async fn launch(&self, portfolio: &Path) -> TestResult<App> {
        self.launch_with(portfolio, &[]).await
    }

    /// As `launch`, with more environment for the app (e.g. STEERCO_READ_ONLY).
    pub async fn launch_with(&self, portfolio: &Path, extra: &[(&'static str, &str)]) -> TestResult<App> {
        match App::start(self, portfolio, extra).await {
            Ok(app) => Ok(app),
            Err(first) => {
                eprintln!("first launch failed ({first}); retrying once");
                App::start(self, portfolio, extra).await
            }
        }
    }
}

/// tauri-driver, stopped with SIGTERM so that it also stops WebKitWebDriver and the app.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.0.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct App {
    pub client: Client,
    _driver: Driver,
}

/// Errors that mean "the page is still settling" (a dropdown or modal animating in, React
/// replacing an element), as opposed to a real failure.
fn settling(status: &fantoccini::error::ErrorStatus) -> bool {
    use fantoccini::error::ErrorStatus::*;
    // WebKitWebDriver also answers a click on an element React is replacing with an unknown
    // error (an empty message, or "Could not parse element file upload information").
    matches!(status, ElementClickIntercepted | StaleElementReference | ElementNotInteractable | UnknownError)
}

fn free_port() -> TestResult<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl App {
    async fn start(sandbox: &Sandbox, portfolio: &Path, extra: &[(&'static str, &str)]) -> TestResult<App> {
        let app = desktop_binary();
        if !app.exists() {
            return Err(format!("{} is missing; build it first (`make build`)", app.display()).into());
        }
        let (port, native_port) = (free_port()?, free_port()?);
        let driver = Driver(
            Command::new(tauri_driver())
                .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
                .envs(sandbox.envs(portfolio))
                .envs(extra.iter().map(|(k, v)| (*k, PathBuf::from(v))))
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .map_err(|e| format!("cannot start tauri-driver ({e}); `make e2e` installs it"))?,
        );
        let url = format!("http://127.0.0.1:{port}");
        let caps = json!({ "browserName": "wry", "tauri:options": { "application": app } });
        let serde_json::Value::Object(caps) = caps else { unreachable!("a JSON object literal") };
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            // A new session waits for the app's window; when GTK fails to start the app dies and
            // WebKitWebDriver never answers, so each attempt is bounded (the caller retries once).
            let mut builder = ClientBuilder::new(HttpConnector::new());
            let attempt = builder.capabilities(caps.clone()).connect(&url);
            match tokio::time::timeout(Duration::from_secs(60), attempt).await {
                Err(_) => return Err(format!("the WebDriver session at {url} did not start within 60 s").into()),
                Ok(Ok(client)) => break client,
                Ok(Err(e)) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Ok(Err(e)) => return Err(format!("no WebDriver session at {url}: {e}").into()),
            }
        };
        Ok(App { client, _driver: driver })
    }

    /// Picks `person_id` in the profile picker and waits until the header says so, so that the
    /// next click is judged with that person's roles.
    pub async fn work_as(&self, person_id: &str, name: &str) -> TestResult {
        self.click("[data-testid=working-as]").await?;
        self.click(&format!("[data-testid=profile-{person_id}]")).await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.count("[data-testid=profile-picker]").await? > 0
            || !self.text("[data-testid=working-as]").await?.contains(name)
        {
            if Instant::now() > deadline {
                return Err(format!("the app did not switch to {name}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Waits (up to 20 s) for the element and returns its text content. WebKitWebDriver's
    /// "visible text" comes back empty for some elements that are plainly on screen (Mantine's
    /// Alert), so this reads the DOM's textContent; screenshots cover what is visible.
    pub async fn text(&self, css: &str) -> TestResult<String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let read = async { self.find(css).await?.prop("textContent").await };
            match read.await {
                Ok(text) => return Ok(text.unwrap_or_default().trim().to_owned()),
                Err(fantoccini::error::CmdError::Standard(e)) if settling(&e.error) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => return Err(format!("{css}: {e}").into()),
            }
        }
    }

    /// Waits for the element, scrolls it to the middle of the window and clicks it, as a person
    /// would scroll to a row below the fold before clicking it. While the page settles (a modal
    /// or dropdown animating in, React replacing the element) it finds the element afresh and
    /// tries again for a few seconds before failing.
    pub async fn click(&self, css: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let clicked = async {
                let element = self.find(css).await?;
                let arg = serde_json::to_value(&element).map_err(fantoccini::error::CmdError::Json)?;
                self.client.execute("arguments[0].scrollIntoView({ block: 'center' });", vec![arg]).await?;
                element.click().await
            };
            match clicked.await {
                Ok(()) => return Ok(()),
                Err(fantoccini::error::CmdError::Standard(e)) if settling(&e.error) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => return Err(format!("{css}: {e}").into()),
            }
        }
    }

    /// Clicks an SVG element (a lineage node) by dispatching the click in the page:
    /// WebKitWebDriver's element click refuses SVG groups it cannot compute a box for.
    pub async fn click_svg(&self, css: &str) -> TestResult {
        let element = self.find(css).await.map_err(|e| format!("{css}: {e}"))?;
        let arg = serde_json::to_value(&element)?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });
                 arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));",
                vec![arg],
            )
            .await?;
        Ok(())
    }

    /// Finds the input afresh (React may have replaced it), selects what it holds and types
    /// `text` over it. Typing (not WebDriver's clear) sends the input events a controlled React
    /// input listens to, so the form sees the emptied field too.
    pub async fn fill(&self, css: &str, text: &str) -> TestResult {
        use fantoccini::key::Key;
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let typed = async {
                let input = self.find(css).await?;
                input.send_keys(&format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace)).await?;
                input.send_keys(text).await
            };
            match typed.await {
                Ok(()) => return Ok(()),
                Err(fantoccini::error::CmdError::Standard(e)) if settling(&e.error) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => return Err(format!("{css}: {e}").into()),
            }
        }
    }

    /// Sends keys to the element, finding it afresh.
    pub async fn keys(&self, css: &str, keys: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let typed = async { self.find(css).await?.send_keys(keys).await };
            match typed.await {
                Ok(()) => return Ok(()),
                Err(fantoccini::error::CmdError::Standard(e)) if settling(&e.error) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => return Err(format!("{css}: {e}").into()),
            }
        }
    }

    /// Waits (up to 20 s) for the element to exist.
    async fn find(&self, css: &str) -> Result<fantoccini::elements::Element, fantoccini::error::CmdError> {
        self.client.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css(css)).await
    }

    /// How many elements match, counted in the page in one step (immune to re-renders).
    pub async fn count(&self, css: &str) -> TestResult<usize> {
        let n = self.client.execute("return document.querySelectorAll(arguments[0]).length;", vec![css.into()]).await?;
        Ok(serde_json::from_value(n)?)
    }

    /// Whether screenshots are kept (STEERCO_E2E_SCREENSHOTS names their folder): walks that exist
    /// only to be looked at are skipped when nobody will look.
    pub fn keeps_screenshots() -> bool {
        std::env::var_os("STEERCO_E2E_SCREENSHOTS").is_some()
    }

    /// Saves a screenshot next to the e2e logs, for people to look at.
    pub async fn screenshot(&self, name: &str) -> TestResult {
        if let Some(dir) = std::env::var_os("STEERCO_E2E_SCREENSHOTS") {
            // WebKit's snapshot can trail the DOM by a few frames under Xvfb.
            tokio::time::sleep(Duration::from_millis(1500)).await;
            std::fs::create_dir_all(&dir)?;
            std::fs::write(Path::new(&dir).join(format!("{name}.png")), self.client.screenshot().await?)?;
        }
        Ok(())
    }

    pub async fn close(self) -> TestResult {
        self.client.close().await?;
        Ok(())
    }
}
