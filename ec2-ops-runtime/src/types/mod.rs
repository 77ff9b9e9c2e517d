//! Plain wire types: the values requests and responses carry, and the text each has on the wire.
//!
//! Nothing here knows about codecs, filters or operations; every layer above builds on these.
//!
//! | type | wire form |
//! |---|---|
//! | [`WireText`] / [`FromWireText`] | the one scalar text codec: how a value is written, and how it is read back |
//! | [`DateTime`] | `2013-09-15T17:15:20.000Z` |
//! | [`Blob`] | base64 |
//! | [`Filter`] | `Filter.N.Name` / `Filter.N.Value.M`; `{"Name", "Values"}` in JSON |
//! | [`Tag`] | `<item><key/><value/></item>`; `{"Key", "Value"}` in JSON |
//! | [`Tagged`] | a resource's own tags: its `<tagSet>` |
//! | [`UnknownEnumValue`] | the error of reading a string enum from text it does not list |

mod blob;
mod datetime;
mod enum_value;
mod filter;
mod tag;
mod wire_text;

pub use blob::{Blob, BlobError};
pub use datetime::{DateTime, DateTimeError};
pub use enum_value::UnknownEnumValue;
pub use filter::Filter;
pub use tag::{Tag, Tagged};
pub use wire_text::{FromWireText, ScalarTextError, WireText};
