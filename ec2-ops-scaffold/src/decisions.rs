//! A person's decisions where botocore's model says too little (`model/decisions.txt` of the
//! catalog), read and checked against the model.

use crate::filters::{Mapping, element_shape};
use crate::model::{Model, Shape};
use crate::names;

/// A person's decisions where the model says too little, one per line: filters the scaffold cannot
/// map, the not-found error codes of ID lists whose code EC2 does not derive from the key, lists
/// whose values only narrow the answer (a value no resource holds is not an error), the function
/// of the catalog's `visibility` module that applies an operation's scoping members (`Owner.N`,
/// `IncludeAllInstances`) and the one of its `responses` module that shapes a response by the
/// request (`Attribute`), each with the members it applies, what identifies the resources of an
/// operation without an ID list where the scaffold's choice is not unique, and filter names EC2
/// accepts without documenting them:
///
/// ```text
/// # comment
/// DescribeImages is-public => public
/// DescribeImages owner-alias ! EC2 derives the alias from the owner; an Image holds no alias
/// DescribeImages ids(ImageId) not_found = InvalidAMIID.NotFound
/// DescribeSpotPriceHistory ids(InstanceType) narrows
/// DescribeImages visible = images (Owners, ExecutableUsers, IncludeDeprecated)
/// DescribeImageAttribute respond = image_attribute (Attribute)
/// DescribeByoipCidrs resource_id = Cidr
/// DescribeSpotPriceHistory resource_id ! a price is one zone's, type's and product's at one time
/// DescribeVpcs also isDefault = is-default
/// DescribeAddresses also domain => domain
/// GetEbsEncryptionByDefault settings default = ebs_encryption_by_default
/// DescribeCapacityBlockOfferings unapplied StartDateRange ! offerings are the market's, not an account's
/// ```
///
/// The `also` lines are filter names EC2 accepts beside the documented ones (real clients send
/// them): another name of a documented filter, or a filter of its own over a field. An
/// `unapplied` line says why a request member EC2 applies is not applied here (what its meaning
/// needs that no seed holds): the member stays accepted, listed with the reason.
#[derive(Debug, Default)]
pub struct Finishing {
    entries: Vec<FinishEntry>,
    not_found: Vec<NotFoundEntry>,
    keys: Vec<KeyEntry>,
    hooks: Vec<HookEntry>,
    also: Vec<AlsoEntry>,
    ignoring: Vec<IgnoringEntry>,
    defaults: Vec<DefaultEntry>,
    unapplied: Vec<UnappliedEntry>,
}

/// A request member EC2 applies that the catalog does not, with the reason a person wrote (what
/// its meaning needs that no seed can hold).
#[derive(Debug)]
struct UnappliedEntry {
    line: usize,
    action: String,
    member: String,
    reason: String,
}

/// The function of the catalog's `settings` module giving a `Get*` settings read's answer for a
/// new account, as EC2 documents it: what the model cannot say.
#[derive(Debug)]
struct DefaultEntry {
    line: usize,
    action: String,
    function: String,
}

/// A list member whose values make EC2 ignore an operation's filters (DescribeStoreImageTasks'
/// `ImageIds`), decided by a person from the member's documentation.
#[derive(Debug)]
struct IgnoringEntry {
    line: usize,
    action: String,
    member: String,
}

/// A filter name EC2 accepts beside the documented ones, decided by a person (real clients send
/// it: Terraform's `isDefault` on DescribeVpcs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Also {
    /// Another name of this documented filter.
    NameOf(String),
    /// A filter of its own over this field path.
    Path(Vec<String>),
}

/// An [`Also`] decided for an operation.
#[derive(Debug)]
struct AlsoEntry {
    line: usize,
    action: String,
    filter: String,
    decision: Also,
}

/// The hooks a decision may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookKind {
    /// `validate`: the request's own rules (`fn(&Request) -> Result<(), Ec2Error>`: a list EC2
    /// requires, members that exclude each other), a function of the catalog's `validation` module.
    Validate,
    /// `visible`: which resources a caller sees for a request (`fn(&Request, &Caller, &Resource,
    /// &DescribeContext) -> bool`), a function of the catalog's `visibility` module.
    Visible,
    /// `respond`: what the response holds for a request (`fn(&Request, &Caller, &mut
    /// Response)`), a function of the catalog's `responses` module.
    Respond,
}

impl HookKind {
    /// Every hook, in the order a declaration names them.
    pub const ALL: [HookKind; 3] = [HookKind::Validate, HookKind::Visible, HookKind::Respond];

    /// The word a decision line uses, and the macro key.
    pub fn key(self) -> &'static str {
        match self {
            HookKind::Validate => "validate",
            HookKind::Visible => "visible",
            HookKind::Respond => "respond",
        }
    }

    /// The catalog module holding the functions.
    pub fn module(self) -> &'static str {
        match self {
            HookKind::Validate => "validation",
            HookKind::Visible => "visibility",
            HookKind::Respond => "responses",
        }
    }
}

/// What a person decided about one ID list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdsDecision {
    /// EC2's not-found code for it, where EC2 does not derive it from the key.
    NotFound(String),
    /// Its values only narrow the answer: a value no resource holds selects nothing.
    Narrows,
}

/// A hook decided for an operation.
#[derive(Debug)]
struct HookEntry {
    line: usize,
    action: String,
    kind: HookKind,
    decision: Hook,
}

/// A function of a hook's catalog module and the request members it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// The function's name.
    pub function: String,
    /// The members it applies (model names).
    pub members: Vec<String>,
}

/// `= function (Member, Member)`, after `validate`, `visible` or `respond`.
fn parse_hook(rest: &str) -> Option<Hook> {
    let rest = rest.strip_prefix('=')?.trim();
    let (function, members) = rest.split_once('(')?;
    let function = function.trim();
    let members = members.trim().strip_suffix(')')?;
    // `()`: a rule of EC2's over the operation's other parts (its ID list) and no member of its own.
    let members: Vec<String> = if members.trim().is_empty() {
        Vec::new()
    } else {
        members
            .split(',')
            .map(|member| member.trim().to_owned())
            .collect()
    };
    let function_ok = !function.is_empty()
        && function
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let members_ok = members.iter().all(|member| {
        member.starts_with(|c: char| c.is_ascii_uppercase())
            && member.chars().all(|c| c.is_ascii_alphanumeric())
    });
    (function_ok && members_ok).then(|| Hook {
        function: function.to_owned(),
        members,
    })
}

/// What identifies an operation's resources, decided by a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceKey {
    /// This member of the resource structure (its model name) is unique to a resource.
    Member(String),
    /// No member is: a source keys the resources by their position (a replayed output keeps its
    /// order and every item). Why.
    Position(String),
}

/// A [`ResourceKey`] decided for an operation.
#[derive(Debug)]
struct KeyEntry {
    line: usize,
    action: String,
    key: ResourceKey,
}

/// A decision about an ID list.
#[derive(Debug)]
struct NotFoundEntry {
    line: usize,
    action: String,
    key: String,
    decision: IdsDecision,
}

/// One line of a [`Finishing`].
#[derive(Debug)]
struct FinishEntry {
    line: usize,
    action: String,
    filter: String,
    decision: Mapping,
}

/// `= Member` or `! reason`, after `resource_id`.
fn parse_resource_key(rest: &str) -> Option<ResourceKey> {
    if let Some(member) = rest.strip_prefix('=') {
        let member = member.trim();
        let valid = !member.is_empty() && member.chars().all(|c| c.is_ascii_alphanumeric());
        return valid.then(|| ResourceKey::Member(member.to_owned()));
    }
    let reason = rest.strip_prefix('!')?.trim();
    (!reason.is_empty()).then(|| ResourceKey::Position(reason.to_owned()))
}

impl Finishing {
    /// Reads the decisions.
    ///
    /// # Errors
    /// The line number and what is wrong with it.
    pub fn parse(text: &str) -> Result<Finishing, String> {
        let mut entries: Vec<FinishEntry> = Vec::new();
        let mut not_found: Vec<NotFoundEntry> = Vec::new();
        let mut keys: Vec<KeyEntry> = Vec::new();
        let mut hooks: Vec<HookEntry> = Vec::new();
        let mut also: Vec<AlsoEntry> = Vec::new();
        let mut ignoring: Vec<IgnoringEntry> = Vec::new();
        let mut defaults: Vec<DefaultEntry> = Vec::new();
        let mut unapplied: Vec<UnappliedEntry> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let malformed = || {
                format!(
                    "line {line_number}: expected `Action filter => field.path` or `Action filter ! reason`"
                )
            };
            let (action, rest) = line.split_once(' ').ok_or_else(malformed)?;
            let (filter, rest) = rest.trim_start().split_once(' ').ok_or_else(malformed)?;
            let rest = rest.trim_start();
            if filter == "also" {
                let malformed_also = || {
                    format!(
                        "line {line_number}: expected `Action also name = documented-name` or `Action also name => field.path`"
                    )
                };
                let (name, rest) = rest.split_once(' ').ok_or_else(malformed_also)?;
                let rest = rest.trim_start();
                let decision = if let Some(path) = rest.strip_prefix("=>") {
                    Also::Path(parse_path(path).ok_or_else(malformed_also)?)
                } else if let Some(documented) = rest.strip_prefix('=') {
                    let documented = documented.trim();
                    if documented.is_empty() || documented.contains(char::is_whitespace) {
                        return Err(malformed_also());
                    }
                    Also::NameOf(documented.to_owned())
                } else {
                    return Err(malformed_also());
                };
                if also
                    .iter()
                    .any(|entry: &AlsoEntry| entry.action == action && entry.filter == name)
                {
                    return Err(format!(
                        "line {line_number}: `{action} also {name}` is decided already"
                    ));
                }
                also.push(AlsoEntry {
                    line: line_number,
                    action: action.to_owned(),
                    filter: name.to_owned(),
                    decision,
                });
                continue;
            }
            if filter == "settings" {
                let function = rest
                    .strip_prefix("default")
                    .map(str::trim_start)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(str::trim)
                    .filter(|function| {
                        !function.is_empty()
                            && function
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    })
                    .ok_or_else(|| {
                        format!(
                            "line {line_number}: expected `Action settings default = function` (a function of the catalog's `settings` module giving a new account's settings)"
                        )
                    })?;
                if defaults.iter().any(|entry| entry.action == action) {
                    return Err(format!(
                        "line {line_number}: `{action} settings default` is decided already"
                    ));
                }
                defaults.push(DefaultEntry {
                    line: line_number,
                    action: action.to_owned(),
                    function: function.to_owned(),
                });
                continue;
            }
            if filter == "unapplied" {
                let (member, reason) = rest
                    .split_once('!')
                    .map(|(member, reason)| (member.trim(), reason.trim()))
                    .filter(|(member, reason)| {
                        member.starts_with(|c: char| c.is_ascii_uppercase())
                            && member.chars().all(|c| c.is_ascii_alphanumeric())
                            && !reason.is_empty()
                    })
                    .ok_or_else(|| {
                        format!(
                            "line {line_number}: expected `Action unapplied Member ! reason` (why a member EC2 applies is not applied)"
                        )
                    })?;
                if unapplied
                    .iter()
                    .any(|entry| entry.action == action && entry.member == member)
                {
                    return Err(format!(
                        "line {line_number}: `{action} unapplied {member}` is decided already"
                    ));
                }
                unapplied.push(UnappliedEntry {
                    line: line_number,
                    action: action.to_owned(),
                    member: member.to_owned(),
                    reason: reason.to_owned(),
                });
                continue;
            }
            if filter == "filters" {
                let member = rest
                    .strip_prefix("ignored_with")
                    .map(str::trim_start)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(str::trim)
                    .filter(|member| {
                        member.starts_with(|c: char| c.is_ascii_uppercase())
                            && member.chars().all(|c| c.is_ascii_alphanumeric())
                    })
                    .ok_or_else(|| {
                        format!(
                            "line {line_number}: expected `Action filters ignored_with = Member` (a list member whose values make EC2 ignore the filters)"
                        )
                    })?;
                if ignoring.iter().any(|entry| entry.action == action) {
                    return Err(format!(
                        "line {line_number}: `{action} filters ignored_with` is decided already"
                    ));
                }
                ignoring.push(IgnoringEntry {
                    line: line_number,
                    action: action.to_owned(),
                    member: member.to_owned(),
                });
                continue;
            }
            if filter == "resource_id" {
                let key = parse_resource_key(rest).ok_or_else(|| {
                    format!(
                        "line {line_number}: expected `Action resource_id = Member` or `Action resource_id ! reason`"
                    )
                })?;
                if keys.iter().any(|entry| entry.action == action) {
                    return Err(format!(
                        "line {line_number}: `{action} resource_id` is decided already"
                    ));
                }
                keys.push(KeyEntry {
                    line: line_number,
                    action: action.to_owned(),
                    key,
                });
                continue;
            }
            if let Some(kind) = HookKind::ALL.into_iter().find(|kind| kind.key() == filter) {
                let (key, module) = (kind.key(), kind.module());
                let decision = parse_hook(rest).ok_or_else(|| {
                    format!(
                        "line {line_number}: expected `Action {key} = function (Member, ...)` (a function of the catalog's `{module}` module and the request members it applies)"
                    )
                })?;
                if hooks
                    .iter()
                    .any(|entry| entry.action == action && entry.kind == kind)
                {
                    return Err(format!(
                        "line {line_number}: `{action} {key}` is decided already"
                    ));
                }
                hooks.push(HookEntry {
                    line: line_number,
                    action: action.to_owned(),
                    kind,
                    decision,
                });
                continue;
            }
            if let Some(key) = filter
                .strip_prefix("ids(")
                .and_then(|key| key.strip_suffix(')'))
            {
                let decision = if rest == "narrows" {
                    IdsDecision::Narrows
                } else {
                    let code = rest
                        .strip_prefix("not_found")
                        .map(str::trim_start)
                        .and_then(|rest| rest.strip_prefix('='))
                        .map(str::trim)
                        .filter(|code| !code.is_empty() && !code.contains(char::is_whitespace))
                        .ok_or_else(|| {
                            format!(
                                "line {line_number}: expected `Action ids(Key) not_found = Code` or `Action ids(Key) narrows`"
                            )
                        })?;
                    IdsDecision::NotFound(code.to_owned())
                };
                if not_found
                    .iter()
                    .any(|entry| entry.action == action && entry.key == key)
                {
                    return Err(format!(
                        "line {line_number}: `{action} ids({key})` is decided already"
                    ));
                }
                not_found.push(NotFoundEntry {
                    line: line_number,
                    action: action.to_owned(),
                    key: key.to_owned(),
                    decision,
                });
                continue;
            }
            let decision = if let Some(path) = rest.strip_prefix("=>") {
                Mapping::Path(parse_path(path).ok_or_else(malformed)?)
            } else if let Some(reason) = rest.strip_prefix('!') {
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(format!(
                        "line {line_number}: a filter left unserved needs its reason"
                    ));
                }
                Mapping::NotServable(reason.to_owned())
            } else {
                return Err(malformed());
            };
            if let Some(earlier) = entries
                .iter()
                .find(|entry| entry.action == action && entry.filter == filter)
            {
                return Err(format!(
                    "line {line_number}: `{action} {filter}` is decided already on line {}",
                    earlier.line
                ));
            }
            entries.push(FinishEntry {
                line: line_number,
                action: action.to_owned(),
                filter: filter.to_owned(),
                decision,
            });
        }
        Ok(Finishing {
            entries,
            not_found,
            keys,
            hooks,
            also,
            ignoring,
            defaults,
            unapplied,
        })
    }

    /// Why `action`'s request member `member` is not applied, with the line saying it.
    pub fn unapplied_reason(&self, action: &str, member: &str) -> Option<(usize, &str)> {
        self.unapplied
            .iter()
            .find(|entry| entry.action == action && entry.member == member)
            .map(|entry| (entry.line, entry.reason.as_str()))
    }

    /// The members `action`'s `unapplied` decisions name, each with its line.
    pub fn unapplied_members<'a>(
        &'a self,
        action: &'a str,
    ) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.unapplied
            .iter()
            .filter(move |entry| entry.action == action)
            .map(|entry| (entry.line, entry.member.as_str()))
    }

    /// `unapplied` decisions for operations `planned` does not hold: stale lines.
    pub fn stale_unapplied<'a>(&'a self, planned: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.unapplied
            .iter()
            .filter(move |entry| !planned.contains(&entry.action.as_str()))
            .map(|entry| {
                format!(
                    "line {}: `{} unapplied {}` is not about a generated operation",
                    entry.line, entry.action, entry.member
                )
            })
    }

    /// The `settings` module function giving `action`'s answer for a new account, if decided.
    pub fn settings_default(&self, action: &str) -> Option<&str> {
        self.defaults
            .iter()
            .find(|entry| entry.action == action)
            .map(|entry| entry.function.as_str())
    }

    /// Settings defaults for operations `planned` does not hold: stale lines.
    pub fn stale_defaults<'a>(&'a self, planned: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.defaults
            .iter()
            .filter(move |entry| !planned.contains(&entry.action.as_str()))
            .map(|entry| {
                format!(
                    "line {}: `{} settings default` is not about a generated operation",
                    entry.line, entry.action
                )
            })
    }

    /// The filter names decided for `action` beside the documented ones, each with its line, its
    /// decision and, for a path, the mapping checked against the resource's fields.
    ///
    /// # Errors
    /// A path that does not lead to a value, with the line.
    pub fn also(
        &self,
        model: &Model,
        action: &str,
        resource: &str,
    ) -> Result<Vec<(usize, String, Also)>, String> {
        self.also
            .iter()
            .filter(|entry| entry.action == action)
            .map(|entry| {
                if let Also::Path(path) = &entry.decision {
                    check_path(model, resource, path).map_err(|problem| {
                        format!(
                            "line {}: `{action} also {}`: {problem}",
                            entry.line, entry.filter
                        )
                    })?;
                }
                Ok((entry.line, entry.filter.clone(), entry.decision.clone()))
            })
            .collect()
    }

    /// `also` decisions for operations `planned` does not hold: stale lines.
    pub fn stale_also<'a>(&'a self, planned: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.also
            .iter()
            .filter(move |entry| !planned.contains(&entry.action.as_str()))
            .map(|entry| {
                format!(
                    "line {}: `{} also {}` is not about a generated operation",
                    entry.line, entry.action, entry.filter
                )
            })
    }

    /// What identifies `action`'s resources, where a person decided it.
    pub fn resource_key(&self, action: &str) -> Option<&ResourceKey> {
        self.keys
            .iter()
            .find(|entry| entry.action == action)
            .map(|entry| &entry.key)
    }

    /// Resource-key decisions for operations `planned` does not hold: stale lines.
    pub fn stale_keys<'a>(&'a self, planned: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.keys
            .iter()
            .filter(move |entry| !planned.contains(&entry.action.as_str()))
            .map(|entry| {
                format!(
                    "line {}: `{} resource_id` is not about a generated operation",
                    entry.line, entry.action
                )
            })
    }

    /// What was decided about the ID list `key` of `action`.
    pub fn ids(&self, action: &str, key: &str) -> Option<&IdsDecision> {
        self.not_found
            .iter()
            .find(|entry| entry.action == action && entry.key == key)
            .map(|entry| &entry.decision)
    }

    /// The `kind` hook decided for `action`, with the line deciding it.
    pub fn hook(&self, action: &str, kind: HookKind) -> Option<(usize, &Hook)> {
        self.hooks
            .iter()
            .find(|entry| entry.action == action && entry.kind == kind)
            .map(|entry| (entry.line, &entry.decision))
    }

    /// The list member (model name) whose values make EC2 ignore `action`'s filters, with the
    /// line deciding it.
    pub fn filters_ignored_with(&self, action: &str) -> Option<(usize, &str)> {
        self.ignoring
            .iter()
            .find(|entry| entry.action == action)
            .map(|entry| (entry.line, entry.member.as_str()))
    }

    /// `filters ignored_with` decisions for operations `planned` does not hold: stale lines.
    pub fn stale_ignoring<'a>(&'a self, planned: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.ignoring
            .iter()
            .filter(move |entry| !planned.contains(&entry.action.as_str()))
            .map(|entry| {
                format!(
                    "line {}: `{} filters ignored_with` is not about a generated operation",
                    entry.line, entry.action
                )
            })
    }

    /// Hook decisions for operations `planned` does not hold: stale lines.
    pub fn stale_hooks<'a>(&'a self, planned: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.hooks
            .iter()
            .filter(move |entry| !planned.contains(&entry.action.as_str()))
            .map(|entry| {
                format!(
                    "line {}: `{} {}` is not about a generated operation",
                    entry.line,
                    entry.action,
                    entry.kind.key()
                )
            })
    }

    /// Not-found decisions for ID lists `declared` (`(action, key)`) does not hold: stale lines.
    pub fn stale_ids<'a>(
        &'a self,
        declared: &'a [(String, String)],
    ) -> impl Iterator<Item = String> + 'a {
        self.not_found.iter().filter_map(move |entry| {
            let known = declared
                .iter()
                .any(|(action, key)| *action == entry.action && *key == entry.key);
            (!known).then(|| {
                format!(
                    "line {}: `{} ids({})` is not an ID list of a generated operation",
                    entry.line, entry.action, entry.key
                )
            })
        })
    }

    /// The decision for `filter` of `action`, checked against the resource's fields.
    ///
    /// # Errors
    /// A path that does not lead to a value, with the line.
    pub fn decision(
        &self,
        model: &Model,
        action: &str,
        resource: &str,
        filter: &str,
    ) -> Result<Option<Mapping>, String> {
        let Some(entry) = self
            .entries
            .iter()
            .find(|entry| entry.action == action && entry.filter == filter)
        else {
            return Ok(None);
        };
        if let Mapping::Path(path) = &entry.decision {
            check_path(model, resource, path).map_err(|problem| {
                format!("line {}: `{action} {filter}`: {problem}", entry.line)
            })?;
        }
        Ok(Some(entry.decision.clone()))
    }

    /// Decisions for filters `documented` does not list: stale lines.
    pub fn stale<'a>(
        &'a self,
        documented: &'a [(String, Vec<String>)],
    ) -> impl Iterator<Item = String> + 'a {
        self.entries.iter().filter_map(move |entry| {
            let known = documented.iter().any(|(action, filters)| {
                *action == entry.action && filters.contains(&entry.filter)
            });
            (!known).then(|| {
                format!(
                    "line {}: `{} {}` is not a documented filter of a generated operation",
                    entry.line, entry.action, entry.filter
                )
            })
        })
    }
}

/// A field path written `a.b.c`, if each part is a word.
fn parse_path(text: &str) -> Option<Vec<String>> {
    let path: Vec<String> = text.trim().split('.').map(str::to_owned).collect();
    path.iter()
        .all(|part| !part.is_empty() && !part.contains(char::is_whitespace))
        .then_some(path)
}

/// Checks a hand-written path: fields of structures, through lists, ending at a value.
fn check_path(model: &Model, resource: &str, path: &[String]) -> Result<(), String> {
    let mut shape = resource.to_owned();
    for (index, part) in path.iter().enumerate() {
        let members = model.members(&shape)?;
        let (member, reference) = members
            .iter()
            .find(|(member, _)| names::field_ident(&names::snake(member)) == *part)
            .ok_or_else(|| {
                let fields: Vec<String> = members
                    .iter()
                    .map(|(member, _)| names::field_ident(&names::snake(member)))
                    .collect();
                format!(
                    "`{shape}` has no field `{part}`; its fields: {}",
                    fields.join(", ")
                )
            })?;
        let element = element_shape(model, &reference.shape);
        let last = index + 1 == path.len();
        match model.shape(&element)? {
            Shape::Structure { .. } if element == "Tag" => {
                return Err(format!("`{member}` is a tag list: use the tag filters"));
            }
            Shape::Structure { .. } if last => {
                return Err(format!(
                    "`{member}` is a structure (`{element}`), not a value"
                ));
            }
            Shape::Structure { .. } => shape = element,
            Shape::Blob {} => return Err(format!("`{member}` is binary")),
            _ if last => {}
            _ => return Err(format!("`{member}` is a value: the path cannot go on")),
        }
    }
    Ok(())
}
