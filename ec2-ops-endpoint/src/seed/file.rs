//! A seed file: one JSON object of AWS CLI output members, each one operation's list.

use std::sync::Arc;

use serde_json::Value;

use super::{Output, SeedError, SeedInput};
use crate::operations;

/// The inputs of a seed file's JSON, one per member, in the file's order.
pub(super) fn read(text: &str, source: &str) -> Result<Vec<SeedInput>, SeedError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|error| SeedError::new(source, "$", format!("not JSON: {error}")))?;
    let Value::Object(members) = value else {
        return Err(SeedError::new(
            source,
            "$",
            "a seed file is an object of output members",
        ));
    };
    let mut inputs = Vec::with_capacity(members.len());
    for (member, list) in members {
        let action = operations::action_listing(&member)
            .map_err(|problem| SeedError::new(source, format!("$.{member}"), problem))?;
        let mut output = serde_json::Map::new();
        output.insert(member, list);
        inputs.push(SeedInput {
            action,
            source: format!("{source} ({action})"),
            output: Output::Text(Arc::from(Value::Object(output).to_string())),
        });
    }
    Ok(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_member_is_the_output_of_the_operation_it_names() {
        let inputs = read(
            r#"{"Volumes": [{"VolumeId": "vol-1"}], "Subnets": [], "Reservations": []}"#,
            "seed.json",
        )
        .unwrap();
        let actions: Vec<&str> = inputs.iter().map(|input| input.action).collect();
        assert_eq!(
            actions,
            ["DescribeVolumes", "DescribeSubnets", "DescribeInstances"],
            "in the file's order"
        );
        assert_eq!(inputs[0].source, "seed.json (DescribeVolumes)");
    }

    #[test]
    fn a_member_of_a_hand_declared_operation_is_that_ones_beside_another() {
        let inputs = read(r#"{"Snapshots": []}"#, "seed.json").unwrap();
        assert_eq!(inputs[0].action, "DescribeSnapshots");
    }

    #[test]
    fn a_member_of_several_operations_or_none_is_refused() {
        let error = read(r#"{"Instances": []}"#, "seed.json").unwrap_err();
        assert_eq!(error.path, "$.Instances");
        assert!(
            error
                .problem
                .contains("describe-classic-link-instances.json"),
            "{error}"
        );
        let error = read(r#"{"Widgets": []}"#, "seed.json").unwrap_err();
        assert!(
            error.problem.contains("not the output member of any"),
            "{error}"
        );
        let error = read("[]", "seed.json").unwrap_err();
        assert_eq!(error.problem, "a seed file is an object of output members");
        let error = read("{\"Volumes\": [", "seed.json").unwrap_err();
        assert!(error.problem.starts_with("not JSON"), "{error}");
    }
}
