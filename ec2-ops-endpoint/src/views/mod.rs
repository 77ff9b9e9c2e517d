//! What one operation shows of another's resources, derived from them when asked rather than
//! stored twice, so a change to a resource shows everywhere at once:
//!
//! - [`tags`]: DescribeTags lists the tags of every tagged resource served here; its own data adds
//!   tags of resources not served here;
//! - [`volumes`]: a volume's attachments to instances served here are those instances' block
//!   device mappings.

pub(crate) mod tags;
pub(crate) mod volumes;

use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::ResourceSource;

/// A shared source of `R` behind a trait object, so a view can be registered for an operation
/// whose resource type the registering code knows only generically.
pub(crate) struct Shared<R>(pub Arc<dyn ResourceSource<R> + Send + Sync>);

impl<R> ResourceSource<R> for Shared<R> {
    fn get(&self, id: &str) -> Option<R> {
        self.0.get(id)
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &R) -> ControlFlow<()>) {
        self.0.scan_after(after, visit);
    }
}
