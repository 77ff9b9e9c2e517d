//! An answer as the AWS CLI prints it: the response's JSON (the declared types' own AWS CLI
//! form), every page's list merged into one, no `NextToken`. That is what a seed file holds and
//! what `aws ec2 describe-...` writes.

use std::collections::HashSet;

use ec2_ops_catalog::list_member;
use serde_json::{Map, Value};

/// One response as the AWS CLI prints it.
pub(crate) fn printed<R: serde::Serialize>(response: &R) -> Value {
    let mut value = serde_json::to_value(response).unwrap_or(Value::Object(Map::new()));
    if let Value::Object(members) = &mut value {
        members.remove("NextToken");
    }
    value
}

/// How many items `action`'s output lists: its list's, or for a JSON array of outputs (one per
/// call, of a record operation) how many; 0 for a single record.
pub(crate) fn listed(action: &str, output: &Value) -> usize {
    if let Value::Array(outputs) = output {
        return outputs.len();
    }
    list_member(action)
        .and_then(|member| at_path(output, member)?.as_array().map(Vec::len))
        .unwrap_or(0)
}

/// The value at `path` (`Reservations`, or a list held in a structure:
/// `ApplicationStatuses.Instances`).
pub(crate) fn at_path<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .try_fold(value, |value, member| value.get(member))
}

/// The value at `path`, to change.
fn at_path_mut<'v>(value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    path.split('.')
        .try_fold(value, |value, member| value.get_mut(member))
}

/// The pages of one walk, merged as the AWS CLI merges them: each page's list appended to the
/// first page's, the other members the first page's.
pub(crate) struct Merged {
    /// The output member listing the resources, for an operation answering a list.
    list: Option<&'static str>,
    merged: Option<Value>,
    /// For merging outputs whose items an earlier output may have listed already: the items
    /// merged so far, as JSON text (a value has no hash).
    seen: Option<HashSet<String>>,
}

impl Merged {
    /// A walk of `action`'s pages.
    pub(crate) fn new(action: &str) -> Merged {
        Merged {
            list: list_member(action),
            merged: None,
            seen: None,
        }
    }

    /// The answers of several calls of `action`, each item kept once: the first time an
    /// output lists it.
    pub(crate) fn distinct(action: &str) -> Merged {
        Merged {
            seen: Some(HashSet::new()),
            ..Merged::new(action)
        }
    }

    /// Adds the next page.
    pub(crate) fn add(&mut self, page: Value) {
        let Some(merged) = &mut self.merged else {
            if let (Some(seen), Some(list)) = (&mut self.seen, self.list) {
                seen.extend(Self::texts(&page, list));
            }
            self.merged = Some(page);
            return;
        };
        let Some(list) = self.list else {
            return;
        };
        let mut page = page;
        let Some(Value::Array(mut items)) = at_path_mut(&mut page, list).map(Value::take) else {
            return;
        };
        if let Some(seen) = &mut self.seen {
            // Compared with the earlier outputs' items only: one output may list an item twice.
            let texts: Vec<String> = items.iter().map(Value::to_string).collect();
            let mut fresh = texts.iter().map(|text| !seen.contains(text));
            items.retain(|_| fresh.next().unwrap_or(true));
            seen.extend(texts);
        }
        match at_path_mut(merged, list) {
            Some(Value::Array(held)) => held.extend(items),
            // The first page listed nothing: the list starts here.
            _ => put_at_path(merged, list, Value::Array(items)),
        }
    }

    /// The items `output` lists under `list`, as JSON text.
    fn texts(output: &Value, list: &str) -> Vec<String> {
        at_path(output, list)
            .and_then(Value::as_array)
            .map(|items| items.iter().map(Value::to_string).collect())
            .unwrap_or_default()
    }

    /// The merged output: `{}` for a walk of no page.
    pub(crate) fn finish(self) -> Value {
        self.merged.unwrap_or(Value::Object(Map::new()))
    }
}

/// Puts `value` at `path` of `output`, making the structures on the way.
fn put_at_path(output: &mut Value, path: &str, value: Value) {
    let (within, last) = match path.rsplit_once('.') {
        Some((within, last)) => (Some(within), last),
        None => (None, path),
    };
    let mut holder = output;
    for member in within.into_iter().flat_map(|within| within.split('.')) {
        let Value::Object(members) = holder else {
            return;
        };
        holder = members
            .entry(member.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(members) = holder {
        members.insert(last.to_owned(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pages_are_merged_into_the_first_page_s_list() {
        let mut merged = Merged::new("DescribeVolumes");
        merged.add(json!({"Volumes": [{"VolumeId": "vol-1"}]}));
        merged.add(json!({"Volumes": [{"VolumeId": "vol-2"}, {"VolumeId": "vol-3"}]}));
        merged.add(json!({}));
        assert_eq!(
            merged.finish(),
            json!({"Volumes": [{"VolumeId": "vol-1"}, {"VolumeId": "vol-2"}, {"VolumeId": "vol-3"}]})
        );
    }

    #[test]
    fn a_list_the_first_page_lacks_is_taken_from_the_next() {
        let mut merged = Merged::new("DescribeVolumes");
        merged.add(json!({}));
        merged.add(json!({"Volumes": [{"VolumeId": "vol-2"}]}));
        assert_eq!(merged.finish(), json!({"Volumes": [{"VolumeId": "vol-2"}]}));
    }

    #[test]
    fn a_list_held_in_a_structure_is_merged_where_it_is_held() {
        let page = |id: &str| json!({"ApplicationStatuses": {"Instances": [{"InstanceId": id}]}});
        let mut merged = Merged::new("DescribeApplicationStatus");
        merged.add(json!({}));
        merged.add(page("i-1"));
        merged.add(page("i-2"));
        let output = merged.finish();
        assert_eq!(
            output,
            json!({"ApplicationStatuses": {"Instances": [{"InstanceId": "i-1"}, {"InstanceId": "i-2"}]}})
        );
        assert_eq!(listed("DescribeApplicationStatus", &output), 2);
    }

    #[test]
    fn an_answer_is_printed_with_its_members_in_the_model_s_order_as_the_aws_cli_prints_it() {
        let answer: ec2_ops::operations::volumes::DescribeVolumesResponse = serde_json::from_str(
            r#"{"Volumes": [{"Size": 8, "AvailabilityZone": "eu-west-1a", "VolumeId": "vol-1",
                             "Iops": 3000}], "NextToken": "t"}"#,
        )
        .unwrap();
        let printed = printed(&answer);
        let members: Vec<&str> = printed["Volumes"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(members, ["Iops", "VolumeId", "Size", "AvailabilityZone"]);
        assert!(printed.get("NextToken").is_none());
    }

    #[test]
    fn a_walk_of_no_page_is_an_empty_output() {
        assert_eq!(Merged::new("DescribeVolumes").finish(), json!({}));
    }
}
