//! A resource tag (a key and a value), and [`Tagged`]: a resource's own tags.

use serde::{Deserialize, Serialize};

/// A resource tag (`<item><key/><value/></item>` in a `<tagSet>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    /// The tag key.
    #[serde(default)]
    pub key: String,
    /// The tag value.
    #[serde(default)]
    pub value: String,
}

impl Tag {
    /// A tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Tag {
        Tag {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// A resource that carries tags: its own tags, EC2's `tagSet` (the `<tagSet>` element of the
/// resource in a response; `Tags` in the AWS CLI's JSON).
///
/// `#[ec2_shape]` implements it for every structure: the tags are the `Vec<Tag>` or
/// `Option<Vec<Tag>>` field whose XML name is `tagSet` (written `#[ec2(xml = "tagSet")]`, or a field
/// named `tag_set`), and a structure without one answers no tags. Tags elsewhere, such as a
/// `TagSpecification`'s `Tag` list or the tags of a resource's nested items (an instance's in a
/// reservation), are not the resource's own. String enums have no tags and no impl.
///
/// Generated operations answer [`DescribeOperation::resource_tags`](crate::DescribeOperation::resource_tags)
/// through it, so a resource type that is not an `#[ec2_shape]` implements it by hand.
///
/// ```
/// use ec2_ops_runtime::{Tag, Tagged};
///
/// struct Volume { tags: Option<Vec<Tag>> }
///
/// impl Tagged for Volume {
///     fn tags(&self) -> &[Tag] {
///         self.tags.as_deref().unwrap_or_default()
///     }
/// }
///
/// let volume = Volume { tags: Some(vec![Tag::new("Name", "data")]) };
/// assert_eq!(volume.tags(), [Tag::new("Name", "data")]);
/// assert!(Volume { tags: None }.tags().is_empty());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no tags accessor",
    label = "declare `{Self}` with `#[ec2_shape]`, or implement `Tagged` for it"
)]
pub trait Tagged {
    /// The resource's own tags (its `tagSet`), in their order; empty when it has none.
    fn tags(&self) -> &[Tag];
}
