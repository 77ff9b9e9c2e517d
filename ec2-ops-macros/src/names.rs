//! Checks on the AWS names a declaration writes as string literals.

/// `DescribeBundleTasks`: ASCII letters and digits, starting with an upper-case letter.
pub fn is_pascal(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// An XML element name as EC2 uses them: ASCII letters and digits, starting with a letter.
pub fn is_xml_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A filter name as EC2 writes them: words of ASCII letters and digits joined by single `-` or `.`,
/// starting with a lower-case letter (`s3-bucket`, `attachment.instance-id`, `haStatus`).
pub fn is_filter_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .split(['-', '.'])
            .all(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// An EC2 error code: dot-separated PascalCase words (`InvalidBundleID.NotFound`).
pub fn is_error_code(code: &str) -> bool {
    code.split('.').all(is_pascal)
}
