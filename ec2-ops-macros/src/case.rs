//! EC2's naming rules, derived from Rust field names.

/// `bundle_id` → `BundleId`: the member name (AWS CLI JSON key, Query key).
pub fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

/// `bundle_id` → `bundleId`: EC2's XML element name.
pub fn lower_camel(snake: &str) -> String {
    let pascal = pascal(snake);
    let mut chars = pascal.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `WaitingForShutdown` → `waiting-for-shutdown`: an enum variant's wire value.
pub fn kebab(pascal: &str) -> String {
    let mut out = String::new();
    for (i, c) in pascal.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `BundleIds` → `bundle_ids`: a Rust field name from a member name.
pub fn snake(pascal: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = pascal.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let after_lower = i > 0 && !chars[i - 1].is_uppercase();
            let before_lower = i > 0
                && chars.get(i + 1).is_some_and(|n| n.is_lowercase())
                && chars[i - 1].is_uppercase();
            if after_lower || before_lower {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_ec2_conventions() {
        assert_eq!(pascal("bundle_id"), "BundleId");
        assert_eq!(
            lower_camel("upload_policy_signature"),
            "uploadPolicySignature"
        );
        assert_eq!(kebab("WaitingForShutdown"), "waiting-for-shutdown");
        assert_eq!(snake("BundleIds"), "bundle_ids");
        assert_eq!(snake("ImportTaskIds"), "import_task_ids");
        assert_eq!(snake("AWSAccessKeyId"), "aws_access_key_id");
    }
}
