//! Text that leaves Steerco for a program that might act on it. A spreadsheet runs a cell that
//! starts with `=`, `+`, `-` or `@` (and, through some importers, a tab or carriage return) as a
//! formula — the OWASP "CSV injection" advice is to prefix such a cell with `'`. A terminal acts
//! on ANSI/OSC escape sequences; anything printed from an imported file is escaped first. And
//! imported names are refused when they carry control characters or bidirectional overrides
//! (which make text display as something other than what it is).

use std::borrow::Cow;

/// A text cell as a spreadsheet should see it: inert.
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// `text` with every control character (C0, DEL, C1) and bidirectional override shown as an
/// escape (`\u{1b}`), so printing it cannot drive the terminal. Newlines and tabs are kept only
/// when `multiline`.
pub fn for_terminal(text: &str, multiline: bool) -> Cow<'_, str> {
    let needs = |c: char| is_hazard(c) && !(multiline && (c == '\n' || c == '\t'));
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Control characters (other than tab, newline and carriage return) and bidirectional
/// formatting characters: what a name or label read from a file must not contain.
pub fn forbidden_in_text(c: char) -> bool {
    is_hazard(c) && !matches!(c, '\t' | '\n' | '\r')
}

/// The first character of `text` that a name read from a file must not contain, if any.
pub fn first_forbidden(text: &str) -> Option<char> {
    text.chars().find(|c| forbidden_in_text(*c))
}

fn is_hazard(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_plain_text_is_not() {
        for bad in ["=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_cell(bad), format!("'{bad}"));
        }
        for fine in ["Claims triage", "", "1-2", "a=b", "'quoted"] {
            assert_eq!(spreadsheet_cell(fine), fine);
        }
    }

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        let hostile = "name\u{1b}]0;pwned\u{7}\u{1b}[2J";
        let shown = for_terminal(hostile, false);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
        assert!(shown.contains("\\u{1b}"));
        assert_eq!(for_terminal("two\nlines", true), "two\nlines");
        assert_eq!(for_terminal("two\nlines", false), "two\\u{a}lines");
        assert_eq!(first_forbidden("evil\u{202E}txt.exe"), Some('\u{202E}'));
        assert_eq!(first_forbidden("Line one\nline two"), None);
    }
}
