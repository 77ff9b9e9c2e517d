//! Filter names from an operation's `Filters` documentation, and their mapping to field paths.

use crate::model::{Model, Shape};
use crate::names;

/// The filter names an operation documents, in documentation order, without repeats.
///
/// botocore writes them as `<li> <p> <code>name</code> - description</p> </li>` in the first
/// bullet list; items of lists nested inside (a filter's values) are not names. `tag:<key>` arrives
/// HTML-escaped, and some operations write it as a bare `tag` described as "the key/value
/// combination of a tag".
pub fn documented(doc: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for item in top_level_items(doc) {
        if let Some(name) = leading_name(item)
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    names
}

/// The other names the documentation gives a filter, as `(other name, documented name)` in
/// documentation order: botocore writes them inside the filter's item, "You can also use
/// `<code>availabilityZone</code>` as the filter name" or "`<code>cidr</code>` or
/// `<code>cidrBlock</code>` as the filter names".
pub fn documented_aliases(doc: &str) -> Vec<(String, String)> {
    let mut aliases = Vec::new();
    for item in top_level_items(doc) {
        let Some(name) = leading_name(item) else {
            continue;
        };
        let Some(start) = item.find("You can also use") else {
            continue;
        };
        let sentence = &item[start..];
        let Some(end) = sentence.find("as the filter name") else {
            continue;
        };
        let mut rest = &sentence[..end];
        while let Some(open) = rest.find("<code>") {
            let after = &rest[open + "<code>".len()..];
            let Some(close) = after.find("</code>") else {
                break;
            };
            let alias = after[..close].trim();
            if plausible(alias) && alias != name {
                aliases.push((alias.to_owned(), name.clone()));
            }
            rest = &after[close..];
        }
    }
    aliases
}

/// The filter name an item of the list names: its leading code span.
fn leading_name(item: &str) -> Option<String> {
    let start = item.find("<code>")?;
    // Only a code span that leads the item names a filter.
    if leads_with_text(&item[..start]) {
        return None;
    }
    let rest = &item[start + "<code>".len()..];
    let end = rest.find("</code>")?;
    let name = rest[..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let mut name = name.trim().to_owned();
    if name == "tag" && rest.contains("key/value combination") {
        name = "tag:<key>".to_owned();
    }
    plausible(&name).then_some(name)
}

/// Whether `name` is spelt as a filter name can be.
fn plausible(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:<>".contains(c))
}

/// The text of each `<li>` of the outermost list, nested lists included in their item's text.
fn top_level_items(doc: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut item_start = None;
    let mut rest = doc;
    let mut offset = 0;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        let at = offset + open;
        match tag {
            "ul" | "ol" => depth += 1,
            "/ul" | "/ol" => {
                if depth == 1 {
                    if let Some(start) = item_start.take() {
                        items.push(&doc[start..at]);
                    }
                    // Only the first list names filters; later lists are examples.
                    return items;
                }
                depth = depth.saturating_sub(1);
            }
            "li" if depth == 1 => {
                if let Some(start) = item_start.replace(at + close + 1) {
                    items.push(&doc[start..at]);
                }
            }
            _ => {}
        }
        offset += open + close + 1;
        rest = &rest[open + close + 1..];
    }
    if let Some(start) = item_start {
        items.push(&doc[start..]);
    }
    items
}

/// Whether `html` holds any text outside its tags.
fn leads_with_text(html: &str) -> bool {
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag && c.is_alphanumeric() => return true,
            _ => {}
        }
    }
    false
}

/// Where a documented filter goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mapping {
    /// A field path (`attachments.instance_id`), written alone when it spells the name.
    Path(Vec<String>),
    /// One of the three tag filters over the tag list at this path.
    Tags(Vec<String>),
    /// Not mapped by the scaffold: why, for a person to finish.
    Unmapped(String),
    /// Decided by a person: EC2 serves it, but the response holds nothing it could be matched
    /// against (a value EC2 computes, or state outside the resource). Why.
    NotServable(String),
}

/// Maps filter `name` onto the fields of structure `resource`.
pub fn map(model: &Model, resource: &str, name: &str) -> Mapping {
    if name == "tag:<key>" || name == "tag-key" || name == "tag-value" {
        return match tag_list(model, resource) {
            Some(field) => Mapping::Tags(vec![field]),
            None => Mapping::Unmapped(format!("`{resource}` has no tag list")),
        };
    }
    if name.contains(['<', '>', ':']) {
        return Mapping::Unmapped("a parameterised name".to_owned());
    }
    let mut shape = resource.to_owned();
    let mut path = Vec::new();
    let parts: Vec<&str> = name.split('.').collect();
    for (index, part) in parts.iter().enumerate() {
        let Ok(members) = model.members(&shape) else {
            return Mapping::Unmapped(format!("`{}` is not a structure", path.join(".")));
        };
        let wanted = names::snake(&part.replace('-', "_"));
        let candidates: Vec<_> = members
            .iter()
            .filter(|(member, _)| {
                let field = names::snake(member);
                [
                    wanted.clone(),
                    format!("{wanted}s"),
                    format!("{wanted}es"),
                    format!("{wanted}_set"),
                    format!("{wanted}_list"),
                ]
                .contains(&field)
            })
            .collect();
        let [(member, reference)] = candidates.as_slice() else {
            return Mapping::Unmapped(if candidates.is_empty() {
                format!("no field for `{part}` in `{shape}`")
            } else {
                format!("`{part}` could be any of several fields of `{shape}`")
            });
        };
        path.push(names::field_ident(&names::snake(member)));
        let element = element_shape(model, &reference.shape);
        let last = index + 1 == parts.len();
        match model.shape(&element) {
            // Tags are reached only through the three tag filters.
            Ok(Shape::Structure { .. }) if element == "Tag" => {
                return Mapping::Unmapped(format!(
                    "`{member}` is a tag list, reached only by `tag:<key>`, `tag-key` and `tag-value`"
                ));
            }
            Ok(Shape::Structure { .. }) if last => match value_member(model, &element, &wanted) {
                Some(value) => path.push(value),
                None => {
                    return Mapping::Unmapped(format!(
                        "`{member}` is a structure (`{element}`), not a value"
                    ));
                }
            },
            Ok(Shape::Structure { .. }) => shape = element,
            Ok(Shape::Blob {}) => return Mapping::Unmapped(format!("`{member}` is binary")),
            Ok(_) if last => {}
            _ => return Mapping::Unmapped(format!("`{member}` has no fields")),
        }
    }
    Mapping::Path(path)
}

/// The member of structure `shape` that holds the value a filter named for the structure means:
/// one spelt like the filter (`message` in `AvailabilityZoneMessage`), its ID (`product-code` →
/// `ProductCodeId`), or its value, code, name, state or status.
fn value_member(model: &Model, shape: &str, wanted: &str) -> Option<String> {
    let members = model.members(shape).ok()?;
    let scalar = |reference: &crate::model::ShapeRef| {
        !matches!(
            model.shape(&reference.shape),
            Ok(Shape::Structure { .. } | Shape::List { .. } | Shape::Blob {})
        )
    };
    let candidates = [
        wanted.to_owned(),
        format!("{wanted}_id"),
        "value".into(),
        "code".into(),
        "name".into(),
        "state".into(),
        "status".into(),
    ];
    candidates.iter().find_map(|candidate| {
        members
            .iter()
            .find(|(member, reference)| names::snake(member) == *candidate && scalar(reference))
            .map(|(member, _)| names::field_ident(&names::snake(member)))
    })
}

/// Follows a list to its element shape.
pub fn element_shape(model: &Model, shape: &str) -> String {
    match model.shape(shape) {
        Ok(Shape::List { member }) => element_shape(model, &member.shape),
        _ => shape.to_owned(),
    }
}

/// The field of `resource` that holds its tags (a list of `Tag`).
fn tag_list(model: &Model, resource: &str) -> Option<String> {
    let members = model.members(resource).ok()?;
    let mut lists = members.iter().filter(|(_, reference)| {
        matches!(model.shape(&reference.shape), Ok(Shape::List { member }) if member.shape == "Tag")
    });
    let (member, _) = lists.next()?;
    lists
        .next()
        .is_none()
        .then(|| names::field_ident(&names::snake(member)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_from_the_leading_code_span_of_each_item() {
        let doc = "<p>The filters.</p> <ul> <li> <p> <code>volume-id</code> - The ID.</p> </li> \
                   <li> <p> <code>tag:&lt;key&gt;</code> - The key/value combination of a tag \
                   (<code>Owner</code>).</p> </li> <li> <p>The <code>x</code> value</p> </li> \
                   <li> <p> <code>volume-id</code> - Again.</p> </li> </ul>";
        assert_eq!(documented(doc), ["volume-id", "tag:<key>"]);
    }

    #[test]
    fn other_names_are_read_from_the_sentence_that_gives_them() {
        let doc = "<ul> <li> <p> <code>availability-zone</code> - The zone. You can also use \
                   <code>availabilityZone</code> as the filter name.</p> </li> \
                   <li> <p> <code>cidr-block</code> - Must match <code>10.0.0.0/16</code>. You \
                   can also use <code>cidr</code> or <code>cidrBlock</code> as the filter \
                   names.</p> </li> <li> <p> <code>state</code> - The state.</p> </li> </ul>";
        assert_eq!(
            documented_aliases(doc),
            [
                (
                    "availabilityZone".to_owned(),
                    "availability-zone".to_owned()
                ),
                ("cidr".to_owned(), "cidr-block".to_owned()),
                ("cidrBlock".to_owned(), "cidr-block".to_owned()),
            ]
        );
        assert_eq!(
            documented(doc),
            ["availability-zone", "cidr-block", "state"]
        );
    }
}
