//! EC2's error answer: a code, a message and an HTTP status.
//!
//! Every failure a describe call can produce is an [`Ec2Error`], built by one constructor per case so
//! the wording is written once and matches what real EC2 sends (see the crate docs for sources).
//!
//! ```
//! use ec2_ops_runtime::Ec2Error;
//!
//! let err = Ec2Error::invalid_filter("public-ip");
//! assert_eq!(err.code(), "InvalidParameterValue");
//! assert_eq!(err.message(), "The filter 'public-ip' is invalid");
//! assert_eq!(err.status(), 400);
//! ```

use std::borrow::Cow;
use std::fmt;

/// An error as EC2 reports it: `<Code>`, `<Message>` and the HTTP status of the response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ec2Error {
    code: Cow<'static, str>,
    message: String,
    status: u16,
}

/// How many characters of a client-supplied value an error message echoes back; longer values are cut
/// so that a hostile request cannot make the error body arbitrarily large.
const ECHO_LIMIT: usize = 256;

fn echo(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(ECHO_LIMIT) {
        Some((cut, _)) => Cow::Owned(format!("{}...", &value[..cut])),
        None => Cow::Borrowed(value),
    }
}

impl Ec2Error {
    /// An error with any code, message and status; prefer the named constructors, which carry EC2's
    /// wording.
    pub fn new(
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        status: u16,
    ) -> Self {
        Ec2Error {
            code: code.into(),
            message: message.into(),
            status,
        }
    }

    /// The error code, e.g. `InvalidParameterValue` (never with a `Client.` prefix, as on the wire).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status EC2 answers with: 400 for client mistakes, 403, 412, 5xx for server trouble.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// 400 `InvalidParameterValue` with a free-form message.
    pub fn invalid_parameter_value(message: impl Into<String>) -> Self {
        Self::new("InvalidParameterValue", message, 400)
    }

    /// 400 `InvalidParameterValue` "Value (VALUE) for parameter attribute is invalid. Unknown
    /// attribute.": a value outside the closed set a member takes (`Attribute` of
    /// DescribeInstanceAttribute; EC2's wording names the parameter in lower camel case).
    pub fn unknown_value(parameter: &str, value: &str) -> Self {
        let mut name = parameter.to_owned();
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        Self::invalid_parameter_value(format!(
            "Value ({}) for parameter {name} is invalid. Unknown {name}.",
            echo(value)
        ))
    }

    /// 400 `InvalidParameterValue` "The filter 'NAME' is invalid": a filter name the operation does not
    /// declare (observed wording of DescribeInstances).
    pub fn invalid_filter(name: &str) -> Self {
        Self::invalid_parameter_value(format!("The filter '{}' is invalid", echo(name)))
    }

    /// 400 `InvalidParameterValue` "Invalid filter value: The escape sequence '\d' is invalid".
    pub fn invalid_escape(sequence: &str) -> Self {
        Self::invalid_parameter_value(format!(
            "Invalid filter value: The escape sequence '{}' is invalid",
            echo(sequence)
        ))
    }

    /// 400 `FilterLimitExceeded`: more filter values in one call than EC2 allows.
    pub fn filter_limit_exceeded(limit: usize) -> Self {
        Self::new(
            "FilterLimitExceeded",
            format!("The maximum number of filter values specified on a single call is {limit}"),
            400,
        )
    }

    /// 400 `InvalidParameterValue`: a filter value longer than EC2 allows.
    pub fn filter_value_too_long(limit: usize) -> Self {
        Self::invalid_parameter_value(format!(
            "The maximum length for a filter value is {limit} characters"
        ))
    }

    /// 400 `InvalidParameterValue`: more IDs in one call than EC2 allows.
    pub fn too_many_ids(parameter: &str, limit: usize) -> Self {
        Self::invalid_parameter_value(format!(
            "The maximum number of {parameter} values specified on a single call is {limit}"
        ))
    }

    /// 400 `<code>` "The bundle ID 'bun-x' does not exist", or for several IDs
    /// "The bundle IDs 'bun-x, bun-y' do not exist" (the form EC2 uses for instances). `subject` is
    /// what EC2 calls the value: "bundle ID", "volume", "key pair".
    pub fn ids_not_found(code: &'static str, subject: &str, ids: &[&str]) -> Self {
        let message = match ids {
            [one] => format!("The {subject} '{}' does not exist", echo(one)),
            many => {
                let joined = many
                    .iter()
                    .map(|id| echo(id))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("The {subject}s '{joined}' do not exist")
            }
        };
        Self::new(code, message, 400)
    }

    /// 400 `<code>` `Invalid id: "x" (expecting "bun-...")`: an ID without the declared prefix.
    pub fn id_malformed(code: &'static str, id: &str, prefix: &str) -> Self {
        Self::new(
            code,
            format!("Invalid id: \"{}\" (expecting \"{prefix}...\")", echo(id)),
            400,
        )
    }

    /// 400 `InvalidParameterValue` for a `MaxResults` below the operation's minimum, worded as EC2
    /// words it: "Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5."
    pub fn max_results_too_small(value: i64, min: u32) -> Self {
        Self::invalid_parameter_value(format!(
            "Value ( {value} ) for parameter maxResults is invalid. Expecting a value greater than {min}."
        ))
    }

    /// 400 `InvalidParameterValue` for a `MaxResults` above the operation's maximum.
    pub fn max_results_too_large(value: i64, max: u32) -> Self {
        Self::invalid_parameter_value(format!(
            "Value ( {value} ) for parameter maxResults is invalid. Expecting a value less than {max}."
        ))
    }

    /// 400 `InvalidParameterCombination` "The parameter X cannot be used with the parameter Y".
    pub fn parameter_combination(first: &str, second: &str) -> Self {
        Self::new(
            "InvalidParameterCombination",
            format!("The parameter {first} cannot be used with the parameter {second}"),
            400,
        )
    }

    /// 400 `InvalidParameterValue` "Value ( TOKEN ) for parameter NextToken is invalid. The token is
    /// invalid." for a forged, altered, empty or mismatched pagination token.
    pub fn invalid_next_token(token: &str) -> Self {
        Self::invalid_parameter_value(format!(
            "Value ( {} ) for parameter NextToken is invalid. The token is invalid.",
            echo(token)
        ))
    }

    /// 412 `DryRunOperation`: the request was allowed but `DryRun` was set.
    pub fn dry_run_operation() -> Self {
        Self::new(
            "DryRunOperation",
            "Request would have succeeded, but DryRun flag is set.",
            412,
        )
    }

    /// 403 `UnauthorizedOperation`: the authorizer refused the call.
    pub fn unauthorized_operation() -> Self {
        Self::new(
            "UnauthorizedOperation",
            "You are not authorized to perform this operation.",
            403,
        )
    }

    /// 400 `UnknownParameter` "The parameter X is not recognized".
    pub fn unknown_parameter(name: &str) -> Self {
        Self::new(
            "UnknownParameter",
            format!("The parameter {} is not recognized", echo(name)),
            400,
        )
    }

    /// 400 `InvalidAction`: an `Action` no declared operation serves.
    pub fn invalid_action(action: &str) -> Self {
        Self::new(
            "InvalidAction",
            format!(
                "The action {} is not valid for this web service.",
                echo(action)
            ),
            400,
        )
    }

    /// 400 `MissingAction`: the request has no `Action` parameter.
    pub fn missing_action() -> Self {
        Self::new(
            "MissingAction",
            "The request must contain the parameter Action",
            400,
        )
    }

    /// 400 `MissingParameter`: a required parameter (e.g. `Version`) is absent.
    pub fn missing_parameter(name: &str) -> Self {
        Self::new(
            "MissingParameter",
            format!("The request must contain the parameter {name}"),
            400,
        )
    }

    /// 400 `InvalidParameterValue` "Value (X) for parameter P is invalid. ...": a value of the wrong
    /// type or format.
    pub fn invalid_value(parameter: &str, value: &str, reason: &str) -> Self {
        Self::invalid_parameter_value(format!(
            "Value ({}) for parameter {} is invalid. {reason}",
            echo(value),
            echo(parameter)
        ))
    }

    /// 500 `InternalError`: something failed on the server's side.
    pub fn internal_error() -> Self {
        Self::new("InternalError", "An internal error has occurred", 500)
    }
}

impl fmt::Display for Ec2Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.code, self.status, self.message)
    }
}

impl std::error::Error for Ec2Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_values_are_cut_so_errors_stay_small() {
        let huge = "x".repeat(10_000);
        let err = Ec2Error::invalid_filter(&huge);
        assert!(err.message().len() < 400, "{}", err.message().len());
    }

    #[test]
    fn several_unknown_ids_are_listed_in_one_plural_message() {
        let err =
            Ec2Error::ids_not_found("InvalidBundleID.NotFound", "bundle ID", &["bun-1", "bun-2"]);
        assert_eq!(err.message(), "The bundle IDs 'bun-1, bun-2' do not exist");
        assert_eq!(err.status(), 400);
    }

    #[test]
    fn display_names_code_status_and_message() {
        assert_eq!(
            Ec2Error::dry_run_operation().to_string(),
            "DryRunOperation (412): Request would have succeeded, but DryRun flag is set."
        );
    }
}
