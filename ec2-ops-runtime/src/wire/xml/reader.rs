//! Parsing: quick-xml's pull reader, walked element by element into typed values.

use std::borrow::Cow;
use std::fmt;

use quick_xml::events::{BytesStart, BytesText, Event};

use crate::types::{Blob, DateTime, FromWireText, Tag};
use crate::wire::xml::short_scan;
use crate::wire::xml::shortcut::Shortcut;

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
    input: &'a str,
    reader: quick_xml::Reader<&'a [u8]>,
    shortcut: Shortcut<'a>,
    depth: usize,
}

impl fmt::Debug for XmlReader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XmlReader")
            .field("depth", &self.depth)
            .finish()
    }
}

/// The local name of an element (`ec2:item` → `item`), borrowed from the input: reading an
/// element costs neither an allocation nor a copy for its name.
#[derive(Clone, PartialEq, Eq)]
pub struct ElementName<'a> {
    name: Cow<'a, str>,
}

impl<'a> ElementName<'a> {
    /// The local part of `start`'s name, lent from `input` when `start` lies inside it (a slice
    /// reader's events always do), so no name is copied.
    #[inline(always)]
    fn local(input: &'a str, start: &BytesStart<'_>) -> ElementName<'a> {
        let qualified = start.name();
        let qualified: &str = qualified.as_ref();
        let local = match short_scan::position(qualified.as_bytes(), b':') {
            Some(colon) => &qualified[colon + 1..],
            None => qualified,
        };
        let lent = (local.as_ptr() as usize)
            .checked_sub(input.as_ptr() as usize)
            .and_then(|offset| input.get(offset..offset + local.len()))
            .filter(|slice| std::ptr::eq(slice.as_ptr(), local.as_ptr()));
        let name = match lent {
            Some(slice) => Cow::Borrowed(slice),
            None => Cow::Owned(local.to_owned()),
        };
        ElementName { name }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.name
    }
}

impl std::ops::Deref for ElementName<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for ElementName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ElementName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ElementName<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ElementName<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ElementName<'_> {
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
        Self::with_shortcut(input, true)
    }

    /// A reader over `input` that reads every event through quick-xml when `shortcut` is off:
    /// the reading the shortcut must agree with, in tests.
    pub(super) fn with_shortcut(input: &'a [u8], shortcut: bool) -> Result<Self, XmlError> {
        if input.len() > MAX_XML_BYTES {
            return Err(XmlError::new(format!(
                "the document is larger than {MAX_XML_BYTES} bytes"
            )));
        }
        // EC2 sends UTF-8 and quick-xml reads nothing else; checked once here (a fraction of the
        // cost of checking each name), so element names can be lent from the input as `str`.
        let input = std::str::from_utf8(input).map_err(|e| {
            XmlError::new(format!(
                "the document is not UTF-8 (from byte {})",
                e.valid_up_to()
            ))
        })?;
        let mut reader = quick_xml::Reader::from_str(input);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        Ok(XmlReader {
            input,
            reader,
            shortcut: Shortcut::new(shortcut),
            depth: 0,
        })
    }

    // Inlined into each caller: returned through one more function, an event is stored and read
    // back at a different width, and the stalled load cost a fifth of a parse (perf annotate).
    #[inline(always)]
    fn event(&mut self) -> Result<Event<'a>, XmlError> {
        let event = match self.shortcut.next(self.input, &mut self.reader) {
            Some(event) => event,
            None => {
                let event = self.reader.read_event().map_err(|e| {
                    XmlError::new(format!("{e} at byte {}", self.reader.error_position()))
                })?;
                self.shortcut.observe(&event, self.input, &self.reader);
                event
            }
        };
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
    pub fn root(&mut self) -> Result<ElementName<'a>, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) => return Ok(ElementName::local(self.input, &start)),
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
    #[inline]
    pub fn next_child(&mut self) -> Result<Option<ElementName<'a>>, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) => {
                    return Ok(Some(ElementName::local(self.input, &start)));
                }
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
                let content = xml10_text(&raw)?;
                match self.event()? {
                    Event::End(_) => return Ok(read(&content)),
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

/// A text run's content as XML 1.0 reads it (line ends normalized), refusing NUL. One pass finds
/// whether either needs doing; almost no EC2 value has a carriage return, and then the text is lent
/// as it stands.
// Inlined so the text's address and length stay in registers: called, it reloaded them from the
// event just stored, and that load stalled (a sixth of this function's samples, perf annotate).
#[inline(always)]
fn xml10_text<'t>(raw: &'t BytesText<'_>) -> Result<Cow<'t, str>, XmlError> {
    let text: &'t str = raw;
    if !short_scan::contains_either(text.as_bytes(), b'\r', b'\0') {
        return Ok(Cow::Borrowed(text));
    }
    let content = raw.xml10_content();
    refuse_nul(&content)?;
    Ok(content)
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
