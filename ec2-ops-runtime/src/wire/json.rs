//! The AWS CLI's JSON, read: a structure is a JSON object of its members, read member by member
//! into a value that starts with every member absent.
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
}
