//! The traits `#[ec2_operation]` and `#[ec2_shape]` implement, and the helpers their code calls.
//!
//! They can be implemented by hand too; the generated code is just a convenient way to get them right.

use crate::describe::{DescribeContext, DescribeInput, Page, describe};
use crate::error::Ec2Error;
use crate::filter::{Tag, ValueSet};
use crate::operation::Operation;
use crate::query::{QueryNode, QueryParams, QueryWriter};
use crate::source::ResourceSource;
use crate::wire_text::WireText;
use crate::xml::{NAMESPACE, XmlError, XmlReader, XmlWriter};

/// A field a filter compares: a scalar's wire text, an optional field (absent never matches) or a list
/// (any element matches).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no EC2 wire text to filter on",
    label = "a filter's last field must be a scalar (string, number, boolean, timestamp, #[ec2_shape] enum), or an `Option` or `Vec` of one"
)]
pub trait FilterLeaf {
    /// Whether the field matches any of `values`.
    fn filter_leaf(&self, values: &ValueSet) -> bool;
}

impl<T: WireText + ?Sized> FilterLeaf for T {
    fn filter_leaf(&self, values: &ValueSet) -> bool {
        values.matches_wire(self)
    }
}

impl<T: FilterLeaf> FilterLeaf for Option<T> {
    fn filter_leaf(&self, values: &ValueSet) -> bool {
        self.as_ref().is_some_and(|value| value.filter_leaf(values))
    }
}

impl<T: FilterLeaf> FilterLeaf for Vec<T> {
    fn filter_leaf(&self, values: &ValueSet) -> bool {
        self.iter().any(|value| value.filter_leaf(values))
    }
}

/// A step along a filter's field path: a structure is itself, an absent `Option` reaches nothing, a
/// list reaches each element. This lets `storage.s3.bucket` be followed without knowing which fields
/// are optional.
#[diagnostic::on_unimplemented(
    message = "a filter path cannot go through `{Self}`",
    label = "every step but the last must be an #[ec2_shape] struct, or an `Option`, `Vec` or `Box` of one"
)]
pub trait FilterPath {
    /// The structure reached.
    type Target;

    /// Whether `f` answers `true` for any structure reached.
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool;
}

impl<T: FilterPath> FilterPath for Option<T> {
    type Target = T::Target;
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool {
        self.as_ref().is_some_and(|inner| inner.reach(f))
    }
}

impl<T: FilterPath> FilterPath for Vec<T> {
    type Target = T::Target;
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool {
        self.iter().any(|inner| inner.reach(f))
    }
}

impl<T: FilterPath> FilterPath for Box<T> {
    type Target = T::Target;
    fn reach<F: FnMut(&Self::Target) -> bool>(&self, f: &mut F) -> bool {
        (**self).reach(f)
    }
}

/// A resource's ID field: a `String`, or an `Option<String>` (absent sorts as the empty ID).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a resource ID",
    label = "`resource_id` must name a `String` or `Option<String>` field"
)]
pub trait ResourceIdText {
    /// The ID text.
    fn id_text(&self) -> &str;
}

impl ResourceIdText for String {
    fn id_text(&self) -> &str {
        self
    }
}

impl ResourceIdText for Option<String> {
    fn id_text(&self) -> &str {
        self.as_deref().unwrap_or_default()
    }
}

/// A resource's tag field: `Vec<Tag>` or `Option<Vec<Tag>>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a tag list",
    label = "`tags => ...` must name a `Vec<Tag>` or `Option<Vec<Tag>>` field"
)]
pub trait TagList {
    /// The tags.
    fn tag_slice(&self) -> &[Tag];
}

impl TagList for Vec<Tag> {
    fn tag_slice(&self) -> &[Tag] {
        self
    }
}

impl TagList for Option<Vec<Tag>> {
    fn tag_slice(&self) -> &[Tag] {
        self.as_deref().unwrap_or_default()
    }
}

/// A request of an EC2 action, with its Query encoding.
pub trait Ec2Request: Sized {
    /// The action name.
    const ACTION: &'static str;

    /// Takes the request's members out of `node`; what remains is reported as unknown.
    ///
    /// # Errors
    /// EC2's 400s for malformed members.
    fn take_from_query(node: &mut QueryNode) -> Result<Self, Ec2Error>;

    /// Writes the members, in model order.
    fn write_query(&self, writer: &mut QueryWriter);

    /// Decodes a whole request body whose `Action` and `Version` have already been taken out.
    ///
    /// # Errors
    /// EC2's 400s, `UnknownParameter` for anything the request does not declare.
    fn from_query(mut params: QueryParams) -> Result<Self, Ec2Error> {
        params.remove_auth_parameters();
        let request = Self::take_from_query(params.root_mut())?;
        params.finish()?;
        Ok(request)
    }

    /// The request body botocore would send: `Action`, `Version`, then the members.
    fn to_query(&self) -> String {
        let mut writer = QueryWriter::new(Self::ACTION);
        self.write_query(&mut writer);
        writer.finish()
    }
}

/// A response of an EC2 action, with its XML form.
pub trait Ec2Response: Sized {
    /// The action name; the XML root is `<{ACTION}Response>`.
    const ACTION: &'static str;

    /// Writes the members (everything inside the root after `<requestId>`).
    fn write_members(&self, writer: &mut XmlWriter<'_>);

    /// The request ID, if known.
    fn request_id(&self) -> Option<&str>;

    /// Reads the member element `name` whose start tag was just consumed; `false` when `name` is not
    /// a member (the caller skips it).
    ///
    /// # Errors
    /// When the member's content is malformed.
    fn read_member(&mut self, name: &str, reader: &mut XmlReader<'_>) -> Result<bool, XmlError>;

    /// Stores the parsed `<requestId>`.
    fn set_request_id(&mut self, request_id: String);

    /// The full XML document EC2 would send.
    fn to_xml(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024);
        let mut writer = XmlWriter::new(&mut out);
        writer.declaration();
        let root = format!("{}Response", Self::ACTION);
        writer.start_with_namespace(&root, NAMESPACE);
        if let Some(request_id) = self.request_id() {
            writer.text_element("requestId", request_id);
        }
        self.write_members(&mut writer);
        writer.end(&root);
        out
    }

    /// Parses the document EC2 sent (members in any order, unknown elements skipped).
    ///
    /// # Errors
    /// When the XML is malformed or its root is not `<{ACTION}Response>`.
    fn from_xml(body: &[u8]) -> Result<Self, XmlError>
    where
        Self: Default,
    {
        let mut reader = XmlReader::new(body)?;
        let root = reader.root()?;
        let expected = format!("{}Response", Self::ACTION);
        if root != expected {
            return Err(XmlError::new(format!(
                "expected <{expected}>, found <{root}>"
            )));
        }
        let mut response = Self::default();
        while let Some(name) = reader.next_child()? {
            if name == "requestId" {
                response.set_request_id(reader.text()?);
            } else if !response.read_member(&name, &mut reader)? {
                reader.skip()?;
            }
        }
        Ok(response)
    }
}

/// An operation with typed request and response: what `#[ec2_operation]` generates.
pub trait DescribeOperation: Operation {
    /// The request type.
    type Request: Ec2Request;
    /// The response type.
    type Response: Ec2Response;

    /// The describe parameters of a request.
    fn input(request: &Self::Request) -> DescribeInput<'_>;

    /// The response for one page.
    fn response(page: Page<Self::Resource>, request_id: String) -> Self::Response;

    /// How many resources a response lists (for logs).
    fn response_len(response: &Self::Response) -> usize;

    /// Runs the operation: DryRun → validation → IDs → filters → pagination → response.
    ///
    /// # Errors
    /// EC2's error for the first rule the request breaks.
    fn run<S>(
        request: &Self::Request,
        source: &S,
        context: &DescribeContext,
    ) -> Result<Self::Response, Ec2Error>
    where
        Self::Resource: Clone,
        S: ResourceSource<Self::Resource> + ?Sized,
    {
        let page = describe::<Self, S>(&Self::input(request), source, context)?;
        Ok(Self::response(page, crate::error::new_request_id()))
    }
}

/// A text that is not one of a string enum's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumValue {
    found: String,
    expected: &'static [&'static str],
}

impl UnknownEnumValue {
    /// `found` is not one of `expected`.
    pub fn new(found: &str, expected: &'static [&'static str]) -> Self {
        UnknownEnumValue {
            found: found.chars().take(128).collect(),
            expected,
        }
    }
}

impl std::fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown value `{}`, expected one of: {}",
            self.found,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownEnumValue {}
