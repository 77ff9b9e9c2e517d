//! Parsing: quick-xml's pull reader, walked element by element into typed values.

use std::fmt;

use quick_xml::events::Event;

use crate::types::{Blob, DateTime, FromWireText, Tag};

/// Largest response body the parser accepts.
pub const MAX_XML_BYTES: usize = 64 << 20;

/// Deepest element nesting the parser accepts.
pub const MAX_XML_DEPTH: usize = 64;

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

/// The local name of an element (`ec2:item` → `item`), held inline: reading an element costs no
/// allocation for its name. Names longer than any EC2 name go to the heap.
#[derive(Clone)]
pub struct ElementName {
    inline: [u8; INLINE_NAME],
    len: u8,
    long: Option<Box<str>>,
}

/// The longest name held inline; EC2's longest element names are under 60 bytes.
const INLINE_NAME: usize = 64;

impl ElementName {
    fn local(qualified: &str) -> ElementName {
        let local = qualified
            .rsplit_once(':')
            .map_or(qualified, |(_, local)| local);
        let mut name = ElementName {
            inline: [0; INLINE_NAME],
            len: 0,
            long: None,
        };
        match u8::try_from(local.len()) {
            Ok(len) if local.len() <= INLINE_NAME => {
                name.inline[..local.len()].copy_from_slice(local.as_bytes());
                name.len = len;
            }
            _ => name.long = Some(local.into()),
        }
        name
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        match &self.long {
            Some(long) => long,
            // The inline bytes are a copy of a whole `&str`, so they are UTF-8; the fallback is
            // never taken.
            None => std::str::from_utf8(&self.inline[..usize::from(self.len)]).unwrap_or_default(),
        }
    }
}

impl std::ops::Deref for ElementName {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for ElementName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ElementName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ElementName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ElementName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ElementName {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
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
    pub fn root(&mut self) -> Result<ElementName, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) => return Ok(ElementName::local(start.name().as_ref())),
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
    pub fn next_child(&mut self) -> Result<Option<ElementName>, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) => return Ok(Some(ElementName::local(start.name().as_ref()))),
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
        self.with_text(str::to_owned)
    }

    /// Calls `read` with the text content of the current element (as [`XmlReader::text`] reads it),
    /// consuming through its end tag. Content that is one run of plain text, as almost every EC2
    /// value is, is passed straight from the input: a number, timestamp or enum is read without
    /// copying its text.
    ///
    /// # Errors
    /// As [`XmlReader::text`].
    pub fn with_text<T>(&mut self, read: impl FnOnce(&str) -> T) -> Result<T, XmlError> {
        let mut text = String::new();
        match self.event()? {
            Event::Text(raw) => {
                let content = raw.xml10_content();
                match self.event()? {
                    Event::End(_) => {
                        refuse_nul(&content)?;
                        return Ok(read(&content));
                    }
                    next => {
                        text.push_str(&content);
                        self.read_text_from(next, &mut text)?;
                    }
                }
            }
            Event::End(_) => return Ok(read("")),
            first => self.read_text_from(first, &mut text)?,
        }
        refuse_nul(&text)?;
        Ok(read(&text))
    }

    /// Appends the content from `event` on to `text`, through the current element's end tag.
    fn read_text_from(&mut self, mut event: Event<'a>, text: &mut String) -> Result<(), XmlError> {
        loop {
            match event {
                Event::Text(raw) => text.push_str(&raw.xml10_content()),
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
                Event::CData(data) => text.push_str(&data.xml10_content()),
                Event::Start(_) => self.skip()?,
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(XmlError::new("unexpected end of document")),
                _ => {}
            }
            event = self.event()?;
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

/// XML 1.0 has no way to carry NUL, raw or as a reference; a document with one is not XML (and the
/// writer, for the same reason, sends U+FFFD in its place).
fn refuse_nul(text: &str) -> Result<(), XmlError> {
    if text.contains('\0') {
        return Err(XmlError::new("NUL is not a character XML can carry"));
    }
    Ok(())
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

/// Reads a scalar element with the one scalar text codec.
fn parse_scalar<T: FromWireText>(reader: &mut XmlReader<'_>) -> Result<T, XmlError> {
    reader
        .with_text(T::from_wire_text)?
        .map_err(|error| XmlError::new(error.to_string()))
}

macro_rules! scalar_xml_parse {
    ($($ty:ty),*) => {$(
        impl XmlParse for $ty {
            fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
                parse_scalar(reader)
            }
        }
    )*};
}
scalar_xml_parse!(i32, i64, f64, DateTime, Blob);

/// A boolean the codec refuses reads as `false`, as botocore reads it: the one place a client is
/// more lenient than the codec (see [`FromWireText`]), so a response never fails on a flag every
/// other client reads the same way.
impl XmlParse for bool {
    fn parse_xml(reader: &mut XmlReader<'_>) -> Result<Self, XmlError> {
        Ok(reader.with_text(bool::from_wire_text)?.unwrap_or(false))
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
            match &*name {
                "key" => tag.key = reader.text()?,
                "value" => tag.value = reader.text()?,
                _ => reader.skip()?,
            }
        }
        Ok(tag)
    }
}
