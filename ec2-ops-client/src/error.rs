//! What a call can fail with, in terms a caller can act on.

use std::fmt;
use std::time::Duration;

use ec2_ops_runtime::Ec2Error;

use crate::credentials::CredentialsError;

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// EC2 answered with an error: its code, message and HTTP status, and the request ID to quote
    /// to AWS support.
    Service {
        /// The code, message and status.
        error: Ec2Error,
        /// `<RequestID>` of the error document.
        request_id: Option<String>,
    },
    /// EC2 refused the request's time: this machine's clock is `skew` away from the server's
    /// (`ahead` tells which way). Fix the clock; retrying does not help.
    ClockSkew {
        /// How far the clocks are apart.
        skew: Duration,
        /// Whether this machine's clock is ahead of the server's.
        ahead: bool,
        /// The error EC2 answered with.
        error: Ec2Error,
        /// Its request ID.
        request_id: Option<String>,
    },
    /// No credentials, or unreadable ones.
    Credentials(CredentialsError),
    /// EC2 refused the credentials (expired, revoked or unknown): where they came from, to renew
    /// them there. They are read once, when the client is built.
    CredentialsRejected {
        /// Where the credentials were found.
        source: String,
        /// The error EC2 answered with.
        error: Ec2Error,
        /// Its request ID.
        request_id: Option<String>,
    },
    /// The request could not be sent or its answer read (connection refused, reset, TLS).
    Transport(String),
    /// No answer within the timeout.
    Timeout(Duration),
    /// A 200 whose body is not the operation's response, or an error status whose body is not
    /// EC2's error document.
    Response {
        /// The HTTP status.
        status: u16,
        /// What is wrong with the body.
        problem: String,
    },
    /// The client was configured with something unusable (a malformed endpoint URL, a missing
    /// region).
    Config(String),
}

impl ClientError {
    /// EC2's error code, when EC2 answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Service { error, .. }
            | ClientError::ClockSkew { error, .. }
            | ClientError::CredentialsRejected { error, .. } => Some(error.code()),
            _ => None,
        }
    }

    /// The request ID of EC2's answer, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ClientError::Service { request_id, .. }
            | ClientError::ClockSkew { request_id, .. }
            | ClientError::CredentialsRejected { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether another attempt may succeed: throttling, EC2's transient failures, lost
    /// connections and timeouts.
    pub fn is_retryable(&self) -> bool {
        match self {
            ClientError::Service { error, .. } => {
                RETRYABLE_CODES.contains(&error.code())
                    || matches!(error.status(), 500 | 502 | 503 | 504)
            }
            ClientError::Transport(_) | ClientError::Timeout(_) => true,
            // A proxy's or load balancer's own error page in front of EC2.
            ClientError::Response { status, .. } => matches!(status, 429 | 500 | 502 | 503 | 504),
            _ => false,
        }
    }
}

/// Codes of throttling and transient failures, after botocore's standard retry mode, and EC2's
/// `InternalError`. EC2's 5xx answers (`Unavailable` is 503) are retried by their status too.
const RETRYABLE_CODES: [&str; 16] = [
    "RequestLimitExceeded",
    "EC2ThrottledException",
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottled",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "SlowDown",
    "BandwidthLimitExceeded",
    "PriorRequestNotComplete",
    "RequestTimeout",
    "RequestTimeoutException",
    "InternalError",
];

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let request_id = |f: &mut fmt::Formatter<'_>, id: &Option<String>| match id {
            Some(id) => write!(f, " (request ID {id})"),
            None => Ok(()),
        };
        match self {
            ClientError::Service {
                error,
                request_id: id,
            } => {
                write!(
                    f,
                    "EC2 answered {} {}: {}",
                    error.status(),
                    error.code(),
                    error.message()
                )?;
                request_id(f, id)
            }
            ClientError::ClockSkew {
                skew,
                ahead,
                error,
                request_id: id,
            } => {
                write!(
                    f,
                    "this machine's clock is {} s {} EC2's, which refused the request as {}: {}",
                    skew.as_secs(),
                    if *ahead { "ahead of" } else { "behind" },
                    error.code(),
                    error.message()
                )?;
                request_id(f, id)
            }
            ClientError::Credentials(error) => write!(f, "{error}"),
            ClientError::CredentialsRejected {
                source,
                error,
                request_id: id,
            } => {
                write!(
                    f,
                    "EC2 refused the credentials from {source} ({}: {}); they may have expired: renew them there and build the client again",
                    error.code(),
                    error.message()
                )?;
                request_id(f, id)
            }
            ClientError::Transport(problem) => write!(f, "the request failed: {problem}"),
            ClientError::Timeout(after) => {
                write!(f, "no answer within {} s", after.as_secs_f64())
            }
            ClientError::Response { status, problem } => {
                write!(
                    f,
                    "EC2 answered {status} with a body that is not EC2's: {problem}"
                )
            }
            ClientError::Config(problem) => write!(f, "the client is misconfigured: {problem}"),
        }
    }
}

/// Each message already carries its cause's code and text, so no `source` repeats them.
impl std::error::Error for ClientError {}

impl From<CredentialsError> for ClientError {
    fn from(error: CredentialsError) -> ClientError {
        ClientError::Credentials(error)
    }
}
