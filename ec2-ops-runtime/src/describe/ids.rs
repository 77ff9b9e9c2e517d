//! The requested IDs as a set: sorted, each once. The pipeline walks them in page order and the token
//! fingerprint hashes them, so both must see the same set.

/// `ids` sorted, without repeats.
pub(crate) fn sorted_unique_ids(ids: &[String]) -> Vec<&str> {
    let mut sorted: Vec<&str> = ids.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
}
