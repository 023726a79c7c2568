//! Putting a document together: the embedded faces, charts turned into vector XObjects, the
//! front matter, a table of contents whose page numbers are known only once the body is laid
//! out, "Page X of Y" on every page, a nested outline (printpdf's own is flat and sorted by
//! name, so it is written here on the lopdf document), the metadata, and the bytes.

use std::sync::atomic::{AtomicBool, Ordering};

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{Mm, ParsedFont, PdfDocument, XObjectId};

use super::chunks::{self, Extras, ObjectWriter, PageLink};

use super::flow::{rule_ops, text_ops, FontIds, Geometry, Heading, Page, Style};
use super::fonts::{Face, Metrics, BOLD_TTF, FAMILY, REGULAR_TTF};
use super::packed::PackedPage;
use super::wrap::fit_one_line;

/// What the document says about itself (the PDF's Info dictionary and XMP).
#[derive(Debug, Clone)]
pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub created: chrono::DateTime<chrono::Utc>,
    /// The left-hand footer on every page.
    pub footer: String,
    /// Written into the Info dictionary as plain ASCII so `verify-pack` can find it in a damaged
    /// file too.
    pub fingerprint: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    #[error("a chart could not be embedded: {0}")]
    Chart(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// A document being built.
#[derive(Debug)]
pub struct Composer {
    doc: PdfDocument,
    fonts: FontIds,
    pub geometry: Geometry,
}

/// An entry of the table of contents and the outline, with its final (1-based) page.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

impl Composer {
    pub fn new(title: &str, geometry: Geometry) -> Result<Composer, TypesetError> {
        let mut doc = PdfDocument::new(title);
        let mut warnings = Vec::new();
        let regular =
            ParsedFont::from_bytes(REGULAR_TTF, 0, &mut warnings).ok_or(TypesetError::Font("DejaVuSans.ttf"))?;
        let bold =
            ParsedFont::from_bytes(BOLD_TTF, 0, &mut warnings).ok_or(TypesetError::Font("DejaVuSans-Bold.ttf"))?;
        let fonts = FontIds { regular: doc.add_font(&regular), bold: doc.add_font(&bold) };
        Ok(Composer { doc, fonts, geometry })
    }

    pub fn fonts(&self) -> &FontIds {
        &self.fonts
    }

    /// Embeds an SVG (a plotters chart) as a vector form; returns its id and natural size in
    /// points. Chart text names the embedded family, so it stays text in the PDF.
    pub fn add_svg(&mut self, svg: &str) -> Result<(XObjectId, f32, f32), TypesetError> {
        let svg = svg.replace("font-family=\"sans-serif\"", &format!("font-family=\"{FAMILY}\""));
        let object = super::svg_form::form(&svg, REGULAR_TTF, FAMILY).map_err(TypesetError::Chart)?;
        let width = object.width.map_or(600.0, |w| w.0 as f32);
        let height = object.height.map_or(400.0, |h| h.0 as f32);
        Ok((self.doc.add_xobject(&object), width, height))
    }

    /// As `finish`, on a thread of its own, calling `beat` with the seconds spent every half
    /// second until it is done (encoding a thousand-dossier pack takes a while); `beat` returning
    /// false cancels: the writing stops at the next chunk of pages and `None` is returned.
    pub fn finish_reporting(
        self,
        info: &DocumentInfo,
        front: Vec<Page>,
        contents: bool,
        body: Vec<PackedPage>,
        headings: &[Heading],
        beat: &mut dyn FnMut(u64) -> bool,
    ) -> Result<Option<Vec<u8>>, TypesetError> {
        let started = std::time::Instant::now();
        let cancelled = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::channel();
            let cancelled = &cancelled;
            scope.spawn(move || {
                let _ = tx.send(self.write(info, front, contents, body, headings, cancelled));
            });
            loop {
                match rx.recv_timeout(std::time::Duration::from_millis(500)) {
                    Ok(result) => return if cancelled.load(Ordering::Relaxed) { Ok(None) } else { result },
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        if !cancelled.load(Ordering::Relaxed) && !beat(started.elapsed().as_secs()) {
                            cancelled.store(true, Ordering::Relaxed);
                        }
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                        return Err(TypesetError::Pdf("the PDF writer stopped".into()))
                    }
                }
            }
        })
    }

    /// The finished PDF: `front` pages (a cover), a table of contents when `contents` is set,
    /// then the body, every page footed, the outline built from the body's headings.
    pub fn finish(
        self,
        info: &DocumentInfo,
        front: Vec<Page>,
        contents: bool,
        body: Vec<PackedPage>,
        headings: &[Heading],
    ) -> Result<Vec<u8>, TypesetError> {
        self.write(info, front, contents, body, headings, &AtomicBool::new(false))?
            .ok_or_else(|| TypesetError::Pdf("the PDF writer stopped".into()))
    }

    fn write(
        mut self,
        info: &DocumentInfo,
        front: Vec<Page>,
        contents: bool,
        body: Vec<PackedPage>,
        headings: &[Heading],
        cancelled: &AtomicBool,
    ) -> Result<Option<Vec<u8>>, TypesetError> {
        let geometry = self.geometry;
        let listed: Vec<&Heading> = {
            let sections = headings.iter().filter(|h| h.level <= 2).count();
            // Past a few pages of contents, list the parts and leave sections to the outline.
            let depth = if sections <= 140 { 2 } else { 1 };
            headings.iter().filter(|h| h.level <= depth).collect()
        };
        let per_page = toc_lines_per_page(geometry);
        let toc_pages = if contents { listed.len().div_ceil(per_page).max(1) } else { 0 };
        let offset = front.len() + toc_pages;
        let entries: Vec<Entry> = headings
            .iter()
            .map(|h| Entry { level: h.level, title: h.title.clone(), page: offset + h.page + 1, y: h.y })
            .collect();
        let mut pages: Vec<PackedPage> = front.iter().map(PackedPage::pack).collect();
        let mut links = Vec::new();
        if contents {
            let listed: Vec<Entry> = listed
                .iter()
                .map(|h| Entry { level: h.level, title: h.title.clone(), page: offset + h.page + 1, y: h.y })
                .collect();
            let first = pages.len();
            let (toc, toc_links) = contents_pages(geometry, &listed, per_page, first);
            pages.extend(toc.iter().map(PackedPage::pack));
            links = toc_links;
        }
        pages.extend(body);
        let total = pages.len();
        let footer = |index: usize| footer(geometry, &info.footer, index + 1, total);
        let size = (Mm(geometry.width * 25.4 / 72.0), Mm(geometry.height * 25.4 / 72.0));
        let meta = &mut self.doc.metadata.info;
        meta.document_title = info.title.clone();
        meta.author = info.author.clone();
        meta.subject = info.subject.clone();
        meta.keywords = info.keywords.clone();
        meta.creator = "Steerco".into();
        meta.producer = format!("Steerco {} (printpdf)", env!("CARGO_PKG_VERSION"));
        let when = pdf_date(info.created);
        meta.creation_date = when;
        meta.modification_date = when;
        meta.metadata_date = when;
        let extra_info: Vec<(&str, &str)> =
            info.fingerprint.iter().map(|f| ("SteercoFingerprint", f.as_str())).collect();
        let outline =
            |out: &mut ObjectWriter, page_id: &dyn Fn(usize) -> ObjectId| write_outline(out, &entries, total, page_id);
        let extras = Extras { footer: &footer, links: &links, outline: &outline, extra_info: &extra_info };
        chunks::write(&self.doc, &self.fonts, size, pages, &extras, cancelled)
    }
}

const TOC_LINE: f32 = 15.0;
const TOC_TITLE: f32 = 44.0;

fn toc_lines_per_page(g: Geometry) -> usize {
    (((g.top() - g.bottom() - TOC_TITLE) / TOC_LINE).floor() as usize).max(1)
}

/// The contents pages (the first being page `first`, 0-based) and each line's link to its page.
fn contents_pages(g: Geometry, entries: &[Entry], per_page: usize, first: usize) -> (Vec<Page>, Vec<PageLink>) {
    let metrics = Metrics::get();
    let title = Style { face: Face::Bold, size: 17.0, grey: 0.05, leading: 1.25 };
    let mut pages = Vec::new();
    let mut links = Vec::new();
    for (n, chunk) in entries.chunks(per_page).enumerate() {
        let mut ops = Vec::new();
        let mut y = g.top();
        text_ops(
            &mut ops,
            title,
            None,
            g.margin,
            y - title.size,
            if n == 0 { "Contents" } else { "Contents (continued)" },
        );
        y -= TOC_TITLE;
        for entry in chunk {
            let (style, indent) = match entry.level {
                1 => (Style { face: Face::Bold, size: 9.5, grey: 0.1, leading: 1.3 }, 0.0),
                _ => (Style::BODY.sized(9.0), 16.0),
            };
            let number = entry.page.to_string();
            let number_width = metrics.width(&number, style.face, style.size);
            let room = g.content_width() - indent - number_width - 24.0;
            let text = fit_one_line(metrics, &entry.title, style.face, style.size, room);
            let baseline = y - style.size;
            text_ops(&mut ops, style, None, g.margin + indent, baseline, &text);
            text_ops(&mut ops, style, None, g.width - g.margin - number_width, baseline, &number);
            let dots_from = g.margin + indent + metrics.width(&text, style.face, style.size) + 6.0;
            let dots_to = g.width - g.margin - number_width - 6.0;
            if dots_to > dots_from {
                rule_ops(&mut ops, dots_from, dots_to, baseline + 1.0, 0.3, 0.75);
            }
            links.push(PageLink {
                on: first + n,
                rect: [g.margin, y - TOC_LINE + 2.0, g.content_width(), TOC_LINE],
                to: entry.page - 1,
                top: entry.y,
            });
            y -= TOC_LINE;
        }
        pages.push(ops);
    }
    (pages, links)
}

/// The footer of page `page` (1-based) of `total`.
fn footer(g: Geometry, text: &str, page: usize, total: usize) -> Page {
    let mut ops = Page::with_capacity(3);
    let ops = &mut ops;
    let metrics = Metrics::get();
    let style = Style::SMALL.sized(if g.width > g.height { 9.0 } else { 7.5 });
    let y = g.margin * 0.6;
    let number = format!("Page {page} of {total}");
    let number_width = metrics.width(&number, style.face, style.size);
    let left = fit_one_line(
        metrics,
        &metrics.printable(text),
        style.face,
        style.size,
        g.content_width() - number_width - 20.0,
    );
    rule_ops(ops, g.margin, g.width - g.margin, y + style.size + 4.0, 0.3, 0.8);
    text_ops(ops, style, None, g.margin, y, &left);
    text_ops(ops, style, None, g.width - g.margin - number_width, y, &number);
    std::mem::take(ops)
}

fn pdf_date(t: chrono::DateTime<chrono::Utc>) -> printpdf::OffsetDateTime {
    use chrono::{Datelike, Timelike};
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date { year: t.year(), month: t.month() as u8, day: t.day() as u8 },
        printpdf::Time { hour: t.hour() as u8, minute: t.minute() as u8, second: t.second() as u8, millisecond: 0 },
        printpdf::Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    )
}

/// A PDF text string: UTF-16BE with its byte-order mark, so any title survives.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Writes the outline, each entry under the nearest earlier entry of a lower level; returns its
/// root. `page_id` gives the object of a (0-based) page among `total`.
fn write_outline(
    out: &mut ObjectWriter,
    entries: &[Entry],
    total: usize,
    page_id: &dyn Fn(usize) -> ObjectId,
) -> std::io::Result<Option<ObjectId>> {
    if entries.is_empty() {
        return Ok(None);
    }
    let root = out.allocate();
    let ids: Vec<ObjectId> = entries.iter().map(|_| out.allocate()).collect();
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while stack.last().is_some_and(|&j| entries[j].level >= e.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    let mut top = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => top.push(i),
        }
    }
    let link = |dict: &mut Dictionary, siblings: &[usize], at: usize| {
        if at > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[at - 1]]));
        }
        if at + 1 < siblings.len() {
            dict.set("Next", Object::Reference(ids[siblings[at + 1]]));
        }
    };
    for (i, e) in entries.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&e.title));
        dict.set("Parent", Object::Reference(parent[i].map_or(root, |p| ids[p])));
        let siblings = parent[i].map_or(&top, |p| &children[p]);
        let at = siblings.iter().position(|&s| s == i).unwrap_or(0);
        link(&mut dict, siblings, at);
        if let (Some(&first), Some(&last)) = (children[i].first(), children[i].last()) {
            dict.set("First", Object::Reference(ids[first]));
            dict.set("Last", Object::Reference(ids[last]));
            // Negative: closed, so a long pack's outline opens as a list of its parts.
            dict.set("Count", Object::Integer(-(children[i].len() as i64)));
        }
        if (1..=total).contains(&e.page) {
            let page = page_id(e.page - 1);
            dict.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(page),
                    "XYZ".into(),
                    Object::Null,
                    Object::Real(e.y),
                    Object::Null,
                ]),
            );
        }
        out.write(ids[i], &Object::Dictionary(dict))?;
    }
    let mut outline = Dictionary::new();
    outline.set("Type", "Outlines");
    outline.set("First", Object::Reference(ids[top[0]]));
    outline.set("Last", Object::Reference(ids[*top.last().unwrap_or(&top[0])]));
    outline.set("Count", Object::Integer(top.len() as i64));
    out.write(root, &Object::Dictionary(outline))?;
    Ok(Some(root))
}
