//! Edits as field assignments, applied inside the write transaction to the record as stored
//! there. Two people editing one record at once therefore keep each other's changes: a form sends
//! only the fields its user changed, and a field that someone else changed meanwhile (its stored
//! value is no longer the one the form was loaded with) is refused as a conflict naming it,
//! rather than silently overwritten. The command line sends no "loaded with" values: `steerco
//! usecase set` means "set these fields to these values now".

use crate::error::{CoreError, CoreResult};

/// One field of a record set to a new value.
pub trait FieldEdit<R> {
    /// The field's name as requests, messages and forms use it ("annual_value").
    fn name(&self) -> &'static str;
    fn apply(&self, to: &mut R);
    /// Whether `a` and `b` hold the same value in this field.
    fn same_in(&self, a: &R, b: &R) -> bool;
}

/// `stored` with `changes` applied. With `loaded` (what the editor's form showed), a change to a
/// field whose stored value is neither what the form showed nor the value asked for is refused:
/// someone else changed it in between. `record` names the record in the message ("UC-004").
pub fn apply<R: Clone, F: FieldEdit<R>>(record: &str, stored: &R, loaded: Option<&R>, changes: &[F]) -> CoreResult<R> {
    let mut edited = stored.clone();
    for change in changes {
        change.apply(&mut edited);
    }
    if let Some(loaded) = loaded {
        let clashes: Vec<&'static str> = changes
            .iter()
            .filter(|c| !c.same_in(loaded, stored) && !c.same_in(&edited, stored))
            .map(|c| c.name())
            .collect();
        if !clashes.is_empty() {
            return Err(CoreError::EditConflict {
                record: record.to_owned(),
                fields: clashes.iter().map(|s| (*s).to_owned()).collect(),
            });
        }
    }
    // Asking for a field twice is a mistake in the request, not a conflict: the last one wins
    // above, but say so rather than guess.
    let mut seen: Vec<&'static str> = Vec::new();
    for change in changes {
        if seen.contains(&change.name()) {
            return Err(CoreError::invalid(change.name(), "is set twice in one edit"));
        }
        seen.push(change.name());
    }
    Ok(edited)
}

/// Declares the enum of a record's editable fields: one variant per field, serialised as
/// `{ "field": "annual_value", "value": 1200000 }`, with `FieldEdit` implemented from the list,
/// so a field cannot be editable without being applied and compared.
#[macro_export]
macro_rules! editable_fields {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident for $record:ty {
            $( $variant:ident ( $field:literal ) : $ty:ty => $($path:ident).+ ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(tag = "field", content = "value")]
        $vis enum $name {
            $( #[serde(rename = $field)] $variant($ty), )+
        }

        impl $crate::edits::FieldEdit<$record> for $name {
            fn name(&self) -> &'static str {
                match self { $( Self::$variant(_) => $field, )+ }
            }
            fn apply(&self, to: &mut $record) {
                match self { $( Self::$variant(value) => to.$($path).+ = value.clone(), )+ }
            }
            fn same_in(&self, a: &$record, b: &$record) -> bool {
                match self { $( Self::$variant(_) => a.$($path).+ == b.$($path).+, )+ }
            }
        }

        impl $name {
            /// Every editable field's name, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$( $field ),+];
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Default)]
    struct Note {
        title: String,
        body: String,
        score: Score,
    }

    #[derive(Debug, Clone, PartialEq, Default)]
    struct Score {
        value: u8,
    }

    crate::editable_fields! {
        enum NoteField for Note {
            Title("title"): String => title,
            Body("body"): String => body,
            Score("score"): u8 => score.value,
        }
    }

    fn note(title: &str, body: &str) -> Note {
        Note { title: title.into(), body: body.into(), score: Score { value: 1 } }
    }

    #[test]
    fn edits_to_different_fields_both_survive() {
        let loaded = note("A", "x");
        // Someone else changed the body since the form was loaded; this form changes the title.
        let stored = note("A", "y");
        let edited = apply("N-1", &stored, Some(&loaded), &[NoteField::Title("B".into())]).unwrap();
        assert_eq!(edited, note("B", "y"));
    }

    #[test]
    fn an_edit_to_a_field_someone_else_changed_is_a_conflict_naming_it() {
        let loaded = note("A", "x");
        let stored = note("A", "y");
        match apply("N-1", &stored, Some(&loaded), &[NoteField::Body("z".into()), NoteField::Score(3)]) {
            Err(CoreError::EditConflict { record, fields }) => {
                assert_eq!(record, "N-1");
                assert_eq!(fields, vec!["body"]);
            }
            other => panic!("{other:?}"),
        }
        // The same new value as the other person's is not a conflict.
        assert!(apply("N-1", &stored, Some(&loaded), &[NoteField::Body("y".into())]).is_ok());
        // Without what the form showed (the command line), the value is simply set.
        assert_eq!(apply("N-1", &stored, None, &[NoteField::Body("z".into())]).unwrap().body, "z");
    }

    #[test]
    fn nested_fields_apply_and_serialise_by_name() {
        let edited = apply("N-1", &note("A", "x"), None, &[NoteField::Score(4)]).unwrap();
        assert_eq!(edited.score.value, 4);
        let json = serde_json::to_string(&NoteField::Score(4)).unwrap();
        assert_eq!(json, r#"{"field":"score","value":4}"#);
        assert_eq!(NoteField::FIELDS, &["title", "body", "score"]);
        assert!(apply("N-1", &note("A", "x"), None, &[NoteField::Score(4), NoteField::Score(5)]).is_err());
    }
}
