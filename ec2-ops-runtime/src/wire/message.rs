//! Whole messages: a request type's Query form and a response type's XML document, as
//! `#[ec2_operation]` generates them (or as written by hand).

use crate::error::Ec2Error;
use crate::wire::query::{QueryNode, QueryParams, QueryWriter};
use crate::wire::version::NAMESPACE;
use crate::wire::xml::{XmlError, XmlReader, XmlWriter};

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
