//! What the capture's tests share: a server in front of the endpoint's stores that throttles,
//! drops connections and goes down as told, which they capture through ([`serve`]), and the
//! requests a replay is compared on ([`asked_both_ways`]).

#![allow(dead_code)] // Each including test uses its part.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ec2_ops_capture::Call;
use ec2_ops_endpoint::Store;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use tokio::net::TcpListener;

/// What the server does to the requests it is sent.
#[derive(Clone, Copy)]
pub struct Faults {
    /// Every `n`th request is answered with EC2's throttling error.
    pub throttle_every: usize,
    /// Every `n`th request's connection is closed without an answer.
    pub drop_every: usize,
    /// After this many requests, every connection is closed without an answer (the network is
    /// gone).
    pub down_after: usize,
}

impl Faults {
    /// No fault at all.
    pub const NONE: Faults = Faults {
        throttle_every: usize::MAX,
        drop_every: usize::MAX,
        down_after: usize::MAX,
    };
}

/// The store answering a request, from the account and region it is signed for (its key ID, which
/// a 12-digit one makes the account, and its credential scope's region).
pub type StoreFor = Arc<dyn Fn(&str, &str) -> Arc<Store> + Send + Sync>;

/// The account and region a request is signed for, from its `Authorization` header.
fn signed_for(request: &Request<Incoming>) -> Option<(String, String)> {
    let authorization = request.headers().get("authorization")?.to_str().ok()?;
    let credential = authorization.split("Credential=").nth(1)?;
    let mut scope = credential.split(['/', ',']);
    let key = scope.next()?.to_owned();
    let region = scope.nth(1)?.to_owned();
    Some((key, region))
}

/// EC2's throttling error.
const THROTTLED: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-1</RequestID></Response>";

/// A server answering each request from `store_for`'s store with `faults`; returns its URL and
/// the count of requests.
pub async fn serve(store_for: StoreFor, faults: Faults) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address: SocketAddr = listener.local_addr().unwrap();
    let count = Arc::new(AtomicUsize::new(0));
    let counted = count.clone();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let store_for = store_for.clone();
            let count = counted.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                    let store_for = store_for.clone();
                    let count = count.clone();
                    async move {
                        let seen = count.fetch_add(1, Ordering::SeqCst) + 1;
                        let (account, region) = signed_for(&request).unwrap_or_default();
                        let body = request.into_body().collect().await.map(|b| b.to_bytes());
                        if seen.is_multiple_of(faults.drop_every) || seen > faults.down_after {
                            // No answer at all and the connection closed: the client reads a
                            // broken response.
                            return Err::<Response<Full<Bytes>>, _>(std::io::Error::other(
                                "dropped",
                            ));
                        }
                        let (status, bytes) = if seen.is_multiple_of(faults.throttle_every) {
                            (503, Bytes::from_static(THROTTLED))
                        } else {
                            let answer =
                                store_for(&account, &region).handle(&body.unwrap_or_default());
                            (answer.status, Bytes::from(answer.body))
                        };
                        Ok(Response::builder()
                            .status(status)
                            .header("content-type", "text/xml;charset=UTF-8")
                            .body(Full::new(bytes))
                            .unwrap())
                    }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    (format!("http://{address}"), count)
}

/// A server answering every request from `store`, whoever signs it.
pub async fn serve_one(store: Arc<Store>, faults: Faults) -> (String, Arc<AtomicUsize>) {
    serve(Arc::new(move |_: &str, _: &str| store.clone()), faults).await
}

/// The Query strings `call`'s operation is compared on: as a capture asks it (`Owner.N=self`
/// where it scopes, every widening switch), and without the switches, as most clients ask.
pub fn asked_both_ways(call: &Call) -> [String; 2] {
    let widened = call.query();
    let plain: Vec<&str> = widened
        .split('&')
        .filter(|parameter| !parameter.ends_with("=true"))
        .collect();
    [widened.clone(), plain.join("&")]
        .map(|asked| format!("Action={}&Version=2016-11-15&{asked}", call.action))
}

/// An answer without what differs on every call: the request ID (of an answer or an error), and
/// the time a fleet's history was evaluated.
pub fn comparable(body: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(body).into_owned();
    for element in ["requestId", "RequestID", "lastEvaluatedTime"] {
        let (open, close) = (format!("<{element}>"), format!("</{element}>"));
        if let (Some(start), Some(end)) = (text.find(&open), text.find(&close)) {
            text.replace_range(start..end, "");
        }
    }
    text
}

/// Every file under `folder`, by its path from there, in order.
pub fn files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(directory) = pending.pop() {
        for entry in std::fs::read_dir(&directory).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path.strip_prefix(folder).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

/// Asserts that `replayed` answers `query` as `source` does (but for what differs per call);
/// the status both answered with.
pub fn answered_alike(source: &Store, replayed: &Store, query: &str) -> u16 {
    let expected = source.handle(query.as_bytes());
    let answered = replayed.handle(query.as_bytes());
    assert_eq!(
        (answered.status, comparable(&answered.body)),
        (expected.status, comparable(&expected.body)),
        "{query}"
    );
    expected.status
}
