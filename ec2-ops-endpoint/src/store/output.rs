//! How a seed file's text becomes an operation's outputs: one AWS CLI output (a JSON object) or an
//! array of them, each read as the operation's response.
//!
//! A seed can hold a million resources, so the text is read once, the way it will be kept: a list
//! at the top of an output (`Volumes`, `Reservations`) straight into its resources, the few other
//! members into the response. Only when that fails is the text read again, slowly, to say where
//! and why ([`explained`]): by the member that is not the operation's, or by the JSON path of the
//! first value of the wrong type.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use ec2_ops::Operation;
use ec2_ops_catalog::{CatalogOperation, list_member};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::seed::SeedError;

/// One output, read: the response without its list, and the resources the list held.
pub(crate) struct Output<O: CatalogOperation> {
    /// The output's members but the list (a parent named beside it, a `NextToken`).
    pub answer: O::Answer,
    /// The resources it lists.
    pub items: Vec<O::Item>,
}

/// The outputs a text held, and whether it was an array of them (which their paths tell).
pub(crate) struct Outputs<O: CatalogOperation> {
    /// Each output, in the text's order.
    pub outputs: Vec<Output<O>>,
    many: bool,
}

impl<O: CatalogOperation> Outputs<O> {
    /// The JSON path of output `index`: `$`, or `$[index]` in an array.
    pub fn path(&self, index: usize) -> String {
        output_path(self.many, index)
    }
}

fn output_path(many: bool, index: usize) -> String {
    if many {
        format!("$[{index}]")
    } else {
        "$".to_owned()
    }
}

/// The outputs of operation `O` in `text`.
///
/// # Errors
/// Text that is not JSON, an output with a member `O`'s output does not have (another operation's
/// output), or a value of the wrong type, with its JSON path.
pub(crate) fn read<O: CatalogOperation>(text: &str, source: &str) -> Result<Outputs<O>, SeedError> {
    let many = text.trim_start().starts_with('[');
    // The list read straight into resources when it is a member of the output itself; a list
    // inside a structure (`ApplicationStatuses.Instances`) is read with its response.
    let list = list_member(<O as Operation>::SPEC.action).filter(|member| !member.contains('.'));
    let known = RefCell::new(Vec::new());
    let seed = OutputSeed::<O> {
        list,
        known: &known,
        of: PhantomData,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let outputs = if many {
        ManySeed(seed).deserialize(&mut deserializer)
    } else {
        seed.deserialize(&mut deserializer)
            .map(|output| vec![output])
    };
    match outputs.and_then(|outputs| deserializer.end().map(|()| outputs)) {
        Ok(outputs) => Ok(Outputs { outputs, many }),
        Err(error) => Err(explained::<O>(text, many, source).unwrap_or_else(|| {
            SeedError::new(
                source,
                "$",
                format!("not {}'s output: {error}", action::<O>()),
            )
        })),
    }
}

fn action<O: CatalogOperation>() -> &'static str {
    <O as Operation>::SPEC.action
}

/// Reads one output: its members one by one, the list into resources, a member `O`'s output does
/// not have or one given twice refused.
struct OutputSeed<'a, O> {
    list: Option<&'static str>,
    /// Member names met so far, each with whether the output has it (asked once per name, not
    /// once per output: a file of attribute outputs holds one per resource).
    known: &'a RefCell<Vec<(String, bool)>>,
    of: PhantomData<fn() -> O>,
}

impl<O> Clone for OutputSeed<'_, O> {
    fn clone(&self) -> Self {
        OutputSeed {
            list: self.list,
            known: self.known,
            of: PhantomData,
        }
    }
}

impl<O: CatalogOperation> OutputSeed<'_, O> {
    fn knows(&self, name: &str) -> bool {
        if let Some((_, known)) = self.known.borrow().iter().find(|(seen, _)| seen == name) {
            return *known;
        }
        let known = knows_member::<O>(name);
        self.known.borrow_mut().push((name.to_owned(), known));
        known
    }
}

impl<'de, O: CatalogOperation> DeserializeSeed<'de> for OutputSeed<'_, O> {
    type Value = Output<O>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Output<O>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, O: CatalogOperation> Visitor<'de> for OutputSeed<'_, O> {
    type Value = Output<O>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}'s output: a JSON object", action::<O>())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Output<O>, A::Error> {
        let mut items = None;
        let mut rest = serde_json::Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if Some(name.as_str()) == self.list {
                if items.is_some() {
                    return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
                }
                items = Some(map.next_value::<Vec<O::Item>>()?);
            } else if !self.knows(&name) {
                return Err(de::Error::custom(format_args!("`{name}` is not a member")));
            } else if rest.contains_key(&name) {
                return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
            } else {
                let value = map.next_value::<serde_json::Value>()?;
                rest.insert(name, value);
            }
        }
        let answer: O::Answer = serde_json::from_value(serde_json::Value::Object(rest))
            .map_err(|error| de::Error::custom(error.to_string()))?;
        let items = match items {
            Some(items) => items,
            None if self.list.is_some() => Vec::new(),
            None => O::response_items(&answer).to_vec(),
        };
        Ok(Output { answer, items })
    }
}

/// Reads an array of outputs.
struct ManySeed<'a, O>(OutputSeed<'a, O>);

impl<'de, O: CatalogOperation> DeserializeSeed<'de> for ManySeed<'_, O> {
    type Value = Vec<Output<O>>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Vec<Output<O>>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, O: CatalogOperation> Visitor<'de> for ManySeed<'_, O> {
    type Value = Vec<Output<O>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {}'s outputs", action::<O>())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Output<O>>, A::Error> {
        let mut outputs = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(output) = seq.next_element_seed(self.0.clone())? {
            outputs.push(output);
        }
        Ok(outputs)
    }
}

/// Why `text` is not `O`'s outputs, found by reading it again the slow way: first each output's
/// members (is each one `O`'s?), then every value with its JSON path tracked. `None` if this
/// reading finds nothing wrong (the fast one's error is then told as it is).
fn explained<O: CatalogOperation>(text: &str, many: bool, source: &str) -> Option<SeedError> {
    let not_json =
        |error: serde_json::Error| SeedError::new(source, "$", format!("not JSON: {error}"));
    let members: Vec<Vec<String>> = if many {
        match serde_json::from_str::<Vec<MemberNames>>(text) {
            Ok(outputs) => outputs.into_iter().map(|output| output.0).collect(),
            Err(error) => return Some(not_json(error)),
        }
    } else {
        match serde_json::from_str::<MemberNames>(text) {
            Ok(output) => vec![output.0],
            Err(error) => return Some(not_json(error)),
        }
    };
    for (index, names) in members.iter().enumerate() {
        if let Some(stray) = names.iter().find(|name| !knows_member::<O>(name)) {
            return Some(SeedError::new(
                source,
                format!("{}.{stray}", output_path(many, index)),
                format!(
                    "`{stray}` is not a member of {}'s output: is this another operation's?",
                    action::<O>()
                ),
            ));
        }
    }
    let typed = |error: serde_path_to_error::Error<serde_json::Error>| {
        let path = error.path().to_string();
        let path = match path.as_str() {
            "." => "$".to_owned(),
            indexed if indexed.starts_with('[') => format!("${indexed}"),
            member => format!("$.{member}"),
        };
        SeedError::new(source, path, error.inner().to_string())
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = if many {
        serde_path_to_error::deserialize::<_, Vec<O::Answer>>(&mut deserializer).map(drop)
    } else {
        serde_path_to_error::deserialize::<_, O::Answer>(&mut deserializer).map(drop)
    };
    read.err().map(typed)
}

/// An output's top-level member names, their values skipped (`IgnoredAny` reads a value without
/// building it).
struct MemberNames(Vec<String>);

impl<'de> serde::Deserialize<'de> for MemberNames {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Names;
        impl<'de> Visitor<'de> for Names {
            type Value = MemberNames;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an AWS CLI output: a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MemberNames, A::Error> {
                let mut names = Vec::new();
                while let Some((name, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    names.push(name);
                }
                Ok(MemberNames(names))
            }
        }
        deserializer.deserialize_map(Names)
    }
}

/// Whether `O`'s response reads a top-level member called `name`. Its reader skips members it does
/// not know (a newer AWS CLI's), so a member of another operation's output would load as nothing;
/// a member it knows fails at least one of two probes no field type takes both of: `true` (not a
/// list, string, number or structure) and `[]` (not a flag, string, number or structure).
fn knows_member<O: CatalogOperation>(name: &str) -> bool {
    let probe = |value: serde_json::Value| {
        let mut output = serde_json::Map::new();
        output.insert(name.to_owned(), value);
        serde_json::from_value::<O::Answer>(serde_json::Value::Object(output)).is_err()
    };
    probe(serde_json::Value::Bool(true)) || probe(serde_json::Value::Array(Vec::new()))
}
