//! The EC2 Query protocol: requests as `application/x-www-form-urlencoded` key-value pairs.
//!
//! **Decoding** (a server reading a request) parses a POST body or GET query string into a tree of
//! [`QueryNode`]s: `Filter.2.Value.1=x` becomes the path `Filter` → index 2 → `Value` → index 1. Keys
//! are percent-decoded with `+` as a space and must be UTF-8. Lists are 1-based and ordered by index
//! (gaps are allowed, order is by number, not by position in the body). Index 0, a non-numeric or
//! oversized index, a repeated key and a key both holding a value and children are 400s. An index is
//! stored as a number in an ordered map, so `Filter.4294967295.Name=x` allocates nothing large.
//! Decoders take the members they know out of a node; whatever is left is an unknown parameter
//! (400 `UnknownParameter` "The parameter X is not recognized").
//!
//! **Encoding** (a client writing a request) is byte-for-byte what botocore sends: `Action`, `Version`,
//! then members in model order, RFC 3986 escaping (only `A-Za-z0-9-_.~` left as is), lists as
//! `Key.N` from 1, empty lists omitted.
//!
//! ```
//! use ec2_ops_runtime::wire::query::{QueryParams, QueryWriter, QueryDecode, QueryEncode};
//! use ec2_ops_runtime::Filter;
//!
//! let mut params = QueryParams::parse(
//!     b"Action=DescribeBundleTasks&Version=2016-11-15&Filter.1.Name=state&Filter.1.Value.1=complete",
//! ).unwrap();
//! assert_eq!(params.action().unwrap(), "DescribeBundleTasks");
//! params.check_version().unwrap();
//! let filters: Vec<Filter> = params.root_mut().take_list("Filter").unwrap();
//! params.finish().unwrap();
//! assert_eq!(filters, [Filter::new("state", ["complete"])]);
//!
//! let mut writer = QueryWriter::new("DescribeBundleTasks");
//! filters.encode_query("Filter", &mut writer);
//! assert_eq!(
//!     writer.finish(),
//!     "Action=DescribeBundleTasks&Version=2016-11-15&Filter.1.Name=state&Filter.1.Value.1=complete",
//! );
//! ```

mod decode;
mod encode;

pub use decode::{QueryDecode, QueryLimits, QueryNode, QueryParams};
pub use encode::{QueryEncode, QueryWriter, member_key};
