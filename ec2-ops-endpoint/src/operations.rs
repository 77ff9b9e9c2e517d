//! The operations the endpoint serves: every one of `ec2-ops-catalog`, found by action, AWS CLI
//! command or output member, and the one table of the operations `ec2-ops` declares by hand
//! (`ec2_ops::operations`), with what the endpoint derives from each.

use ec2_ops::operations::tags::ResourceType;
use ec2_ops_catalog::{LIST_MEMBERS, OPERATIONS, cli_name};

/// One operation `ec2-ops` declares by hand.
pub(crate) struct HandDeclared {
    /// Its action.
    pub action: &'static str,
    /// The `resource-type` DescribeTags lists its resources' tags under, when they are tagged.
    pub tagged_as: Option<ResourceType>,
}

/// The operations `ec2-ops` declares by hand: the only place the endpoint lists them. Their
/// resources' tags are what DescribeTags lists (the catalog's other operations' resources are
/// tagged too, but which `resource-type` EC2 names each with is not in the model; until it is
/// mapped, their tags are listed only where seeded in DescribeTags' own data). A seed file's
/// member several operations answer with is a hand-declared one's, when one of them is.
pub(crate) const HAND_DECLARED: [HandDeclared; 10] = [
    HandDeclared {
        action: "DescribeBundleTasks",
        tagged_as: None,
    },
    // A conversion task has tags, but EC2's ResourceType has no name for it.
    HandDeclared {
        action: "DescribeConversionTasks",
        tagged_as: None,
    },
    HandDeclared {
        action: "DescribeExportTasks",
        tagged_as: Some(ResourceType::ExportInstanceTask),
    },
    HandDeclared {
        action: "DescribeImportImageTasks",
        tagged_as: Some(ResourceType::ImportImageTask),
    },
    HandDeclared {
        action: "DescribeImportSnapshotTasks",
        tagged_as: Some(ResourceType::ImportSnapshotTask),
    },
    HandDeclared {
        action: "DescribeInstances",
        tagged_as: Some(ResourceType::Instance),
    },
    HandDeclared {
        action: "DescribeKeyPairs",
        tagged_as: Some(ResourceType::KeyPair),
    },
    HandDeclared {
        action: "DescribeSnapshots",
        tagged_as: Some(ResourceType::Snapshot),
    },
    HandDeclared {
        action: "DescribeTags",
        tagged_as: None,
    },
    HandDeclared {
        action: "DescribeVolumes",
        tagged_as: Some(ResourceType::Volume),
    },
];

/// The `resource-type` DescribeTags lists `action`'s resources' tags under, if it does.
pub(crate) fn tagged_as(action: &str) -> Option<&'static ResourceType> {
    HAND_DECLARED
        .iter()
        .find(|hand| hand.action == action)
        .and_then(|hand| hand.tagged_as.as_ref())
}

/// The served action called `name`, as EC2 (`DescribeSubnets`) or the AWS CLI
/// (`describe-subnets`) spells it.
pub(crate) fn action_named(name: &str) -> Option<&'static str> {
    OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .find(|action| *action == name)
        .or_else(|| action_of_command(name))
}

/// The served action whose AWS CLI command is `command`.
pub(crate) fn action_of_command(command: &str) -> Option<&'static str> {
    OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .find(|action| cli_name(action) == command)
}

/// The refusal of an action name that is no served operation.
pub(crate) fn unknown_action(name: &str) -> String {
    format!(
        "`{name}` is not an EC2 describe operation (name one as EC2 or the AWS CLI does: \
         `DescribeSubnets` or `describe-subnets`)"
    )
}

/// The operation whose AWS CLI output lists its resources under `member`.
pub(crate) fn action_listing(member: &str) -> Result<&'static str, String> {
    let answering: Vec<&'static str> = LIST_MEMBERS
        .iter()
        .filter(|(_, listed)| *listed == member)
        .map(|(action, _)| *action)
        .collect();
    let hand_declared: Vec<&'static str> = answering
        .iter()
        .copied()
        .filter(|action| HAND_DECLARED.iter().any(|hand| hand.action == *action))
        .collect();
    match (answering.as_slice(), hand_declared.as_slice()) {
        ([action], _) | (_, [action]) => Ok(action),
        ([], _) => Err(format!(
            "`{member}` is not the output member of any EC2 describe operation"
        )),
        (several, _) => {
            let files: Vec<String> = several
                .iter()
                .map(|action| format!("{}.json", cli_name(action)))
                .collect();
            Err(format!(
                "`{member}` is the output member of {}: put each one's in its seed folder file ({})",
                several.join(", "),
                files.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hand_declared_operation_is_served() {
        for hand in &HAND_DECLARED {
            assert_eq!(action_named(hand.action), Some(hand.action));
        }
    }

    #[test]
    fn an_action_is_named_as_ec2_or_the_aws_cli_spells_it() {
        assert_eq!(action_named("DescribeSubnets"), Some("DescribeSubnets"));
        assert_eq!(action_named("describe-subnets"), Some("DescribeSubnets"));
        assert_eq!(action_named("describe-subnet"), None);
        assert_eq!(action_named("RunInstances"), None);
    }
}
