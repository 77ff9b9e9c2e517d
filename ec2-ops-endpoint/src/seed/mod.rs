//! What an endpoint starts with, and returns to on a reset: AWS CLI outputs, each for one
//! operation, read from a folder, a seed file, or given in code.
//!
//! Reading here only finds which operation each output belongs to and checks that it is JSON;
//! each output is read as its operation's response, and its resources checked, when a
//! [`Store`](crate::Store) is built from the seed (nothing is served unless all of it is valid).

mod file;
mod folder;
pub(crate) mod tree;

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use tree::{AccountOf, ScopedSeed};

/// The embedded sample: instances in reservations, volumes, snapshots, key pairs, tasks of five
/// kinds and tags, as the AWS CLI prints them. The binary serves it when given no seed.
pub const SAMPLE: &str = include_str!("../sample.json");

/// Why data could not be loaded or put: where it came from, the JSON path inside it, and the
/// problem. The seed loader, the store's puts and the control API all answer with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedError {
    /// The file, or what else the data came from (`put of DescribeVolumes`), and the operation.
    pub source: String,
    /// The JSON path of the problem (`$.Volumes[3].VolumeId`), `$` for the whole.
    pub path: String,
    /// What is wrong.
    pub problem: String,
}

impl SeedError {
    pub(crate) fn new(
        source: impl Into<String>,
        path: impl Into<String>,
        problem: impl Into<String>,
    ) -> SeedError {
        SeedError {
            source: source.into(),
            path: path.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: at `{}`: {}", self.source, self.path, self.problem)
    }
}

impl std::error::Error for SeedError {}

/// One operation's data: an AWS CLI output (or a JSON array of outputs, for operations answered
/// one resource per call), and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct SeedInput {
    /// The operation whose output this is.
    pub action: &'static str,
    /// Names the data in errors: the file and the operation.
    pub source: String,
    /// The output's JSON text, or where to read it.
    pub output: Output,
}

/// An output's JSON text, or the file holding it: a folder's files are read when the store is
/// built, one at a time per thread, so a large folder is never in memory as text all at once.
#[derive(Debug, Clone)]
pub(crate) enum Output {
    /// The text itself.
    Text(Arc<str>),
    /// A file to read.
    File(PathBuf),
    /// The embedded reference data of this Region (see [`crate::reference`]): the same for every
    /// store, so read once per process.
    Reference(String),
}

impl SeedInput {
    /// The output's text: a file's is read as it is asked for, and kept as read (a seed file can
    /// be hundreds of megabytes: copying it into shared text would cost a second copy's time).
    pub fn text(&self) -> Result<Cow<'_, str>, SeedError> {
        match &self.output {
            Output::Text(text) => Ok(Cow::Borrowed(text)),
            Output::File(path) => std::fs::read_to_string(path)
                .map(Cow::Owned)
                .map_err(|error| {
                    SeedError::new(&self.source, "$", format!("cannot read the file: {error}"))
                }),
            Output::Reference(region) => crate::reference::output(self.action, region)
                .map(Cow::Owned)
                .ok_or_else(|| {
                    SeedError::new(&self.source, "$", "no reference data for this operation")
                }),
        }
    }
}

/// The data an endpoint starts with: for each operation, what the AWS CLI printed for it.
///
/// ```
/// use ec2_ops_endpoint::Seed;
///
/// let seed = Seed::from_json(
///     r#"{"Volumes": [{"VolumeId": "vol-1", "Size": 8}], "Subnets": [{"SubnetId": "subnet-1"}]}"#,
///     "inline",
/// )
/// .unwrap();
/// assert_eq!(seed.actions(), ["DescribeSubnets", "DescribeVolumes"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Seed {
    inputs: Vec<SeedInput>,
}

impl Seed {
    /// No data: every operation answers nothing until something is put.
    pub fn empty() -> Seed {
        Seed::default()
    }

    /// The embedded [`SAMPLE`].
    pub fn sample() -> Seed {
        Seed::from_json(SAMPLE, "the embedded sample")
            .expect("the embedded sample is a valid seed file")
    }

    /// A seed file's JSON: an object of AWS CLI output members, each holding one operation's
    /// list (`{"Reservations": [...], "Volumes": [...], "Subnets": [...]}`, what `aws ec2
    /// describe-instances`, `describe-volumes`, ... print, merged). A member several operations
    /// answer with (`Instances`, `Vpcs`, ...) is refused: those go in a folder, whose file names
    /// say which operation; where one of them is an operation `ec2-ops` declares by hand
    /// (`Snapshots`: DescribeSnapshots beside DescribeLockedSnapshots), it is that one's.
    /// `source` names the JSON in errors.
    ///
    /// # Errors
    /// Not JSON, not an object, or a member that is no operation's (or several's).
    pub fn from_json(text: &str, source: &str) -> Result<Seed, SeedError> {
        file::read(text, source).map(|inputs| Seed { inputs })
    }

    /// Reads a seed file (see [`Seed::from_json`]).
    ///
    /// # Errors
    /// The file cannot be read, or its JSON is refused.
    pub fn from_file(path: &Path) -> Result<Seed, SeedError> {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| {
            SeedError::new(&source, "$", format!("cannot read the file: {error}"))
        })?;
        Seed::from_json(&text, &source)
    }

    /// A seed folder: one file per operation, named after its AWS CLI command
    /// (`describe-subnets.json` holds exactly what `aws ec2 describe-subnets` prints, or a JSON
    /// array of such outputs, for attribute operations answered one resource per call). Every
    /// `*.json` file must name a describe command; other files are ignored. The files are read
    /// when a [`Store`](crate::Store) is built from the seed (and problems in them reported then).
    ///
    /// # Errors
    /// The folder cannot be listed, or a file's name is no command.
    pub fn from_dir(directory: &Path) -> Result<Seed, SeedError> {
        folder::read(directory).map(|inputs| Seed { inputs })
    }

    /// The seeds a folder holds, whatever its layout: a flat folder ([`Seed::from_dir`]) is one
    /// seed of the default account and region; `<account>/<region>/describe-*.json` one per
    /// account and region; CloudMapper's `account-data/<account>/<region>/ec2-describe-*.json`
    /// likewise (see [`crate::accounts`]).
    ///
    /// # Errors
    /// A folder cannot be listed; a file's name is no command; an account's folder holds other
    /// than region folders.
    pub fn tree_from_dir(directory: &Path) -> Result<Vec<ScopedSeed>, SeedError> {
        tree::read(directory)
    }

    /// One operation's data: what the AWS CLI prints for `action` (`DescribeSubnets` or
    /// `describe-subnets`), or a JSON array of such outputs (read when a store is built).
    ///
    /// # Errors
    /// `action` is no describe operation.
    pub fn from_output(action: &str, output: &str) -> Result<Seed, SeedError> {
        let action = crate::operations::action_named(action).ok_or_else(|| {
            SeedError::new("the seed", "$", crate::operations::unknown_action(action))
        })?;
        Ok(Seed {
            inputs: vec![SeedInput {
                action,
                source: format!("the {action} output"),
                output: Output::Text(Arc::from(output)),
            }],
        })
    }

    /// This seed and `other` together; no operation may be given by both.
    ///
    /// # Errors
    /// An operation's data is in both.
    pub fn merge(mut self, other: Seed) -> Result<Seed, SeedError> {
        for input in other.inputs {
            if let Some(mine) = self.inputs.iter().find(|mine| mine.action == input.action) {
                return Err(SeedError::new(
                    &input.source,
                    "$",
                    format!(
                        "{}'s resources are given twice: here and in {}",
                        input.action, mine.source
                    ),
                ));
            }
            self.inputs.push(input);
        }
        Ok(self)
    }

    /// This seed, with the reference data every account has (see [`crate::reference`]) for each
    /// of DescribeRegions, DescribeAvailabilityZones, DescribeInstanceTypes and
    /// DescribeInstanceTypeOfferings it holds no output of: the Regions, and `region`'s zones,
    /// instance types and offerings.
    ///
    /// ```
    /// use ec2_ops_endpoint::Seed;
    ///
    /// let seed = Seed::from_output("describe-regions", r#"{"Regions": []}"#).unwrap();
    /// let seed = seed.with_reference_data("eu-west-1");
    /// assert_eq!(seed.actions().len(), 4);
    /// ```
    #[must_use]
    pub fn with_reference_data(mut self, region: &str) -> Seed {
        for action in crate::reference::actions(region) {
            if self.inputs.iter().all(|input| input.action != action) {
                self.inputs.push(SeedInput {
                    action,
                    source: format!(
                        "the embedded reference data of {region} ({})",
                        ec2_ops_catalog::cli_name(action)
                    ),
                    output: Output::Reference(region.to_owned()),
                });
            }
        }
        self
    }

    /// The operations this seed has data for, in order.
    pub fn actions(&self) -> Vec<&'static str> {
        let mut actions: Vec<&'static str> = self.inputs.iter().map(|input| input.action).collect();
        actions.sort_unstable();
        actions
    }

    pub(crate) fn inputs(&self) -> &[SeedInput] {
        &self.inputs
    }
}
