//! EC2 response XML: rendered straight into the caller's buffer, parsed with quick-xml's pull reader.
//!
//! Rendering writes the XML declaration, the `<ActionResponse xmlns=...>` root, `<requestId>` first,
//! then the members; lists are a wrapper element with one `<item>` per element; absent members are
//! omitted; text is escaped (control characters as character references so they survive a parse).
//!
//! Parsing accepts any element order, skips unknown elements at any depth, ignores namespaces and
//! prefixes, reads `<x/>` as empty, and refuses DTDs (so no entity can expand). Input size and element
//! depth are limited; malformed XML is an [`XmlError`], never a panic.
//!
//! ```
//! use ec2_ops_runtime::xml::{XmlWriter, XmlReader, XmlRender, XmlParse};
//!
//! let mut buffer = Vec::new();
//! let mut writer = XmlWriter::new(&mut buffer);
//! "a < b & c".render_xml("description", &mut writer);
//! assert_eq!(String::from_utf8(buffer.clone()).unwrap(), "<description>a &lt; b &amp; c</description>");
//!
//! let mut reader = XmlReader::new(&buffer).unwrap();
//! let root = reader.root().unwrap();
//! assert_eq!(root, "description");
//! assert_eq!(String::parse_xml(&mut reader).unwrap(), "a < b & c");
//! ```

use std::fmt;

use quick_xml::events::Event;

use crate::blob::Blob;
use crate::datetime::DateTime;
use crate::error::Ec2Error;
use crate::filter::Tag;
use crate::wire_text::WireText;

/// The namespace of EC2 responses for API version 2016-11-15.
pub const NAMESPACE: &str = "http://ec2.amazonaws.com/doc/2016-11-15/";

/// Largest response body the parser accepts.
pub const MAX_XML_BYTES: usize = 64 << 20;

/// Deepest element nesting the parser accepts.
pub const MAX_XML_DEPTH: usize = 64;

// ------------------------------------------------------------------------------------------------
// Rendering

/// Writes XML into a byte buffer; no tree is built in between.
#[derive(Debug)]
pub struct XmlWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> XmlWriter<'a> {
    /// A writer appending to `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        XmlWriter { out }
    }

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
    pub fn declaration(&mut self) {
        self.out
            .extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /// Writes `<name>`.
    pub fn start(&mut self, name: &str) {
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
    }

    /// Writes `<name xmlns="namespace">`.
    pub fn start_with_namespace(&mut self, name: &str, namespace: &str) {
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b" xmlns=\"");
        self.text(namespace);
        self.out.extend_from_slice(b"\">");
    }

    /// Writes `</name>`.
    pub fn end(&mut self, name: &str) {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
    }

    /// Writes escaped character data: `<`, `>`, `&` and control characters are escaped (NUL, which
    /// XML cannot carry, becomes U+FFFD); quotes are left as they are, as EC2 leaves them
    /// (`The filter 'x' is invalid`).
    pub fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut clean_from = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            let replacement: &[u8] = match byte {
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'&' => b"&amp;",
                // Tab and newline survive parsing as they are; every other control character
                // (carriage return included, which parsers normalise) goes as a reference.
                b'\t' | b'\n' => continue,
                // NUL cannot appear in XML 1.0 at all, not even as a reference: it becomes U+FFFD.
                0 => "\u{FFFD}".as_bytes(),
                0x01..=0x1f | 0x7f => {
                    self.out.extend_from_slice(&bytes[clean_from..at]);
                    self.out
                        .extend_from_slice(format!("&#x{byte:X};").as_bytes());
                    clean_from = at + 1;
                    continue;
                }
                _ => continue,
            };
            self.out.extend_from_slice(&bytes[clean_from..at]);
            self.out.extend_from_slice(replacement);
            clean_from = at + 1;
        }
        self.out.extend_from_slice(&bytes[clean_from..]);
    }

    /// Writes `<name>escaped text</name>`.
    pub fn text_element(&mut self, name: &str, text: &str) {
        self.start(name);
        self.text(text);
        self.end(name);
    }

    /// Writes a list: `<wrapper><item>...</item>...</wrapper>`.
    pub fn list<'i, T: XmlRender + 'i>(
        &mut self,
        wrapper: &str,
        item: &str,
        items: impl IntoIterator<Item = &'i T>,
    ) {
        self.start(wrapper);
        for element in items {
            element.render_xml(item, self);
        }
        self.end(wrapper);
    }
}

/// A value that renders as an element.
pub trait XmlRender {
    /// Writes `self` as the element `name`.
    fn render_xml(&self, name: &str, writer: &mut XmlWriter<'_>);
}

macro_rules! wire_text_render {
    ($($ty:ty),*) => {$(
        impl XmlRender for $ty {
            fn render_xml(&self, name: &str, writer: &mut XmlWriter<'_>) {
                self.with_wire_text(|text| writer.text_element(name, text));
            }
        }
    )*};
}
wire_text_render!(String, str, bool, i32, i64, f64, DateTime, Blob);

impl<T: XmlRender> XmlRender for Option<T> {
    fn render_xml(&self, name: &str, writer: &mut XmlWriter<'_>) {
        if let Some(value) = self {
            value.render_xml(name, writer);
        }
    }
}

impl<T: XmlRender + ?Sized> XmlRender for Box<T> {
    fn render_xml(&self, name: &str, writer: &mut XmlWriter<'_>) {
        (**self).render_xml(name, writer);
    }
}

impl<T: XmlRender + ?Sized> XmlRender for &T {
    fn render_xml(&self, name: &str, writer: &mut XmlWriter<'_>) {
        (**self).render_xml(name, writer);
    }
}

impl XmlRender for Tag {
    fn render_xml(&self, name: &str, writer: &mut XmlWriter<'_>) {
        writer.start(name);
        writer.text_element("key", &self.key);
        writer.text_element("value", &self.value);
        writer.end(name);
    }
}

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

// ------------------------------------------------------------------------------------------------
// Parsing

/// Why a response could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    message: String,
}

impl XmlError {
    /// An error with `message`.
    pub fn new(message: impl Into<String>) -> XmlError {
        XmlError {
            message: message.into(),
        }
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid EC2 response XML: {}", self.message)
    }
}

impl std::error::Error for XmlError {}

/// A pull parser positioned inside an element: [`XmlReader::next_child`] walks its children,
/// [`XmlReader::text`] reads its content, [`XmlReader::skip`] passes over it.
pub struct XmlReader<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    depth: usize,
}

impl fmt::Debug for XmlReader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XmlReader")
            .field("depth", &self.depth)
            .finish()
    }
}

fn local_name(qualified: &str) -> String {
    match qualified.rsplit_once(':') {
        Some((_, local)) => local.to_owned(),
        None => qualified.to_owned(),
    }
}

impl<'a> XmlReader<'a> {
    /// A reader over `input`.
    ///
    /// # Errors
    /// When the input is larger than [`MAX_XML_BYTES`].
    pub fn new(input: &'a [u8]) -> Result<Self, XmlError> {
        if input.len() > MAX_XML_BYTES {
            return Err(XmlError::new(format!(
                "the document is larger than {MAX_XML_BYTES} bytes"
            )));
        }
        let mut reader = quick_xml::Reader::from_reader(input);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        Ok(XmlReader { reader, depth: 0 })
    }

    fn event(&mut self) -> Result<Event<'a>, XmlError> {
        let event = self
            .reader
            .read_event()
            .map_err(|e| XmlError::new(format!("{e} at byte {}", self.reader.error_position())))?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_XML_DEPTH {
                    return Err(XmlError::new(format!(
                        "elements nest deeper than {MAX_XML_DEPTH}"
                    )));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::DocType(_) => return Err(XmlError::new("DTDs are not accepted")),
            _ => {}
        }
        Ok(event)
    }

    /// Moves to the document's root element and returns its local name.
    ///
    /// # Errors
    /// When there is no root element or the XML is malformed.
    pub fn root(&mut self) -> Result<String, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) => return Ok(local_name(start.name().as_ref())),
                Event::Eof => return Err(XmlError::new("no root element")),
                Event::Text(text) if !text.xml10_content().trim().is_empty() => {
                    return Err(XmlError::new("text before the root element"));
                }
                _ => {}
            }
        }
    }

    /// The local name of the next child element of the current element, consuming its start tag, or
    /// `None` (consuming the current element's end tag) when there are no more. Text between children
    /// is ignored.
    ///
    /// # Errors
    /// When the XML is malformed or ends early.
    pub fn next_child(&mut self) -> Result<Option<String>, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) => return Ok(Some(local_name(start.name().as_ref()))),
                Event::End(_) => return Ok(None),
                Event::Eof => return Err(XmlError::new("unexpected end of document")),
                _ => {}
            }
        }
    }

    /// The text content of the current element, consuming through its end tag. Child elements inside
    /// it are skipped.
    ///
    /// # Errors
    /// When the XML is malformed, ends early, or has an unknown entity.
    pub fn text(&mut self) -> Result<String, XmlError> {
        let mut text = String::new();
        loop {
            match self.event()? {
                Event::Text(raw) => {
                    text.push_str(&raw.xml10_content());
                }
                Event::GeneralRef(reference) => {
                    let name = reference.xml10_content();
                    match reference
                        .resolve_char_ref()
                        .map_err(|e| XmlError::new(e.to_string()))?
                    {
                        Some(c) => text.push(c),
                        None => match &*name {
                            "lt" => text.push('<'),
                            "gt" => text.push('>'),
                            "amp" => text.push('&'),
                            "quot" => text.push('"'),
                            "apos" => text.push('\''),
                            other => {
                                return Err(XmlError::new(format!("unknown entity &{other};")));
                            }
                        },
                    }
                }
                Event::CData(data) => {
                    text.push_str(&data.xml10_content());
                }
                Event::Start(_) => self.skip()?,
                Event::End(_) => return Ok(text),
                Event::Eof => return Err(XmlError::new("unexpected end of document")),
                _ => {}
            }
        }
    }

    /// Skips the rest of the current element, children included.
    ///
    /// # Errors
    /// When the XML is malformed or ends early.
    pub fn skip(&mut self) -> Result<(), XmlError> {
        let target = self.depth.saturating_sub(1);
        while self.depth > target {
            if let Event::Eof = self.event()? {
                return Err(XmlError::new("unexpected end of document"));
            }
        }
        Ok(())
    }
}

/// A value parsed from an element whose start tag was just consumed; the parser consumes through the
/// matching end tag.
pub trait XmlParse: Sized {
    /// Parses the current element.
    ///
    /// # Errors
    /// When the content is malformed.
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError>;
}

impl XmlParse for String {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        reader.text()
    }
}

/// botocore reads any boolean text other than `true` as false; so do we.
impl XmlParse for bool {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        Ok(reader.text()?.trim() == "true")
    }
}

macro_rules! integer_parse {
    ($($ty:ty),*) => {$(
        impl XmlParse for $ty {
            fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
                let text = reader.text()?;
                text.trim().parse().map_err(|_| XmlError::new(format!("`{}` is not an integer", text.chars().take(64).collect::<String>())))
            }
        }
    )*};
}
integer_parse!(i32, i64);

impl XmlParse for f64 {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        let text = reader.text()?;
        match text.trim() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            number => number.parse().map_err(|_| {
                XmlError::new(format!(
                    "`{}` is not a number",
                    text.chars().take(64).collect::<String>()
                ))
            }),
        }
    }
}

impl XmlParse for DateTime {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        DateTime::parse(&reader.text()?).map_err(|e| XmlError::new(e.to_string()))
    }
}

impl XmlParse for Blob {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        Blob::from_base64(&reader.text()?).map_err(|e| XmlError::new(e.to_string()))
    }
}

/// Recursive shapes hold their recursion in a `Box`.
impl<T: XmlParse> XmlParse for Box<T> {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        T::parse_xml(reader).map(Box::new)
    }
}

/// A list: every child element is an item, whatever its name (as botocore reads lists).
impl<T: XmlParse> XmlParse for Vec<T> {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        let mut items = Vec::new();
        while reader.next_child()?.is_some() {
            items.push(T::parse_xml(reader)?);
        }
        Ok(items)
    }
}

impl XmlParse for Tag {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        let mut tag = Tag::default();
        while let Some(name) = reader.next_child()? {
            match name.as_str() {
                "key" => tag.key = reader.text()?,
                "value" => tag.value = reader.text()?,
                _ => reader.skip()?,
            }
        }
        Ok(tag)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn render<T: XmlRender>(value: &T) -> Vec<u8> {
        let mut out = Vec::new();
        value.render_xml("v", &mut XmlWriter::new(&mut out));
        out
    }

    fn parse<T: XmlParse>(xml: &[u8]) -> Result<T, XmlError> {
        let mut reader = XmlReader::new(xml)?;
        reader.root()?;
        T::parse_xml(&mut reader)
    }

    #[test]
    fn hostile_text_round_trips() {
        let nasty = "<a> & ]]> \"'\u{1}\r\n\té€";
        let xml = render(&nasty.to_owned());
        assert_eq!(parse::<String>(&xml).unwrap(), nasty);
    }

    #[test]
    fn self_closed_and_namespaced_elements_parse() {
        assert_eq!(parse::<String>(b"<v/>").unwrap(), "");
        let tags: Vec<Tag> = parse(b"<ec2:tagSet xmlns:ec2='x'><ec2:item><ec2:key>k</ec2:key><value>v</value><junk><deep/></junk></ec2:item></ec2:tagSet>").unwrap();
        assert_eq!(tags, [Tag::new("k", "v")]);
    }

    #[test]
    fn entities_are_refused_and_malformed_xml_is_an_error() {
        assert!(parse::<String>(b"<!DOCTYPE v [<!ENTITY x \"boom\">]><v>&x;</v>").is_err());
        assert!(parse::<String>(b"<v>&x;</v>").is_err());
        assert!(parse::<String>(b"<v><w></v>").is_err());
        assert!(parse::<String>(b"<v>unterminated").is_err());
        let deep = "<a>".repeat(100);
        assert!(parse::<String>(deep.as_bytes()).is_err());
    }

    #[test]
    fn error_envelope_round_trips() {
        let error = Ec2Error::invalid_filter("destinationCidr");
        let body = render_error(&error, "c69dea77-b344-42c5-ae1b-26ccd6663588");
        assert_eq!(
            String::from_utf8(body.clone()).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>The filter 'destinationCidr' is invalid</Message></Error></Errors><RequestID>c69dea77-b344-42c5-ae1b-26ccd6663588</RequestID></Response>"
        );
        let parsed = parse_error(&body, 400).unwrap();
        assert_eq!(parsed.error, error);
        assert_eq!(
            parsed.request_id.as_deref(),
            Some("c69dea77-b344-42c5-ae1b-26ccd6663588")
        );
    }

    #[test]
    fn scalars_parse_leniently_like_botocore() {
        assert!(!parse::<bool>(b"<v>yes</v>").unwrap());
        assert!(parse::<f64>(b"<v>NaN</v>").unwrap().is_nan());
        assert_eq!(parse::<i32>(b"<v> 42 </v>").unwrap(), 42);
        assert!(parse::<i32>(b"<v>4x</v>").is_err());
        assert_eq!(
            parse::<DateTime>(b"<v>2014-04-29T18:30:38+00:00</v>")
                .unwrap()
                .to_string(),
            "2014-04-29T18:30:38.000Z"
        );
    }
}
