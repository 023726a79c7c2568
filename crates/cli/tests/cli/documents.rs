//! `steerco export pack` and `steerco verify-pack` on the demo, read back with poppler's tools:
//! page count and metadata (pdfinfo), every font embedded (pdffonts), each Annex IV heading,
//! each dossier and "Page 1 of" as real text (pdftotext); and verification of the exported file,
//! of a changed byte, a truncated copy and a foreign PDF, and after the data changed.

use std::path::Path;
use std::process::Command;

use predicates::str::contains;
use serde_json::Value;

use crate::support::Sandbox;

pub(crate) fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    db
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| panic!("{name} (poppler-utils) runs: {e}"));
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn export(sb: &Sandbox, db: &Path, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["export", "pack", "--out", out.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    sb.json(db, &args)
}

#[test]
fn the_pack_is_real_text_with_every_annex_iv_section_and_embedded_fonts() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let pdf = sb.path("pack.pdf");
    let outcome = export(&sb, &db, &pdf, &["--as", "Carla Mendes"]);
    let path = pdf.to_str().unwrap();

    let info = tool("pdfinfo", &[path]);
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert_eq!(u64::from(pages), outcome["pages"].as_u64().unwrap(), "the outcome counts the pages pdfinfo sees");
    assert!(pages > 20, "three dossiers, cross-reference, value and appendix take more than 20 pages: {pages}");
    assert!(info.contains("Author:          Carla Mendes"), "the person working is the author: {info}");
    assert!(info.contains("regulator pack") && info.contains("Subject:"), "{info}");
    assert!(info.contains("CreationDate:") && !info.contains("1970"), "a real creation date: {info}");
    assert!(!info.contains("PDF/X"), "the pack claims no PDF/X conformance it lacks: {info}");

    // pdffonts' columns are fixed-width (a chart's font, held in its form, has "[none]" for an
    // object id): the "emb" column is found under its dashes.
    let fonts = tool("pdffonts", &[path]);
    let dashes = fonts.lines().nth(1).unwrap();
    let emb_at =
        dashes.match_indices('-').map(|(i, _)| i).filter(|&i| i == 0 || &dashes[i - 1..i] == " ").nth(3).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() > 2, "the body's two faces and the charts' fonts: {fonts}");
    for row in rows {
        assert_eq!(&row[emb_at..emb_at + 3], "yes", "every font is embedded: {row}");
    }

    let text = tool("pdftotext", &["-layout", path, "-"]);
    for heading in [
        "1. General description",
        "2. Development",
        "3. Monitoring, functioning and control",
        "4. Why these metrics",
        "5. Risk management",
        "6. Changes over the lifecycle",
        "7. Standards applied",
        "8. Sign-offs",
        "9. Post-market monitoring",
    ] {
        assert!(text.matches(heading).count() >= 4, "{heading:?} appears in the contents and each of three dossiers");
    }
    for dossier in
        ["UC-001 Compliance-curated answers", "UC-013 Adverse event case intake", "UC-016 Non-conformance report"]
    {
        assert!(text.contains(dossier), "{dossier}");
    }
    assert!(text.contains(&format!("Page 1 of {pages}")), "the footer counts pages");
    let squeezed: String = text.split_whitespace().collect();
    assert!(squeezed.contains(outcome["fingerprint"].as_str().unwrap()), "the fingerprint is printed on the cover");
    assert!(text.contains("Cross-reference: EU AI Act, NIST AI RMF, ISO/IEC 42001"));
    assert!(text.contains("Appendix: audit trail of the included records"));
    assert!(squeezed.contains("EUR2,400,000"), "money shows the currency and separators");
    for label in ["Portfolio ROI by month (EUR)", "Cumulative, EUR"] {
        assert!(text.contains(label), "the charts' labels are text, not outlines: {label:?}");
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    assert!(
        words.windows(4).any(|w| w[0] == "paid" && w[1] == "back" && w[2].len() == 3 && w[3].len() == 4),
        "a payback point's label (\"paid back Oct 2026\") is text"
    );

    // The export is on the audit trail with the file's hash and the fingerprint.
    sb.with_db(&db).args(["audit", "log", "--entity", path]).assert().success().stdout(contains("export"));
}

#[test]
fn one_named_use_case_makes_a_pack_of_one_and_a_missing_one_is_refused() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let pdf = sb.path("one.pdf");
    export(&sb, &db, &pdf, &["--use-case", "UC-007"]);
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("UC-007") && !text.contains("UC-013 Adverse"), "only the named dossier");
    assert!(text.contains("No adapter version is registered"), "an empty section says so in words");
    assert!(text.contains("No pilot is recorded"), "an empty section says so in words");
    sb.with_db(&db)
        .args(["export", "pack", "--out", sb.path("x.pdf").to_str().unwrap(), "--use-case", "UC-999"])
        .assert()
        .code(2)
        .stderr(contains("UC-999"));
    assert!(!sb.path("x.pdf").exists(), "a refused export writes nothing");
}

#[test]
fn verify_pack_matches_the_export_and_refuses_altered_truncated_and_foreign_files() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let pdf = sb.path("pack.pdf");
    let outcome = export(&sb, &db, &pdf, &["--use-case", "UC-001"]);
    let verify =
        |file: &Path| sb.with_db(&db).args(["verify-pack", file.to_str().unwrap(), "--json"]).output().unwrap();

    let out = verify(&pdf);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["matches"], true);
    assert_eq!(v["export"]["id"], outcome["export_id"]);
    assert_eq!(v["sha256"], outcome["sha256"]);
    assert_eq!(v["data"]["changed"], serde_json::json!([]), "nothing changed yet");

    let bytes = std::fs::read(&pdf).unwrap();
    let mut altered = bytes.clone();
    let middle = altered.len() / 2;
    altered[middle] ^= 0x01;
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("altered.pdf", altered, "altered after export"),
        ("truncated.pdf", bytes[..bytes.len() / 2].to_vec(), "truncated"),
        (
            "foreign.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec(),
            "no Steerco fingerprint",
        ),
    ];
    for (name, content, reason) in cases {
        let file = sb.path(name);
        std::fs::write(&file, content).unwrap();
        let out = verify(&file);
        assert_eq!(out.status.code(), Some(1), "{name} fails verification");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["matches"], false, "{name}");
        assert!(v["reason"].as_str().unwrap().contains(reason), "{name}: {}", v["reason"]);
    }

    // A change to the dossier after export is named, and the file still matches.
    sb.with_db(&db).args(["usecase", "set", "UC-001", "workflow=Question, then answer"]).assert().success();
    let out = verify(&pdf);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changed: Vec<&str> = v["data"]["changed"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert!(changed.contains(&"UC-001"), "{changed:?}");
    sb.with_db(&db).args(["verify-pack", pdf.to_str().unwrap()]).assert().success().stdout(contains("changed: "));

    // A pack exported now shows the sign-off stale, with what changed.
    let again = sb.path("again.pdf");
    export(&sb, &db, &again, &["--use-case", "UC-001"]);
    let text = tool("pdftotext", &[again.to_str().unwrap(), "-"]);
    assert!(text.contains("STALE"), "the edited dossier's sign-off is stale");
    assert!(text.contains("What changed since UC-001 was signed") && text.contains("Question, then answer"));
}

#[test]
fn an_export_never_replaces_the_portfolio_and_an_empty_scope_is_explained() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    sb.with_db(&db)
        .args(["export", "pack", "--out", db.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("never replace"));
    let empty = sb.path("empty.steerco");
    sb.with_db(&empty).arg("init").assert().success();
    sb.with_db(&empty)
        .args(["export", "pack", "--out", sb.path("e.pdf").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("pilot stage or later"));
}

fn workbook_sheets(path: &Path) -> Vec<(String, calamine::Range<calamine::Data>)> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range)
        })
        .collect()
}

#[test]
fn the_workbook_reads_back_as_the_data_with_numbers_dates_and_formula_text_kept_as_text() {
    use calamine::Data;
    let sb = Sandbox::new();
    let db = demo(&sb);
    // A title that a spreadsheet would run as a formula.
    sb.with_db(&db).args(["usecase", "set", "UC-007", "title==HYPERLINK(\"http://x\",\"y\")"]).assert().success();
    let xlsx = sb.path("programme.xlsx");
    sb.with_db(&db)
        .args(["export", "workbook", "--out", xlsx.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("4 sheets"));
    let sheets = workbook_sheets(&xlsx);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Ranked portfolio", "Value by month", "Risk register", "Decisions"]);

    let cases = sb.list_json(&db);
    let (_, ranked) = &sheets[0];
    assert_eq!(ranked.height(), cases.len() + 1, "a row per use case under the header");
    for row in ranked.rows().skip(1) {
        let id = row[1].to_string();
        let case = cases.iter().find(|c| c["id"] == id.as_str()).unwrap_or_else(|| panic!("{id}"));
        assert!(matches!(row[0], Data::Float(_)), "{id}: rank is a number cell");
        assert_eq!(
            row[7],
            Data::Float(case["annual_value"].as_f64().unwrap()),
            "{id}: annual value is a number equal to the dossier's"
        );
        assert_eq!(row[2], Data::String(case["title"].as_str().unwrap().to_owned()), "{id}: title is text");
    }
    let formula = ranked.rows().find(|r| r[1] == Data::String("UC-007".into())).unwrap();
    assert_eq!(
        formula[2],
        Data::String("=HYPERLINK(\"http://x\",\"y\")".into()),
        "formula-looking text is a string cell"
    );

    let (_, value) = &sheets[1];
    let dashboard = sb.json(&db, &["dashboard", "--json"]);
    let months: u64 =
        dashboard["use_cases"].as_array().unwrap().iter().map(|c| c["months_recorded"].as_u64().unwrap()).sum();
    assert_eq!(value.height() as u64, months + 1, "a row per recorded month");
    assert!(matches!(value.rows().nth(1).unwrap()[2], Data::DateTime(_)), "months are date cells");
    let uc001_benefit: f64 = value
        .rows()
        .skip(1)
        .filter(|r| r[0] == Data::String("UC-001".into()))
        .map(|r| match r[3] {
            Data::Float(f) => f,
            ref other => panic!("benefit is a number cell: {other:?}"),
        })
        .sum();
    let uc001 = dashboard["use_cases"].as_array().unwrap().iter().find(|c| c["use_case_id"] == "UC-001").unwrap();
    assert_eq!(
        uc001_benefit,
        uc001["cumulative_benefit"].as_f64().unwrap(),
        "the months add up to the dashboard's total"
    );

    let (_, risks) = &sheets[2];
    let risk_list = sb.json(&db, &["risk", "list", "--json"]);
    assert_eq!(risks.height(), risk_list.as_array().unwrap().len() + 1);
    let (_, decisions) = &sheets[3];
    assert!(
        decisions.rows().skip(1).any(|r| r[5] == Data::String("authorise".into())),
        "the demo's authorised backlog item"
    );
}

#[test]
fn a_rating_sheet_goes_out_as_xlsx_with_a_drop_down_and_comes_back_filled() {
    use calamine::Data;
    let sb = Sandbox::new();
    let db = demo(&sb);
    let sheet = sb.path("aisha.xlsx");
    sb.with_db(&db)
        .args(["workshop", "sheet-export", "WS-001", "--participant", "Aisha Rahman"])
        .arg(&sheet)
        .assert()
        .success();
    let bytes = std::fs::read(&sheet).unwrap();
    assert!(bytes.starts_with(b"PK"), "an XLSX file, not CSV");
    let (_, range) = workbook_sheets(&sheet).remove(0);
    let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        ["workshop_id", "participant", "use_case_id", "use_case_title", "criterion", "criterion_name", "rating"]
    );

    // Fill it as a spreadsheet would: every rating 5, written as number cells.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                _ if r > 0 && c == 6 => ws.write_number(r, c, 5.0).map(|_| ()),
                Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
                other => ws.write_string(r, c, other.to_string()).map(|_| ()),
            }
            .unwrap();
        }
    }
    let filled = sb.path("filled.xlsx");
    book.save(&filled).unwrap();
    sb.with_db(&db).args(["workshop", "sheet-import", "WS-001"]).arg(&filled).assert().success();
    let detail = sb.json(&db, &["workshop", "show", "WS-001", "--json"]);
    let mine: Vec<&Value> =
        detail["ratings"].as_array().unwrap().iter().filter(|r| r["participant"] == "Aisha Rahman").collect();
    assert!(!mine.is_empty() && mine.iter().all(|r| r["rating"] == 5), "every rating of the sheet was recorded");

    // A rating out of range is refused by the same rules as CSV, naming the row and column.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (c, v) in ["WS-001", "Aisha Rahman", "UC-011", "", "value", ""].iter().enumerate() {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_number(1, 6, 3.5).unwrap();
    let bad = sb.path("bad.xlsx");
    book.save(&bad).unwrap();
    sb.with_db(&db)
        .args(["workshop", "sheet-import", "WS-001"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(contains("row 2, column rating"));
    // Not a spreadsheet at all.
    let junk = sb.path("junk.xlsx");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip").unwrap();
    sb.with_db(&db).args(["workshop", "sheet-import", "WS-001"]).arg(&junk).assert().code(2).stderr(contains("XLSX"));
}

#[test]
fn the_deck_is_landscape_slides_with_every_part_and_verifies() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let deck = sb.path("deck.pdf");
    let out = sb.json(&db, &["export", "deck", "--month", "2026-11", "--out", deck.to_str().unwrap(), "--json"]);
    let path = deck.to_str().unwrap();
    let info = tool("pdfinfo", &["-l", "999", path]);
    let sizes: Vec<&str> = info.lines().filter(|l| l.starts_with("Page") && l.contains("size:")).collect();
    assert_eq!(sizes.len() as u64, out["pages"].as_u64().unwrap(), "every slide has a size line");
    for size in sizes {
        assert!(size.contains("960 x 540 pts"), "every slide is landscape 16:9: {size}");
    }
    let text = tool("pdftotext", &[path, "-"]);
    for part in [
        "November 2026",
        "Programme summary",
        "Value against plan",
        "UC-001 Compliance-curated answers",
        "Pilots and the decisions they need",
        "Risk indicators",
        "What changed in November 2026",
        "Decisions log",
        "Next meeting's agenda",
    ] {
        assert!(text.contains(part), "{part:?} is on a slide");
    }
    assert!(text.contains("(continued)"), "a long table continues on a slide of its own, titled");
    assert!(text.contains("UC-001 — cumulative benefit and cost") && text.contains("Cumulative, EUR"), "chart text");

    // A title at the 200-character limit takes two lines of its slide at most, cut with an
    // ellipsis, and the slide keeps its chart.
    let long = "Claims triage with a title that goes on and on ".repeat(5);
    let long = long[..200].trim();
    sb.with_db(&db).args(["usecase", "set", "UC-001", &format!("title={long}")]).assert().success();
    let deck = sb.path("deck-long.pdf");
    sb.with_db(&db).args(["export", "deck", "--month", "2026-11", "--out", deck.to_str().unwrap()]).assert().success();
    let text = tool("pdftotext", &[deck.to_str().unwrap(), "-"]);
    let slide =
        text.split('\u{c}').find(|s| s.contains("UC-001 — cumulative benefit and cost")).expect("UC-001's slide");
    assert!(slide.contains('…'), "the title is cut: {slide}");
    assert!(slide.contains("Cumulative, EUR"), "the chart is on the slide: {slide}");
    sb.with_db(&db).args(["verify-pack", path]).assert().success().stdout(contains("deck"));
    sb.with_db(&db)
        .args(["export", "deck", "--month", "November", "--out", sb.path("x.pdf").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("month"));
}
