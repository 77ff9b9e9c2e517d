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
            ClientError::Service { error, .. } | ClientError::ClockSkew { error, .. } => {
                Some(error.code())
            }
            _ => None,
        }
    }

    /// The request ID of EC2's answer, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ClientError::Service { request_id, .. } | ClientError::ClockSkew { request_id, .. } => {
                request_id.as_deref()
            }
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
            _ => false,
        }
    }
}

/// EC2's codes for throttling and transient failures (botocore's retry configuration names the
/// same ones).
const RETRYABLE_CODES: [&str; 9] = [
    "RequestLimitExceeded",
    "Throttling",
    "ThrottlingException",
    "RequestThrottled",
    "RequestThrottledException",
    "TooManyRequestsException",
    "InternalError",
    "InternalFailure",
    "Unavailable",
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

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Service { error, .. } | ClientError::ClockSkew { error, .. } => {
                Some(error)
            }
            ClientError::Credentials(error) => Some(error),
            _ => None,
        }
    }
}

impl From<CredentialsError> for ClientError {
    fn from(error: CredentialsError) -> ClientError {
        ClientError::Credentials(error)
    }
}
