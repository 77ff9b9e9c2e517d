//! EC2's error envelope, both ways: `<Response><Errors><Error><Code/><Message/></Error></Errors>
//! <RequestID/></Response>`.

use crate::error::Ec2Error;
use crate::wire::xml::reader::{XmlError, XmlReader};
use crate::wire::xml::writer::XmlWriter;

/// Renders EC2's error body: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`.
pub fn render_error(error: &Ec2Error, request_id: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    let mut writer = XmlWriter::new(&mut out);
    writer.declaration();
    writer.start("Response");
    writer.start("Errors");
    writer.start("Error");
    writer.text_element("Code", error.code());
    writer.text_element("Message", error.message());
    writer.end("Error");
    writer.end("Errors");
    writer.text_element("RequestID", request_id);
    writer.end("Response");
    out
}

/// A parsed EC2 error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorResponse {
    /// The first `<Error>`'s code and message, with the HTTP status the body came with.
    pub error: Ec2Error,
    /// `<RequestID>`, when present.
    pub request_id: Option<String>,
}

/// Parses EC2's error body; `status` is the HTTP status it came with.
///
/// # Errors
/// When the body is not an EC2 error envelope.
pub fn parse_error(body: &[u8], status: u16) -> Result<ErrorResponse, XmlError> {
    let mut reader = XmlReader::new(body)?;
    let root = reader.root()?;
    if root != "Response" {
        return Err(XmlError::new(format!(
            "expected <Response>, found <{root}>"
        )));
    }
    let mut error = None;
    let mut request_id = None;
    while let Some(name) = reader.next_child()? {
        match name.as_str() {
            "Errors" => {
                while let Some(child) = reader.next_child()? {
                    if child == "Error" && error.is_none() {
                        let (mut code, mut message) = (String::new(), String::new());
                        while let Some(field) = reader.next_child()? {
                            match field.as_str() {
                                "Code" => code = reader.text()?,
                                "Message" => message = reader.text()?,
                                _ => reader.skip()?,
                            }
                        }
                        error = Some(Ec2Error::new(code, message, status));
                    } else {
                        reader.skip()?;
                    }
                }
            }
            "RequestID" | "RequestId" | "requestId" => request_id = Some(reader.text()?),
            _ => reader.skip()?,
        }
    }
    let error = error.ok_or_else(|| XmlError::new("no <Error> element"))?;
    Ok(ErrorResponse { error, request_id })
}
