//! Finished pages held packed until the document is written: a thousand-dossier pack is laid out
//! whole before its page count (and so every "Page X of Y" and the contents) is known, and its
//! million marks took about 90 MB as values. Packed, each mark is a few bytes plus its text, and
//! the page is deflated (text repeats a lot): a fifth of that.

use std::io::{Read, Write};

use printpdf::XObjectId;

use super::flow::{Colour, Mark, Page};
use super::fonts::Face;

/// A page's marks, packed and deflated.
#[derive(Debug, Clone, PartialEq)]
pub struct PackedPage {
    deflated: Box<[u8]>,
}

const TEXT: u8 = 0;
const RULE: u8 = 1;
const FILL: u8 = 2;
const GRAPHIC: u8 = 3;

impl PackedPage {
    pub fn pack(page: &Page) -> PackedPage {
        let mut raw = Vec::with_capacity(page.len() * 48);
        for mark in page {
            match mark {
                Mark::Text { x, y, face, size, colour, text } => {
                    raw.push(TEXT);
                    floats(&mut raw, &[*x, *y, *size]);
                    raw.push(match face {
                        Face::Regular => 0,
                        Face::Bold => 1,
                    });
                    floats(&mut raw, &colour.0);
                    string(&mut raw, text);
                }
                Mark::Rule { x1, x2, y, thickness, grey } => {
                    raw.push(RULE);
                    floats(&mut raw, &[*x1, *x2, *y, *thickness, *grey]);
                }
                Mark::Fill { x, y, width, height, colour } => {
                    raw.push(FILL);
                    floats(&mut raw, &[*x, *y, *width, *height]);
                    floats(&mut raw, &colour.0);
                }
                Mark::Graphic { id, x, y, scale } => {
                    raw.push(GRAPHIC);
                    floats(&mut raw, &[*x, *y, *scale]);
                    string(&mut raw, &id.0);
                }
            }
        }
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&raw);
        PackedPage { deflated: encoder.finish().unwrap_or_default().into_boxed_slice() }
    }

    pub fn unpack(&self) -> Page {
        let mut raw = Vec::new();
        // Only `pack` made these bytes; a failure would be a bug, and leaves the page short.
        let _ = flate2::read::DeflateDecoder::new(&self.deflated[..]).read_to_end(&mut raw);
        let mut r = Reader { raw: &raw, at: 0 };
        let mut page = Page::new();
        while let Some(tag) = r.byte() {
            let mark = match tag {
                TEXT => {
                    let [x, y, size] = r.floats();
                    let face = if r.byte() == Some(1) { Face::Bold } else { Face::Regular };
                    let colour = Colour(r.floats());
                    Mark::Text { x, y, face, size, colour, text: r.string().into() }
                }
                RULE => {
                    let [x1, x2, y, thickness, grey] = r.floats();
                    Mark::Rule { x1, x2, y, thickness, grey }
                }
                FILL => {
                    let [x, y, width, height] = r.floats();
                    Mark::Fill { x, y, width, height, colour: Colour(r.floats()) }
                }
                GRAPHIC => {
                    let [x, y, scale] = r.floats();
                    Mark::Graphic { id: XObjectId(r.string()), x, y, scale }
                }
                _ => break,
            };
            page.push(mark);
        }
        page
    }
}

fn floats(raw: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        raw.extend_from_slice(&v.to_le_bytes());
    }
}

fn string(raw: &mut Vec<u8>, text: &str) {
    raw.extend_from_slice(&(text.len() as u32).to_le_bytes());
    raw.extend_from_slice(text.as_bytes());
}

struct Reader<'a> {
    raw: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> &[u8] {
        let end = (self.at + n).min(self.raw.len());
        let bytes = &self.raw[self.at..end];
        self.at = end;
        bytes
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).first().copied()
    }

    fn floats<const N: usize>(&mut self) -> [f32; N] {
        let mut out = [0.0; N];
        for v in &mut out {
            let bytes = self.take(4);
            *v = bytes.try_into().map(f32::from_le_bytes).unwrap_or(0.0);
        }
        out
    }

    fn string(&mut self) -> String {
        let len = self.take(4).try_into().map(u32::from_le_bytes).unwrap_or(0) as usize;
        String::from_utf8_lossy(self.take(len)).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::flow::{fill_ops, grey, rgb, rule_ops, text_ops, Style};

    #[test]
    fn a_page_comes_back_mark_for_mark() {
        let mut page = Page::new();
        text_ops(&mut page, Style::BODY, Some(rgb(0.1, 0.2, 0.3)), 56.5, 800.25, "Résumé — ünïcode ✓");
        text_ops(&mut page, Style::LABEL, None, 60.0, 780.0, "bold");
        rule_ops(&mut page, 56.0, 539.0, 700.0, 0.3, 0.8);
        fill_ops(&mut page, 0.0, 0.0, 10.0, 12.5, grey(0.91));
        page.push(Mark::Graphic { id: XObjectId("chart-7".into()), x: 1.0, y: 2.0, scale: 0.5 });
        let packed = PackedPage::pack(&page);
        assert_eq!(packed.unpack(), page);
        assert_eq!(PackedPage::pack(&Page::new()).unpack(), Page::new());
    }
}
