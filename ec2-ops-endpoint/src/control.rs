//! The control API: a test's way to change a running endpoint's state over HTTP, under the
//! reserved path `/_ec2-ops/`. Off unless asked for; when on, it answers loopback peers only,
//! unless asked to answer any. No EC2 request reaches it: EC2 requests name an `Action`, the
//! control API is chosen by path alone, and with the API off its paths are answered as EC2's.
//!
//! | request | does | answers |
//! |---|---|---|
//! | `POST /_ec2-ops/reset` | puts the store back as seeded | `{"reset": true}` |
//! | `PUT /_ec2-ops/resources/ACTION` (or `POST`), an AWS CLI output as the body | adds its resources, replacing those with the same ID, exactly as a seed folder file loads | `{"action": "DescribeVolumes", "put": 3}` |
//! | `DELETE /_ec2-ops/resources/ACTION/ID` | removes the resource | `{"action": ..., "removed": "vol-1"}`, or 404 |
//! | `GET /_ec2-ops/state` | the store as a seed folder | `{"describe-volumes.json": {"Volumes": [...]}, ...}` |
//!
//! `ACTION` is spelled as EC2 (`DescribeVolumes`) or the AWS CLI (`describe-volumes`) spells it.
//! A refused request answers `{"error": "..."}` with 400 (a bad put: the seed loader's message, the
//! store unchanged), 403 (a peer not admitted), 404 (no such resource or path) or 405; bodies are
//! read up to [`MAX_BODY_BYTES`].

use std::net::SocketAddr;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Body as _, Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{Value, json};

use crate::http::{Body, BodyLimits, read_body};
use crate::store::Store;

/// The path every control request is under.
pub const CONTROL_PATH: &str = "/_ec2-ops/";

/// The largest control request body read: a put of a large AWS CLI output.
pub const MAX_BODY_BYTES: usize = 64 << 20;

/// Whether the control API answers, and whom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ControlApi {
    /// Off (the default): its paths are answered as EC2 requests.
    #[default]
    Off,
    /// On for peers on loopback (`127.0.0.0/8`, `::1`); others get 403.
    Loopback,
    /// On for any peer that can reach the endpoint.
    AnyPeer,
}

impl ControlApi {
    /// Whether a request from `peer` is admitted.
    pub fn admits(self, peer: SocketAddr) -> bool {
        match self {
            ControlApi::Off => false,
            ControlApi::Loopback => peer.ip().to_canonical().is_loopback(),
            ControlApi::AnyPeer => true,
        }
    }
}

/// Whether `path` is the control API's.
pub(crate) fn is_control_path(path: &str) -> bool {
    path.starts_with(CONTROL_PATH)
}

/// Answers a control request (its path is the control API's and the API is on).
pub(crate) async fn handle(
    store: &Store,
    api: ControlApi,
    timeout: Duration,
    peer: SocketAddr,
    request: Request<Incoming>,
) -> Response<Body> {
    if !api.admits(peer) {
        tracing::warn!(%peer, path = request.uri().path(), "control request refused: peer not admitted");
        return answer(
            StatusCode::FORBIDDEN,
            &json!({"error": format!("the control API answers loopback peers only; {peer} is not one")}),
        );
    }
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let declared = request
        .body()
        .size_hint()
        .exact()
        .map(|length| usize::try_from(length).unwrap_or(usize::MAX));
    let limits = BodyLimits {
        max_bytes: MAX_BODY_BYTES,
        discard_bytes: MAX_BODY_BYTES,
        timeout,
    };
    let body = match tokio::time::timeout(timeout, read_body(request.into_body(), declared, limits))
        .await
    {
        Ok(Ok(body)) => body,
        Ok(Err(error)) => {
            return answer(
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST),
                &json!({"error": error.message()}),
            );
        }
        Err(_elapsed) => {
            return answer(
                StatusCode::REQUEST_TIMEOUT,
                &json!({"error": "the request body did not arrive in time"}),
            );
        }
    };
    let (status, value) = route(store, &method, &path, &body);
    tracing::info!(%peer, %method, path, status = status.as_u16(), "control request");
    answer(status, &value)
}

/// The answer to one control request, as a status and a JSON body.
pub(crate) fn route(
    store: &Store,
    method: &Method,
    path: &str,
    body: &[u8],
) -> (StatusCode, Value) {
    let rest = path.strip_prefix(CONTROL_PATH).unwrap_or_default();
    let segments: Vec<String> = rest
        .split('/')
        .map(|segment| {
            percent_encoding::percent_decode_str(segment)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let refused = |status: StatusCode, problem: String| (status, json!({"error": problem}));
    match (method, segments.as_slice()) {
        (&Method::POST, ["reset"]) => {
            store.reset();
            (StatusCode::OK, json!({"reset": true}))
        }
        (&Method::GET, ["state"]) => (
            StatusCode::OK,
            Value::Object(store.dump().into_iter().collect()),
        ),
        (&Method::PUT | &Method::POST, ["resources", action]) => {
            let Ok(text) = std::str::from_utf8(body) else {
                return refused(StatusCode::BAD_REQUEST, "the body is not UTF-8".into());
            };
            match store.put_json(action, text) {
                Ok(put) => (
                    StatusCode::OK,
                    json!({"action": canonical(action), "put": put}),
                ),
                Err(error) => refused(StatusCode::BAD_REQUEST, error.to_string()),
            }
        }
        (&Method::DELETE, ["resources", action, id]) => match store.remove_json(action, id) {
            Ok(true) => (
                StatusCode::OK,
                json!({"action": canonical(action), "removed": id}),
            ),
            Ok(false) => refused(
                StatusCode::NOT_FOUND,
                format!("{} holds no resource `{id}`", canonical(action)),
            ),
            Err(error) => refused(StatusCode::BAD_REQUEST, error.to_string()),
        },
        (_, ["reset"] | ["state"] | ["resources", _] | ["resources", _, _]) => refused(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{method} is not a control request on {path}"),
        ),
        _ => refused(
            StatusCode::NOT_FOUND,
            format!(
                "no control request at {path}: POST {CONTROL_PATH}reset, GET {CONTROL_PATH}state, \
                 PUT {CONTROL_PATH}resources/ACTION, DELETE {CONTROL_PATH}resources/ACTION/ID"
            ),
        ),
    }
}

/// `action` as EC2 spells it, when it is one.
fn canonical(action: &str) -> &str {
    crate::operations::action_named(action).unwrap_or(action)
}

fn answer(status: StatusCode, value: &Value) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::from(value.to_string())));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::Seed;

    fn store() -> Store {
        Store::new(&Seed::empty(), ec2_ops::DescribeContext::default()).unwrap()
    }

    #[test]
    fn loopback_peers_only_unless_any_peer_is_asked_for() {
        let loopback: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let loopback_v6: SocketAddr = "[::1]:5000".parse().unwrap();
        let mapped: SocketAddr = "[::ffff:127.0.0.1]:5000".parse().unwrap();
        let other: SocketAddr = "10.1.2.3:5000".parse().unwrap();
        for peer in [loopback, loopback_v6, mapped] {
            assert!(ControlApi::Loopback.admits(peer), "{peer}");
        }
        assert!(!ControlApi::Loopback.admits(other));
        assert!(ControlApi::AnyPeer.admits(other));
        assert!(!ControlApi::Off.admits(loopback));
    }

    #[test]
    fn a_put_then_a_delete_change_what_is_served() {
        let store = store();
        let (status, value) = route(
            &store,
            &Method::PUT,
            "/_ec2-ops/resources/describe-volumes",
            br#"{"Volumes": [{"VolumeId": "vol-1"}, {"VolumeId": "vol-2"}]}"#,
        );
        assert_eq!(status, StatusCode::OK, "{value}");
        assert_eq!(value, json!({"action": "DescribeVolumes", "put": 2}));
        assert_eq!(store.count("DescribeVolumes"), Some(2));
        let (status, _) = route(
            &store,
            &Method::DELETE,
            "/_ec2-ops/resources/DescribeVolumes/vol-1",
            b"",
        );
        assert_eq!(status, StatusCode::OK);
        let (status, value) = route(
            &store,
            &Method::DELETE,
            "/_ec2-ops/resources/DescribeVolumes/vol-1",
            b"",
        );
        assert_eq!(status, StatusCode::NOT_FOUND, "{value}");
        assert_eq!(store.count("DescribeVolumes"), Some(1));
        let (status, value) = route(&store, &Method::GET, "/_ec2-ops/state", b"");
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            value,
            json!({"describe-volumes.json": {"Volumes": [{"VolumeId": "vol-2"}]}})
        );
        let (status, _) = route(&store, &Method::POST, "/_ec2-ops/reset", b"");
        assert_eq!(status, StatusCode::OK);
        assert_eq!(store.count("DescribeVolumes"), Some(0));
    }

    #[test]
    fn a_bad_put_is_refused_whole_with_the_loaders_message() {
        let store = store();
        let (status, value) = route(
            &store,
            &Method::PUT,
            "/_ec2-ops/resources/DescribeVolumes",
            br#"{"Volumes": [{"VolumeId": "vol-1"}, {"VolumeId": "vol-2", "Size": "big"}]}"#,
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let error = value["error"].as_str().unwrap();
        assert!(
            error.starts_with("a put of DescribeVolumes: at `$.Volumes[1].Size`:"),
            "{error}"
        );
        assert_eq!(
            store.count("DescribeVolumes"),
            Some(0),
            "nothing of a refused put is kept"
        );
        let (status, value) = route(
            &store,
            &Method::PUT,
            "/_ec2-ops/resources/describe-nothing",
            b"{}",
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(
            value["error"]
                .as_str()
                .unwrap()
                .contains("not an EC2 describe operation")
        );
    }

    #[test]
    fn unknown_paths_and_methods_are_refused() {
        let store = store();
        assert_eq!(
            route(&store, &Method::GET, "/_ec2-ops/reset", b"").0,
            StatusCode::METHOD_NOT_ALLOWED
        );
        assert_eq!(
            route(&store, &Method::GET, "/_ec2-ops/", b"").0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            route(&store, &Method::GET, "/_ec2-ops/resources", b"").0,
            StatusCode::NOT_FOUND
        );
    }
}
