//! Text flowing down pages: headings (remembered for the table of contents and the outline),
//! paragraphs, label–value lists, notes and embedded charts, each kept whole where it fits and
//! moved to a new page where it does not. Coordinates are points from the page's bottom-left,
//! as PDF has them; `y` is where the next block's top goes. A page is kept as marks (a line of
//! text, a rule, a fill, a chart) rather than printpdf's operations: a thousand-dossier pack is
//! held whole until its page count is known, and its operations took about 100 KB a page.

use printpdf::{FontId, PdfFontHandle, XObjectId};

use super::fonts::{Face, Metrics};
use super::packed::PackedPage;
use super::wrap::wrap;

/// A page's size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// Room kept at the bottom for the footer.
    pub footer: f32,
}

impl Geometry {
    pub const A4_PORTRAIT: Geometry = Geometry { width: 595.28, height: 841.89, margin: 56.0, footer: 28.0 };
    /// 16:9 slides at 960 × 540 pt (13.33 × 7.5 in, the projector's shape).
    pub const SLIDE: Geometry = Geometry { width: 960.0, height: 540.0, margin: 48.0, footer: 30.0 };

    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    pub fn top(&self) -> f32 {
        self.height - self.margin
    }

    pub fn bottom(&self) -> f32 {
        self.margin + self.footer
    }
}

/// A text style: face, size in points, colour, and the line height as a multiple of the size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub grey: f32,
    pub leading: f32,
}

impl Style {
    pub const BODY: Style = Style { face: Face::Regular, size: 9.5, grey: 0.1, leading: 1.35 };
    pub const NOTE: Style = Style { face: Face::Regular, size: 9.0, grey: 0.42, leading: 1.35 };
    pub const LABEL: Style = Style { face: Face::Bold, size: 9.0, grey: 0.25, leading: 1.35 };
    pub const SMALL: Style = Style { face: Face::Regular, size: 7.5, grey: 0.35, leading: 1.3 };

    pub fn line_height(&self) -> f32 {
        self.size * self.leading
    }

    pub fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }
}

/// A heading as laid out: its level (1 = a part such as a use case's dossier, 2 = a section),
/// its text and the body page it starts on (0-based, before the front matter is counted).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The embedded faces' ids in the document being built.
#[derive(Debug, Clone)]
pub struct FontIds {
    pub regular: FontId,
    pub bold: FontId,
}

impl FontIds {
    pub fn handle(&self, face: Face) -> PdfFontHandle {
        PdfFontHandle::External(match face {
            Face::Regular => self.regular.clone(),
            Face::Bold => self.bold.clone(),
        })
    }
}

/// An RGB colour, each channel 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub [f32; 3]);

pub fn grey(level: f32) -> Colour {
    Colour([level; 3])
}

pub fn rgb(r: f32, g: f32, b: f32) -> Colour {
    Colour([r, g, b])
}

/// One thing drawn on a page, in points from the bottom-left.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line of text at (`x`, baseline `y`).
    Text { x: f32, y: f32, face: Face, size: f32, colour: Colour, text: Box<str> },
    /// A horizontal rule from `x1` to `x2`.
    Rule { x1: f32, x2: f32, y: f32, thickness: f32, grey: f32 },
    /// A filled rectangle, lower-left corner (`x`, `y`).
    Fill { x: f32, y: f32, width: f32, height: f32, colour: Colour },
    /// An embedded chart, its lower-left corner at (`x`, `y`), scaled.
    Graphic { id: XObjectId, x: f32, y: f32, scale: f32 },
}

/// A page's marks, in drawing order.
pub type Page = Vec<Mark>;

/// Sets one line of text at (`x`, baseline `y`).
pub fn text_ops(page: &mut Page, style: Style, colour: Option<Colour>, x: f32, y: f32, text: &str) {
    if text.is_empty() {
        return;
    }
    let colour = colour.unwrap_or_else(|| grey(style.grey));
    page.push(Mark::Text { x, y, face: style.face, size: style.size, colour, text: text.into() });
}

pub fn rule_ops(page: &mut Page, x1: f32, x2: f32, y: f32, thickness: f32, level: f32) {
    page.push(Mark::Rule { x1, x2, y, thickness, grey: level });
}

pub fn fill_ops(page: &mut Page, x: f32, y: f32, width: f32, height: f32, colour: Colour) {
    page.push(Mark::Fill { x, y, width, height, colour });
}

/// Packs finished pages on a second thread while the next ones are laid out (packing a
/// thousand-dossier pack's pages is about a second of work).
#[derive(Debug)]
struct Packer {
    pages: Option<std::sync::mpsc::SyncSender<Page>>,
    packed: Option<std::thread::JoinHandle<Vec<PackedPage>>>,
    sent: usize,
}

impl Packer {
    fn start() -> Packer {
        // A few pages waiting at most: the layout is the slower side.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Page>(16);
        let packed = std::thread::spawn(move || rx.into_iter().map(|page| PackedPage::pack(&page)).collect());
        Packer { pages: Some(tx), packed: Some(packed), sent: 0 }
    }

    fn send(&mut self, page: Page) {
        self.sent += 1;
        // The thread only ends once the sender is dropped (in `finish`), so this cannot fail.
        if let Some(tx) = &self.pages {
            let _ = tx.send(page);
        }
    }

    fn finish(&mut self) -> Vec<PackedPage> {
        self.pages = None;
        let packed = match self.packed.take().map(std::thread::JoinHandle::join) {
            Some(Ok(packed)) => packed,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Vec::new(),
        };
        debug_assert_eq!(packed.len(), self.sent);
        packed
    }
}

/// Pages being filled from the top down.
#[derive(Debug)]
pub struct Flow<'a> {
    pub metrics: &'static Metrics,
    pub fonts: &'a FontIds,
    pub geometry: Geometry,
    /// The pages filled so far, being packed on a thread of their own.
    packer: Packer,
    /// The page being filled.
    pub page: Page,
    pub headings: Vec<Heading>,
    pub y: f32,
    /// Set at the top of every page a block overflows onto ("UC-001 … (continued)"), so no page
    /// is without its context.
    pub continuation: Option<(String, Style)>,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a FontIds, geometry: Geometry) -> Flow<'a> {
        Flow {
            metrics: Metrics::get(),
            fonts,
            geometry,
            packer: Packer::start(),
            page: Page::new(),
            headings: Vec::new(),
            y: geometry.top(),
            continuation: None,
        }
    }

    pub fn page_index(&self) -> usize {
        self.packer.sent
    }

    pub fn ops(&mut self) -> &mut Page {
        &mut self.page
    }

    pub fn new_page(&mut self) {
        self.packer.send(std::mem::take(&mut self.page));
        self.y = self.geometry.top();
        if let Some((text, style)) = self.continuation.clone() {
            let text =
                super::wrap::fit_one_line(self.metrics, &text, style.face, style.size, self.geometry.content_width());
            let (x, baseline) = (self.geometry.margin, self.y - style.size);
            text_ops(self.ops(), style, None, x, baseline, &text);
            self.y -= style.line_height() + style.size * 0.6;
        }
    }

    /// Starts the next part on a page of its own, without the previous part's running title.
    pub fn start_part(&mut self, continuation: Option<(String, Style)>) {
        self.continuation = None;
        self.fresh_page();
        self.continuation = continuation;
    }

    /// Starts a new page unless this one is still empty.
    pub fn fresh_page(&mut self) {
        if !self.ops().is_empty() {
            self.new_page();
        }
    }

    /// Room left on this page, in points.
    pub fn room(&self) -> f32 {
        self.y - self.geometry.bottom()
    }

    /// Makes sure `height` points fit below, moving to a new page if not (and if a new page
    /// would help at all).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y < self.geometry.top() {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        if self.y < self.geometry.top() {
            self.y -= points;
        }
    }

    pub fn line(&mut self, x: f32, style: Style, color: Option<Colour>, text: &str) {
        self.ensure(style.line_height());
        let baseline = self.y - style.size;
        text_ops(self.ops(), style, color, x, baseline, text);
        self.y -= style.line_height();
    }

    /// A heading; `level` 1 opens a new page. It is kept with at least three lines after it.
    pub fn heading(&mut self, level: u8, title: &str) {
        self.heading_keeping(level, title, 3.0 * Style::BODY.line_height());
    }

    /// A heading kept on one page with the `following` points after it (a chart's height, or
    /// the first lines of text), so it never stands alone at the foot of a page.
    pub fn heading_keeping(&mut self, level: u8, title: &str, following: f32) {
        let style = match level {
            1 => Style { face: Face::Bold, size: 17.0, grey: 0.05, leading: 1.25 },
            2 => Style { face: Face::Bold, size: 12.5, grey: 0.1, leading: 1.3 },
            _ => Style { face: Face::Bold, size: 10.5, grey: 0.15, leading: 1.3 },
        };
        let title = self.metrics.printable(title);
        if level == 1 {
            self.start_part(Some((format!("{title} (continued)"), Style::SMALL.sized(8.0))));
        } else {
            self.space(if level == 2 { 10.0 } else { 6.0 });
        }
        let lines = wrap(self.metrics, &title, style.face, style.size, self.geometry.content_width());
        self.ensure(lines.len() as f32 * style.line_height() + following);
        self.headings.push(Heading { level, title: title.clone(), page: self.page_index(), y: self.y });
        let x = self.geometry.margin;
        for line in &lines {
            self.line(x, style, None, line);
        }
        if level == 1 {
            let (x1, x2, y) = (self.geometry.margin, self.geometry.width - self.geometry.margin, self.y - 2.0);
            rule_ops(self.ops(), x1, x2, y, 0.8, 0.55);
            self.y -= 8.0;
        } else {
            self.y -= 3.0;
        }
    }

    pub fn paragraph(&mut self, text: &str) {
        self.paragraph_styled(text, Style::BODY, 0.0);
    }

    /// Wrapped text, `indent` points in from the margin, followed by a little space.
    pub fn paragraph_styled(&mut self, text: &str, style: Style, indent: f32) {
        let text = self.metrics.printable(text);
        let width = self.geometry.content_width() - indent;
        let x = self.geometry.margin + indent;
        for line in wrap(self.metrics, &text, style.face, style.size, width) {
            self.line(x, style, None, &line);
        }
        self.y -= style.size * 0.4;
    }

    /// What a reader must be told when a section has nothing to show.
    pub fn note(&mut self, text: &str) {
        self.paragraph_styled(text, Style::NOTE, 0.0);
    }

    /// Label–value pairs, labels in a narrow bold column, values wrapped beside them.
    pub fn fields(&mut self, pairs: &[(&str, String)]) {
        let label_width = (self.geometry.content_width() * 0.3).min(150.0);
        let value_width = self.geometry.content_width() - label_width - 8.0;
        let x_label = self.geometry.margin;
        let x_value = x_label + label_width + 8.0;
        for (label, value) in pairs {
            let value = self.metrics.printable(value);
            let value = if value.trim().is_empty() { "—".to_owned() } else { value };
            let labels = wrap(self.metrics, label, Style::LABEL.face, Style::LABEL.size, label_width);
            let values = wrap(self.metrics, &value, Style::BODY.face, Style::BODY.size, value_width);
            let rows = labels.len().max(values.len());
            let lh = Style::BODY.line_height();
            for i in 0..rows {
                self.ensure(lh);
                let baseline = self.y - Style::BODY.size;
                if let Some(l) = labels.get(i) {
                    text_ops(self.ops(), Style::LABEL, None, x_label, baseline, l);
                }
                if let Some(v) = values.get(i) {
                    text_ops(self.ops(), Style::BODY, None, x_value, baseline, v);
                }
                self.y -= lh;
            }
            self.y -= 2.0;
        }
        self.y -= 4.0;
    }

    /// An embedded vector graphic `width` × `height` points, centred, kept whole on one page.
    /// How much a graphic of that natural width is scaled to fit `max_width` (never enlarged).
    fn graphic_scale(&self, natural_width: f32, max_width: f32) -> f32 {
        (max_width / natural_width).min(1.0).min(self.geometry.content_width() / natural_width)
    }

    /// A full-width chart under its heading, the two kept on one page.
    pub fn headed_graphic(&mut self, level: u8, title: &str, id: XObjectId, natural_width: f32, natural_height: f32) {
        let width = self.geometry.content_width();
        let height = natural_height * self.graphic_scale(natural_width, width);
        self.heading_keeping(level, title, height + 6.0);
        self.graphic(id, natural_width, natural_height, width);
    }

    pub fn graphic(&mut self, id: XObjectId, natural_width: f32, natural_height: f32, max_width: f32) {
        let scale = self.graphic_scale(natural_width, max_width);
        let (width, height) = (natural_width * scale, natural_height * scale);
        self.ensure(height + 6.0);
        let x = self.geometry.margin + (self.geometry.content_width() - width) / 2.0;
        let y = self.y - height;
        self.ops().push(Mark::Graphic { id, x, y, scale });
        self.y = y - 8.0;
    }

    pub fn finish(mut self) -> (Vec<PackedPage>, Vec<Heading>) {
        let last = std::mem::take(&mut self.page);
        self.packer.send(last);
        (self.packer.finish(), self.headings)
    }
}
