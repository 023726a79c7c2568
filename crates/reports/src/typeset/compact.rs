//! A page's marks turned into printpdf's operations, compactly: the rules, fills and charts first
//! (they only ever sit behind text), then all the page's text in one text object, colour and font
//! set only when they change, each line positioned relative to the one before (`Td` is relative
//! within a text object). One text object per line was millions of operations in a
//! thousand-dossier pack.

use printpdf::{Color, Line, LinePoint, Op, PaintMode, Point, Pt, Rect, Rgb, TextItem, XObjectTransform};

use super::flow::{Colour, FontIds, Mark, Page};
use super::fonts::Face;

fn color(c: Colour) -> Color {
    let [r, g, b] = c.0;
    Color::Rgb(Rgb { r, g, b, icc_profile: None })
}

pub fn page_ops(page: Page, fonts: &FontIds) -> Vec<Op> {
    let mut graphics = Vec::new();
    let mut text = Vec::with_capacity(page.len() * 2 + 2);
    let mut fill: Option<Colour> = None;
    let mut outline: Option<(f32, f32)> = None;
    let mut font: Option<(Face, f32)> = None;
    let mut text_colour: Option<Colour> = None;
    let (mut x0, mut y0) = (0.0f32, 0.0f32);
    for mark in page {
        match mark {
            Mark::Text { x, y, face, size, colour, text: line } => {
                if font != Some((face, size)) {
                    text.push(Op::SetFont { font: fonts.handle(face), size: Pt(size) });
                    font = Some((face, size));
                }
                if text_colour != Some(colour) {
                    text.push(Op::SetFillColor { col: color(colour) });
                    text_colour = Some(colour);
                }
                text.push(Op::SetTextCursor { pos: Point { x: Pt(x - x0), y: Pt(y - y0) } });
                (x0, y0) = (x, y);
                text.push(Op::ShowText { items: vec![TextItem::Text(line.into())] });
            }
            Mark::Rule { x1, x2, y, thickness, grey } => {
                if outline != Some((thickness, grey)) {
                    graphics.push(Op::SetOutlineColor { col: color(super::flow::grey(grey)) });
                    graphics.push(Op::SetOutlineThickness { pt: Pt(thickness) });
                    outline = Some((thickness, grey));
                }
                graphics.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint { p: Point { x: Pt(x1), y: Pt(y) }, bezier: false },
                            LinePoint { p: Point { x: Pt(x2), y: Pt(y) }, bezier: false },
                        ],
                        is_closed: false,
                    },
                });
            }
            Mark::Fill { x, y, width, height, colour } => {
                if fill != Some(colour) {
                    graphics.push(Op::SetFillColor { col: color(colour) });
                    fill = Some(colour);
                }
                graphics.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(x),
                        y: Pt(y),
                        width: Pt(width),
                        height: Pt(height),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Mark::Graphic { id, x, y, scale } => {
                // A chart sets its own colours; what was set before it is not assumed after.
                (fill, outline) = (None, None);
                graphics.push(Op::UseXobject {
                    id,
                    transform: XObjectTransform {
                        translate_x: Some(Pt(x)),
                        translate_y: Some(Pt(y)),
                        scale_x: Some(scale),
                        scale_y: Some(scale),
                        dpi: Some(72.0),
                        ..Default::default()
                    },
                });
            }
        }
    }
    if !text.is_empty() {
        graphics.push(Op::StartTextSection);
        graphics.extend(text);
        graphics.push(Op::EndTextSection);
    }
    graphics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::flow::{fill_ops, grey, text_ops, Style};
    use printpdf::FontId;

    #[test]
    fn lines_share_one_text_object_and_keep_their_absolute_positions() {
        let fonts = FontIds { regular: FontId::new(), bold: FontId::new() };
        let mut page = Page::new();
        text_ops(&mut page, Style::BODY, None, 56.0, 800.0, "one");
        fill_ops(&mut page, 0.0, 0.0, 10.0, 10.0, grey(0.9));
        text_ops(&mut page, Style::BODY, None, 60.0, 780.0, "two");
        let out = page_ops(page, &fonts);
        let starts = out.iter().filter(|o| matches!(o, Op::StartTextSection)).count();
        assert_eq!(starts, 1, "one text object per page");
        assert!(matches!(out[0], Op::SetFillColor { .. }), "graphics come first");
        assert!(matches!(out[1], Op::DrawRectangle { .. }), "the fill is drawn before any text");
        let fonts_set = out.iter().filter(|o| matches!(o, Op::SetFont { .. })).count();
        assert_eq!(fonts_set, 1, "the font is set once while it does not change");
        let moves: Vec<(f32, f32)> = out
            .iter()
            .filter_map(|o| match o {
                Op::SetTextCursor { pos } => Some((pos.x.0, pos.y.0)),
                _ => None,
            })
            .collect();
        // Td is relative: summing the moves gives each line's place on the page.
        assert_eq!(moves, vec![(56.0, 800.0), (4.0, -20.0)]);
    }
}
