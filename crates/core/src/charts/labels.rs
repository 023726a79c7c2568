//! Label placement: each label tries the spots around its bubble (right, left, above, below) and
//! takes the first that neither overlaps a label already placed nor leaves the plotting area;
//! a label with no free spot is left out (and counted) rather than drawn over another.

/// A rectangle in pixels: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Boxed {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

impl Boxed {
    fn overlaps(&self, other: &Boxed) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }

    fn inside(&self, area: &Boxed) -> bool {
        self.left >= area.left && self.right <= area.right && self.top >= area.top && self.bottom <= area.bottom
    }
}

/// Roughly how wide `text` is at `size` px in a sans-serif face (a little generous, so an
/// estimate never lets two labels touch).
pub(super) fn text_width(text: &str, size: i32) -> i32 {
    (text.chars().count() as f64 * size as f64 * 0.58).ceil() as i32
}

/// `text` cut with an ellipsis to at most `width` px at `size` (by the same estimate): a chart
/// title names a use case, whose title may run to 200 characters.
pub(super) fn fit(text: &str, size: i32, width: i32) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let keep = ((width as f64 / (size as f64 * 0.58)).floor() as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect::<String>().trim_end().to_owned();
    cut.push('…');
    cut
}

/// Where a label of `width`×`height` goes beside a bubble at (`x`, `y`) of radius `r`, as the
/// top-left corner of its text; `None` when every spot is taken or outside `area`.
pub(super) fn place(
    taken: &mut Vec<Boxed>,
    area: &Boxed,
    (x, y): (i32, i32),
    r: i32,
    (width, height): (i32, i32),
) -> Option<(i32, i32)> {
    let gap = 3;
    let candidates = [
        (x + r + gap, y - height / 2),
        (x - r - gap - width, y - height / 2),
        (x - width / 2, y - r - gap - height),
        (x - width / 2, y + r + gap),
    ];
    for (left, top) in candidates {
        let b = Boxed { left, top, right: left + width, bottom: top + height };
        if b.inside(area) && !taken.iter().any(|t| t.overlaps(&b)) {
            taken.push(b);
            return Some((left, top));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_is_cut_to_fit_and_a_short_one_kept() {
        assert_eq!(fit("UC-001 Claims triage", 15, 600), "UC-001 Claims triage");
        let long = "A very long use case title ".repeat(8);
        let cut = fit(&long, 15, 600);
        assert!(cut.ends_with('…') && text_width(&cut, 15) <= 600, "{cut}");
    }

    #[test]
    fn a_second_label_at_the_same_spot_moves_and_a_third_that_cannot_is_left_out() {
        let area = Boxed { left: 0, top: 0, right: 200, bottom: 200 };
        let mut taken = Vec::new();
        let first = place(&mut taken, &area, (100, 100), 10, (60, 14)).unwrap();
        let second = place(&mut taken, &area, (100, 100), 10, (60, 14)).unwrap();
        assert_ne!(first, second);
        assert!(!taken[0].overlaps(&taken[1]));
        // Hard against the right edge, the label goes left rather than out of the area.
        let mut edge = Vec::new();
        let (left, _) = place(&mut edge, &area, (190, 50), 5, (60, 14)).unwrap();
        assert!(left + 60 <= 200);
        let mut full = vec![area];
        assert_eq!(place(&mut full, &area, (100, 100), 10, (60, 14)), None);
    }
}
