//! The numbered ids people see as a prefix and four digits (`IMP-0001`,
//! `SVC-0001`, `BL-0001`, `EV-0001`): stored as the bare number, shown with
//! the prefix, and typed back either way.

/// Declares a numbered id: a `u32` newtype stored as the bare number and
/// shown as `PREFIX-0001`. Parsing stays with each id, because the rules for
/// which numbers are valid differ (see [`digits`]).
macro_rules! numbered_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "-{:04}"), self.0)
            }
        }
    };
}
pub(crate) use numbered_id;

/// The digits of a typed id: `text` trimmed, with `prefix` (any case, e.g.
/// `"IMP-"`) taken off when it leads. `None` unless what remains is one or
/// more ASCII digits, so the caller only decides which numbers it accepts.
pub(crate) fn digits<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let trimmed = text.trim();
    let digits = trimmed
        .get(..prefix.len())
        .filter(|p| p.eq_ignore_ascii_case(prefix))
        .map_or(trimmed, |_| &trimmed[prefix.len()..]);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}
