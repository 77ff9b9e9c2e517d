//! Checking who sent a request: SigV4 signatures verified as EC2 verifies them, when the endpoint
//! is given [`Credentials`] (`--credentials FILE`, or [`EndpointBuilder::credentials`]). Without
//! them every request is served whatever it carries, as before, and the endpoint says so when it
//! starts.
//!
//! Both of SigV4's forms are read: the `Authorization` header, and the presigned query string
//! (`X-Amz-Signature` and its fellows, as `generate_presigned_url` writes them). A request is
//! refused with EC2's answer, checked in this order:
//!
//! | problem | code | status |
//! |---|---|---|
//! | no signature at all | `MissingAuthenticationToken` | 403 |
//! | a form with a part missing, another algorithm than `AWS4-HMAC-SHA256`, both forms at once, a malformed `X-Amz-Date`, `host` not signed | `IncompleteSignature` | 400 |
//! | the credential scope's date not the `X-Amz-Date`'s, a service other than `ec2`, a terminator other than `aws4_request` | `SignatureDoesNotMatch` | 403 |
//! | an access key ID not configured | `AuthFailure` | 401 |
//! | `X-Amz-Date` more than 15 minutes from the endpoint's clock (either way); a presigned request past `X-Amz-Expires` | `RequestExpired` | 400 |
//! | a session token that is not the key's (or missing, or sent for a key without one) | `AuthFailure` | 401 |
//! | any other difference: wrong secret, a body or query changed after signing, a signed header removed | `SignatureDoesNotMatch` | 403 |
//!
//! EC2 answers an unknown access key with `AuthFailure` ("AWS was not able to validate the
//! provided access credentials", 401), where STS and IAM answer `InvalidClientTokenId`; the
//! endpoint answers as EC2 does.
//!
//! Limits, each a refusal rather than a guess: the legacy `Date` header in place of
//! `X-Amz-Date` is not taken (no SDK of the last decade sends it); SigV2 and SigV4a are
//! `IncompleteSignature`; a path is signed as sent, without removing `.` and `..` segments (EC2's
//! path is always `/`). The scope's region chooses the store that answers ([`crate::accounts`]):
//! one the endpoint does not know is refused there.
//!
//! The [control API](crate::control) is not EC2 and takes no signature: it stays off unless
//! asked for, and then answers loopback peers only unless told otherwise.

mod canonical;
pub(crate) mod presented;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use ec2_ops::Ec2Error;
use hyper::{HeaderMap, Method, Uri};
use serde::Deserialize;

use canonical::{Covered, Scope};
use presented::{Form, Presented, incomplete};

#[cfg(doc)]
use crate::EndpointBuilder;

/// How far a request's `X-Amz-Date` may be from the endpoint's clock, either way: EC2's 15
/// minutes.
pub const CLOCK_WINDOW: Duration = Duration::from_secs(15 * 60);

/// The longest `X-Amz-Expires` a presigned request may ask for: a week, as for every SigV4
/// service.
pub const MAX_EXPIRES: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// One access key the endpoint accepts: its ID and secret, the session token temporary
/// credentials carry, and the account it acts as.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    account_id: Option<String>,
}

impl Credential {
    /// A long-term key: `access_key_id` (`AKIA…`) and its secret.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Credential {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
            account_id: None,
        }
    }

    /// Temporary credentials: every request must carry `token` (`X-Amz-Security-Token`).
    #[must_use]
    pub fn with_session_token(mut self, token: impl Into<String>) -> Self {
        self.session_token = Some(token.into());
        self
    }

    /// The account the key belongs to: requests signed with it act as that account (see
    /// [`crate::accounts`]).
    #[must_use]
    pub fn with_account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }

    /// The access key ID.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The account the key was configured with, if any.
    pub fn account_id(&self) -> Option<&str> {
        self.account_id.as_deref()
    }
}

impl std::fmt::Debug for Credential {
    /// The secret and the session token are never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .field("account_id", &self.account_id)
            .finish()
    }
}

/// The access keys whose signatures the endpoint accepts; requests signed with any other, or not
/// signed, are refused with EC2's error (see the [module docs](self)).
///
/// ```
/// use ec2_ops_endpoint::{Credential, Credentials};
///
/// let credentials = Credentials::new()
///     .with(Credential::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
/// assert_eq!(credentials.len(), 1);
///
/// let file = r#"[{"AccessKeyId": "ASIAEXAMPLE", "SecretAccessKey": "secret", "SessionToken": "token"}]"#;
/// assert_eq!(Credentials::from_json(file, "credentials.json").unwrap().len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    by_key: HashMap<String, Credential>,
}

/// A credentials file that cannot be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsError {
    /// The file (or the name given to [`Credentials::from_json`]).
    pub source: String,
    /// What is wrong with it.
    pub problem: String,
}

impl std::fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.problem)
    }
}

impl std::error::Error for CredentialsError {}

/// One entry of a credentials file: the field names of `aws sts get-session-token`'s
/// `Credentials`, plus the account.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "PascalCase")]
struct FileEntry {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    account_id: Option<String>,
}

impl Credentials {
    /// No keys (add them with [`Credentials::with`]).
    pub fn new() -> Self {
        Credentials::default()
    }

    /// Adds `credential` (replacing one with the same access key ID).
    #[must_use]
    pub fn with(mut self, credential: Credential) -> Self {
        self.by_key
            .insert(credential.access_key_id.clone(), credential);
        self
    }

    /// Reads a credentials file: a JSON list of `{"AccessKeyId", "SecretAccessKey",
    /// "SessionToken"?, "AccountId"?}`.
    ///
    /// # Errors
    /// The file cannot be read, or [`Credentials::from_json`] refuses it.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, CredentialsError> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| CredentialsError {
            source: source.clone(),
            problem: format!("cannot be read: {error}"),
        })?;
        Credentials::from_json(&text, &source)
    }

    /// Reads a credentials file's text; `source` names it in errors.
    ///
    /// # Errors
    /// Not such a list, an unknown field, an empty key or secret, an account that is not 12
    /// digits, a key given twice, or no key at all.
    pub fn from_json(text: &str, source: &str) -> Result<Self, CredentialsError> {
        let refuse = |problem: String| CredentialsError {
            source: source.to_owned(),
            problem,
        };
        let entries: Vec<FileEntry> = serde_json::from_str(text).map_err(|error| {
            refuse(format!(
                "not a JSON list of {{\"AccessKeyId\", \"SecretAccessKey\", \"SessionToken\"?, \
                 \"AccountId\"?}}: {error}"
            ))
        })?;
        if entries.is_empty() {
            return Err(refuse("holds no access key".to_owned()));
        }
        let mut credentials = Credentials::new();
        for (index, entry) in entries.into_iter().enumerate() {
            if entry.access_key_id.is_empty() || entry.secret_access_key.is_empty() {
                return Err(refuse(format!(
                    "$[{index}]: an empty AccessKeyId or SecretAccessKey"
                )));
            }
            if entry.access_key_id.contains('/') {
                return Err(refuse(format!(
                    "$[{index}]: an AccessKeyId cannot hold '/' (it ends a SigV4 credential's key)"
                )));
            }
            if let Some(account) = &entry.account_id
                && !(account.len() == 12 && account.bytes().all(|byte| byte.is_ascii_digit()))
            {
                return Err(refuse(format!(
                    "$[{index}]: AccountId {account:?} is not 12 digits"
                )));
            }
            if credentials.by_key.contains_key(&entry.access_key_id) {
                return Err(refuse(format!(
                    "$[{index}]: access key {} is given twice",
                    entry.access_key_id
                )));
            }
            let mut credential = Credential::new(entry.access_key_id, entry.secret_access_key);
            credential.session_token = entry.session_token;
            credential.account_id = entry.account_id;
            credentials = credentials.with(credential);
        }
        Ok(credentials)
    }

    /// How many access keys are accepted.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether no key is accepted (then every signed request is `AuthFailure`).
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The accepted keys, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Credential> {
        self.by_key.values()
    }

    /// The credential that signed the request (`method`, `uri`, `headers`, `body`) received at
    /// `now`.
    ///
    /// # Errors
    /// EC2's error for the first problem found, in the order of the [module docs](self).
    pub fn verify(
        &self,
        method: &Method,
        uri: &Uri,
        headers: &HeaderMap,
        body: &[u8],
        now: SystemTime,
    ) -> Result<&Credential, Ec2Error> {
        let query = uri.query().unwrap_or_default();
        let presented = presented::presented(headers, query)?.ok_or_else(|| {
            Ec2Error::new(
                "MissingAuthenticationToken",
                "The request must contain either a valid (registered) AWS access key ID or \
                 X.509 certificate.",
                403,
            )
        })?;
        let signed_at = parse_date_time(&presented.date_time)?;
        check_scope(&presented)?;
        let credential = self
            .by_key
            .get(&presented.scope.access_key_id)
            .ok_or_else(auth_failure)?;
        check_time(&presented, signed_at, now)?;
        if credential.session_token != presented.session_token {
            return Err(auth_failure());
        }
        let covered = Covered {
            method: method.as_str(),
            path: uri.path(),
            query,
            headers,
            signed_headers: &presented.signed_headers,
            body,
            unsigned_parameter: (presented.form == Form::Query).then_some("X-Amz-Signature"),
        };
        let scope = Scope {
            date_time: &presented.date_time,
            date: &presented.scope.date,
            region: &presented.scope.region,
            service: &presented.scope.service,
        };
        let expected = canonical::signature(&credential.secret_access_key, &scope, &covered);
        if canonical::same_signature(&expected, &presented.signature) {
            Ok(credential)
        } else {
            Err(signature_does_not_match(
                "The request signature we calculated does not match the signature you provided. \
                 Check your AWS Secret Access Key and signing method. Consult the service \
                 documentation for details.",
            ))
        }
    }
}

/// The credential scope a request's signature names (header or presigned form), unverified:
/// which account an unchecked request acts as, and which region any request is for.
pub(crate) fn presented_scope(
    headers: &HeaderMap,
    query: &str,
) -> Option<presented::CredentialScope> {
    match presented::presented(headers, query) {
        Ok(Some(presented)) => Some(presented.scope),
        Ok(None) | Err(_) => None,
    }
}

/// The scope names the request's own date, EC2 and SigV4's terminator; `host` is signed.
fn check_scope(presented: &Presented) -> Result<(), Ec2Error> {
    let day = &presented.date_time[..8];
    if presented.scope.date != day {
        return Err(signature_does_not_match(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from \
             HTTP: '{}' != '{day}', from '{}'.",
            presented.scope.date, presented.date_time
        )));
    }
    if presented.scope.region.is_empty() {
        return Err(signature_does_not_match(
            "Credential should be scoped to a valid region.",
        ));
    }
    if presented.scope.service != "ec2" {
        return Err(signature_does_not_match(format!(
            "Credential should be scoped to correct service: 'ec2', not '{}'.",
            presented.scope.service
        )));
    }
    if presented.scope.terminator != "aws4_request" {
        return Err(signature_does_not_match(format!(
            "Credential should be scoped with a valid terminator: 'aws4_request', not '{}'.",
            presented.scope.terminator
        )));
    }
    if !presented
        .signed_headers
        .split(';')
        .any(|name| name == "host")
    {
        return Err(incomplete(
            "'Host' must be a 'SignedHeader' in the AWS Authorization.",
        ));
    }
    Ok(())
}

/// The request was signed within [`CLOCK_WINDOW`] of `now`, and a presigned one has not expired.
fn check_time(
    presented: &Presented,
    signed_at: SystemTime,
    now: SystemTime,
) -> Result<(), Ec2Error> {
    let expired = || Ec2Error::new("RequestExpired", "Request has expired.", 400);
    let ahead = signed_at.duration_since(now).unwrap_or_default();
    let behind = now.duration_since(signed_at).unwrap_or_default();
    if ahead > CLOCK_WINDOW {
        return Err(expired());
    }
    match &presented.expires {
        None if behind > CLOCK_WINDOW => Err(expired()),
        None => Ok(()),
        Some(expires) => {
            let seconds = expires
                .parse::<u64>()
                .ok()
                .filter(|seconds| (1..=MAX_EXPIRES.as_secs()).contains(seconds))
                .ok_or_else(|| {
                    incomplete(format!(
                        "X-Amz-Expires must be a whole number of seconds from 1 to {}, not \
                         '{expires}'",
                        MAX_EXPIRES.as_secs()
                    ))
                })?;
            if behind > Duration::from_secs(seconds) {
                Err(expired())
            } else {
                Ok(())
            }
        }
    }
}

/// `yyyyMMddTHHmmssZ`, SigV4's basic ISO 8601 form, as a time.
fn parse_date_time(text: &str) -> Result<SystemTime, Ec2Error> {
    static BASIC: std::sync::LazyLock<Vec<time::format_description::BorrowedFormatItem<'static>>> =
        std::sync::LazyLock::new(|| {
            time::format_description::parse_borrowed::<2>(
                "[year][month][day]T[hour][minute][second]Z",
            )
            .expect("a valid format description")
        });
    let malformed = || {
        incomplete(format!(
            "X-Amz-Date '{text}' is not a date and time of the form yyyyMMddTHHmmssZ"
        ))
    };
    // `time` reads a signed year (`+2015`), which SigV4's form does not have.
    if !text.starts_with(|first: char| first.is_ascii_digit()) {
        return Err(malformed());
    }
    time::PrimitiveDateTime::parse(text, &BASIC)
        .map(|at| at.assume_utc().into())
        .map_err(|_| malformed())
}

fn auth_failure() -> Ec2Error {
    Ec2Error::new(
        "AuthFailure",
        "AWS was not able to validate the provided access credentials",
        401,
    )
}

fn signature_does_not_match(message: impl Into<String>) -> Ec2Error {
    Ec2Error::new("SignatureDoesNotMatch", message, 403)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_amz_date_reads_sigv4s_basic_form() {
        let at = parse_date_time("20150830T123600Z").unwrap();
        assert_eq!(
            at.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs(),
            1_440_938_160
        );
        for bad in [
            "2015-08-30T12:36:00Z",
            "20150830T123600",
            "20151330T123600Z",
            "20150830T250000Z",
            "2015083OT123600Z",
            "+0150830T123600Z",
            "+20150830T123600Z",
        ] {
            assert_eq!(
                parse_date_time(bad).unwrap_err().code(),
                "IncompleteSignature",
                "{bad}"
            );
        }
    }

    #[test]
    fn a_credentials_file_is_checked_whole() {
        let problem = |text: &str| Credentials::from_json(text, "f").unwrap_err().problem;
        assert!(problem("[]").contains("no access key"));
        assert!(problem(r#"[{"AccessKeyId": "A", "SecretAccessKey": ""}]"#).contains("empty"));
        assert!(
            problem(r#"[{"AccessKeyId": "A", "SecretAccessKey": "s", "AccountId": "12"}]"#)
                .contains("12 digits")
        );
        assert!(
            problem(
                r#"[{"AccessKeyId": "A", "SecretAccessKey": "s"}, {"AccessKeyId": "A", "SecretAccessKey": "t"}]"#
            )
            .contains("given twice")
        );
        assert!(
            problem(r#"[{"AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "x"}]"#)
                .contains("unknown field")
        );
    }

    #[test]
    fn a_credential_never_prints_its_secret() {
        let credential = Credential::new("AKID", "very-secret").with_session_token("tok");
        let printed = format!("{credential:?}");
        assert!(!printed.contains("very-secret") && !printed.contains("tok\""));
        assert!(printed.contains("AKID"));
    }
}
