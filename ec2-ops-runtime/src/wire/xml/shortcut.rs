//! The two shapes almost all of an EC2 response is made of, read straight from the input instead
//! of through quick-xml's event loop: a scalar element, `<name>plain text</name>`, and a run of
//! plain text (the indentation between elements). quick-xml spends about 360 instructions on an
//! event, and a scalar element is three of them: read here instead, a 10,000-task response parses
//! in 127 M instructions rather than 187 M (quick-xml's bare event loop over it: 125 M).
//!
//! The shortcut takes a piece only when quick-xml would read it as exactly the same events and
//! be left exactly where it would have been: quick-xml is between tokens in its text state (the
//! last event it read was a start tag that is not self-closed, or an end tag), the piece is
//! consumed through quick-xml's own `stream()` (so error positions stay right), and a scalar
//! element opens and closes within the piece (so quick-xml's stack of open names, which checks
//! the end tags it reads, is untouched). A name is taken only if every byte is a letter, a digit,
//! `_ - . :` or part of a non-ASCII character; text only if it has no reference (quick-xml's
//! events resolve those; line ends and NUL the reader handles in any text event, wherever it
//! came from). Anything else, from a comment to an attribute to a mismatched end tag, is left to
//! quick-xml, which reports it.

use std::io::BufRead;

use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::wire::xml::short_scan;

/// Where the shortcut stands between two events.
#[derive(Debug)]
pub(super) struct Shortcut<'a> {
    /// The rest of a scalar element already consumed, still to be handed out as events.
    pending: Pending<'a>,
    /// Whether quick-xml is between tokens in its text state, so a piece may be taken.
    at_token: bool,
    /// Off only to compare the shortcut with quick-xml's own reading in tests.
    enabled: bool,
}

#[derive(Debug)]
enum Pending<'a> {
    Nothing,
    TextThenEnd { text: &'a str, name: &'a str },
    End { name: &'a str },
}

impl<'a> Shortcut<'a> {
    /// A shortcut that reads the pieces it can when `enabled`, and none otherwise.
    pub(super) fn new(enabled: bool) -> Shortcut<'a> {
        Shortcut {
            pending: Pending::Nothing,
            at_token: false,
            enabled,
        }
    }

    /// The next event if the shortcut has it: the rest of a scalar element it consumed, or the
    /// first event of a piece it can take now. `None` when quick-xml must read the next event
    /// (and then [`Shortcut::observe`] must see it).
    #[inline(always)]
    pub(super) fn next(
        &mut self,
        input: &'a str,
        reader: &mut quick_xml::Reader<&'a [u8]>,
    ) -> Option<Event<'a>> {
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::TextThenEnd { text, name } => {
                self.pending = Pending::End { name };
                return Some(Event::Text(BytesText::from_escaped(text)));
            }
            Pending::End { name } => return Some(Event::End(BytesEnd::new(name))),
            Pending::Nothing => {}
        }
        if !self.at_token {
            return None;
        }
        let mut stream = reader.stream();
        let &rest: &&'a [u8] = stream.get_ref();
        let at = input.len() - rest.len();
        let (event, consumed) = match rest.first()? {
            b'<' => {
                let (name, text, consumed) = scalar_element(input, at, rest)?;
                self.pending = match text {
                    "" => Pending::End { name },
                    text => Pending::TextThenEnd { text, name },
                };
                (
                    Event::Start(BytesStart::from_content(name, name.len())),
                    consumed,
                )
            }
            _ => {
                let end = plain_text_end(rest)?;
                let text = input.get(at..at + end)?;
                (Event::Text(BytesText::from_escaped(text)), end)
            }
        };
        stream.consume(consumed);
        Some(event)
    }

    /// Notes where quick-xml stands after reading `event` itself.
    #[inline(always)]
    pub(super) fn observe(
        &mut self,
        event: &Event<'a>,
        input: &'a str,
        reader: &quick_xml::Reader<&'a [u8]>,
    ) {
        self.at_token = self.enabled
            && match event {
                // After a self-closed tag, quick-xml still owes the element's end event.
                Event::Start(_) => {
                    let at = input.len() - reader.get_ref().len();
                    !input.as_bytes()[..at].ends_with(b"/>")
                }
                Event::End(_) => true,
                // After text quick-xml stands inside markup; after anything rarer, it is simplest
                // to let quick-xml read on until the next tag.
                _ => false,
            };
    }
}

/// The length of the plain text at the start of `rest`, when it runs to a tag.
#[inline(always)]
fn plain_text_end(rest: &[u8]) -> Option<usize> {
    let end = short_scan::position_either(rest, b'<', b'&')?;
    (rest[end] == b'<').then_some(end)
}

/// A scalar element at the start of `rest` (which starts at `at` in `input`): its name, its text,
/// and its length through the end tag.
#[inline(always)]
fn scalar_element<'a>(input: &'a str, at: usize, rest: &[u8]) -> Option<(&'a str, &'a str, usize)> {
    let name_len = rest[1..].iter().position(|&byte| !is_name_byte(byte))?;
    if name_len == 0 || rest[1 + name_len] != b'>' {
        return None;
    }
    let name = &rest[1..1 + name_len];
    let text_start = 2 + name_len;
    let text_len = plain_text_end(&rest[text_start..])?;
    let end_tag = &rest[text_start + text_len..];
    let after_name = end_tag.strip_prefix(b"</")?.strip_prefix(name)?;
    let spaces = after_name
        .iter()
        .position(|&byte| !matches!(byte, b' ' | b'\t' | b'\r' | b'\n'))?;
    if after_name[spaces] != b'>' {
        return None;
    }
    let consumed = text_start + text_len + 2 + name_len + spaces + 1;
    // Both cut at ASCII bytes, so both are on character boundaries.
    let name = input.get(at + 1..at + 1 + name_len)?;
    let text = input.get(at + text_start..at + text_start + text_len)?;
    Some((name, text, consumed))
}

/// A byte the shortcut accepts in a name: fewer than XML allows, none that could end a tag or
/// start an attribute.
#[inline(always)]
fn is_name_byte(byte: u8) -> bool {
    NAME_BYTES[usize::from(byte)]
}

/// [`is_name_byte`] as a table: a name is read a byte at a time, and a lookup is a third of the
/// instructions of the comparisons (callgrind).
static NAME_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] =
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':') || b >= 0x80;
        byte += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use crate::wire::xml::{XmlError, XmlReader};
    use proptest::prelude::*;

    /// Everything a reader makes of `document`, walked with each of its reading methods: elements
    /// named `t…` are read as text, `s…` skipped, the rest walked child by child.
    fn reading(document: &str, shortcut: bool) -> (String, Result<(), XmlError>) {
        fn walk(reader: &mut XmlReader<'_>, out: &mut String) -> Result<(), XmlError> {
            while let Some(name) = reader.next_child()? {
                out.push_str(&name);
                out.push('{');
                if name.starts_with('t') {
                    out.push_str(&reader.text()?);
                } else if name.starts_with('s') {
                    reader.skip()?;
                } else {
                    walk(reader, out)?;
                }
                out.push('}');
            }
            Ok(())
        }
        let mut out = String::new();
        let result =
            XmlReader::with_shortcut(document.as_bytes(), shortcut).and_then(|mut reader| {
                let root = reader.root()?;
                out.push_str(&root);
                walk(&mut reader, &mut out)
            });
        (out, result)
    }

    fn agree(document: &str) {
        assert_eq!(
            reading(document, true),
            reading(document, false),
            "{document:?}"
        );
    }

    #[test]
    fn scalar_elements_and_text_runs_read_as_quick_xml_reads_them() {
        agree("<r><t>plain</t><ec2:t>x</ec2:t><t></t><t>a</t ></t>\n  <a><t>1</t></a></r>");
        agree("<r>\n  <a>\n    <t>v</t>\n  </a>\n</r>\n");
    }

    #[test]
    fn pieces_the_shortcut_leaves_to_quick_xml_read_the_same() {
        for document in [
            "<r><t>a&amp;b</t></r>",
            "<r><t>a\r\nb</t></r>",
            "<r><t>a\0b</t></r>",
            "<r><t>a<![CDATA[<c>]]>b</t></r>",
            "<r><t>a<!--c-->b</t></r>",
            "<r><t x='1'>v</t></r>",
            "<r><t/><a/><t></t></r>",
            "<r><t>v</u></r>",
            "<r><t>v</t x></r>",
            "<r><t>v</tt></r>",
            "<r><t>v</t",
            "<r><t>v",
            "<r><t><b>in</b>v</t></r>",
            "<r><s><t>v</t></s><t>w</t></r>",
            "<r><a:b:c>v</a:b:c></r>",
            "<r><t>v</t></r><t>after</t>",
            "<r><t>é</t><é>v</é></r>",
            "<r><t a>v</t a></r>",
            "<r><t\ta>v</t\ta></r>",
            "<r><t/>v</t/></r>",
            "<r><t=\"1\">v</t=\"1\"></r>",
        ] {
            agree(document);
        }
    }

    #[test]
    fn a_scalar_element_past_the_depth_limit_is_refused_as_before() {
        let depth = crate::wire::xml::MAX_XML_DEPTH;
        let document = format!("{}<t>v</t>{}", "<a>".repeat(depth), "</a>".repeat(depth));
        agree(&document);
        assert!(reading(&document, true).1.is_err());
    }

    /// A piece of a document: well-formed pieces, and the pieces that break it.
    fn piece() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("plain".to_owned()),
            Just(" ".to_owned()),
            Just("\n    ".to_owned()),
            Just("a&amp;b".to_owned()),
            Just("&#13;".to_owned()),
            Just("x\r\ny".to_owned()),
            Just("<![CDATA[c<d>]]>".to_owned()),
            Just("<!--note-->".to_owned()),
            Just("<?pi x?>".to_owned()),
            Just("<t/>".to_owned()),
            Just("<t a=\"1\">v</t>".to_owned()),
            Just("</t>".to_owned()),
            Just("<t>".to_owned()),
            Just("&bogus;".to_owned()),
            Just("\0".to_owned()),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            (
                prop::sample::select(vec![
                    "t", "ec2:t", "a", "item", "s", "é", "x-y.z", "t9", "t a", "t/",
                ]),
                prop::collection::vec(inner, 0..5),
                prop::sample::select(vec!["", " ", "\n", "x"]),
            )
                .prop_map(|(name, content, end_pad)| {
                    format!("<{name}>{}</{name}{end_pad}>", content.concat())
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_document_reads_the_same_with_the_shortcut_as_without(
            pieces in prop::collection::vec(piece(), 0..6),
            cut in any::<prop::sample::Index>(),
            truncate in any::<bool>(),
        ) {
            let mut document = format!("<?xml version=\"1.0\"?>\n<r>{}</r>\n", pieces.concat());
            if truncate {
                let mut at = cut.index(document.len() + 1);
                while !document.is_char_boundary(at) {
                    at -= 1;
                }
                document.truncate(at);
            }
            prop_assert_eq!(reading(&document, true), reading(&document, false), "{:?}", document);
        }
    }
}
