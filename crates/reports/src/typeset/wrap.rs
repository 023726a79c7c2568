//! Breaking text into lines that fit a width: at spaces where it can, inside a word only when a
//! single word is wider than the line (a hash, a path, a title without spaces), and at every
//! line end the text itself has.

use super::fonts::{Face, Metrics};

/// The lines `text` takes at `size` points in `face` within `width` points; at least one line
/// (an empty text is one empty line).
pub fn wrap(metrics: &Metrics, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = metrics.char_width(' ', face, size);
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0f32;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = metrics.width(word, face, size);
            let needed = if line.is_empty() { word_width } else { line_width + space + word_width };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                // A word wider than the line is cut where it reaches the edge.
                for c in word.chars() {
                    let w = metrics.char_width(c, face, size);
                    if line_width + w > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += w;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` on one line, cut with an ellipsis when it is wider than `width`.
pub fn fit_one_line(metrics: &Metrics, text: &str, face: Face, size: f32, width: f32) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if metrics.width(&flat, face, size) <= width {
        return flat;
    }
    let room = width - metrics.char_width('…', face, size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in flat.chars() {
        let w = metrics.char_width(c, face, size);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: f32) -> Vec<String> {
        wrap(Metrics::get(), text, Face::Regular, 10.0, width)
    }

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let text = "Claims triage assistant for the regional teams, with a fallback to the manual queue \
                    whenever the adapter is unsure of its answer";
        let out = lines(text, 120.0);
        assert!(out.len() > 2, "a long sentence wraps: {out:?}");
        for l in &out {
            assert!(Metrics::get().width(l, Face::Regular, 10.0) <= 120.0, "{l:?} is wider than 120 pt");
        }
        assert_eq!(out.join(" "), text.split_whitespace().collect::<Vec<_>>().join(" "));
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_not_overflowed() {
        let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let out = lines(hash, 80.0);
        assert!(out.len() > 1);
        assert_eq!(out.concat(), hash);
        for l in &out {
            assert!(Metrics::get().width(l, Face::Regular, 10.0) <= 80.0);
        }
    }

    #[test]
    fn line_ends_are_kept_and_empty_text_is_one_line() {
        assert_eq!(lines("one\ntwo", 500.0), vec!["one", "two"]);
        assert_eq!(lines("", 500.0), vec![""]);
    }

    #[test]
    fn one_line_fitting_adds_an_ellipsis_only_when_cut() {
        let m = Metrics::get();
        assert_eq!(fit_one_line(m, "Short", Face::Regular, 10.0, 200.0), "Short");
        let cut = fit_one_line(m, &"Very long title ".repeat(20), Face::Regular, 10.0, 200.0);
        assert!(cut.ends_with('…'));
        assert!(m.width(&cut, Face::Regular, 10.0) <= 200.0);
    }
}
