//! The runtime's modules are layers that depend one way: errors ← plain types ← {wire codecs, filter
//! engine} ← operation description ← describe pipeline ← service. This test reads the crate's own
//! sources and fails when a module names one of a higher layer (or of the other module of its
//! layer), when files import each other in a circle, or when a module does not open with a doc line
//! saying what it is for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module's layer; a module may name only its own module and lower layers.
const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("types", 1),
    ("wire", 2),
    ("filter", 2),
    ("operation", 3),
    ("describe", 4),
    ("service", 5),
    // The crate root and the generated-code surface re-export everything and are named by nothing.
    ("__private", 6),
    ("", 6),
];

/// A source file: its module path (`["describe", "pipeline"]`; `[]` for `lib.rs`) and its text.
struct Source {
    module: Vec<String>,
    text: String,
}

fn read_sources(root: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    collect(root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(root).unwrap();
            let mut module: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            Source { module, text }
        })
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// The code of a file without its comments (doc links may point anywhere).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|line| match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    })
}

/// Every module path a file names through `crate::`, with `use` groups expanded.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let code: String = code_lines(text).collect::<Vec<_>>().join("\n");
    let mut paths = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let preceded_by_ident = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + "crate::".len()..];
        if !preceded_by_ident {
            let (found, _) = parse_path(rest, Vec::new());
            paths.extend(found);
        }
    }
    paths
}

/// Parses `a::b::{c, d::e}` into `[a, b, c]`, `[a, b, d, e]`; returns the paths and the rest.
fn parse_path(mut text: &str, mut prefix: Vec<String>) -> (Vec<Vec<String>>, &str) {
    loop {
        text = text.trim_start();
        if let Some(group) = text.strip_prefix('{') {
            let mut paths = Vec::new();
            let mut inner = group;
            loop {
                inner = inner.trim_start();
                if let Some(after) = inner.strip_prefix('}') {
                    return (paths, after);
                }
                if let Some(after) = inner.strip_prefix(',') {
                    inner = after;
                    continue;
                }
                if inner.is_empty() {
                    return (paths, inner);
                }
                let (found, after) = parse_path(inner, prefix.clone());
                paths.extend(found);
                inner = after;
            }
        }
        let ident_len = text
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(text.len());
        if ident_len == 0 {
            return (vec![prefix], text);
        }
        prefix.push(text[..ident_len].to_owned());
        text = &text[ident_len..];
        match text.strip_prefix("::") {
            Some(after) => text = after,
            None => return (vec![prefix], text),
        }
    }
}

/// The file a path lands in: the longest module path that is a prefix of it.
fn resolve<'a>(path: &[String], modules: &'a BTreeSet<Vec<String>>) -> &'a Vec<String> {
    (0..=path.len())
        .rev()
        .find_map(|len| modules.get(&path[..len].to_vec()))
        .expect("the crate root is always a module")
}

fn layer(module: &[String]) -> Result<u8, String> {
    let top = module.first().map_or("", String::as_str);
    LAYERS
        .iter()
        .find(|(name, _)| *name == top)
        .map(|(_, layer)| *layer)
        .ok_or_else(|| format!("module `{top}` is in no layer: add it to LAYERS"))
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

/// Every rule the sources break, as messages.
fn violations(sources: &[Source]) -> Vec<String> {
    let mut problems = Vec::new();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut edges: BTreeMap<&Vec<String>, BTreeSet<&Vec<String>>> = BTreeMap::new();
    for source in sources {
        if !source.text.starts_with("//! ") {
            problems.push(format!(
                "{} does not open with a `//!` line saying what it is for",
                name(&source.module)
            ));
        }
        for line in code_lines(&source.text) {
            if line.contains("super::") && line.trim() != "use super::*;" {
                problems.push(format!(
                    "{} names `super::` outside a test module; name the module by its `crate::` path",
                    name(&source.module)
                ));
            }
        }
        let from_layer = match layer(&source.module) {
            Ok(layer) => layer,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        for path in crate_paths(&source.text) {
            let target = resolve(&path, &modules);
            if *target == source.module {
                continue;
            }
            edges.entry(&source.module).or_default().insert(target);
            let same_module = source.module.first() == target.first();
            let to_layer = layer(target).unwrap_or(u8::MAX);
            if !same_module && to_layer >= from_layer {
                problems.push(format!(
                    "{} (layer {from_layer}) names {} (layer {to_layer}) through `crate::{}`",
                    name(&source.module),
                    name(target),
                    path.join("::")
                ));
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        let names: Vec<String> = cycle.iter().map(|module| name(module)).collect();
        problems.push(format!("modules import each other: {}", names.join(" → ")));
    }
    problems
}

fn find_cycle<'a>(
    edges: &BTreeMap<&'a Vec<String>, BTreeSet<&'a Vec<String>>>,
) -> Option<Vec<&'a Vec<String>>> {
    fn visit<'a>(
        node: &'a Vec<String>,
        edges: &BTreeMap<&'a Vec<String>, BTreeSet<&'a Vec<String>>>,
        stack: &mut Vec<&'a Vec<String>>,
        done: &mut BTreeSet<&'a Vec<String>>,
    ) -> Option<Vec<&'a Vec<String>>> {
        if let Some(at) = stack.iter().position(|on_stack| *on_stack == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node);
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn runtime_modules_depend_only_on_lower_layers_and_never_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let sources = read_sources(&root);
    assert!(
        sources.len() > 10,
        "the sources were not found under {root:?}"
    );
    let problems = violations(&sources);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn source(module: &str, text: &str) -> Source {
    Source {
        module: module
            .split("::")
            .filter(|part| !part.is_empty())
            .map(str::to_owned)
            .collect(),
        text: text.to_owned(),
    }
}

#[test]
fn the_check_catches_an_import_from_a_higher_layer() {
    let sources = [
        source("", "//! root\n"),
        source(
            "types",
            "//! types\nuse crate::describe::{token::TokenKey, Page};\n",
        ),
        source("describe", "//! describe\n"),
        source("describe::token", "//! token\n"),
    ];
    let problems = violations(&sources);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("types (layer 1) names describe::token (layer 4)"));
    assert!(problems[1].contains("names describe (layer 4) through `crate::describe::Page`"));
}

#[test]
fn the_check_catches_a_circle_within_a_layer_and_between_its_two_modules() {
    let sources = [
        source("", "//! root\n"),
        source("wire", "//! wire\n"),
        source("wire::a", "//! a\nuse crate::wire::b::X;\n"),
        source("wire::b", "//! b\nfn f() { crate::wire::a::g() }\n"),
        source("filter", "//! filter\nuse crate::wire::a;\n"),
    ];
    let problems = violations(&sources);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("filter (layer 2) names wire::a (layer 2)")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("modules import each other: wire::a → wire::b → wire::a")),
        "{problems:?}"
    );
}

#[test]
fn the_check_wants_a_doc_line_a_layer_and_no_super_paths() {
    let sources = [
        source("", "//! root\n"),
        source("types", "use super::x;\n"),
        source("cache", "//! a module placed in no layer\n"),
    ];
    let problems = violations(&sources);
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn comments_and_doc_links_are_not_imports() {
    let paths = crate_paths(
        "/// see [`describe`](crate::describe::describe())\nuse crate::types::Tag; // crate::service\n",
    );
    assert_eq!(paths, [vec!["types".to_owned(), "Tag".to_owned()]]);
}
