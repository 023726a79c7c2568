//! Page timings, a benchmark rather than a test (ignored by `make test`; `make page-timings`
//! runs it against the release app): for portfolios of about 1,000 and 10,000 use cases, click
//! each page in the sidebar and measure, inside the page, the time until it settles — no loader
//! left and nothing changing in the DOM for 250 ms (the quiet time is not counted). Prints one
//! line per page; the README keeps the figures. With `STEERCO_TIMING_DETAIL=1` each line also
//! shows the backend calls (start–end, ms after the click) and the last DOM changes, which tells
//! time in the backend from time in rendering. `STEERCO_TIMING_RUNS=3` measures each page three
//! times; `STEERCO_TIMING_PAGES=board,pilots` only those pages.

use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use steerco_e2e::{App, Sandbox, TestResult, PAGES};

/// Clicks the page's sidebar entry and resolves with the milliseconds until the page settled.
const MEASURE: &str = r#"
const [page, done] = arguments;
const quiet = 250;
const start = performance.now();
let last = start;
const trace = [];
const describe = (n) => { const e = n.nodeType === 1 ? n : n.parentElement; if (!e) return '?'; return (e.getAttribute('data-testid') || e.tagName.toLowerCase() + '.' + String(e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className).split(' ')[0]); };
const observer = new MutationObserver((list) => { last = performance.now(); if (window.__steercoTimingDetail) { trace.push(`${Math.round(last - start)}:${list.length}:${describe(list[0].target)}:${list[0].type}:${list[0].attributeName || ''}`); } });
observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
document.querySelector(`[data-testid=nav-${page}]`).click();
const poll = () => {
  const now = performance.now();
  const loading = document.querySelector('.mantine-Loader-root, [aria-busy=true]');
  if (!loading && now - last >= quiet && now - start >= quiet) {
    observer.disconnect();
    const calls = (window.__steercoCalls || []).filter((c) => c.end >= start)
      .map((c) => `${c.command} ${Math.round(c.start - start)}-${Math.round(c.end - start)}`);
    done(window.__steercoTimingDetail ? `${Math.round(last - start)} calls [${calls.join(', ')}] dom [${trace.slice(-8).join(', ')}]` : Math.round(last - start));
  } else if (now - start > 180000) {
    observer.disconnect();
    done(-1);
  } else {
    requestAnimationFrame(poll);
  }
};
requestAnimationFrame(poll);
"#;

async fn time_pages(app: &App, label: &str) -> TestResult {
    // `STEERCO_TIMING_PAGES=board,pilots` times only those pages (while working on them).
    let only = std::env::var("STEERCO_TIMING_PAGES").ok();
    let runs: usize = std::env::var("STEERCO_TIMING_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    let chosen = |page: &str| only.as_deref().is_none_or(|list| list.split(',').any(|p| p.trim() == page));
    for page in PAGES.iter().filter(|p| chosen(p)) {
        // From a light page each time, so every figure is one page's own cost.
        if std::env::var_os("STEERCO_TIMING_DETAIL").is_some() {
            app.client
                .execute(
                    "window.__steercoTimingDetail = true; window.__steercoCalls = window.__steercoCalls || [];",
                    vec![],
                )
                .await?;
        }
        for _ in 0..runs {
            app.client.execute_async(MEASURE, vec!["policies".into()]).await?;
            let ms = app.client.execute_async(MEASURE, vec![(*page).into()]).await?;
            println!("{label:>7} use cases  {page:<10} {ms:>6} ms");
        }
    }
    Ok(())
}

#[tokio::test]
#[ignore = "a benchmark: `make page-timings`"]
async fn every_page_settles_quickly_at_one_thousand_and_ten_thousand_use_cases() -> TestResult {
    let only: Option<u32> = std::env::var("STEERCO_TIMING_SCALES").ok().and_then(|s| s.parse().ok());
    for (scale, label) in [(1_000, "1,019"), (10_000, "10,019")] {
        if only.is_some_and(|o| o != scale) {
            continue;
        }
        let sandbox = Sandbox::new()?;
        let portfolio = sandbox.path("scaled.steerco");
        sandbox.cli(&portfolio, &["demo", "--scale", &scale.to_string()])?;
        let app = sandbox.launch(&portfolio).await?;
        let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(200)), None, None);
        app.client.update_timeouts(timeouts).await?;
        app.text("[data-testid=programme-name]").await?;
        time_pages(&app, label).await?;
        app.close().await?;
    }
    Ok(())
}

/// Dispatches an input (a search string typed) or a key (on a slider) and resolves with the
/// milliseconds until `watch` first changes: how long the page takes to answer.
const ANSWER: &str = r#"
const [target, action, watch, done] = arguments;
const el = document.querySelector(target);
const observed = document.querySelector(watch);
el.focus();
const start = performance.now();
const observer = new MutationObserver(() => { observer.disconnect(); done(Math.round(performance.now() - start)); });
observer.observe(observed, { subtree: true, childList: true, characterData: true });
if (action.startsWith('type:')) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(el, action.slice(5));
  el.dispatchEvent(new Event('input', { bubbles: true }));
} else {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: action, bubbles: true }));
}
setTimeout(() => { observer.disconnect(); done(-1); }, 10000);
"#;

fn median(mut v: Vec<i64>) -> i64 {
    v.sort_unstable();
    v[v.len() / 2]
}

#[tokio::test]
#[ignore = "a benchmark: `make page-timings`"]
async fn typing_a_search_and_moving_a_weight_answer_quickly_at_one_thousand_use_cases() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("scaled.steerco");
    sandbox.cli(&portfolio, &["demo", "--scale", "1000"])?;
    let app = sandbox.launch(&portfolio).await?;
    app.open_page("portfolio").await?;
    app.text("[data-testid=ranked-count]").await?;
    let search = "input[aria-label='Search use cases']";
    let mut typed = Vec::new();
    // Each string changes the count shown: a narrowing search, then back to every case.
    for text in ["clai", "", "mortg", "", "zzq", "", "wealth", ""] {
        let ms = app
            .client
            .execute_async(
                ANSWER,
                vec![search.into(), format!("type:{text}").into(), "[data-testid=ranked-count]".into()],
            )
            .await?;
        typed.push(ms.as_i64().unwrap_or(-1));
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    }
    let thumb = "[role=slider][aria-label$='weight']";
    let mut slid = Vec::new();
    for key in ["ArrowRight", "ArrowRight", "ArrowLeft", "ArrowLeft", "ArrowRight"] {
        let ms = app
            .client
            .execute_async(ANSWER, vec![thumb.into(), key.into(), "[data-testid=weight-value-value]".into()])
            .await?;
        slid.push(ms.as_i64().unwrap_or(-1));
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    }
    println!("  1,020 use cases  search keystroke → count shown  median {} ms  {typed:?}", median(typed.clone()));
    println!("  1,020 use cases  weight slider key → value shown median {} ms  {slid:?}", median(slid.clone()));
    assert!(typed.iter().chain(&slid).all(|&ms| ms >= 0), "every input was answered");
    app.close().await
}
