//! What a declaration may leave out, derived from what it says, by EC2's own naming conventions:
//! `ids(key = "BundleId")` implies the member `BundleIds`, the subject "bundle ID" and the codes
//! `InvalidBundleID.NotFound` and `InvalidBundleID.Malformed`.

use crate::case;

/// `BundleId` → `BundleIds`: the request member of an ID list (botocore's names pluralise the key).
pub fn list_member(key: &str) -> String {
    format!("{key}s")
}

/// `BundleIds` → `bundle_id`: the builder method adding one element; `None` when the member is not
/// a plural (`RestorableBy`).
pub fn singular_field(member: &str) -> Option<String> {
    member
        .strip_suffix('s')
        .filter(|singular| !singular.is_empty())
        .map(case::snake)
}

/// `BundleId` → `BundleID`: EC2 writes `ID` in upper case in its error codes and messages.
fn upper_id(key: &str) -> String {
    match key.strip_suffix("Id") {
        Some(stem) => format!("{stem}ID"),
        None => key.to_owned(),
    }
}

/// `BundleId` → `bundle ID`, `KeyName` → `key name`: what the not-found message calls one value.
pub fn subject(key: &str) -> String {
    case::snake(key)
        .split('_')
        .map(|word| if word == "id" { "ID" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `BundleId` → `InvalidBundleID.NotFound`.
pub fn not_found_code(key: &str) -> String {
    format!("Invalid{}.NotFound", upper_id(key))
}

/// `InvalidBundleID.NotFound` → `InvalidBundleID.Malformed`: the family of the not-found code.
pub fn malformed_code(not_found: &str) -> String {
    let family = not_found.strip_suffix(".NotFound").unwrap_or(not_found);
    format!("{family}.Malformed")
}

/// `availability-zone-id` → `availability_zone_id`, `operator.managed` → `operator.managed`,
/// `haStatus` → `ha_status`: the field path a filter name spells, one field per dotted part
/// (`None` when a part is not a plain identifier, as in `tag:<key>`).
pub fn filter_field_path(name: &str) -> Option<Vec<String>> {
    name.split('.')
        .map(|part| {
            // Only letters, digits, `-` and `_` spell a field; `snake` would turn the rest into `_`.
            if !part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return None;
            }
            let field = case::snake(&part.replace('-', "_"));
            let plain = field.starts_with(|c: char| c.is_ascii_lowercase())
                && field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && syn::parse_str::<syn::Ident>(&field).is_ok();
            plain.then_some(field)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_names_spell_their_field_paths() {
        let path = |name: &str| filter_field_path(name).map(|parts| parts.join("."));
        assert_eq!(
            path("availability-zone-id").as_deref(),
            Some("availability_zone_id")
        );
        assert_eq!(
            path("operator.managed").as_deref(),
            Some("operator.managed")
        );
        assert_eq!(path("haStatus").as_deref(), Some("ha_status"));
        assert_eq!(path("tag:<key>"), None);
        assert_eq!(path("type"), None);
    }

    #[test]
    fn id_lists_follow_ec2_names() {
        assert_eq!(list_member("BundleId"), "BundleIds");
        assert_eq!(singular_field("BundleIds").as_deref(), Some("bundle_id"));
        assert_eq!(singular_field("RestorableBy"), None);
        assert_eq!(subject("BundleId"), "bundle ID");
        assert_eq!(subject("ImportTaskId"), "import task ID");
        assert_eq!(subject("KeyName"), "key name");
        assert_eq!(not_found_code("BundleId"), "InvalidBundleID.NotFound");
        assert_eq!(not_found_code("KeyName"), "InvalidKeyName.NotFound");
        assert_eq!(
            malformed_code("InvalidVolume.NotFound"),
            "InvalidVolume.Malformed"
        );
    }
}
