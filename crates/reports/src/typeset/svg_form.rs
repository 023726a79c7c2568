//! A chart (plotters SVG) as a PDF form XObject whose labels stay text. printpdf's own SVG import
//! fixes svg2pdf's options with text turned into outlines, so `pdftotext` could not find a
//! chart's title, axes or payback label; this is the same conversion (svg2pdf, then the page's
//! content and resources carried into one self-contained form) with the text embedded in the
//! bundled DejaVu Sans, subset by svg2pdf.

use std::collections::BTreeMap;

use lopdf::Object;
use printpdf::{DictItem, ExternalStream, ExternalXObject, Pt};
use svg2pdf::{usvg, ConversionOptions, PageOptions};

/// Deeper than any resource tree svg2pdf writes; a cycle stops here instead of recursing on.
const MAX_DEPTH: usize = 64;

/// `svg` as a form XObject one unit square in size (scaled at its use, as printpdf's images
/// are), its text set in `font`, which the SVG names as `family`.
pub fn form(svg: &str, font: &[u8], family: &str) -> Result<ExternalXObject, String> {
    let mut options = usvg::Options::default();
    // Only the bundled face: the document must look the same on every machine.
    options.fontdb_mut().load_font_data(font.to_vec());
    options.font_family = family.to_owned();
    // At 72 dpi an SVG pixel is a point, so svg2pdf's patterns and paths share one space.
    let dpi = 72.0;
    options.dpi = dpi;
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the chart is not readable SVG: {e}"))?;
    let conversion = ConversionOptions { compress: false, embed_text: true, ..ConversionOptions::default() };
    let pdf = svg2pdf::to_pdf(&tree, conversion, PageOptions { dpi })
        .map_err(|e| format!("the chart could not be converted: {e}"))?;
    let doc = lopdf::Document::load_mem(&pdf).map_err(|e| format!("the converted chart is unreadable: {e}"))?;
    let page_id = doc.page_iter().next().ok_or("the converted chart has no page")?;
    let page = doc.get_dictionary(page_id).map_err(|e| format!("the converted chart's page: {e}"))?;
    let media_box = media_box(page).ok_or("the converted chart has no size")?;
    let (width, height) = (media_box[2] - media_box[0], media_box[3] - media_box[1]);
    if !(width > 0.0 && height > 0.0) {
        return Err(format!("the converted chart has no area ({width} × {height})"));
    }
    let mut dict: BTreeMap<String, DictItem> = BTreeMap::new();
    dict.insert("Type".into(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".into(), DictItem::Name(b"Form".to_vec()));
    dict.insert("BBox".into(), DictItem::Array(media_box.iter().map(|v| DictItem::Real(*v)).collect()));
    let (sx, sy) = (1.0 / width, 1.0 / height);
    let matrix = [sx, 0.0, 0.0, sy, -media_box[0] * sx, -media_box[1] * sy];
    dict.insert("Matrix".into(), DictItem::Array(matrix.iter().map(|v| DictItem::Real(*v)).collect()));
    let resources = page.get(b"Resources").map_or(DictItem::Dict { map: BTreeMap::new() }, |r| inline(&doc, r, 0));
    dict.insert("Resources".into(), resources);
    // svg2pdf makes the page an isolated transparency group; the form keeps that.
    if let Ok(group) = page.get(b"Group") {
        dict.insert("Group".into(), inline(&doc, group, 0));
    }
    Ok(ExternalXObject {
        stream: ExternalStream { dict, content: doc.get_page_content(page_id), compress: true },
        width: Some(Pt(width).into_px(dpi)),
        height: Some(Pt(height).into_px(dpi)),
        dpi: Some(dpi),
    })
}

fn media_box(page: &lopdf::Dictionary) -> Option<[f32; 4]> {
    let values: Vec<f32> = page
        .get(b"MediaBox")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .map(|v| match v {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) => Some(*r),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let [x1, y1, x2, y2] = values.try_into().ok()?;
    Some([x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)])
}

/// `object` with every reference resolved and inlined, so the form carries everything it uses
/// (fonts, colour spaces, graphics states) into the document's own object space.
fn inline(doc: &lopdf::Document, object: &Object, depth: usize) -> DictItem {
    if depth > MAX_DEPTH {
        return DictItem::Null;
    }
    match object {
        Object::Reference(id) => doc.get_object(*id).map_or(DictItem::Null, |o| inline(doc, o, depth + 1)),
        Object::Array(items) => DictItem::Array(items.iter().map(|o| inline(doc, o, depth + 1)).collect()),
        Object::Dictionary(d) => DictItem::Dict { map: entries(doc, d, depth, |_| true) },
        Object::Stream(s) => {
            // Decoded where lopdf can, so the document's writer picks the filter.
            let (content, decoded) = match s.decompressed_content() {
                Ok(c) => (c, true),
                Err(_) => (s.content.clone(), false),
            };
            let dict = entries(doc, &s.dict, depth, |k| {
                k != b"Length" && (!decoded || (k != b"Filter" && k != b"DecodeParms"))
            });
            DictItem::Stream { stream: ExternalStream { dict, content, compress: decoded } }
        }
        other => DictItem::from_lopdf(other),
    }
}

fn entries(
    doc: &lopdf::Document,
    dict: &lopdf::Dictionary,
    depth: usize,
    keep: impl Fn(&[u8]) -> bool,
) -> BTreeMap<String, DictItem> {
    dict.iter()
        .filter(|(k, _)| keep(k.as_slice()))
        .map(|(k, v)| (String::from_utf8_lossy(k).into_owned(), inline(doc, v, depth + 1)))
        .collect()
}
