//! Writing names in Latin letters, as the generator's spellings need it.

/// Appends a letter's Latin spelling, capitalised when the letter was.
pub(crate) fn push_cased(out: &mut String, latin: &str, upper: bool) {
    let mut chars = latin.chars();
    match chars.next() {
        Some(first) if upper => {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
        _ => out.push_str(latin),
    }
}
