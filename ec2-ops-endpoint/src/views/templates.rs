//! DescribeLaunchTemplates' view of the store: a launch template is the head of its versions, so a
//! capture of DescribeLaunchTemplateVersions answers both operations (Terraform reads a template
//! through both). The templates are kept in an index DescribeLaunchTemplateVersions' slot updates
//! as versions are put and removed.
//!
//! A derived template holds what its versions say: its ID, name and operator; its default version
//! (the one marked `DefaultVersion`); its latest version (the highest number held); and its
//! creation time and creator, which are version 1's (EC2 creates a template with it), absent when
//! version 1 is not held (deleted, or not captured). Its tags are not in the versions' data
//! (absent; DescribeTags' own data may hold them). A template seeded in DescribeLaunchTemplates'
//! own data (what the account said) wins, member by member, as the attribute views do.
//!
//! The reverse, versions from templates, cannot be derived: a template does not hold its launch
//! data.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use ec2_ops::DateTime;
use ec2_ops_catalog::shapes::{LaunchTemplate, LaunchTemplateVersion, OperatorResponse};

use crate::store::held::Held;
use crate::store::slot::Observer;

/// What a template takes from one of its versions.
#[derive(Clone)]
struct VersionFacts {
    name: Option<String>,
    create_time: Option<DateTime>,
    created_by: Option<String>,
    default: bool,
    operator: Option<OperatorResponse>,
}

/// The templates derived from the served versions, by template ID, and the versions' facts they
/// are derived from.
pub(crate) struct TemplateIndex {
    /// Each template's versions, by version number.
    versions: Mutex<BTreeMap<String, BTreeMap<i64, VersionFacts>>>,
    /// The derived templates.
    pub templates: Arc<Held<LaunchTemplate>>,
}

/// The template ID of a launch template.
pub(crate) fn template_id(template: &Arc<LaunchTemplate>) -> &str {
    template.launch_template_id.as_deref().unwrap_or_default()
}

impl TemplateIndex {
    /// An empty index.
    pub(crate) fn new() -> TemplateIndex {
        TemplateIndex {
            versions: Mutex::new(BTreeMap::new()),
            templates: Arc::new(Held::new(template_id)),
        }
    }

    /// Forgets every version and template.
    pub(crate) fn clear(&self) {
        self.lock().clear();
        self.templates.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, BTreeMap<i64, VersionFacts>>> {
        // Every change below leaves the map whole before anything can panic.
        self.versions
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes `version` out of its template (`gone`) or into it, and derives the template again.
    fn change(&self, version: &LaunchTemplateVersion, gone: bool) {
        let (Some(id), Some(number)) = (
            version.launch_template_id.as_deref(),
            version.version_number,
        ) else {
            return;
        };
        let mut all = self.lock();
        let held = all.entry(id.to_owned()).or_default();
        if gone {
            held.remove(&number);
        } else {
            held.insert(
                number,
                VersionFacts {
                    name: version.launch_template_name.clone(),
                    create_time: version.create_time,
                    created_by: version.created_by.clone(),
                    default: version.default_version == Some(true),
                    operator: version.operator.clone(),
                },
            );
        }
        match template_of(id, held) {
            Some(template) => {
                self.templates.insert(Arc::new(template));
            }
            None => {
                all.remove(id);
                self.templates.remove(id);
            }
        }
    }
}

/// The template `id` whose versions are `versions`, if any is held.
fn template_of(id: &str, versions: &BTreeMap<i64, VersionFacts>) -> Option<LaunchTemplate> {
    let (latest, newest) = versions.last_key_value()?;
    let first = versions.get(&1);
    Some(LaunchTemplate {
        launch_template_id: Some(id.to_owned()),
        launch_template_name: newest.name.clone(),
        create_time: first.and_then(|first| first.create_time),
        created_by: first.and_then(|first| first.created_by.clone()),
        default_version_number: versions
            .iter()
            .find(|(_, facts)| facts.default)
            .map(|(number, _)| *number),
        latest_version_number: Some(*latest),
        tags: None,
        operator: newest.operator.clone(),
    })
}

/// Keeps `index` up to date with the served versions (DescribeLaunchTemplateVersions' units).
pub(crate) fn template_observer(index: Arc<TemplateIndex>) -> Observer<LaunchTemplateVersion> {
    Box::new(move |gone, came| {
        if let Some(version) = gone {
            index.change(version, true);
        }
        if let Some(version) = came {
            index.change(version, false);
        }
    })
}
