//! The AWS CLI's JSON, read: a structure is a JSON object of its members, read member by member
//! into a value that starts with every member absent.
//!
//! Generated types implement [`JsonMembers`] (a `match` on member names) and call
//! [`deserialize_members`] from their `Deserialize`, so each type carries only its own members'
//! code: the visitor, the key handling and the skipping of unknown members are here, once. (A
//! derived `Deserialize` writes all of that again for every type, which in a crate of a thousand
//! shapes costs more compile time than everything else the macros generate.)

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

/// A structure read from a JSON object, one member at a time.
pub trait JsonMembers: Sized {
    /// The value before any member is read: every member absent (`None`, empty, or its default).
    fn absent() -> Self;

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

/// Reads a `T` from a JSON object: unknown members are skipped, a repeated member's last value
/// stands, and a missing member stays absent.
///
/// # Errors
/// The deserializer's error, for anything that is not an object or for a member of the wrong
/// shape.
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
        while let Some(MemberName(name)) = map.next_key()? {
            if !value.read_json_member(&name, &mut map)? {
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
