//! The scaffold on a small model fixture: every construct it declares, pinned as source
//! (`fixtures/expected.rs`, compiled by the catalog's `scaffold_fixture` test), and its refusals.

use ec2_ops_scaffold::decisions::Finishing;
use ec2_ops_scaffold::filters::Mapping;
use ec2_ops_scaffold::model::Model;
use ec2_ops_scaffold::{emit, plan};

fn fixture() -> Model {
    Model::from_json(include_str!("fixtures/model.json")).unwrap()
}

fn finishing() -> Finishing {
    Finishing::parse(include_str!("fixtures/finish.txt")).unwrap()
}

const ACTIONS: [&str; 4] = [
    "DescribeGadgets",
    "DescribeGadgetAttribute",
    "DescribeGadgetSettings",
    "GetGadgetDefaults",
];

/// The describe operations alone: what tests with decisions of their own plan (the settings read
/// needs its default decided).
const DESCRIBES: [&str; 3] = [
    "DescribeGadgets",
    "DescribeGadgetAttribute",
    "DescribeGadgetSettings",
];

#[test]
fn the_fixture_is_declared_as_pinned() {
    let plan = plan::plan(&fixture(), &finishing(), &ACTIONS).unwrap();
    expect_test::expect_file!["fixtures/expected.rs"].assert_eq(&emit::module(&plan));
}

#[test]
fn documented_filters_are_mapped_decided_or_listed_with_the_reason() {
    let plan = plan::plan(&fixture(), &finishing(), &ACTIONS).unwrap();
    let (key, filters) = plan.operations[0].filters.as_ref().unwrap();
    assert_eq!(key, "Filter");
    let mapping = |name: &str| {
        filters
            .iter()
            .find(|filter| filter.name == name)
            .map(|filter| filter.mapping.clone())
    };
    let path = |parts: &[&str]| {
        Some(Mapping::Path(
            parts.iter().map(|part| (*part).to_owned()).collect(),
        ))
    };
    assert_eq!(mapping("gadget-id"), path(&["gadget_id"]));
    assert_eq!(
        mapping("part.part-id"),
        path(&["parts", "part_id"]),
        "a list field spelt in the singular"
    );
    assert_eq!(
        mapping("size"),
        path(&["size", "code"]),
        "a structure named by its code"
    );
    assert_eq!(mapping("owner"), path(&["aws_owner_id"]), "decided by hand");
    assert_eq!(
        mapping("tag:<key>"),
        Some(Mapping::Tags(vec!["tags".to_owned()])),
        "`tag` described as a key/value pair"
    );
    assert!(matches!(mapping("colour"), Some(Mapping::NotServable(_))));
    assert_eq!(
        mapping("in-use"),
        None,
        "a value listed under a filter is not a filter"
    );
}

#[test]
fn a_decision_for_a_path_that_does_not_end_at_a_value_is_refused_with_its_line() {
    let finishing = Finishing::parse("# x\nDescribeGadgets owner => size\n").unwrap();
    let problem = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap_err();
    assert!(
        problem.contains("line 2") && problem.contains("is a structure"),
        "{problem}"
    );
    let finishing = Finishing::parse("DescribeGadgets owner => nothing_here\n").unwrap();
    let problem = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap_err();
    assert!(problem.contains("has no field `nothing_here`"), "{problem}");
}

#[test]
fn malformed_decision_lines_are_refused() {
    for (text, expected) in [
        ("DescribeGadgets", "line 1: expected"),
        ("DescribeGadgets owner ?", "line 1: expected"),
        ("DescribeGadgets owner !", "needs its reason"),
        (
            "DescribeGadgets owner => a\nDescribeGadgets owner ! b",
            "decided already on line 1",
        ),
    ] {
        let problem = Finishing::parse(text).unwrap_err();
        assert!(problem.contains(expected), "{text:?}: {problem}");
    }
}

#[test]
fn an_unknown_operation_is_named() {
    let problem = plan::plan(&fixture(), &Finishing::default(), &["DescribeWidgets"]).unwrap_err();
    assert_eq!(problem, "DescribeWidgets: the model has no such operation");
}

#[test]
fn a_resource_key_decision_names_a_text_member_or_keys_by_position() {
    let planned = |decisions: &str| {
        let finishing = Finishing::parse(decisions).unwrap();
        plan::plan(&fixture(), &finishing, &DESCRIBES)
    };
    let settings = |plan: &plan::Plan| {
        let operation = plan
            .operations
            .iter()
            .find(|operation| operation.action == "DescribeGadgetSettings")
            .unwrap();
        (
            operation.resource_id.clone(),
            operation.keyed_by_position.clone(),
        )
    };

    let plan = planned("DescribeGadgetSettings resource_id ! one setting per account\n").unwrap();
    assert_eq!(
        settings(&plan),
        (
            "enabled".to_owned(),
            Some("one setting per account".to_owned())
        )
    );
    assert_eq!(settings(&planned("").unwrap()).1, None);
    assert!(
        emit::module(&plan).contains(
            "    // Not unique to a resource (one setting per account): a source keys the resources by position.\n    resource_id = enabled,"
        ),
        "the written declaration says so"
    );

    let problem = planned("DescribeGadgetSettings resource_id = Enabled\n").unwrap_err();
    assert!(
        problem.contains("`GadgetSettings` has no text member `Enabled`"),
        "{problem}"
    );
    let problem = planned("DescribeGadgets resource_id ! no\n").unwrap_err();
    assert!(
        problem.contains("keyed by its ID list `GadgetId`"),
        "{problem}"
    );
    // A decided member keys the resources instead of the ID list, which then names what the
    // resources hold (as DescribeImageReferences' `ImageId.N` names the images referenced).
    let plan = planned("DescribeGadgets resource_id = Type\n").unwrap();
    let gadgets = plan
        .operations
        .iter()
        .find(|operation| operation.action == "DescribeGadgets")
        .unwrap();
    assert_eq!(gadgets.resource_id, "r#type");
    let by_gadget = gadgets
        .ids
        .iter()
        .find(|ids| ids.key == "GadgetId")
        .unwrap();
    assert_eq!(by_gadget.field.as_deref(), Some("gadget_id"));
}

#[test]
fn a_resource_key_decision_for_no_planned_operation_is_stale() {
    let finishing = Finishing::parse("DescribeWidgets resource_id = WidgetId\n").unwrap();
    let stale: Vec<String> = finishing.stale_keys(&ACTIONS).collect();
    assert_eq!(
        stale,
        ["line 1: `DescribeWidgets resource_id` is not about a generated operation"]
    );
    let finishing = Finishing::parse("DescribeGadgets resource_id = GadgetId\n").unwrap();
    assert_eq!(finishing.stale_keys(&ACTIONS).count(), 0);
}

#[test]
fn malformed_resource_key_lines_are_refused() {
    for (text, expected) in [
        ("DescribeGadgets resource_id", "line 1: expected"),
        (
            "DescribeGadgets resource_id =",
            "`Action resource_id = Member`",
        ),
        (
            "DescribeGadgets resource_id = Gadget Id",
            "`Action resource_id = Member`",
        ),
        (
            "DescribeGadgets resource_id !",
            "`Action resource_id ! reason`",
        ),
        (
            "DescribeGadgets resource_id = GadgetId\nDescribeGadgets resource_id ! b",
            "line 2: `DescribeGadgets resource_id` is decided already",
        ),
    ] {
        let problem = Finishing::parse(text).unwrap_err();
        assert!(problem.contains(expected), "{text:?}: {problem}");
    }
}

#[test]
fn a_shape_declared_elsewhere_is_reached_not_planned_with_the_declared_shapes_it_reaches() {
    let declared = ["Gadget", "GadgetState"].map(str::to_owned).into();
    let plan = plan::plan_beside(&fixture(), &finishing(), &DESCRIBES, &declared).unwrap();
    assert_eq!(
        plan.elsewhere,
        ["Gadget", "GadgetState"],
        "`GadgetState` is reached through `Gadget`, and declared elsewhere too"
    );
    let planned: Vec<&str> = plan.shapes.iter().map(plan::ShapeDecl::name).collect();
    assert_eq!(
        planned,
        ["Part", "GadgetAttribute", "GadgetSettings"],
        "`GadgetSize` is reached only through `Gadget`; `Part` through `GadgetAttribute` too"
    );
    assert!(
        plan.in_requests.contains("GadgetState") && plan.defaulted.contains("GadgetState"),
        "a request's required member is still recorded, for the caller to check"
    );
    let module = emit::module(&plan);
    assert!(module.contains("    resource = Gadget,\n"), "{module}");
    assert!(!module.contains("pub struct Gadget {"), "{module}");
}

#[test]
fn the_facade_s_shapes_are_found_by_the_scaffold_s_names() {
    use ec2_ops_scaffold::catalog::hand_declared_shape;
    assert_eq!(
        hand_declared_shape("VolumeType"),
        Ok(Some(("volumes", "VolumeType")))
    );
    assert_eq!(
        hand_declared_shape("SSEType"),
        Ok(Some(("volumes", "SseType"))),
        "the model's `SSEType` is the facade's `SseType`"
    );
    assert_eq!(
        hand_declared_shape("PlatformValues"),
        Ok(Some(("instances", "PlatformValues"))),
        "declared in two modules, the chosen one"
    );
    assert_eq!(hand_declared_shape("Subnet"), Ok(None));
}

#[test]
fn value_lists_become_id_lists_that_must_exist_or_narrow_as_decided() {
    let plan = plan::plan(&fixture(), &finishing(), &ACTIONS).unwrap();
    let gadgets = &plan.operations[0];
    let lists: Vec<(&str, Option<&str>, Option<&str>, bool)> = gadgets
        .ids
        .iter()
        .map(|ids| {
            (
                ids.key.as_str(),
                ids.field.as_deref(),
                ids.not_found.as_deref(),
                ids.narrows,
            )
        })
        .collect();
    assert_eq!(
        lists,
        [
            ("GadgetId", None, None, false),
            ("State", Some("state"), Some("InvalidGadgetState"), false),
            ("Type", Some("r#type"), None, true),
            ("AWSOwnerId", Some("aws_owner_id"), None, false),
        ],
        "an enum list beside a field of that enum, a text list beside a text field"
    );
    let owner = gadgets.ids.last().unwrap();
    assert!(
        owner.single && owner.optional && owner.parent.is_none(),
        "one value beside a field of the same name, optional as the model leaves it"
    );
    let visible = gadgets.visible.as_ref().unwrap();
    assert_eq!(
        (visible.function.as_str(), visible.members.as_slice()),
        ("current_gadgets", ["IncludeRetired".to_owned()].as_slice())
    );
    assert!(gadgets.unapplied.is_empty(), "{:?}", gadgets.unapplied);
    assert!(
        gadgets
            .members
            .iter()
            .all(|member| member.ident != "states"),
        "a list taken as IDs is no plain member"
    );
}

#[test]
fn a_hook_over_the_ids_alone_names_no_member_and_leaves_the_members_unapplied() {
    let finishing = Finishing::parse("DescribeGadgets visible = listed_gadgets ()\n").unwrap();
    let plan = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap();
    let gadgets = &plan.operations[0];
    let visible = gadgets.visible.as_ref().unwrap();
    assert_eq!(visible.function, "listed_gadgets");
    assert!(visible.members.is_empty());
    assert!(
        gadgets
            .unapplied
            .iter()
            .any(|member| member == "IncludeRetired"),
        "a member the hook does not name is still unapplied: {:?}",
        gadgets.unapplied
    );
    assert!(emit::module(&plan).contains(
        "    // Applies EC2's rule over the request's IDs.\n    visible = crate::visibility::listed_gadgets,"
    ));
}

#[test]
fn a_list_that_narrows_is_never_the_resources_own_ids() {
    let finishing = Finishing::parse("DescribeGadgets ids(GadgetId) narrows\n").unwrap();
    let plan = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap();
    let gadgets = &plan.operations[0];
    let first = &gadgets.ids[0];
    assert_eq!(first.key, "State", "the resource's own IDs come first");
    let narrowing = gadgets
        .ids
        .iter()
        .find(|ids| ids.key == "GadgetId")
        .unwrap();
    assert!(narrowing.narrows);
    assert_eq!(narrowing.field.as_deref(), Some("gadget_id"));
}

#[test]
fn malformed_ids_and_visibility_lines_are_refused() {
    for (text, expected) in [
        (
            "DescribeGadgets ids(Type) narrow",
            "`Action ids(Key) not_found = Code` or `Action ids(Key) narrows`",
        ),
        ("DescribeGadgets visible", "line 1: expected"),
        (
            "DescribeGadgets visible =",
            "`Action visible = function (Member, ...)`",
        ),
        (
            "DescribeGadgets visible = f",
            "`Action visible = function (Member, ...)`",
        ),
        (
            "DescribeGadgets visible = crate::f (IncludeRetired)",
            "`Action visible = function (Member, ...)`",
        ),
        (
            "DescribeGadgets visible = f (include_retired)",
            "`Action visible = function (Member, ...)`",
        ),
        (
            "DescribeGadgets visible = f (IncludeRetired,)",
            "`Action visible = function (Member, ...)`",
        ),
        (
            "DescribeGadgets visible = a (A)\nDescribeGadgets visible = b (B)",
            "line 2: `DescribeGadgets visible` is decided already",
        ),
        (
            "DescribeGadgets ids(Type) narrows\nDescribeGadgets ids(Type) narrows",
            "line 2: `DescribeGadgets ids(Type)` is decided already",
        ),
    ] {
        let problem = Finishing::parse(text).unwrap_err();
        assert!(problem.contains(expected), "{text:?}: {problem}");
    }
}

#[test]
fn a_visibility_decision_for_no_planned_operation_is_stale() {
    let finishing = Finishing::parse("DescribeWidgets visible = widgets (Owners)\n").unwrap();
    let stale: Vec<String> = finishing.stale_hooks(&ACTIONS).collect();
    assert_eq!(
        stale,
        ["line 1: `DescribeWidgets visible` is not about a generated operation"]
    );
}

#[test]
fn a_visibility_decision_naming_no_plain_member_is_refused() {
    let finishing = Finishing::parse("DescribeGadgets visible = current (GadgetIds)\n").unwrap();
    let problem = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap_err();
    assert!(
        problem.contains("line 1 of the decisions: `GadgetIds` is not a plain request member"),
        "{problem}"
    );
}

#[test]
fn a_respond_hook_applies_its_members() {
    let plan = plan::plan(&fixture(), &finishing(), &ACTIONS).unwrap();
    let attribute = &plan.operations[1];
    assert_eq!(
        attribute
            .respond
            .as_ref()
            .map(|hook| hook.function.as_str()),
        Some("gadget_attribute")
    );
    assert!(attribute.unapplied.is_empty(), "{:?}", attribute.unapplied);
    assert!(
        emit::module(&plan).contains(
            "    // Applies Attribute.\n    respond = crate::responses::gadget_attribute,"
        )
    );
}

#[test]
fn members_no_decision_applies_are_listed_as_unapplied() {
    let plan = plan::plan(&fixture(), &Finishing::default(), &DESCRIBES).unwrap();
    let unapplied: Vec<(&str, &[String])> = plan
        .operations
        .iter()
        .map(|operation| (operation.action.as_str(), operation.unapplied.as_slice()))
        .collect();
    assert_eq!(
        unapplied,
        [
            (
                "DescribeGadgets",
                ["Labels".to_owned(), "IncludeRetired".to_owned()].as_slice()
            ),
            (
                "DescribeGadgetAttribute",
                ["Attribute".to_owned()].as_slice()
            ),
            ("DescribeGadgetSettings", ["From".to_owned()].as_slice()),
        ]
    );
}

#[test]
fn a_validate_hook_checks_its_members_and_filters_can_be_ignored_beside_a_list() {
    let plan = plan::plan(&fixture(), &finishing(), &ACTIONS).unwrap();
    let gadgets = &plan.operations[0];
    assert_eq!(
        gadgets.validate.as_ref().map(|hook| hook.function.as_str()),
        Some("labelled_gadgets")
    );
    assert_eq!(gadgets.filters_ignored_with.as_deref(), Some("labels"));
    // Labels (checked) and IncludeRetired (applied) are both served.
    assert!(gadgets.unapplied.is_empty(), "{:?}", gadgets.unapplied);
    let module = emit::module(&plan);
    assert!(
        module
            .contains("    // Checks Labels.\n    validate = crate::validation::labelled_gadgets,")
    );
    assert!(module.contains("        ignored_with = labels,\n"));
}

#[test]
fn filters_are_ignored_only_beside_a_list_member_of_an_operation_with_filters() {
    for (decision, problem) in [
        (
            "DescribeGadgets filters ignored_with = IncludeRetired\n",
            "`IncludeRetired` is not a list member of an operation with filters",
        ),
        // An ID list is not a member: its values select the resources already.
        (
            "DescribeGadgets filters ignored_with = GadgetIds\n",
            "`GadgetIds` is not a list member",
        ),
        (
            "DescribeGadgetSettings filters ignored_with = From\n",
            "`From` is not a list member of an operation with filters",
        ),
    ] {
        let finishing = Finishing::parse(decision).unwrap();
        let error = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap_err();
        assert!(error.contains(problem), "{decision}: {error}");
    }
    for (decision, problem) in [
        (
            "DescribeGadgets filters ignored_with =\n",
            "line 1: expected `Action filters ignored_with = Member`",
        ),
        (
            "DescribeGadgets filters ignore = Labels\n",
            "line 1: expected `Action filters ignored_with = Member`",
        ),
        (
            "DescribeGadgets filters ignored_with = Labels\nDescribeGadgets filters ignored_with = Labels\n",
            "line 2: `DescribeGadgets filters ignored_with` is decided already",
        ),
        (
            "DescribeGadgets validate = labelled_gadgets\n",
            "line 1: expected `Action validate = function (Member, ...)`",
        ),
    ] {
        let error = Finishing::parse(decision).unwrap_err();
        assert!(error.contains(problem), "{decision}: {error}");
    }
}

#[test]
fn a_settings_read_is_declared_with_the_decided_default_and_refused_without_one() {
    let model = fixture();
    assert_eq!(model.settings_operations(), ["GetGadgetDefaults"]);
    let plan = plan::plan(&model, &finishing(), &["GetGadgetDefaults"]).unwrap();
    let source = emit::module(&plan);
    assert!(
        source
            .contains("    settings(default = crate::settings::gadget_defaults),\n    dry_run,\n"),
        "{source}"
    );
    assert!(!source.contains("resource_id"), "{source}");
    assert!(
        source.contains("resource = GetGadgetDefaultsResult,"),
        "{source}"
    );
    let undecided = plan::plan(&model, &Finishing::default(), &["GetGadgetDefaults"]).unwrap_err();
    assert!(
        undecided.contains("GetGadgetDefaults settings default = function"),
        "{undecided}"
    );
}

#[test]
fn malformed_and_repeated_settings_default_lines_are_refused() {
    for line in [
        "GetGadgetDefaults settings default gadget_defaults",
        "GetGadgetDefaults settings default = Gadget-Defaults",
        "GetGadgetDefaults settings default =",
    ] {
        let error = Finishing::parse(line).unwrap_err();
        assert!(
            error.contains("line 1: expected `Action settings default = function`"),
            "{line}: {error}"
        );
    }
    let twice = "GetGadgetDefaults settings default = a\nGetGadgetDefaults settings default = b";
    assert!(
        Finishing::parse(twice).unwrap_err().contains("line 2"),
        "decided twice"
    );
}

#[test]
fn a_member_left_unapplied_for_a_written_reason_is_listed_with_it_not_as_unapplied() {
    let finishing = Finishing::parse(
        "DescribeGadgets unapplied IncludeRetired ! retirement is the factory's, not a seed's\n",
    )
    .unwrap();
    let plan = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap();
    let gadgets = &plan.operations[0];
    assert_eq!(
        gadgets.unapplied_for_reason,
        [(
            "IncludeRetired".to_owned(),
            "retirement is the factory's, not a seed's".to_owned()
        )]
    );
    assert!(
        !gadgets
            .unapplied
            .iter()
            .any(|member| member == "IncludeRetired"),
        "{:?}",
        gadgets.unapplied
    );
}

#[test]
fn a_reason_for_a_member_a_hook_applies_or_for_no_member_is_refused() {
    for (text, expected) in [
        (
            "DescribeGadgets visible = gadgets (IncludeRetired)\n\
             DescribeGadgets unapplied IncludeRetired ! a reason\n",
            "line 2 of the decisions says why `IncludeRetired` is not applied, but a hook applies it",
        ),
        (
            "DescribeGadgets unapplied Colour ! a reason\n",
            "line 1 of the decisions: `Colour` is not a plain request member",
        ),
    ] {
        let finishing = Finishing::parse(text).unwrap();
        let problem = plan::plan(&fixture(), &finishing, &DESCRIBES).unwrap_err();
        assert!(problem.contains(expected), "{text:?}: {problem}");
    }
    for text in [
        "DescribeGadgets unapplied IncludeRetired\n",
        "DescribeGadgets unapplied IncludeRetired !\n",
        "DescribeGadgets unapplied includeRetired ! why\n",
    ] {
        let problem = Finishing::parse(text).unwrap_err();
        assert!(
            problem.contains("expected `Action unapplied Member ! reason`"),
            "{text:?}: {problem}"
        );
    }
    let twice = "DescribeGadgets unapplied IncludeRetired ! a\n\
                 DescribeGadgets unapplied IncludeRetired ! b\n";
    assert!(
        Finishing::parse(twice)
            .unwrap_err()
            .contains("is decided already")
    );
}
