//! Writing a finished document's pages a chunk at a time: printpdf turns each chunk of pages into
//! PDF objects (with its own subset of the fonts), the objects are renumbered into the file's
//! numbering and appended, and the chunk is dropped — so memory holds a few chunks rather than a
//! whole thousand-dossier pack twice over (operations, then the object tree). Page objects have
//! their numbers from the start, so the page tree, the contents' links, the outline and the
//! catalog, written last, point at pages in any chunk; two chunks are encoded at once.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

use lopdf::{Dictionary, Object, ObjectId};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

use super::document::TypesetError;
use super::flow::{FontIds, Mark, Page};
pub use super::object_writer::ObjectWriter;
use super::packed::PackedPage;

/// Pages per chunk: large enough that each chunk's font subsets and resources are a small share
/// of the file, small enough that two chunks in flight stay in a few tens of megabytes.
const PAGES_PER_CHUNK: usize = 200;

const PAGES_ROOT: u32 = 1;
const CATALOG: u32 = 2;
const INFO: u32 = 3;
const FIRST_PAGE: u32 = 4;

/// A link on a page of the document to a place on another page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    /// The page the link is on (0-based).
    pub on: usize,
    /// Lower-left corner and size, in points.
    pub rect: [f32; 4],
    /// The page it goes to (0-based) and the height there.
    pub to: usize,
    pub top: f32,
}

/// What the document's catalog and trailer carry besides the pages.
pub struct Extras<'a> {
    /// The footer of each page (0-based), drawn over it.
    pub footer: &'a (dyn Fn(usize) -> Page + Sync),
    pub links: &'a [PageLink],
    /// Written after the pages with the pages' final numbers; returns the outline's root.
    #[allow(clippy::type_complexity)]
    pub outline: &'a dyn Fn(&mut ObjectWriter, &dyn Fn(usize) -> ObjectId) -> std::io::Result<Option<ObjectId>>,
    pub extra_info: &'a [(&'a str, &'a str)],
}

/// Writes `pages` (footers already on) as a PDF with `template`'s fonts (`fonts` their ids),
/// charts and metadata. `cancelled` is checked between chunks; when it is set, `Ok(None)`.
pub fn write(
    template: &PdfDocument,
    fonts: &FontIds,
    size: (Mm, Mm),
    pages: Vec<PackedPage>,
    extras: &Extras<'_>,
    cancelled: &AtomicBool,
) -> Result<Option<Vec<u8>>, TypesetError> {
    let pdf_error = |e: std::io::Error| TypesetError::Pdf(e.to_string());
    let total = pages.len();
    let page_id = |index: usize| -> ObjectId { (FIRST_PAGE + index as u32, 0) };
    let mut out = ObjectWriter::new(FIRST_PAGE + total as u32, total * 4096);
    // The page tree first: its `/Count` is the first in the file, where a damaged file's page
    // count is looked for.
    let mut tree = Dictionary::new();
    tree.set("Type", "Pages");
    tree.set("Count", Object::Integer(total as i64));
    tree.set("Kids", Object::Array((0..total).map(|i| Object::Reference(page_id(i))).collect()));
    out.write((PAGES_ROOT, 0), &Object::Dictionary(tree)).map_err(pdf_error)?;

    let mut chunks = Vec::with_capacity(total.div_ceil(PAGES_PER_CHUNK));
    let mut pages = pages.into_iter();
    loop {
        let chunk: Vec<PackedPage> = pages.by_ref().take(PAGES_PER_CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        chunks.push(chunk);
    }
    let work = Mutex::new(chunks.into_iter().enumerate());
    let mut front: Option<(Dictionary, Dictionary, Option<Object>)> = None;
    let outcome: Result<(), TypesetError> = std::thread::scope(|scope| {
        // One chunk waiting beside the two being encoded bounds the memory in flight.
        let (done_tx, done_rx) = mpsc::sync_channel::<Result<(usize, lopdf::Document), TypesetError>>(1);
        for _ in 0..2 {
            let done_tx = done_tx.clone();
            let work = &work;
            let footer = extras.footer;
            scope.spawn(move || loop {
                if cancelled.load(Ordering::Relaxed) {
                    return;
                }
                let next = work.lock().map(|mut w| w.next()).unwrap_or(None);
                let Some((n, chunk)) = next else { return };
                let first = n * PAGES_PER_CHUNK;
                let chunk = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, packed)| {
                        let mut page = packed.unpack();
                        page.extend(footer(first + i));
                        page
                    })
                    .collect();
                let encoded = encode_chunk(template, fonts, size, chunk).map(|doc| (n, doc));
                if done_tx.send(encoded).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        for encoded in done_rx {
            if cancelled.load(Ordering::Relaxed) {
                return Ok(());
            }
            let (n, doc) = encoded?;
            let first = n * PAGES_PER_CHUNK;
            let kept = append_chunk(&mut out, doc, first, &page_id, extras.links, n == 0).map_err(pdf_error)?;
            if kept.is_some() {
                front = kept;
            }
        }
        Ok(())
    });
    outcome?;
    if cancelled.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let (mut catalog, mut info, id) = front.ok_or_else(|| TypesetError::Pdf("the document has no pages".into()))?;
    if let Some(outline) = (extras.outline)(&mut out, &page_id).map_err(pdf_error)? {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", "UseOutlines");
    }
    catalog.set("Pages", Object::Reference((PAGES_ROOT, 0)));
    out.write((CATALOG, 0), &Object::Dictionary(catalog)).map_err(pdf_error)?;
    for (key, value) in extras.extra_info {
        info.set(*key, Object::string_literal(*value));
    }
    out.write((INFO, 0), &Object::Dictionary(info)).map_err(pdf_error)?;
    let mut trailer = Dictionary::new();
    trailer.set("Root", Object::Reference((CATALOG, 0)));
    trailer.set("Info", Object::Reference((INFO, 0)));
    if let Some(id) = id {
        trailer.set("ID", id);
    }
    out.finish(&trailer).map(Some).map_err(pdf_error)
}

/// One chunk as printpdf's object tree, its streams deflated.
fn encode_chunk(
    template: &PdfDocument,
    fonts: &FontIds,
    size: (Mm, Mm),
    chunk: Vec<Page>,
) -> Result<lopdf::Document, TypesetError> {
    let used: HashSet<&str> = chunk
        .iter()
        .flatten()
        .filter_map(|mark| match mark {
            Mark::Graphic { id, .. } => Some(id.0.as_str()),
            _ => None,
        })
        .collect();
    let mut doc = PdfDocument::new(&template.metadata.info.document_title);
    doc.metadata = template.metadata.clone();
    doc.resources.fonts = template.resources.fonts.clone();
    doc.resources.xobjects.map = template
        .resources
        .xobjects
        .map
        .iter()
        .filter(|(id, _)| used.contains(id.0.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    doc.pages =
        chunk.into_iter().map(|page| PdfPage::new(size.0, size.1, super::compact::page_ops(page, fonts))).collect();
    let options = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    drop(doc);
    compress(&mut lo).map_err(|e| TypesetError::Pdf(e.to_string()))?;
    Ok(lo)
}

/// Appends the objects a chunk's pages reach, renumbered; page `first + i` of the document gets
/// its reserved number, links are added to the pages they are on. The chunk holding the first
/// page also gives the catalog, the Info dictionary and the file identifier.
#[allow(clippy::type_complexity)]
fn append_chunk(
    out: &mut ObjectWriter,
    mut doc: lopdf::Document,
    first: usize,
    page_id: &dyn Fn(usize) -> ObjectId,
    links: &[PageLink],
    gives_front: bool,
) -> std::io::Result<Option<(Dictionary, Dictionary, Option<Object>)>> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut number: HashMap<ObjectId, ObjectId> =
        pages.iter().enumerate().map(|(i, id)| (*id, page_id(first + i))).collect();
    let mut roots: Vec<ObjectId> = pages.clone();
    let mut front_ids = None;
    if gives_front {
        let catalog = doc.trailer.get(b"Root").and_then(Object::as_reference).ok();
        let info = doc.trailer.get(b"Info").and_then(Object::as_reference).ok();
        if let (Some(catalog), Some(info)) = (catalog, info) {
            number.insert(catalog, (CATALOG, 0));
            number.insert(info, (INFO, 0));
            roots.extend([catalog, info]);
            front_ids = Some((catalog, info));
        }
    }
    // Everything the pages (and the catalog) reach, not going up to the chunk's own page tree.
    let mut reached = Vec::new();
    let mut seen = HashSet::new();
    while let Some(id) = roots.pop() {
        if !seen.insert(id) {
            continue;
        }
        reached.push(id);
        if let Some(object) = doc.objects.get(&id) {
            references(object, &mut |r| roots.push(r));
        }
    }
    for id in &reached {
        if !number.contains_key(id) {
            number.insert(*id, out.allocate());
        }
    }
    let mut front = None;
    let by_page: HashMap<ObjectId, usize> = pages.iter().enumerate().map(|(i, id)| (*id, first + i)).collect();
    for id in reached {
        let Some(mut object) = doc.objects.remove(&id) else { continue };
        renumber(&mut object, &number);
        if let Some(&index) = by_page.get(&id) {
            if let Object::Dictionary(page) = &mut object {
                page.set("Parent", Object::Reference((PAGES_ROOT, 0)));
                let mut annots = Vec::new();
                for link in links.iter().filter(|l| l.on == index) {
                    let annot = out.allocate();
                    out.write(annot, &Object::Dictionary(link_annotation(link, page_id(link.to))))?;
                    annots.push(Object::Reference(annot));
                }
                page.set("Annots", Object::Array(annots));
            }
        }
        match front_ids {
            Some((catalog, info)) if id == catalog || id == info => {
                let Object::Dictionary(dict) = object else { continue };
                let (c, i, d) = front.get_or_insert_with(|| (Dictionary::new(), Dictionary::new(), None));
                *d = doc.trailer.get(b"ID").ok().cloned();
                if id == catalog {
                    let mut dict = dict;
                    dict.remove(b"Outlines");
                    *c = dict;
                } else {
                    // printpdf always writes a PDF/X version (empty here), which readers take
                    // as a claim of PDF/X conformance; the pack makes none.
                    let mut dict = dict;
                    dict.remove(b"GTS_PDFXVersion");
                    *i = dict;
                }
            }
            _ => out.write(number[&id], &object)?,
        }
    }
    Ok(front)
}

fn link_annotation(link: &PageLink, target: ObjectId) -> Dictionary {
    let [x, y, w, h] = link.rect;
    let mut dict = Dictionary::new();
    dict.set("Type", "Annot");
    dict.set("Subtype", "Link");
    dict.set("Rect", Object::Array(vec![x.into(), y.into(), (x + w).into(), (y + h).into()]));
    // No box around a contents line: it reads as text and clicks as a link.
    dict.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
    dict.set(
        "Dest",
        Object::Array(vec![
            Object::Reference(target),
            "XYZ".into(),
            Object::Null,
            Object::Real(link.top),
            Object::Null,
        ]),
    );
    dict
}

/// Calls `found` with every reference inside `object`, except a page's way up to its tree.
fn references(object: &Object, found: &mut dyn FnMut(ObjectId)) {
    match object {
        Object::Reference(id) => found(*id),
        Object::Array(items) => items.iter().for_each(|o| references(o, found)),
        Object::Dictionary(dict) => dict_references(dict, found),
        Object::Stream(stream) => dict_references(&stream.dict, found),
        _ => {}
    }
}

fn dict_references(dict: &Dictionary, found: &mut dyn FnMut(ObjectId)) {
    for (key, value) in dict.iter() {
        // The chunk's page tree and outline are its own, replaced by the document's.
        if key != b"Parent" && key != b"Pages" && key != b"Outlines" {
            references(value, found);
        }
    }
}

fn renumber(object: &mut Object, number: &HashMap<ObjectId, ObjectId>) {
    match object {
        Object::Reference(id) => {
            if let Some(new) = number.get(id) {
                *id = *new;
            }
        }
        Object::Array(items) => items.iter_mut().for_each(|o| renumber(o, number)),
        Object::Dictionary(dict) => dict.iter_mut().for_each(|(_, v)| renumber(v, number)),
        Object::Stream(stream) => stream.dict.iter_mut().for_each(|(_, v)| renumber(v, number)),
        _ => {}
    }
}

/// Deflates every stream not yet filtered, at a fast level (see the workspace's note on flate2).
pub(super) fn compress(doc: &mut lopdf::Document) -> std::io::Result<()> {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(3));
        encoder.write_all(&stream.content)?;
        let deflated = encoder.finish()?;
        if deflated.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(deflated);
        }
    }
    Ok(())
}
