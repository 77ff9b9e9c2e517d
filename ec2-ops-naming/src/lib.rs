//! # ec2-ops-naming
//!
//! EC2's naming rules, in one place for everything that derives a name: the macros (a field's
//! member and XML names, a variant's value), the scaffold (which writes an override only where the
//! model's name differs from what the macros derive), and the catalog (an operation's AWS CLI
//! command).
//!
//! ```
//! use ec2_ops_naming::{kebab, lower_camel, pascal, snake};
//!
//! assert_eq!(pascal("bundle_id"), "BundleId");
//! assert_eq!(lower_camel("bundle_id"), "bundleId");
//! assert_eq!(snake("AWSAccessKeyId"), "aws_access_key_id");
//! assert_eq!(kebab("DescribeVolumeStatus"), "describe-volume-status");
//! ```

/// `bundle_id` → `BundleId`: a field's member name (AWS CLI JSON key, Query key).
pub fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `bundle_id` → `bundleId`: a field's XML element name.
pub fn lower_camel(snake: &str) -> String {
    let pascal = pascal(snake);
    let mut chars = pascal.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `WaitingForShutdown` → `waiting-for-shutdown`: a variant's wire value; also an action's AWS CLI
/// command (`DescribeVolumeStatus` → `describe-volume-status`).
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

/// `BundleIds` → `bundle_ids`, `AWSAccessKeyId` → `aws_access_key_id`, `ha-status` → `ha_status`:
/// a field name for a member or filter name. A run of capitals is one word but for its last
/// letter when a lowercase letter follows; anything neither a letter nor a digit separates words.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let after_lower =
                i > 0 && !chars[i - 1].is_uppercase() && chars[i - 1].is_alphanumeric();
            let before_lower = i > 0
                && chars[i - 1].is_uppercase()
                && chars.get(i + 1).is_some_and(|next| next.is_lowercase());
            if after_lower || before_lower {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
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
        assert_eq!(snake("Ipv6CidrBlock"), "ipv6_cidr_block");
        assert_eq!(snake("ha_status"), "ha_status");
        assert_eq!(snake("haStatus"), "ha_status");
    }

    #[test]
    fn member_names_round_trip_through_field_names_where_the_model_is_regular() {
        for member in ["BundleId", "ImportTaskIds", "StartTime", "Iops"] {
            assert_eq!(pascal(&snake(member)), member);
        }
        assert_eq!(pascal(&snake("AWSAccessKeyId")), "AwsAccessKeyId");
    }
}
