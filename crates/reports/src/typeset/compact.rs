//! A page's ops made compact before printpdf encodes them: every line of text was laid out as a
//! text object of its own (begin, colour, font, position, text, end), which for a thousand-dossier
//! pack is millions of ops. Here the text moves into one text object per page, drawn after the
//! page's rules and fills (which only ever sit behind text), colour and font set only when they
//! change, each line positioned relative to the one before (`Td` is relative within a text
//! object).

use printpdf::{Color, Op, PdfFontHandle, Point, Pt};

pub fn compact(ops: Vec<Op>) -> Vec<Op> {
    let mut graphics = Vec::with_capacity(ops.len() / 3);
    let mut text = Vec::with_capacity(ops.len() / 2);
    let mut font: Option<(PdfFontHandle, f32)> = None;
    let mut colour: Option<Color> = None;
    let (mut x0, mut y0) = (0.0f32, 0.0f32);
    let mut in_text = false;
    for op in ops {
        match op {
            Op::StartTextSection => in_text = true,
            Op::EndTextSection => in_text = false,
            Op::SetFont { font: f, size } if in_text => {
                if font.as_ref() != Some(&(f.clone(), size.0)) {
                    text.push(Op::SetFont { font: f.clone(), size });
                    font = Some((f, size.0));
                }
            }
            Op::SetFillColor { col } if in_text => {
                if colour.as_ref() != Some(&col) {
                    text.push(Op::SetFillColor { col: col.clone() });
                    colour = Some(col);
                }
            }
            Op::SetTextCursor { pos } if in_text => {
                text.push(Op::SetTextCursor { pos: Point { x: Pt(pos.x.0 - x0), y: Pt(pos.y.0 - y0) } });
                (x0, y0) = (pos.x.0, pos.y.0);
            }
            other if in_text => text.push(other),
            // Graphics change the fill colour too; the text object sets its own afresh.
            other => graphics.push(other),
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
    use printpdf::{FontId, TextItem};

    fn line(font: &FontId, x: f32, y: f32, s: &str) -> Vec<Op> {
        vec![
            Op::StartTextSection,
            Op::SetFillColor { col: crate::typeset::flow::grey(0.1) },
            Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(9.0) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(s.into())] },
            Op::EndTextSection,
        ]
    }

    #[test]
    fn lines_share_one_text_object_and_keep_their_absolute_positions() {
        let font = FontId::new();
        let mut ops = line(&font, 56.0, 800.0, "one");
        ops.push(Op::SetFillColor { col: crate::typeset::flow::grey(0.9) });
        ops.extend(line(&font, 60.0, 780.0, "two"));
        let out = compact(ops);
        let starts = out.iter().filter(|o| matches!(o, Op::StartTextSection)).count();
        assert_eq!(starts, 1, "one text object per page");
        assert!(matches!(out[0], Op::SetFillColor { .. }), "graphics come first");
        let fonts = out.iter().filter(|o| matches!(o, Op::SetFont { .. })).count();
        assert_eq!(fonts, 1, "the font is set once while it does not change");
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
