//! The regulator pack: a cover with the fingerprint, the contents, one Annex IV dossier per use
//! case, the cross-reference to NIST AI RMF and ISO/IEC 42001, value with ROI charts as vectors,
//! and the audit trail of the included records with its verification — laid out from
//! `PackData` alone.

mod control;
mod development;
pub mod dossier;
mod lifecycle;

use std::cell::{Cell, RefCell};
use steerco_core::audit::AuditLine;
use steerco_core::charts::{portfolio_roi_chart, roi_chart, RoiSeries};

use steerco_core::caller::Caller;
use steerco_core::services::documents::digest::Digest;
use steerco_core::services::documents::pack::{self, DossierRead, PackData, PackDossier};
use steerco_core::store::Db;

use crate::text::{money, percent, short_hash, words};
use crate::typeset::flow::{text_ops, Style};
use crate::typeset::{Column, Composer, DocumentInfo, Face, Flow, Geometry};
use crate::{Progress, Rendered, ReportError};

pub fn audit_columns() -> Vec<Column> {
    vec![
        Column::right("#", 0.45),
        Column::left("When (UTC)", 1.05),
        Column::left("Who", 0.9),
        Column::left("Action", 0.9),
        Column::left("Record", 1.3),
        Column::left("Hash", 1.0),
    ]
}

pub fn audit_row(l: &AuditLine) -> Vec<String> {
    vec![
        l.seq.to_string(),
        l.at.replace('T', " ").trim_end_matches('Z').chars().take(19).collect(),
        l.actor.clone(),
        format!("{} {}", l.action, l.operation),
        format!("{} {}", l.entity_kind.replace('_', " "), l.entity_id),
        short_hash(&l.hash),
    ]
}

/// A pack read and laid out, with what its export records.
pub struct Built {
    pub rendered: Rendered,
    pub use_cases: Vec<String>,
    pub digest: Digest,
}

/// Reads the pack for `named` use cases and lays it out as it reads: each dossier is set as soon
/// as it is read and its records let go (a thousand dossiers held at once were most of the
/// memory); what the value section and the appendix read later stays. `progress` hears of each
/// step and may cancel by returning false.
pub fn build(
    db: &Db,
    caller: &Caller,
    named: &[String],
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Built, ReportError> {
    let composer = Composer::new("Regulator pack", Geometry::A4_PORTRAIT)?;
    let fonts = composer.fonts().clone();
    let mut flow = Flow::new(&fonts, Geometry::A4_PORTRAIT);
    // Reading and laying out both report; the progress callback is shared between them.
    let progress = RefCell::new(progress);
    let cancelled = Cell::new(false);
    let mut reading = |what: &str| {
        if !(progress.borrow_mut())(Progress { done: 0, total: 1, step: what.to_owned() }) {
            cancelled.set(true);
        }
    };
    let mut each = |at: DossierRead<'_>, d: &mut PackDossier| {
        let step = Progress {
            done: at.index as u32,
            total: at.of as u32 + 5,
            step: format!("{} {}", d.use_case.id, d.use_case.title),
        };
        if cancelled.get() || !(progress.borrow_mut())(step) {
            cancelled.set(true);
            return false;
        }
        dossier::write(&mut flow, d, &at.programme.currency);
        laid_out(d);
        true
    };
    let data = pack::gather_each(db, caller, named, &mut reading, &mut each)?;
    let data = match data {
        Some(data) if !cancelled.get() => data,
        _ => return Err(ReportError::Cancelled),
    };
    let rendered = finish(composer, flow, &data, progress.into_inner())?;
    Ok(Built {
        rendered,
        use_cases: data.dossiers.iter().map(|d| d.use_case.id.clone()).collect(),
        digest: data.digest,
    })
}

/// Everything after the dossiers: the cross-reference, value, the appendix, the cover and
/// contents, and the PDF.
fn finish(
    mut composer: Composer,
    mut flow: Flow<'_>,
    data: &PackData,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Rendered, ReportError> {
    let total = data.dossiers.len() + 5;
    let mut step = |done: usize, what: &str| -> Result<(), ReportError> {
        if progress(Progress { done: done as u32, total: total as u32, step: what.to_owned() }) {
            Ok(())
        } else {
            Err(ReportError::Cancelled)
        }
    };
    let currency = data.programme.currency.clone();
    let fonts = flow.fonts.clone();
    step(data.dossiers.len(), "cross-reference")?;
    cross_reference(&mut flow, data);
    step(data.dossiers.len() + 1, "value")?;
    value(&mut flow, &mut composer, data, &currency)?;
    step(data.dossiers.len() + 2, "audit trail")?;
    appendix(&mut flow, data);
    step(data.dossiers.len() + 3, "saving")?;
    let (body, headings) = flow.finish();
    let cover = cover(&fonts, data);
    let info = DocumentInfo {
        title: format!("{} — regulator pack", data.programme.name),
        author: data.prepared_by.clone(),
        subject: format!(
            "EU AI Act Annex IV technical documentation for {} use case{}",
            data.dossiers.len(),
            if data.dossiers.len() == 1 { "" } else { "s" }
        ),
        keywords: vec![
            "Steerco".into(),
            "EU AI Act Annex IV".into(),
            format!("fingerprint {}", data.digest.fingerprint),
        ],
        created: data.prepared_at,
        footer: format!(
            "{} · Regulator pack · fingerprint {}",
            data.programme.name,
            short_hash(&data.digest.fingerprint)
        ),
        fingerprint: Some(data.digest.fingerprint.clone()),
    };
    let pages = 1 + body.len();
    let mut beat = |seconds: u64| {
        progress(Progress {
            done: total as u32 - 1,
            total: total as u32,
            step: format!("writing the PDF ({seconds} s)"),
        })
    };
    let bytes = composer
        .finish_reporting(&info, vec![cover], true, body, &headings, &mut beat)?
        .ok_or(ReportError::Cancelled)?;
    let pages = count_pages(&bytes).unwrap_or(pages as u32);
    Ok(Rendered { bytes, pages })
}

/// Drops what only the dossier's own pages show.
fn laid_out(d: &mut PackDossier) {
    d.versions = Vec::new();
    d.diffs = Vec::new();
    d.packs = Vec::new();
    d.sources = Vec::new();
    d.policies = Vec::new();
    d.evaluations = Vec::new();
    d.deployments = Vec::new();
    d.lineage_gaps = Vec::new();
    d.bias_checks = Vec::new();
    d.risks = Vec::new();
    d.coverage = Vec::new();
    d.signoffs = Vec::new();
    d.pilot = None;
    d.alerts = Vec::new();
    d.feedback = Vec::new();
}

/// The page count the PDF's page tree declares (`/Count N`, written once by lopdf).
pub(crate) fn count_pages(bytes: &[u8]) -> Option<u32> {
    // On the bytes: a lossy copy of a 30 MB pack as text was the export's largest allocation.
    let at = bytes.windows(7).position(|w| w == b"/Count ")? + 7;
    let digits: Vec<u8> = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).copied().collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

fn cover(fonts: &crate::typeset::flow::FontIds, data: &PackData) -> crate::typeset::flow::Page {
    let g = Geometry::A4_PORTRAIT;
    let mut flow = Flow::new(fonts, g);
    flow.y = g.height - 200.0;
    flow.paragraph_styled("Regulator pack", Style { face: Face::Bold, size: 30.0, grey: 0.05, leading: 1.2 }, 0.0);
    flow.paragraph_styled(
        &data.programme.name,
        Style { face: Face::Regular, size: 18.0, grey: 0.2, leading: 1.3 },
        0.0,
    );
    flow.space(18.0);
    flow.paragraph_styled(
        "Technical documentation in the order of EU AI Act Annex IV, with a cross-reference to NIST AI RMF and ISO/IEC 42001.",
        Style::BODY.sized(11.0),
        0.0,
    );
    flow.space(24.0);
    let ids: Vec<&str> = data.dossiers.iter().map(|d| d.use_case.id.as_str()).collect();
    let shown =
        if ids.len() > 12 { format!("{} … ({} use cases)", ids[..12].join(", "), ids.len()) } else { ids.join(", ") };
    flow.fields(&[
        ("Date", data.prepared_at.format("%Y-%m-%d %H:%M UTC").to_string()),
        ("Prepared by", data.prepared_by.clone()),
        ("Use cases", shown),
        ("Records fingerprinted", data.digest.records.len().to_string()),
        ("Fingerprint (SHA-256)", data.digest.fingerprint.clone()),
    ]);
    flow.space(12.0);
    flow.paragraph_styled(
        "The fingerprint is the SHA-256 of the data this pack was built from. `steerco verify-pack FILE.pdf` tells whether this \
         exact file was exported from the portfolio, when and by whom, and which records have changed since.",
        Style::NOTE,
        0.0,
    );
    let (mut pages, _) = flow.finish();
    let mut ops = pages.swap_remove(0).unpack();
    text_ops(&mut ops, Style::SMALL, None, g.margin, g.height - g.margin, "Steerco");
    ops
}

fn cross_reference(flow: &mut Flow<'_>, data: &PackData) {
    flow.heading(1, "Cross-reference: EU AI Act, NIST AI RMF, ISO/IEC 42001");
    flow.paragraph(
        "The three frameworks are joined by the kind of record that evidences them: each row lists, for one kind of \
         evidence Steerco keeps, the items of each framework that require it.",
    );
    let rows: Vec<Vec<String>> = data
        .mapping
        .iter()
        .map(|m| {
            let pick = |prefix: &str| {
                let items: Vec<&str> = m.items.iter().filter(|i| i.starts_with(prefix)).map(String::as_str).collect();
                if items.is_empty() {
                    "—".to_owned()
                } else {
                    items.join(", ")
                }
            };
            vec![m.label.clone(), pick("AIA-"), pick("NIST-"), pick("ISO-")]
        })
        .collect();
    flow.table(
        &[
            Column::left("Evidence", 1.0),
            Column::left("EU AI Act Annex IV", 1.2),
            Column::left("NIST AI RMF", 1.6),
            Column::left("ISO/IEC 42001", 1.4),
        ],
        &rows,
        Style::BODY.sized(7.5),
    );
    let outside: Vec<Vec<String>> = data
        .frameworks
        .iter()
        .flat_map(|f| {
            f.items
                .iter()
                .filter_map(|i| i.outside.as_ref().map(|why| vec![format!("{} {}", i.id, i.title), why.clone()]))
        })
        .collect();
    if !outside.is_empty() {
        flow.heading(2, "Items outside what Steerco records");
        flow.table(&[Column::left("Item", 1.5), Column::left("Why", 2.0)], &outside, Style::BODY.sized(7.5));
    }
}

fn value(flow: &mut Flow<'_>, composer: &mut Composer, data: &PackData, currency: &str) -> Result<(), ReportError> {
    flow.heading(1, "Value");
    let valued: Vec<_> = data.dossiers.iter().filter(|d| !d.value.months.is_empty()).collect();
    if valued.is_empty() {
        flow.note("No month of value has been recorded for the use cases in this pack.");
        return Ok(());
    }
    if !data.portfolio_returns.is_empty() {
        let svg = portfolio_roi_chart(&data.portfolio_returns, currency)?;
        let (id, w, h) = composer.add_svg(&svg)?;
        flow.headed_graphic(2, "Portfolio ROI by month", id, w, h);
    }
    flow.heading(2, "Value by use case");
    let rows: Vec<Vec<String>> = valued
        .iter()
        .map(|d| {
            let r = &d.value.returns;
            vec![
                format!("{} {}", d.use_case.id, d.use_case.title),
                money(currency, r.cumulative_benefit),
                money(currency, r.cumulative_cost),
                money(currency, r.net),
                percent(r.roi),
                r.payback_month.clone().unwrap_or_else(|| "—".into()),
                words(&r.status),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Use case", 1.8),
            Column::right("Benefit", 1.0),
            Column::right("Cost", 1.0),
            Column::right("Net", 1.0),
            Column::right("ROI", 0.6),
            Column::left("Payback", 0.75),
            Column::left("Against plan", 0.8),
        ],
        &rows,
        Style::BODY.sized(8.0),
    );
    for d in valued {
        let title = format!("{} {} — cumulative benefit and cost", d.use_case.id, d.use_case.title);
        let svg = roi_chart(&RoiSeries {
            title: &title,
            currency,
            months: &d.value.returns.months,
            payback_month: d.value.returns.payback_month.as_deref(),
        })?;
        let (id, w, h) = composer.add_svg(&svg)?;
        flow.headed_graphic(3, &title, id, w, h);
    }
    Ok(())
}

fn appendix(flow: &mut Flow<'_>, data: &PackData) {
    flow.heading(1, "Appendix: audit trail of the included records");
    let v = &data.verification;
    flow.fields(&[
        (
            "Verification",
            if v.holds() {
                "the whole trail verifies: every record's hash chains to the one before".to_owned()
            } else {
                format!(
                    "DOES NOT VERIFY{}{}",
                    v.broken.as_ref().map_or(String::new(), |b| format!(": record {} — {}", b.seq, b.reason)),
                    if v.outside_changes.is_empty() {
                        String::new()
                    } else {
                        format!("; {} change(s) made outside Steerco", v.outside_changes.len())
                    }
                )
            },
        ),
        ("Records in the trail", v.records.to_string()),
        ("Head hash", v.head_hash.clone()),
    ]);
    let mut lines: Vec<&AuditLine> = data.dossiers.iter().flat_map(|d| d.audit.iter().map(|l| &**l)).collect();
    lines.sort_by_key(|l| l.seq);
    lines.dedup_by_key(|l| l.seq);
    if lines.is_empty() {
        flow.note("The trail holds no record of the included use cases' rows.");
        return;
    }
    flow.paragraph(&format!("{} records of the included use cases' rows, oldest first:", lines.len()));
    let rows: Vec<Vec<String>> = lines.into_iter().map(audit_row).collect();
    flow.table(&audit_columns(), &rows, Style::BODY.sized(7.0));
}
