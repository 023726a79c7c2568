//! The shape every closed vocabulary shares: `ALL`, `as_str`, `parse_for` (case-insensitive,
//! `-` and spaces read as `_`, errors naming the field and the choices), `Display`, `FromStr`.

macro_rules! text_enum {
    ($ty:ident, $field:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }

            /// Parses `s`, naming `field` in the error.
            pub fn parse_for(field: &str, s: &str) -> $crate::error::CoreResult<Self> {
                let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                $ty::ALL.iter().copied().find(|v| v.as_str() == wanted).ok_or_else(|| {
                    let allowed: Vec<&str> = $ty::ALL.iter().map(|v| v.as_str()).collect();
                    $crate::error::CoreError::invalid(field, format!("{s:?} is not one of {}", allowed.join(", ")))
                })
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::error::CoreError;

            fn from_str(s: &str) -> $crate::error::CoreResult<Self> {
                Self::parse_for($field, s)
            }
        }
    };
}

pub(crate) use text_enum;
