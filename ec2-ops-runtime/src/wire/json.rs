//! The AWS CLI's JSON: a structure is a JSON object of its members, read member by member into a
//! value that starts with every member absent, and written member by member leaving out the absent
//! optional ones ([`MembersWriter`]).
//!
//! Generated types implement [`JsonMembers`] (a `match` on member names) and call
//! [`deserialize_members`] from their `Deserialize`, so each type carries only its own members'
//! code: the visitor, the key handling, the refusal of a repeated member and the skipping of
//! unknown ones are here, once. (A derived `Deserialize` writes all of that again for every type:
//! in the catalog's crate of 942 shapes it was 28 of 67 seconds of compile time.)

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::wire::Absent;

/// A structure read from a JSON object, one member at a time, starting from its [`Absent`] value.
pub trait JsonMembers: Absent + Sized {
    /// Reads member `name`'s value from `map` into `self`; `false` when `name` is not a member (its
    /// value is then skipped by the caller).
    ///
    /// # Errors
    /// The deserializer's error for a value of the wrong shape.
    fn read_json_member<'de, A: MapAccess<'de>>(
        &mut self,
        name: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
}

/// Reads a `T` from a JSON object: unknown members are skipped, a missing member stays absent, and
/// a member given twice is refused (as serde's derive refuses it: "duplicate field").
///
/// # Errors
/// The deserializer's error, for anything that is not an object, for a member of the wrong shape,
/// or for a repeated member.
pub fn deserialize_members<'de, D: Deserializer<'de>, T: JsonMembers>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(MembersVisitor(PhantomData))
}

struct MembersVisitor<T>(PhantomData<T>);

impl<'de, T: JsonMembers> Visitor<'de> for MembersVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of members")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut value = T::absent();
        // Members read so far: a handful per object, so a list beats a set.
        let mut read: Vec<Cow<'de, str>> = Vec::new();
        while let Some(MemberName(name)) = map.next_key()? {
            if read.contains(&name) {
                return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
            }
            if value.read_json_member(&name, &mut map)? {
                read.push(name);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(value)
    }
}

/// A member name, borrowed from the input where the deserializer can.
struct MemberName<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for MemberName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = MemberName<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Self::Value, E> {
                Ok(MemberName(Cow::Borrowed(name)))
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
                Ok(MemberName(Cow::Owned(name.to_owned())))
            }
            fn visit_string<E: de::Error>(self, name: String) -> Result<Self::Value, E> {
                Ok(MemberName(Cow::Owned(name)))
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}

/// Writes a structure as a JSON object of its present members, in declaration order, through any
/// serde `Serializer`: what a derived `Serialize` with `skip_serializing_if = "Option::is_none"`
/// does, as one runtime type instead of its code repeated in every structure.
///
/// The first error a member meets is kept and returned by [`MembersWriter::end`]; later members are
/// not written. So a generated `serialize` is one plain call per member, with no `?` to expand.
pub struct MembersWriter<S: Serializer> {
    state: Result<S::SerializeStruct, S::Error>,
}

impl<S: Serializer> MembersWriter<S> {
    /// Starts the object of structure `name`, which will write `len` members (the always-written
    /// ones and the optional ones present: a format such as MessagePack writes the count first).
    pub fn begin(serializer: S, name: &'static str, len: usize) -> Self {
        MembersWriter {
            state: serializer.serialize_struct(name, len),
        }
    }

    /// Writes member `name`.
    pub fn member<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.write(|object| object.serialize_field(name, value));
    }

    /// Writes member `name` when it is present, and leaves it out when it is `None`.
    pub fn optional<T: Serialize>(&mut self, name: &'static str, value: &Option<T>) {
        match value {
            Some(value) => self.member(name, value),
            None => self.write(|object| object.skip_field(name)),
        }
    }

    /// Runs `step` unless an earlier step failed, keeping its error if it fails.
    fn write(&mut self, step: impl FnOnce(&mut S::SerializeStruct) -> Result<(), S::Error>) {
        if let Ok(object) = &mut self.state
            && let Err(err) = step(object)
        {
            self.state = Err(err);
        }
    }

    /// Closes the object.
    ///
    /// # Errors
    /// The serializer's first error, from the start or from any member.
    pub fn end(self) -> Result<S::Ok, S::Error> {
        self.state?.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A structure as `#[ec2_shape]` generates it, written out.
    #[derive(Debug, Default, PartialEq)]
    struct Pair {
        name: Option<String>,
        sizes: Vec<i32>,
    }

    impl Absent for Pair {
        fn absent() -> Self {
            Pair::default()
        }
    }

    impl JsonMembers for Pair {
        fn read_json_member<'de, A: MapAccess<'de>>(
            &mut self,
            name: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            match name {
                "Name" => self.name = map.next_value()?,
                "Sizes" => self.sizes = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }

    impl Serialize for Pair {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut members =
                MembersWriter::begin(serializer, "Pair", 1 + usize::from(self.name.is_some()));
            members.optional("Name", &self.name);
            members.member("Sizes", &self.sizes);
            members.end()
        }
    }

    fn read(json: &str) -> Result<Pair, serde_json::Error> {
        deserialize_members(&mut serde_json::Deserializer::from_str(json))
    }

    #[test]
    fn members_are_read_in_any_order_and_unknown_ones_skipped() {
        let pair = read(r#"{"Sizes": [1, 2], "Other": {"deep": [null]}, "Name": "a\"b"}"#).unwrap();
        assert_eq!(
            pair,
            Pair {
                name: Some("a\"b".into()),
                sizes: vec![1, 2]
            }
        );
    }

    #[test]
    fn missing_and_null_members_stay_absent() {
        assert_eq!(read("{}").unwrap(), Pair::default());
        assert_eq!(read(r#"{"Name": null}"#).unwrap(), Pair::default());
    }

    #[test]
    fn a_repeated_member_is_refused() {
        let error = read(r#"{"Name": "a", "Name": "b"}"#).unwrap_err();
        assert!(
            error.to_string().contains("duplicate field `Name`"),
            "{error}"
        );
        // An unknown member may repeat: it is skipped either way.
        assert!(read(r#"{"X": 1, "X": 2}"#).is_ok());
    }

    #[test]
    fn anything_but_an_object_is_refused() {
        for json in ["[]", "\"Name\"", "1", "null"] {
            assert!(read(json).is_err(), "{json}");
        }
        assert!(
            read(r#"{"Sizes": "1"}"#).is_err(),
            "a member of the wrong shape"
        );
    }

    #[test]
    fn members_are_written_in_order_leaving_out_absent_optional_ones() {
        assert_eq!(
            serde_json::to_string(&Pair::default()).unwrap(),
            r#"{"Sizes":[]}"#
        );
        let pair = Pair {
            name: Some("a\"b".into()),
            sizes: vec![1, 2],
        };
        let json = serde_json::to_string(&pair).unwrap();
        assert_eq!(json, r#"{"Name":"a\"b","Sizes":[1,2]}"#);
        assert_eq!(read(&json).unwrap(), pair, "what is written reads back");
    }

    /// A sink that takes `room` bytes and then fails.
    struct Full {
        room: usize,
    }

    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room < buf.len() {
                return Err(std::io::Error::other("full"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_serializer_error_at_any_member_is_returned_by_end() {
        let pair = Pair {
            name: Some("name".into()),
            sizes: vec![1, 2, 3],
        };
        let whole = serde_json::to_vec(&pair).unwrap().len();
        for room in 0..whole {
            let error = serde_json::to_writer(Full { room }, &pair).unwrap_err();
            assert!(error.is_io(), "room {room}: {error}");
        }
        assert!(serde_json::to_writer(Full { room: whole }, &pair).is_ok());
    }
}
