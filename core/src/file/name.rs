//! File names made from the organisation's name, so that a person can tell
//! their downloads apart: `harbour-street-it-2026-11-25.clausebook.json`,
//! `harbour-street-it-portfolio-2026-11-25.csv`.

/// The organisation's name as lowercase ASCII letters and digits, words
/// joined by `-`, at most 60 characters; `None` if it has no letter or digit.
pub fn slug(organisation: &str) -> Option<String> {
    let mut slug = String::new();
    for c in organisation.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    (!slug.is_empty()).then(|| slug.to_owned())
}

/// [`slug`], or `workbook` for a name without a letter or digit: how every
/// file about the workbook begins.
pub fn stem(organisation: &str) -> String {
    slug(organisation).unwrap_or_else(|| "workbook".to_owned())
}
