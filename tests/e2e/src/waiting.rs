//! Waiting on the page as a person waits: for an element to appear, to go away, for a form to
//! show a value, and clicking again when a click landed on something still sliding in.

use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::{App, TestResult};

impl App {
    /// Clicks `target` until `appears` is on the page: a drawer still sliding in can move a button
    /// from under a click that WebDriver reports as delivered.
    pub async fn click_until(&self, target: &str, appears: &str) -> TestResult {
        for attempt in 0..4 {
            if self.count(appears).await? > 0 {
                return Ok(());
            }
            // Before the first click the target may still be loading; `click` waits for it.
            if attempt > 0 && self.count(target).await? == 0 {
                // The click went through and the page moved on; let what it opens finish appearing.
                return self.wait_for(appears).await;
            }
            self.click(target).await?;
            let deadline = Instant::now() + Duration::from_secs(6);
            while Instant::now() < deadline {
                if self.count(appears).await? > 0 {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
        }
        self.screenshot("failure-click-until").await?;
        Err(format!("clicking {target} never showed {appears}").into())
    }

    /// Opens a page from the sidebar and waits until the sidebar marks it as the current one: a
    /// click on an entry while the sidebar's counts re-render can miss it, so it clicks again.
    pub async fn open_page(&self, page: &str) -> TestResult {
        self.click_until(&format!("[data-testid=nav-{page}]"), &format!("[data-testid=nav-{page}][aria-current=page]"))
            .await
    }

    /// Waits (up to 20 s) until `css` is on the page.
    pub async fn wait_for(&self, css: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.count(css).await? == 0 {
            if Instant::now() > deadline {
                self.screenshot("failure-wait-for").await?;
                return Err(format!("{css} never appeared; {}", self.where_we_are().await).into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        Ok(())
    }

    /// What a failure message needs when no screenshot is kept (CI prints only the log): the page
    /// the sidebar marks as current, any open dialog's title, and the start of the main text.
    async fn where_we_are(&self) -> String {
        let script = "const current = document.querySelector('[aria-current=page]');
            const dialog = document.querySelector('[role=dialog] h2, [role=dialog] .mantine-Modal-title');
            const main = document.querySelector('main');
            const squash = (t) => (t || '').replace(/\\s+/g, ' ').trim();
            return 'page: ' + (current ? current.getAttribute('data-testid') : 'none')
              + (dialog ? '; dialog: ' + squash(dialog.textContent) : '')
              + '; main reads: ' + squash(main ? main.textContent : document.body.textContent).slice(0, 400);";
        match self.client.execute(script, vec![]).await {
            Ok(serde_json::Value::String(text)) => text,
            Ok(other) => other.to_string(),
            Err(e) => format!("the page could not be read ({e})"),
        }
    }

    /// Waits (up to 10 s) until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.count(css).await? > 0 {
            if Instant::now() > deadline {
                return Err(format!("{css} did not go away").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Waits until the input shows `value` (a form fills its fields once the record has loaded;
    /// typing before then would be overwritten).
    pub async fn wait_for_value(&self, css: &str, value: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let shown = match self.client.find(Locator::Css(css)).await {
                Ok(input) => input.prop("value").await?,
                Err(_) => None, // still opening
            };
            if shown.as_deref() == Some(value) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("{css} never showed {value:?} (last {shown:?})").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
