//! One HTTP request to one answer: a request under the control API's path to the control API
//! (when it is on, and the peer may use it); any other to EC2: the parameters from the query
//! string (GET) or the form body (POST, read within its size and time limits), answered by the
//! store as EC2's XML with EC2's status, once its signature is verified when credentials are
//! configured.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use ec2_ops::wire::xml::render_error;
use ec2_ops::{Ec2Error, new_request_id};
use http_body_util::{BodyExt, Full};
use hyper::body::{Body as _, Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use crate::accounts::Accounts;
use crate::control::{self, ControlApi};
use crate::signature::Credentials;

/// What every request is answered from.
pub(crate) struct State {
    pub accounts: Arc<Accounts>,
    pub control: ControlApi,
    /// The keys whose signatures are accepted; `None` serves every request unchecked.
    pub credentials: Option<Credentials>,
}

/// The response body type: the whole XML document at once.
pub type Body = Full<Bytes>;

/// What a request may send, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimits {
    /// Largest body answered; larger ones get 413 `RequestEntityTooLarge`.
    pub max_bytes: usize,
    /// Most bytes of an oversized body read and thrown away before the 413 is sent. Most clients send
    /// their whole body before reading the answer (none of boto3, the AWS CLI or urllib waits for
    /// `100 Continue`), so closing the connection with the body unread would give them a broken pipe
    /// instead of the 413; beyond this much, the connection is closed anyway.
    pub discard_bytes: usize,
    /// Longest a body may take to arrive, however steadily it trickles in; after it, 408
    /// `RequestTimeout` and the connection is closed.
    pub timeout: Duration,
}

impl Default for BodyLimits {
    /// EC2's own: 1 MiB answered, up to 16 MiB read and thrown away, 30 seconds.
    fn default() -> Self {
        BodyLimits {
            max_bytes: ec2_ops::wire::query::QueryLimits::default().max_bytes,
            discard_bytes: 16 << 20,
            timeout: Duration::from_secs(30),
        }
    }
}

/// Answers one request. Never fails: every problem is an error response.
pub(crate) async fn handle(
    state: Arc<State>,
    limits: BodyLimits,
    peer: SocketAddr,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let started = Instant::now();
    if state.control != ControlApi::Off && control::is_control_path(request.uri().path()) {
        return Ok(control::handle(
            &state.accounts.default_store(),
            state.control,
            limits.timeout,
            peer,
            request,
        )
        .await);
    }
    let (parts, body) = request.into_parts();
    let params: Result<Vec<u8>, Ec2Error> = match parts.method {
        Method::GET => Ok(parts.uri.query().unwrap_or_default().as_bytes().to_vec()),
        Method::POST => {
            // hyper knows a `Content-Length` body's exact size (and refuses a malformed header).
            let declared = body
                .size_hint()
                .exact()
                .map(|length| usize::try_from(length).unwrap_or(usize::MAX));
            match tokio::time::timeout(limits.timeout, read_body(body, declared, limits)).await {
                Ok(body) => body,
                Err(_elapsed) => Err(Ec2Error::new(
                    "RequestTimeout",
                    format!(
                        "The request body did not arrive within {} seconds",
                        limits.timeout.as_secs_f64()
                    ),
                    408,
                )),
            }
        }
        _ => Err(Ec2Error::new(
            "UnsupportedHttpVerb",
            "EC2 requests are GET or POST",
            405,
        )),
    };
    let query = parts.uri.query().unwrap_or_default();
    let answer = params.and_then(|params| {
        // The signature's scope is read once: the account of an unchecked request, and the region.
        let scope = crate::signature::presented_scope(&parts.headers, query);
        let access_key = match &state.credentials {
            None => scope.as_ref().map(|scope| scope.access_key_id.clone()),
            Some(credentials) => {
                // A GET's parameters are its query string, which the signature covers as such;
                // its body is empty.
                let body: &[u8] = if parts.method == Method::POST {
                    &params
                } else {
                    &[]
                };
                let credential = credentials.verify(
                    &parts.method,
                    &parts.uri,
                    &parts.headers,
                    body,
                    SystemTime::now(),
                )?;
                Some(credential.access_key_id().to_owned())
            }
        };
        let account = state.accounts.account_for(access_key.as_deref());
        let region = scope
            .map(|scope| scope.region)
            .or_else(|| crate::region::of_host(&parts.headers))
            .unwrap_or_else(|| state.accounts.default_scope().region.clone());
        let store = state.accounts.store(account, &region)?;
        Ok(store.handle(&params))
    });
    let (response, action, items, error_code) = match answer {
        Ok(answer) => (
            xml_response(answer.status, answer.body),
            answer.action,
            answer.items,
            answer.error_code,
        ),
        Err(error) => (
            error_response(&error),
            None,
            0,
            Some(error.code().to_owned()),
        ),
    };
    tracing::info!(
        %peer,
        action = action.as_deref().unwrap_or("-"),
        status = response.status().as_u16(),
        error = error_code.as_deref().unwrap_or("-"),
        items,
        // Reading the body and answering; writing the response to the client comes after.
        handled_us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    Ok(response)
}

/// An XML response with EC2's content type.
pub(crate) fn xml_response(status: u16, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/xml;charset=UTF-8"),
    );
    response
}

/// `error` as EC2's error document, with a fresh request ID.
pub(crate) fn error_response(error: &Ec2Error) -> Response<Body> {
    xml_response(error.status(), render_error(error, &new_request_id()))
}

fn too_large(limit: usize) -> Ec2Error {
    Ec2Error::new(
        "RequestEntityTooLarge",
        format!("The request body is larger than {limit} bytes"),
        413,
    )
}

/// The body, when it is at most `limits.max_bytes`; an oversized one (declared, or found while
/// reading a chunked one) is read on to `limits.discard_bytes` without being kept, and refused.
pub(crate) async fn read_body(
    mut body: Incoming,
    declared: Option<usize>,
    limits: BodyLimits,
) -> Result<Vec<u8>, Ec2Error> {
    let limit = limits.max_bytes;
    if declared.is_some_and(|length| length > limits.discard_bytes) {
        return Err(too_large(limit));
    }
    let declared_too_large = declared.is_some_and(|length| length > limit);
    let mut kept = Vec::with_capacity(declared.unwrap_or(0).min(limit));
    let mut read = 0_usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|error| {
            Ec2Error::new(
                "IncompleteBody",
                format!("The request body could not be read: {error}"),
                400,
            )
        })?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        read = read.saturating_add(data.len());
        if read > limits.discard_bytes {
            break;
        }
        if read <= limit && !declared_too_large {
            kept.extend_from_slice(&data);
        }
    }
    if declared_too_large || read > limit {
        Err(too_large(limit))
    } else {
        Ok(kept)
    }
}
