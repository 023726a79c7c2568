//! Tables that break across pages: every cell wraps inside its column, a row moves whole to the
//! next page when it fits there, a row taller than a page is split line by line, and the header
//! row is repeated at the top of every page the table reaches.

use super::flow::{fill_ops, grey, rule_ops, text_ops, Flow, Style};
use super::fonts::Face;
use super::wrap::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn left(title: &str, weight: f32) -> Column {
        Column { title: title.to_owned(), weight, align: Align::Left }
    }

    pub fn right(title: &str, weight: f32) -> Column {
        Column { title: title.to_owned(), weight, align: Align::Right }
    }
}

const PAD: f32 = 3.0;

impl Flow<'_> {
    /// Sets `rows` under `columns` at the flow's current size (`style`).
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>], style: Style) {
        let total: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = columns.iter().map(|c| self.geometry.content_width() * c.weight / total).collect();
        let head_style = Style { face: Face::Bold, grey: 0.15, ..style };
        let header: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| wrap(self.metrics, &c.title, head_style.face, head_style.size, w - 2.0 * PAD))
            .collect();
        let header_height =
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * head_style.line_height() + 2.0 * PAD;
        let lh = style.line_height();
        let metrics = self.metrics;
        let wrap_row = |row: &Vec<String>| -> Vec<Vec<String>> {
            widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let text = metrics.printable(row.get(i).map_or("", String::as_str));
                    wrap(metrics, &text, style.face, style.size, w - 2.0 * PAD)
                })
                .collect()
        };
        let line_count = |cells: &[Vec<String>]| cells.iter().map(Vec::len).max().unwrap_or(1);
        let whole_page = ((self.geometry.top() - self.geometry.bottom() - header_height - 2.0 * PAD) / lh) as usize;
        let mut wrapped = rows.iter().map(wrap_row).peekable();
        // The header and the whole first row go together (as much of it as a page holds), so a
        // header is never left alone at the foot of a page.
        let first = wrapped.peek().map_or(1, |cells| line_count(cells)).min(whole_page.max(1));
        self.ensure(header_height + first as f32 * lh + 2.0 * PAD);
        self.table_header(columns, &widths, &header, head_style, header_height);
        // Whether the header just set has no row under it yet: a row is split under it rather
        // than moved away from it (which would orphan it, or loop when no page is tall enough).
        let mut header_alone = true;
        for cells in wrapped {
            let lines = line_count(&cells);
            let mut from = 0;
            while from < lines {
                let fit = ((self.room() - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                let left = lines - from;
                // Move a row that fits on a fresh page rather than split it.
                if fit < left && !header_alone && (left <= whole_page || fit == 0) {
                    self.new_page();
                    self.table_header(columns, &widths, &header, head_style, header_height);
                    header_alone = true;
                    continue;
                }
                let take = left.min(fit.max(1));
                self.table_row(columns, &widths, &cells, from, take, style);
                header_alone = false;
                from += take;
                if from < lines {
                    self.new_page();
                    self.table_header(columns, &widths, &header, head_style, header_height);
                    header_alone = true;
                }
            }
        }
        self.y -= 8.0;
    }

    fn table_header(&mut self, columns: &[Column], widths: &[f32], header: &[Vec<String>], style: Style, height: f32) {
        let (left, top) = (self.geometry.margin, self.y);
        let width = self.geometry.content_width();
        fill_ops(self.ops(), left, top - height, width, height, grey(0.91));
        self.cells(columns, widths, header, 0, usize::MAX, style, top);
        rule_ops(self.ops(), left, left + width, top - height, 0.6, 0.55);
        self.y -= height;
    }

    fn table_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        cells: &[Vec<String>],
        from: usize,
        take: usize,
        style: Style,
    ) {
        let top = self.y;
        self.cells(columns, widths, cells, from, take, style, top);
        let height = take as f32 * style.line_height() + 2.0 * PAD;
        let (left, width) = (self.geometry.margin, self.geometry.content_width());
        rule_ops(self.ops(), left, left + width, top - height, 0.3, 0.8);
        self.y -= height;
    }

    #[allow(clippy::too_many_arguments)]
    fn cells(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        cells: &[Vec<String>],
        from: usize,
        take: usize,
        style: Style,
        top: f32,
    ) {
        let metrics = self.metrics;
        let mut x = self.geometry.margin;
        for ((column, width), lines) in columns.iter().zip(widths).zip(cells) {
            for (i, line) in lines.iter().skip(from).take(take).enumerate() {
                let baseline = top - PAD - style.size - i as f32 * style.line_height() + style.size * 0.1;
                let lx = match column.align {
                    Align::Left => x + PAD,
                    Align::Right => x + width - PAD - metrics.width(line, style.face, style.size),
                };
                text_ops(self.ops(), style, None, lx, baseline, line);
            }
            x += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::document::Composer;
    use crate::typeset::flow::{Geometry, Mark};

    fn texts(page: &[Mark]) -> Vec<String> {
        page.iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.to_string()),
                _ => None,
            })
            .collect()
    }

    /// Lays a table out from `y` on a slide and returns each page's texts.
    fn pages(y: f32, rows: &[Vec<String>]) -> Vec<Vec<String>> {
        let composer = Composer::new("t", Geometry::SLIDE).unwrap();
        let mut flow = Flow::new(composer.fonts(), Geometry::SLIDE);
        flow.y = y;
        flow.table(&[Column::left("Decision", 1.0), Column::left("Why now", 3.0)], rows, Style::BODY);
        let (pages, _) = flow.finish();
        pages.iter().map(|p| texts(&p.unpack())).collect()
    }

    #[test]
    fn a_header_is_never_left_without_a_row_under_it() {
        let why = "a reason long enough to wrap over several lines of its column ".repeat(6);
        let rows = vec![vec!["approve".to_owned(), why.clone()], vec!["defer".to_owned(), why]];
        let near_foot = Geometry::SLIDE.bottom() + 60.0;
        let laid_out = pages(near_foot, &rows);
        for (i, page) in laid_out.iter().enumerate() {
            if page.iter().any(|t| t == "Decision") {
                assert!(
                    page.iter().any(|t| t == "approve" || t == "defer"),
                    "page {i} has the header and no row: {page:?}"
                );
            }
        }
        assert!(laid_out.iter().flatten().any(|t| t == "approve") && laid_out.iter().flatten().any(|t| t == "defer"));
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_not_moved_forever() {
        let endless = "word ".repeat(4000);
        let laid_out = pages(Geometry::SLIDE.top(), &[vec!["stop".to_owned(), endless]]);
        assert!(laid_out.len() > 1, "it runs over pages");
        assert!(laid_out.iter().all(|p| p.iter().any(|t| t.starts_with("word"))), "every page holds part of it");
    }
}
