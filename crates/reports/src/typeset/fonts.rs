//! The two faces every document is set in — DejaVu Sans and DejaVu Sans Bold, shipped in
//! `assets/fonts` under the Bitstream Vera licence and embedded (subset) in every PDF — and their
//! advance widths, so text can be measured, wrapped and kept inside its box. printpdf has no
//! layout engine; measuring is ours.

use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name charts ask for, so their SVG text resolves to the embedded face.
pub const FAMILY: &str = "DejaVu Sans";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// Advance widths of every character of the Basic Multilingual Plane, in font units, for both
/// faces; characters the face lacks are marked so `printable` can replace them before they
/// reach a page as an empty box.
#[derive(Debug)]
pub struct Metrics {
    regular: Vec<u16>,
    bold: Vec<u16>,
    units_per_em: f32,
}

const MISSING: u16 = u16::MAX;

impl Metrics {
    /// Parsed once per process: the tables are 256 KiB and take a few milliseconds to build.
    pub fn get() -> &'static Metrics {
        static METRICS: OnceLock<Metrics> = OnceLock::new();
        METRICS.get_or_init(|| Metrics {
            regular: widths(REGULAR_TTF),
            bold: widths(BOLD_TTF),
            units_per_em: ttf_parser::Face::parse(REGULAR_TTF, 0).map_or(2048.0, |f| f32::from(f.units_per_em())),
        })
    }

    fn table(&self, face: Face) -> &[u16] {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// The width of `text` set in `face` at `size` points, in points.
    pub fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let table = self.table(face);
        let units: u32 = text.chars().map(|c| u32::from(advance(table, c))).sum();
        units as f32 * size / self.units_per_em
    }

    pub fn char_width(&self, c: char, face: Face, size: f32) -> f32 {
        f32::from(advance(self.table(face), c)) * size / self.units_per_em
    }

    /// `text` as it can be set: control characters (a terminal's escape sequences, a stray NUL)
    /// and characters neither face can draw become U+FFFD, tabs become spaces, line ends stay.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                '\r' => ' ',
                c if c.is_control() => '\u{FFFD}',
                c if self.has(c) => c,
                _ => '\u{FFFD}',
            })
            .collect()
    }

    fn has(&self, c: char) -> bool {
        let i = c as usize;
        i < self.regular.len() && self.regular[i] != MISSING && self.bold[i] != MISSING
    }
}

fn advance(table: &[u16], c: char) -> u16 {
    match table.get(c as usize) {
        Some(&w) if w != MISSING => w,
        _ => table[0xFFFD],
    }
}

fn widths(ttf: &[u8]) -> Vec<u16> {
    let mut out = vec![MISSING; 0x10000];
    let Ok(face) = ttf_parser::Face::parse(ttf, 0) else { return out };
    for (i, slot) in out.iter_mut().enumerate() {
        let Some(c) = char::from_u32(i as u32) else { continue };
        if let Some(gid) = face.glyph_index(c) {
            *slot = face.glyph_hor_advance(gid).unwrap_or(0);
        }
    }
    if out[0xFFFD] == MISSING {
        out[0xFFFD] = face.units_per_em() / 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_bold_is_wider() {
        let m = Metrics::get();
        let a = m.width("Annex IV", Face::Regular, 10.0);
        assert!(a > 30.0 && a < 60.0, "10 pt 'Annex IV' measures {a} pt");
        assert!(m.width("Annex IV", Face::Bold, 10.0) > a, "bold is wider than regular");
        assert_eq!(m.width("", Face::Regular, 10.0), 0.0);
    }

    #[test]
    fn escape_sequences_and_undrawable_characters_are_replaced() {
        let m = Metrics::get();
        assert_eq!(m.printable("a\u{1b}[31mb\tc"), "a\u{FFFD}[31mb c");
        assert_eq!(m.printable("line\nnext"), "line\nnext");
        // Old Italic is in no DejaVu face.
        assert_eq!(m.printable("\u{10300}"), "\u{FFFD}");
    }
}
