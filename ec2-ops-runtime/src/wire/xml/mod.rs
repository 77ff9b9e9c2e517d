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
//! Most of a response is scalar elements, `<bundleId>bun-c1a540a8</bundleId>`. When quick-xml
//! would read one as its three events and be left where it was, the reader takes it from the input
//! in one step instead (the rest, and every error, are quick-xml's): parsing then costs about what
//! quick-xml's bare event loop does over the same document.
//!
//! ```
//! use ec2_ops_runtime::wire::xml::{XmlWriter, XmlReader, XmlRender, XmlParse};
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

use crate::wire::Absent;

mod envelope;
mod reader;
mod short_scan;
mod shortcut;
mod writer;

pub use envelope::{ErrorResponse, parse_error, render_error};
pub use reader::{ElementName, MAX_XML_BYTES, MAX_XML_DEPTH, XmlError, XmlParse, XmlReader};
pub use writer::{XmlRender, XmlWriter};

/// A structure whose members stand directly in a response rather than inside an element of their
/// own: the answer of an attribute operation (DescribeSnapshotAttribute's `<snapshotId>` and
/// `<createVolumePermission>` sit at the top of `<DescribeSnapshotAttributeResponse>`).
/// `#[ec2_shape]` implements it for every structure.
pub trait XmlMembers {
    /// Writes each present member as its element.
    fn write_xml_members(&self, writer: &mut XmlWriter<'_>);

    /// Reads the member element `name` (its start tag just consumed) into `self`; `false` when no
    /// member has that name (the element is left for the caller).
    ///
    /// # Errors
    /// When the member's content is malformed.
    fn read_xml_member(&mut self, name: &str, reader: &mut XmlReader<'_>)
    -> Result<bool, XmlError>;
}

/// Reads a structure's element (its start tag just consumed), starting from its [`Absent`] value:
/// each child its member's, in any order, unknown ones skipped, a repeated one's
/// last value standing. Every `#[ec2_shape]` structure's `XmlParse` is this loop.
///
/// # Errors
/// When the XML is malformed, ends early, or a member's content is malformed.
pub fn parse_members<T: XmlMembers + Absent>(reader: &mut XmlReader<'_>) -> Result<T, XmlError> {
    let mut value = T::absent();
    while let Some(child) = reader.next_child()? {
        if !value.read_xml_member(&child, reader)? {
            reader.skip()?;
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Ec2Error;
    use crate::types::{DateTime, Tag};

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
    fn a_document_that_is_not_utf8_is_refused_before_reading() {
        let error = XmlReader::new(b"<v>caf\xe9</v>").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid EC2 response XML: the document is not UTF-8 (from byte 6)"
        );
    }

    #[test]
    fn element_names_are_local_and_any_length() {
        let long = "n".repeat(200);
        let xml = format!("<r><ec2:{long} xmlns:ec2='x'>1</ec2:{long}><a:b xmlns:a='y'/></r>");
        let mut reader = XmlReader::new(xml.as_bytes()).unwrap();
        assert_eq!(reader.root().unwrap(), "r");
        let first = reader.next_child().unwrap().unwrap();
        assert_eq!(first, long, "a name longer than the inline room");
        assert_eq!(reader.text().unwrap(), "1");
        assert_eq!(&*reader.next_child().unwrap().unwrap(), "b");
        reader.skip().unwrap();
        assert!(reader.next_child().unwrap().is_none());
    }

    #[test]
    fn text_is_read_whole_however_it_is_split() {
        for (xml, expected) in [
            ("<v>plain</v>", "plain"),
            ("<v></v>", ""),
            ("<v>a &amp; b &#x41;</v>", "a & b A"),
            ("<v>&lt;x</v>", "<x"),
            ("<v>a<![CDATA[<b>]]>c</v>", "a<b>c"),
            ("<v>a<child>ignored</child>b</v>", "ab"),
            ("<v><child/>b</v>", "b"),
        ] {
            assert_eq!(parse::<String>(xml.as_bytes()).unwrap(), expected, "{xml}");
            let mut reader = XmlReader::new(xml.as_bytes()).unwrap();
            reader.root().unwrap();
            let length = reader.with_text(str::len).unwrap();
            assert_eq!(
                length,
                expected.len(),
                "{xml}: with_text sees the same text"
            );
        }
        assert!(parse::<String>(b"<v>a&#0;</v>").is_err());
        assert!(parse::<String>(b"<v>a\0</v>").is_err(), "a raw NUL");
        assert_eq!(
            parse::<String>(b"<v>a\r\nb\rc</v>").unwrap(),
            "a\nb\nc",
            "raw line ends are normalized as XML 1.0 says"
        );
        assert_eq!(
            parse::<i32>(b"<v>4&#50;</v>").unwrap(),
            42,
            "a scalar split by a reference"
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
