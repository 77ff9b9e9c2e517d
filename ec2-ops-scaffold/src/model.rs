//! botocore's service model, as much of it as a describe operation's declaration needs.
//!
//! Structure members keep the model's order: it is the order botocore encodes request members in
//! and the order EC2 renders response elements in.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

/// A botocore service model (`ec2/2016-11-15/service-2.json`).
#[derive(Debug, Deserialize)]
pub struct Model {
    /// Every operation, by name.
    pub operations: BTreeMap<String, Operation>,
    /// Every shape, by name.
    pub shapes: BTreeMap<String, Shape>,
}

/// One operation: its input and output structures.
#[derive(Debug, Deserialize)]
pub struct Operation {
    /// The input structure.
    pub input: Option<ShapeRef>,
    /// The output structure.
    pub output: Option<ShapeRef>,
    /// HTML documentation.
    #[serde(default)]
    pub documentation: String,
}

/// A reference to a shape, with the serialization names the referring member gives it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShapeRef {
    /// The referenced shape's name.
    pub shape: String,
    /// The XML element name (and, capitalised, the Query key).
    pub location_name: Option<String>,
    /// The Query key, where it differs from the capitalised location name.
    pub query_name: Option<String>,
    /// HTML documentation.
    #[serde(default)]
    pub documentation: String,
}

/// A shape: a structure, a list or a scalar.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Shape {
    /// Named members.
    Structure {
        /// The members, in model order.
        members: Members,
        /// Members a request must carry.
        #[serde(default)]
        required: Vec<String>,
        /// HTML documentation.
        #[serde(default)]
        documentation: String,
    },
    /// A list of one member shape.
    List {
        /// The element shape and its item name.
        member: ShapeRef,
    },
    /// A map (no describe operation reaches one; refused with a message if one does).
    Map {},
    /// Text, or a string enum when `enum` lists its values.
    String {
        /// The values of a string enum.
        #[serde(rename = "enum")]
        values: Option<Vec<String>>,
    },
    /// A 32-bit integer.
    Integer {
        /// The documented minimum.
        min: Option<i64>,
        /// The documented maximum.
        max: Option<i64>,
    },
    /// A 64-bit integer.
    Long {},
    /// A boolean.
    Boolean {},
    /// A double.
    Double {},
    /// A float (read and written as a double).
    Float {},
    /// A timestamp.
    Timestamp {},
    /// Base64 bytes.
    Blob {},
}

/// A structure's members in model order.
#[derive(Debug, Default)]
pub struct Members(pub Vec<(String, ShapeRef)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of member names to shape references")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry::<String, ShapeRef>()? {
                    members.push(entry);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

impl Model {
    /// Reads a model from its JSON text.
    ///
    /// # Errors
    /// The JSON error, with its line and column.
    pub fn from_json(text: &str) -> Result<Model, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The shape named `name`.
    ///
    /// # Errors
    /// A message naming the missing shape.
    pub fn shape(&self, name: &str) -> Result<&Shape, String> {
        self.shapes
            .get(name)
            .ok_or_else(|| format!("the model has no shape `{name}`"))
    }

    /// The members of structure `name`.
    ///
    /// # Errors
    /// A message when `name` is missing or not a structure.
    pub fn members(&self, name: &str) -> Result<&[(String, ShapeRef)], String> {
        match self.shape(name)? {
            Shape::Structure { members, .. } => Ok(&members.0),
            _ => Err(format!("shape `{name}` is not a structure")),
        }
    }

    /// The names of every `Describe*` operation, sorted.
    pub fn describe_operations(&self) -> Vec<&str> {
        self.operations
            .keys()
            .filter(|name| name.starts_with("Describe"))
            .map(String::as_str)
            .collect()
    }

    /// The names of the `Get*` reads of an account's settings (their request holds `DryRun`
    /// alone, their answer one structure of settings), sorted.
    pub fn settings_operations(&self) -> Vec<&str> {
        self.operations
            .iter()
            .filter(|(name, operation)| {
                name.starts_with("Get")
                    && operation.input.as_ref().is_some_and(|input| {
                        self.members(&input.shape).is_ok_and(|members| {
                            members.iter().all(|(member, _)| member == "DryRun")
                        })
                    })
            })
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The operations a catalog declares: every `Describe*` operation and every settings read.
    pub fn catalog_operations(&self) -> Vec<&str> {
        let mut operations = self.describe_operations();
        operations.extend(self.settings_operations());
        operations.sort_unstable();
        operations
    }
}

impl ShapeRef {
    /// The XML element name: the location name, or else the member name.
    pub fn xml_name<'a>(&'a self, member: &'a str) -> &'a str {
        self.location_name.as_deref().unwrap_or(member)
    }

    /// The EC2 Query key: the query name, or the capitalised location name, or the member name.
    pub fn query_key(&self, member: &str) -> String {
        if let Some(query) = &self.query_name {
            return query.clone();
        }
        match &self.location_name {
            Some(location) => {
                let mut chars = location.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            None => member.to_owned(),
        }
    }
}
