//! The generated sources cannot drift from the scaffold: regenerated from the vendored model and
//! the hand decisions (`model/decisions.txt`), they must equal what is committed.

use std::collections::BTreeSet;
use std::path::Path;

use ec2_ops_scaffold::catalog;
use ec2_ops_scaffold::decisions::Finishing;
use ec2_ops_scaffold::model::Model;

#[test]
fn committed_sources_are_what_the_scaffold_writes_from_the_vendored_model() {
    let model = Model::from_json(include_str!("../model/ec2-describe.json")).unwrap();
    let finishing = Finishing::parse(include_str!("../model/decisions.txt")).unwrap();
    let files = catalog::files(&model, &finishing).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (path, expected) in &files {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if committed != *expected {
            stale.push(path.as_str());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; regenerate with `cargo run -p ec2-ops-scaffold -- ec2-ops-catalog/model/ec2-describe.json --catalog ec2-ops-catalog`"
    );
}

#[cfg(feature = "full")]
#[test]
fn every_describe_operation_and_settings_read_of_the_model_is_in_the_catalog() {
    let model = Model::from_json(include_str!("../model/ec2-describe.json")).unwrap();
    let declared: Vec<&str> = ec2_ops_catalog::OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .collect();
    assert_eq!(model.describe_operations().len(), 197);
    assert_eq!(model.settings_operations().len(), 8);
    assert_eq!(declared.len(), 205);
    let mut sorted = declared.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, model.catalog_operations());
}

/// One `#[ec2_shape]` item of the facade's `src/operations`: its module, name, whether it is
/// `response_only`, and (a structure's) member names.
struct FacadeShape {
    module: String,
    name: String,
    response_only: bool,
    members: Option<Vec<String>>,
}

/// The facade's hand-declared shapes, read from its sources.
fn facade_shapes() -> Vec<FacadeShape> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/operations");
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "rs"))
        .collect();
    paths.sort();
    let mut shapes = Vec::new();
    for path in paths {
        let module = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(arguments) = line.strip_prefix("#[ec2_shape") else {
                continue;
            };
            let response_only = arguments.contains("response_only");
            let (kind, name) = lines
                .by_ref()
                .find_map(|line| {
                    let rest = line.strip_prefix("pub ")?;
                    let (kind, rest) = rest.split_once(' ')?;
                    Some((kind.to_owned(), rest.split([' ', '{']).next()?.to_owned()))
                })
                .unwrap();
            let members = (kind == "struct").then(|| {
                // A field's member name: `#[ec2(name = "...")]` before it, else its own, in Pascal case.
                let mut members = Vec::new();
                let mut attributes = String::new();
                for line in lines.by_ref().take_while(|line| *line != "}") {
                    let line = line.trim();
                    if line.starts_with("///") {
                        continue;
                    }
                    let field = line
                        .strip_prefix("pub ")
                        .and_then(|rest| rest.split_once(':'))
                        .map(|(ident, _)| ident.trim_start_matches("r#"));
                    match field {
                        Some(ident) => {
                            let named = attributes
                                .split_once("name = \"")
                                .filter(|(before, _)| {
                                    before.is_empty() || before.ends_with(['(', ' ', ','])
                                })
                                .and_then(|(_, rest)| rest.split_once('"'))
                                .map(|(name, _)| name.to_owned());
                            members.push(
                                named.unwrap_or_else(|| ec2_ops_scaffold::names::pascal(ident)),
                            );
                            attributes.clear();
                        }
                        None => attributes.push_str(line),
                    }
                }
                members
            });
            shapes.push(FacadeShape {
                module: module.clone(),
                name,
                response_only,
                members,
            });
        }
    }
    shapes
}

#[test]
fn the_scaffold_s_list_of_the_facade_s_shapes_is_the_facade_s() {
    let declared: BTreeSet<(String, String)> = facade_shapes()
        .into_iter()
        .map(|shape| (shape.module, shape.name))
        .collect();
    let listed: BTreeSet<(String, String)> = catalog::HAND_DECLARED_SHAPES
        .iter()
        .flat_map(|(module, shapes)| {
            shapes
                .iter()
                .map(|shape| ((*module).to_owned(), (*shape).to_owned()))
        })
        .collect();
    assert_eq!(listed, declared, "update `catalog::HAND_DECLARED_SHAPES`");
    let with_query: BTreeSet<String> = facade_shapes()
        .into_iter()
        .filter(|shape| !shape.response_only)
        .map(|shape| shape.name)
        .collect();
    let listed: BTreeSet<String> = catalog::HAND_DECLARED_REQUEST_SHAPES
        .iter()
        .map(|shape| (*shape).to_owned())
        .collect();
    assert_eq!(
        listed, with_query,
        "update `catalog::HAND_DECLARED_REQUEST_SHAPES`"
    );
}

/// The actions the facade's `src/operations` declares with `#[ec2_operation(action = "...")]`.
fn facade_actions() -> BTreeSet<String> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/operations");
    let mut actions = BTreeSet::new();
    for entry in std::fs::read_dir(&directory).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (_, rest) in source
            .split("#[ec2_operation(")
            .skip(1)
            .filter_map(|declaration| declaration.split_once("action = \""))
        {
            actions.insert(rest.split_once('"').unwrap().0.to_owned());
        }
    }
    actions
}

#[test]
fn the_scaffold_s_list_of_the_facade_s_operations_is_the_facade_s() {
    let listed: BTreeSet<String> = catalog::HAND_DECLARED
        .iter()
        .map(|(action, _)| (*action).to_owned())
        .collect();
    assert_eq!(listed.len(), 10);
    assert_eq!(listed, facade_actions(), "update `catalog::HAND_DECLARED`");
    let generated: BTreeSet<String> = ec2_ops_catalog::HAND_DECLARED
        .iter()
        .map(|action| (*action).to_owned())
        .collect();
    assert_eq!(generated, listed);
}

/// A catalog operation that reaches one of the facade's structures must not lose what the model
/// says it holds: the facade's structure has every member of the model's.
#[test]
fn the_facade_s_structures_the_catalog_uses_hold_every_model_member() {
    let model = Model::from_json(include_str!("../model/ec2-describe.json")).unwrap();
    let shapes = include_str!("../src/generated/shapes.rs");
    let reexported: Vec<(&str, &str, &str)> = shapes
        .lines()
        .filter_map(|line| {
            let path = line
                .strip_prefix("pub use ec2_ops::operations::")?
                .strip_suffix(';')?;
            let (path, alias) = match path.split_once(" as ") {
                Some((path, alias)) => (path, Some(alias)),
                None => (path, None),
            };
            let (module, name) = path.split_once("::")?;
            Some((module, name, alias.unwrap_or(name)))
        })
        .collect();
    assert_eq!(reexported.len(), 37);
    let facade = facade_shapes();
    let mut checked = 0;
    for (module, name, in_catalog) in reexported {
        let shape = facade
            .iter()
            .find(|shape| shape.module == module && shape.name == name)
            .unwrap_or_else(|| panic!("`{module}::{name}` is not in the facade"));
        let Some(members) = &shape.members else {
            continue;
        };
        let model_name = model
            .shapes
            .keys()
            .find(|shape| ec2_ops_scaffold::names::type_ident(shape) == in_catalog)
            .unwrap();
        let missing: Vec<&str> = model
            .members(model_name)
            .unwrap()
            .iter()
            .map(|(member, _)| member.as_str())
            .filter(|member| !members.iter().any(|held| held == member))
            .collect();
        assert!(
            missing.is_empty(),
            "`ec2_ops::operations::{module}::{name}` lacks the model's {missing:?}"
        );
        checked += 1;
    }
    assert_eq!(checked, 11, "the structures among them");
}

/// `for_each_operation` hands every operation that pages to `visit_paginated`, with its paging,
/// and every other one to `visit`.
#[cfg(feature = "full")]
#[test]
fn the_registry_visits_each_paging_operation_with_its_paging() {
    use ec2_ops::Operation;
    use ec2_ops_catalog::{CatalogOperation, OperationVisitor};

    #[derive(Default)]
    struct Paging {
        paged: usize,
        not_paged: usize,
    }
    impl OperationVisitor for Paging {
        fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
            let spec = <O as Operation>::SPEC;
            assert!(spec.pagination.is_none(), "{} pages", spec.action);
            self.not_paged += 1;
        }
        fn visit_paginated<O: CatalogOperation + ec2_ops::PaginatedOperation>(
            &mut self,
            _area: &'static str,
        ) {
            let spec = <O as Operation>::SPEC;
            assert!(spec.pagination.is_some(), "{} does not page", spec.action);
            self.paged += 1;
        }
    }
    let mut paging = Paging::default();
    ec2_ops_catalog::for_each_operation(&mut paging);
    assert_eq!(paging.paged + paging.not_paged, 205);
    assert!(paging.paged > 100, "{} paged", paging.paged);
}
