//! A document longer than one chunk of pages, read back with lopdf: every page is in the page
//! tree in order, each contents line and each outline entry goes to the page its heading is on
//! (most of them in another chunk than the contents), and the fonts of every chunk are embedded.

use chrono::Utc;
use lopdf::{Document, Object, ObjectId};
use steerco_reports::typeset::{Composer, DocumentInfo, Flow, Geometry};

const SECTIONS: usize = 150;

fn long_document() -> Vec<u8> {
    let composer = Composer::new("Chunks", Geometry::A4_PORTRAIT).expect("fonts");
    let fonts = composer.fonts().clone();
    let mut flow = Flow::new(&fonts, Geometry::A4_PORTRAIT);
    for section in 1..=SECTIONS {
        flow.heading(1, &format!("Section {section:03}"));
        for paragraph in 0..6 {
            flow.paragraph(&format!(
                "Section {section:03} paragraph {paragraph}: {}",
                "words that fill a page ".repeat(90)
            ));
        }
    }
    let (body, headings) = flow.finish();
    assert!(body.len() > 400, "the body spans more than two chunks of pages: {}", body.len());
    let info = DocumentInfo {
        title: "Chunks".into(),
        author: "test".into(),
        subject: "a long document".into(),
        keywords: Vec::new(),
        created: Utc::now(),
        footer: "chunked".into(),
        fingerprint: Some("f".repeat(64)),
    };
    composer.finish(&info, vec![Vec::new()], true, body, &headings).expect("pdf")
}

/// The first text on a page that starts with "Section " (a heading or a paragraph).
fn section_on(doc: &Document, page: u32) -> String {
    let text = doc.extract_text(&[page]).unwrap_or_default();
    text.split("Section ").nth(1).map(|s| s.chars().take(3).collect()).unwrap_or_default()
}

fn page_number(pages: &std::collections::BTreeMap<u32, ObjectId>, id: ObjectId) -> u32 {
    pages.iter().find(|(_, p)| **p == id).map(|(n, _)| *n).expect("the destination is a page of the document")
}

#[test]
fn links_and_outline_reach_pages_in_other_chunks() {
    let bytes = long_document();
    let doc = Document::load_mem(&bytes).expect("lopdf reads the file back");
    let pages = doc.get_pages();
    let total = pages.len() as u32;
    assert!(total > 400);
    let info = doc.trailer.get(b"Info").and_then(Object::as_reference).and_then(|id| doc.get_dictionary(id)).unwrap();
    assert_eq!(info.get(b"SteercoFingerprint").unwrap().as_str().unwrap(), "f".repeat(64).as_bytes());
    assert_eq!(lopdf::decode_text_string(info.get(b"Author").unwrap()).unwrap(), "test");

    // The contents: page 2 onwards, each link to its section's heading.
    let mut checked = 0;
    for n in 2..=6u32 {
        let page = doc.get_dictionary(pages[&n]).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else { continue };
        for annot in annots {
            let annot = doc.get_dictionary(annot.as_reference().unwrap()).unwrap();
            let dest = annot.get(b"Dest").unwrap().as_array().unwrap();
            let target = page_number(&pages, dest[0].as_reference().unwrap());
            let rect: Vec<f32> =
                annot.get(b"Rect").unwrap().as_array().unwrap().iter().map(|o| o.as_float().unwrap()).collect();
            assert!(rect[2] > rect[0] && rect[3] > rect[1], "{rect:?}");
            assert!(target > n && target <= total);
            checked += 1;
        }
    }
    assert_eq!(checked, SECTIONS, "one link per contents line");

    // The outline: every section, in order, each on the page that shows it.
    let catalog = doc.catalog().unwrap();
    let outlines = doc.get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap()).unwrap();
    let mut next = outlines.get(b"First").and_then(Object::as_reference).ok();
    let mut seen = 0;
    let mut last_page = 0;
    while let Some(id) = next {
        let entry = doc.get_dictionary(id).unwrap();
        seen += 1;
        let dest = entry.get(b"Dest").unwrap().as_array().unwrap();
        let page = page_number(&pages, dest[0].as_reference().unwrap());
        assert!(page >= last_page, "the outline runs in page order");
        last_page = page;
        assert_eq!(section_on(&doc, page), format!("{seen:03}"), "entry {seen} goes to its page ({page})");
        next = entry.get(b"Next").and_then(Object::as_reference).ok();
    }
    assert_eq!(seen, SECTIONS);
    assert!(last_page > 300, "the last sections are chunks away from the contents: {last_page}");

    // Each page's footer counts the whole document.
    let last = doc.extract_text(&[total]).unwrap();
    assert!(last.contains(&format!("Page {total} of {total}")), "{last}");
}
