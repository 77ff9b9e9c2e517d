//! Rendering: XML written straight into the caller's buffer, no tree in between.

use crate::types::{Blob, DateTime, Tag, WireText};

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
