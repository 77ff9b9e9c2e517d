//! Query decoding (a server reading a request): a form body or query string into a tree of
//! [`QueryNode`]s, which the request's decoders take their members out of.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use percent_encoding::percent_decode;

use crate::error::Ec2Error;
use crate::types::{Blob, DateTime, Filter, FromWireText, Tag};
use crate::wire::version::API_VERSION;

/// Limits on what a request may contain, each a 400 when exceeded.
#[derive(Debug, Clone, Copy)]
pub struct QueryLimits {
    /// Largest body or query string, in bytes.
    pub max_bytes: usize,
    /// Most key-value pairs.
    pub max_pairs: usize,
    /// Longest decoded key or value, in bytes.
    pub max_value_bytes: usize,
    /// Most dot-separated segments in one key.
    pub max_depth: usize,
    /// Largest list index.
    pub max_index: u32,
}

impl Default for QueryLimits {
    /// 1 MiB, 10,000 pairs, 64 KiB per key or value, 8 segments, index 10,000 (EC2 accepts at most
    /// 1000 IDs and 200 filter values, so no legitimate request comes near).
    fn default() -> Self {
        QueryLimits {
            max_bytes: 1 << 20,
            max_pairs: 10_000,
            max_value_bytes: 64 << 10,
            max_depth: 8,
            max_index: 10_000,
        }
    }
}

/// One segment of a key path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Segment {
    Index(u32),
    Name(Box<str>),
}

/// A node of a decoded request: an optional value and named or indexed children.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryNode {
    /// The full key of this node, for messages (`Filter.1.Name`).
    key: String,
    value: Option<String>,
    children: BTreeMap<Segment, QueryNode>,
}

/// A decoded request: the tree of its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryParams {
    root: QueryNode,
}

/// The first `%` not followed by two hexadecimal digits, as the text it starts (at most three
/// bytes).
fn bad_percent_escape(raw: &[u8]) -> Option<String> {
    raw.iter().enumerate().find_map(|(at, &byte)| {
        let escape = &raw[at..raw.len().min(at + 3)];
        let valid = escape.len() == 3 && escape[1..].iter().all(u8::is_ascii_hexdigit);
        (byte == b'%' && !valid).then(|| String::from_utf8_lossy(escape).into_owned())
    })
}

fn decode_component(raw: &[u8], limits: &QueryLimits) -> Result<String, Ec2Error> {
    // A `%` that starts no escape is a malformed query string, not a literal `%` (RFC 3986 has no
    // such form); percent-encoding would pass it through, and a client's mistake would silently
    // become a different value.
    if raw.contains(&b'%')
        && let Some(escape) = bad_percent_escape(raw)
    {
        return Err(Ec2Error::new(
            "InvalidQueryParameter",
            format!(
                "The AWS query string is malformed or does not adhere to AWS standards: `{escape}` is not a percent-escape"
            ),
            400,
        ));
    }
    let plus_as_space: Cow<'_, [u8]> = if raw.contains(&b'+') {
        Cow::Owned(
            raw.iter()
                .map(|&b| if b == b'+' { b' ' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(raw)
    };
    let decoded: Cow<'_, [u8]> = percent_decode(&plus_as_space).into();
    if decoded.len() > limits.max_value_bytes {
        return Err(Ec2Error::invalid_parameter_value(format!(
            "A request parameter is longer than {} bytes",
            limits.max_value_bytes
        )));
    }
    String::from_utf8(decoded.into_owned())
        .map_err(|_| Ec2Error::invalid_parameter_value("Request parameters must be valid UTF-8"))
}

fn parse_segment(text: &str, key: &str, limits: &QueryLimits) -> Result<Segment, Ec2Error> {
    let first = text.as_bytes().first().copied();
    match first {
        None => Err(Ec2Error::unknown_parameter(key)),
        Some(b'0'..=b'9') => {
            let index: u32 = text
                .parse()
                .ok()
                .filter(|index| (1..=limits.max_index).contains(index) && !text.starts_with('0'))
                .ok_or_else(|| {
                    Ec2Error::invalid_value(
                        key,
                        text,
                        &format!(
                            "List indices start at 1 and may not exceed {}.",
                            limits.max_index
                        ),
                    )
                })?;
            Ok(Segment::Index(index))
        }
        Some(c) if c.is_ascii_alphabetic() => Ok(Segment::Name(text.into())),
        Some(_) => Err(Ec2Error::unknown_parameter(key)),
    }
}

impl QueryParams {
    /// Parses a form body or query string with the default [`QueryLimits`].
    ///
    /// # Errors
    /// 400s for oversized input, bad UTF-8, bad indices and repeated keys.
    pub fn parse(input: &[u8]) -> Result<QueryParams, Ec2Error> {
        Self::parse_with_limits(input, &QueryLimits::default())
    }

    /// Parses with explicit limits.
    ///
    /// # Errors
    /// As [`QueryParams::parse`].
    pub fn parse_with_limits(input: &[u8], limits: &QueryLimits) -> Result<QueryParams, Ec2Error> {
        if input.len() > limits.max_bytes {
            return Err(Ec2Error::invalid_parameter_value(format!(
                "The request is larger than {} bytes",
                limits.max_bytes
            )));
        }
        let mut root = QueryNode::default();
        let mut pairs = 0;
        for pair in input.split(|&b| b == b'&').filter(|pair| !pair.is_empty()) {
            pairs += 1;
            if pairs > limits.max_pairs {
                return Err(Ec2Error::invalid_parameter_value(format!(
                    "The request has more than {} parameters",
                    limits.max_pairs
                )));
            }
            let (raw_key, raw_value) = match pair.iter().position(|&b| b == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &b""[..]),
            };
            let key = decode_component(raw_key, limits)?;
            let value = decode_component(raw_value, limits)?;
            root.insert(key, value, limits)?;
        }
        Ok(QueryParams { root })
    }

    /// The top-level node.
    pub fn root_mut(&mut self) -> &mut QueryNode {
        &mut self.root
    }

    /// The `Action` parameter, taken out of the tree.
    ///
    /// # Errors
    /// 400 `MissingAction` when absent or empty.
    pub fn action(&mut self) -> Result<String, Ec2Error> {
        match self.root.take_scalar::<String>("Action")? {
            Some(action) if !action.is_empty() => Ok(action),
            _ => Err(Ec2Error::missing_action()),
        }
    }

    /// Checks and takes out `Version`, which must be `2016-11-15`.
    ///
    /// # Errors
    /// 400 `MissingParameter` when absent; 400 `InvalidParameterValue` for another version.
    pub fn check_version(&mut self) -> Result<(), Ec2Error> {
        match self.root.take_scalar::<String>("Version")? {
            None => Err(Ec2Error::missing_parameter("Version")),
            Some(version) if version == API_VERSION => Ok(()),
            Some(other) => Err(Ec2Error::invalid_value(
                "Version",
                &other,
                &format!("This service supports API version {API_VERSION} only."),
            )),
        }
    }

    /// Removes the parameters that authenticate a request (SigV4 in the query string, `SecurityToken`,
    /// `AWSAccessKeyId`, `Signature*`, `Timestamp`, `Expires`): they are outside the operation's model.
    pub fn remove_auth_parameters(&mut self) {
        self.root.children.retain(|segment, _| match segment {
            Segment::Name(name) => {
                !(name.starts_with("X-Amz-")
                    || matches!(
                        &**name,
                        "SecurityToken"
                            | "AWSAccessKeyId"
                            | "Signature"
                            | "SignatureMethod"
                            | "SignatureVersion"
                            | "Timestamp"
                            | "Expires"
                    ))
            }
            Segment::Index(_) => true,
        });
    }

    /// Succeeds when every parameter was taken by a decoder.
    ///
    /// # Errors
    /// 400 `UnknownParameter` naming the first parameter left.
    pub fn finish(self) -> Result<(), Ec2Error> {
        self.root.finish()
    }
}

impl QueryNode {
    fn insert(&mut self, key: String, value: String, limits: &QueryLimits) -> Result<(), Ec2Error> {
        let mut node = self;
        let mut depth = 0;
        let mut end = 0;
        for part in key.split('.') {
            depth += 1;
            if depth > limits.max_depth {
                return Err(Ec2Error::unknown_parameter(&key));
            }
            end += part.len();
            let segment = parse_segment(part, &key, limits)?;
            node = match node.children.entry(segment) {
                Entry::Occupied(entry) => entry.into_mut(),
                // A node knows its own key (`Filter.1`), so a missing member can be named in full.
                Entry::Vacant(entry) => entry.insert(QueryNode {
                    key: key[..end].to_owned(),
                    ..QueryNode::default()
                }),
            };
            end += 1;
        }
        if node.value.is_some() {
            return Err(Ec2Error::invalid_parameter_value(format!(
                "The parameter {} is specified more than once",
                key.chars().take(256).collect::<String>()
            )));
        }
        node.key = key;
        node.value = Some(value);
        Ok(())
    }

    /// Whether the node has neither a value nor children.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.children.is_empty()
    }

    /// Takes the child `name` out of this node.
    pub fn take(&mut self, name: &str) -> Option<QueryNode> {
        self.children.remove(&Segment::Name(name.into()))
    }

    /// Takes and decodes the scalar or structure member `name`.
    ///
    /// # Errors
    /// The member's decoding error.
    pub fn take_scalar<T: QueryDecode>(&mut self, name: &str) -> Result<Option<T>, Ec2Error> {
        self.take(name).map(T::decode_query).transpose()
    }

    /// Takes and decodes the list member `name` (`name.1`, `name.2`, ...), in index order; an absent
    /// list is empty.
    ///
    /// # Errors
    /// The first element's decoding error, or `UnknownParameter` when `name` itself has a value.
    pub fn take_list<T: QueryDecode>(&mut self, name: &str) -> Result<Vec<T>, Ec2Error> {
        match self.take(name) {
            None => Ok(Vec::new()),
            Some(node) => node.into_list(),
        }
    }

    /// Decodes this node's indexed children as a list.
    ///
    /// # Errors
    /// When a child fails to decode, or this node has a value or named children.
    pub fn into_list<T: QueryDecode>(self) -> Result<Vec<T>, Ec2Error> {
        if self.value.is_some() {
            return Err(Ec2Error::unknown_parameter(&self.key));
        }
        let mut items = Vec::with_capacity(self.children.len());
        for (segment, child) in self.children {
            match segment {
                Segment::Index(_) => items.push(T::decode_query(child)?),
                Segment::Name(_) => return Err(Ec2Error::unknown_parameter(&child.first_key())),
            }
        }
        Ok(items)
    }

    /// The scalar value of this node.
    ///
    /// # Errors
    /// `UnknownParameter` when the node has children instead (e.g. `DryRun.1=true`).
    pub fn into_value(self) -> Result<(String, String), Ec2Error> {
        if let Some((_, child)) = self.children.into_iter().next() {
            return Err(Ec2Error::unknown_parameter(&child.first_key()));
        }
        // A node is only created on the way to a value, so a childless node has one.
        Ok((self.key, self.value.unwrap_or_default()))
    }

    /// Succeeds when every child was taken.
    ///
    /// # Errors
    /// `UnknownParameter` naming the first key left.
    pub fn finish(self) -> Result<(), Ec2Error> {
        if self.value.is_some() {
            return Err(Ec2Error::unknown_parameter(&self.key));
        }
        match self.children.into_values().next() {
            Some(child) => Err(Ec2Error::unknown_parameter(&child.first_key())),
            None => Ok(()),
        }
    }

    fn first_key(&self) -> String {
        let mut node = self;
        while node.value.is_none() {
            match node.children.values().next() {
                Some(child) => node = child,
                None => break,
            }
        }
        node.key.clone()
    }
}

/// A type that can be decoded from a Query node.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from Query parameters",
    note = "request members need the Query codec: an `#[ec2_shape]` has it unless it is declared `#[ec2_shape(response_only)]`"
)]
pub trait QueryDecode: Sized {
    /// Decodes `node`.
    ///
    /// # Errors
    /// 400 `InvalidParameterValue` for a malformed value, `UnknownParameter` for unexpected keys.
    fn decode_query(node: QueryNode) -> Result<Self, Ec2Error>;
}

impl QueryDecode for String {
    fn decode_query(node: QueryNode) -> Result<Self, Ec2Error> {
        Ok(node.into_value()?.1)
    }
}

/// Reads a scalar member with the one scalar text codec; a value it refuses is EC2's 400
/// `InvalidParameterValue` naming the key, the value and what was expected.
fn decode_scalar<T: FromWireText>(node: QueryNode) -> Result<T, Ec2Error> {
    let (key, value) = node.into_value()?;
    T::from_wire_text(&value).map_err(|error| {
        Ec2Error::invalid_value(&key, &value, &format!("Expecting {}.", error.expected()))
    })
}

macro_rules! scalar_query_decode {
    ($($ty:ty),*) => {$(
        impl QueryDecode for $ty {
            fn decode_query(node: QueryNode) -> Result<Self, Ec2Error> {
                decode_scalar(node)
            }
        }
    )*};
}
scalar_query_decode!(bool, i32, i64, f64, DateTime, Blob);

/// Recursive shapes hold their recursion in a `Box`.
impl<T: QueryDecode> QueryDecode for Box<T> {
    fn decode_query(node: QueryNode) -> Result<Self, Ec2Error> {
        T::decode_query(node).map(Box::new)
    }
}

impl QueryDecode for Filter {
    fn decode_query(mut node: QueryNode) -> Result<Self, Ec2Error> {
        let name = node.take_scalar::<String>("Name")?;
        let values = node.take_list("Value")?;
        let key = node.key.clone();
        node.finish()?;
        match name {
            Some(name) => Ok(Filter { name, values }),
            None => Err(Ec2Error::missing_parameter(&format!("{key}.Name"))),
        }
    }
}

impl QueryDecode for Tag {
    fn decode_query(mut node: QueryNode) -> Result<Self, Ec2Error> {
        let key = node.take_scalar::<String>("Key")?.unwrap_or_default();
        let value = node.take_scalar::<String>("Value")?.unwrap_or_default();
        node.finish()?;
        Ok(Tag { key, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<QueryParams, Ec2Error> {
        QueryParams::parse(body.as_bytes())
    }

    #[test]
    fn lists_are_ordered_by_index_not_by_position() {
        let mut params = parse("BundleId.10=c&BundleId.2=b&BundleId.1=a").unwrap();
        let ids: Vec<String> = params.root_mut().take_list("BundleId").unwrap();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn plus_is_a_space_and_percent_escapes_decode() {
        let mut params = parse("Filter.1.Name=s3-bucket&Filter.1.Value.1=my+bucket%2F%2A").unwrap();
        let filters: Vec<Filter> = params.root_mut().take_list("Filter").unwrap();
        assert_eq!(filters[0].values, ["my bucket/*"]);
    }

    #[test]
    fn bad_indices_are_rejected() {
        for body in [
            "BundleId.0=a",
            "BundleId.01=a",
            "BundleId.-1=a",
            "BundleId.4294967295=a",
            "BundleId.99999999999999999999=a",
        ] {
            let err = parse(body).unwrap_err();
            assert_eq!(err.status(), 400, "{body}");
        }
    }

    #[test]
    fn a_repeated_key_is_rejected() {
        assert_eq!(
            parse("DryRun=true&DryRun=false").unwrap_err().code(),
            "InvalidParameterValue"
        );
        assert_eq!(
            parse("BundleId.1=a&BundleId.1=b").unwrap_err().code(),
            "InvalidParameterValue"
        );
    }

    #[test]
    fn leftover_keys_are_unknown_parameters() {
        let mut params = parse("Action=X&Version=2016-11-15&Item=1").unwrap();
        params.action().unwrap();
        params.check_version().unwrap();
        let err = params.finish().unwrap_err();
        assert_eq!(
            (err.code(), err.message()),
            ("UnknownParameter", "The parameter Item is not recognized")
        );
    }

    #[test]
    fn a_scalar_with_children_is_an_unknown_parameter() {
        let mut params = parse("DryRun.1=true").unwrap();
        assert_eq!(
            params
                .root_mut()
                .take_scalar::<bool>("DryRun")
                .unwrap_err()
                .message(),
            "The parameter DryRun.1 is not recognized"
        );
    }

    #[test]
    fn invalid_utf8_and_oversized_input_are_400s() {
        assert_eq!(QueryParams::parse(b"A=%FF").unwrap_err().status(), 400);
        let limits = QueryLimits {
            max_bytes: 10,
            ..QueryLimits::default()
        };
        assert_eq!(
            QueryParams::parse_with_limits(b"Action=DescribeBundleTasks", &limits)
                .unwrap_err()
                .status(),
            400
        );
        let deep = "a.".repeat(20) + "b=1";
        assert_eq!(
            QueryParams::parse(deep.as_bytes()).unwrap_err().code(),
            "UnknownParameter"
        );
    }

    #[test]
    fn missing_action_and_version_get_ec2_codes() {
        assert_eq!(
            parse("Version=2016-11-15")
                .unwrap()
                .action()
                .unwrap_err()
                .code(),
            "MissingAction"
        );
        assert_eq!(
            parse("Action=X")
                .unwrap()
                .check_version()
                .unwrap_err()
                .code(),
            "MissingParameter"
        );
        assert_eq!(
            parse("Version=2010-01-01")
                .unwrap()
                .check_version()
                .unwrap_err()
                .code(),
            "InvalidParameterValue"
        );
    }

    #[test]
    fn a_filter_without_a_name_is_missing_its_full_key() {
        let mut params = parse("Filter.3.Value.1=a").unwrap();
        let err = params.root_mut().take_list::<Filter>("Filter").unwrap_err();
        assert_eq!(err.code(), "MissingParameter");
        assert_eq!(
            err.message(),
            "The request must contain the parameter Filter.3.Name"
        );
    }
}
