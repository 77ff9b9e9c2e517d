//! A request's filter as it travels: a name and its values.

use serde::{Deserialize, Serialize};

/// One filter of a request (`Filter.N.Name`, `Filter.N.Value.M` on the wire; `{"Name", "Values"}` in
/// the AWS CLI's JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Filter {
    /// The filter name, e.g. `state` or `tag:Owner`.
    pub name: String,
    /// The values, any of which may match.
    #[serde(default)]
    pub values: Vec<String>,
}

impl Filter {
    /// A filter named `name` with `values`.
    pub fn new<V: Into<String>>(
        name: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Filter {
        Filter {
            name: name.into(),
            values: values.into_iter().map(Into::into).collect(),
        }
    }
}
