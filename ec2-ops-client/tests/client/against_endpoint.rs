//! The client end to end against the project's own service on loopback (no network): every
//! declared operation sent and parsed, every paginated one walked to its end at its smallest page
//! size, EC2's errors typed, and the client's own behaviour (retries, clock skew, timeouts,
//! repeated tokens) against scripted answers.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
use ec2_ops::operations::conversion_tasks::DescribeConversionTasks;
use ec2_ops::operations::export_tasks::DescribeExportTasks;
use ec2_ops::operations::import_image_tasks::DescribeImportImageTasks;
use ec2_ops::operations::import_snapshot_tasks::DescribeImportSnapshotTasks;
use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::key_pairs::DescribeKeyPairs;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops::operations::tags::DescribeTags;
use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest};
use ec2_ops::wire::xml::render_error;
use ec2_ops::{
    DescribeContext, DescribeOperation, Ec2Error, Ec2Request, Ec2Response, PaginatedOperation,
};
use ec2_ops_client::{Client, ClientError, Credentials, RetryPolicy};
use ec2_ops_endpoint::{Seed, Store};
use futures_util::StreamExt;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

/// The endpoint's store over its embedded sample: what `ec2-ops-endpoint` serves without a seed.
fn sample_store() -> Store {
    Store::new(&Seed::sample(), DescribeContext::default()).unwrap()
}

type VolumesResponse = <DescribeVolumes as DescribeOperation>::Response;

type Handler = dyn Fn(Bytes) -> Response<Full<Bytes>> + Send + Sync;

/// The secret every test client signs with.
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// Checks a request's SigV4 signature as EC2 would: recomputes it with aws-sigv4 from what arrived
/// (method, host, path, content type, body, `X-Amz-Date`) and compares `Authorization`.
fn signature_problem(parts: &http::request::Parts, body: &Bytes) -> Option<String> {
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
    };
    let (Some(date), Some(host), Some(sent)) = (
        header("x-amz-date"),
        header("host"),
        header("authorization"),
    ) else {
        return Some("unsigned".to_owned());
    };
    let format =
        time::format_description::parse_borrowed::<1>("[year][month][day]T[hour][minute][second]Z")
            .unwrap();
    let time: std::time::SystemTime = time::PrimitiveDateTime::parse(date, &format)
        .ok()?
        .assume_utc()
        .into();
    let identity =
        aws_credential_types::Credentials::new("AKIDEXAMPLE", SECRET, None, None, "test").into();
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name("ec2")
        .time(time)
        .settings(aws_sigv4::http_request::SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let uri = format!("http://{host}{}", parts.uri.path());
    let headers = [("content-type", header("content-type").unwrap_or_default())];
    let signable = aws_sigv4::http_request::SignableRequest::new(
        parts.method.as_str(),
        uri,
        headers.into_iter(),
        aws_sigv4::http_request::SignableBody::Bytes(body),
    )
    .unwrap();
    let (instructions, _) = aws_sigv4::http_request::sign(signable, &params)
        .unwrap()
        .into_parts();
    let mut expected = http::Request::new(());
    instructions.apply_to_request_http1x(&mut expected);
    let expected = expected.headers()["authorization"].to_str().unwrap();
    (expected != sent).then(|| format!("sent {sent}, expected {expected}"))
}

/// Serves `handler` over HTTP/1.1 on a free loopback port; its URL. Requests whose signature does
/// not verify get 403 `SignatureDoesNotMatch`.
async fn serve(handler: Arc<Handler>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let handler = Arc::clone(&handler);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                    let handler = Arc::clone(&handler);
                    async move {
                        let (parts, body) = request.into_parts();
                        let body = body.collect().await.unwrap().to_bytes();
                        if let Some(problem) = signature_problem(&parts, &body) {
                            let error = Ec2Error::new("SignatureDoesNotMatch", problem, 403);
                            return Ok(xml(403, render_error(&error, "req-signature")));
                        }
                        Ok::<_, Infallible>(handler(body))
                    }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    url
}

fn xml(status: u16, body: Vec<u8>) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", "text/xml;charset=UTF-8")
        .body(Full::new(Bytes::from(body)))
        .unwrap()
}

/// The sample service behind HTTP, as the endpoint answers.
async fn endpoint() -> String {
    let service = Arc::new(sample_store());
    serve(Arc::new(move |body: Bytes| {
        let answer = service.handle(&body);
        xml(answer.status, answer.body)
    }))
    .await
}

fn client(url: &str) -> Client {
    Client::builder()
        .region("us-east-1")
        .endpoint_url(url)
        .credentials(Credentials::new("AKIDEXAMPLE", SECRET))
        .retry(RetryPolicy {
            max_attempts: 3,
            base: Duration::from_millis(1),
            max_backoff: Duration::from_millis(5),
        })
        .build()
        .unwrap()
}

/// `O`'s answer to an empty request through the client equals the service's own answer.
async fn sends_and_parses<O>(client: &Client, service: &Store)
where
    O: DescribeOperation,
    O::Request: Default,
    O::Response: Default + PartialEq + std::fmt::Debug,
{
    let mut through_client = client.send::<O>(&O::Request::default()).await.unwrap();
    let answer = service.handle(O::Request::default().to_query().as_bytes());
    assert_eq!(answer.status, 200, "{}", O::SPEC.action);
    let mut direct = O::Response::from_xml(&answer.body).unwrap();
    through_client.set_request_id(String::new());
    direct.set_request_id(String::new());
    assert_eq!(through_client, direct, "{}", O::SPEC.action);
    assert!(
        O::response_len(&direct) > 0,
        "{} lists something",
        O::SPEC.action
    );
}

#[tokio::test]
async fn every_declared_operation_is_sent_and_parsed() {
    let url = endpoint().await;
    let (client, service) = (client(&url), sample_store());
    sends_and_parses::<DescribeBundleTasks>(&client, &service).await;
    sends_and_parses::<DescribeConversionTasks>(&client, &service).await;
    sends_and_parses::<DescribeExportTasks>(&client, &service).await;
    sends_and_parses::<DescribeImportImageTasks>(&client, &service).await;
    sends_and_parses::<DescribeImportSnapshotTasks>(&client, &service).await;
    sends_and_parses::<DescribeInstances>(&client, &service).await;
    sends_and_parses::<DescribeKeyPairs>(&client, &service).await;
    sends_and_parses::<DescribeSnapshots>(&client, &service).await;
    sends_and_parses::<DescribeTags>(&client, &service).await;
    sends_and_parses::<DescribeVolumes>(&client, &service).await;
}

/// Walks `O` at its smallest page size: every page within it, and the items of all pages those of
/// one unpaginated answer, in order.
async fn walks_to_the_end<O>(client: &Client)
where
    O: PaginatedOperation,
    O::Request: Default,
    O::Response: Default,
    O::Resource: Clone + PartialEq + std::fmt::Debug,
{
    let page_size = i32::try_from(O::SPEC.pagination.expect("paginated").min).unwrap();
    let pages: Vec<O::Response> = client
        .paginate::<O>(O::Request::default())
        .page_size(page_size)
        .pages()
        .map(|page| page.unwrap())
        .collect()
        .await;
    assert!(pages.len() > 1, "{} has more than one page", O::SPEC.action);
    for page in &pages {
        assert!(
            O::response_len(page) <= page_size as usize,
            "{}",
            O::SPEC.action
        );
    }
    let walked: Vec<O::Resource> = client
        .paginate::<O>(O::Request::default())
        .page_size(page_size)
        .items()
        .map(|item| item.unwrap())
        .collect()
        .await;
    let whole = client.send::<O>(&O::Request::default()).await.unwrap();
    assert_eq!(
        walked,
        O::response_items(&whole),
        "{}: the pages' items are the whole answer's, in order, each once",
        O::SPEC.action
    );
}

#[tokio::test]
async fn every_paginated_operation_is_walked_to_the_end() {
    let url = endpoint().await;
    let client = client(&url);
    walks_to_the_end::<DescribeImportImageTasks>(&client).await;
    walks_to_the_end::<DescribeImportSnapshotTasks>(&client).await;
    walks_to_the_end::<DescribeInstances>(&client).await;
    walks_to_the_end::<DescribeSnapshots>(&client).await;
    walks_to_the_end::<DescribeTags>(&client).await;
    walks_to_the_end::<DescribeVolumes>(&client).await;
}

#[tokio::test]
async fn ec2_errors_arrive_typed_with_code_message_and_request_id() {
    let url = endpoint().await;
    let request = DescribeVolumesRequest {
        volume_ids: vec!["vol-00000000000000000".to_owned()],
        ..Default::default()
    };
    let error = client(&url)
        .send::<DescribeVolumes>(&request)
        .await
        .unwrap_err();
    let ClientError::Service {
        error: ec2,
        request_id,
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(ec2.code(), "InvalidVolume.NotFound");
    assert_eq!(ec2.status(), 400);
    assert!(ec2.message().contains("vol-00000000000000000"), "{ec2}");
    assert!(request_id.as_deref().is_some_and(|id| !id.is_empty()));
    assert!(!error.is_retryable());
    assert!(error.to_string().contains("request ID"), "{error}");
}

/// A server answering the first `failures` requests with `failure`, then as the sample service.
async fn failing_then_serving(
    failures: usize,
    failure: impl Fn() -> Response<Full<Bytes>> + Send + Sync + 'static,
) -> (String, Arc<AtomicUsize>) {
    let service = Arc::new(sample_store());
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    let url = serve(Arc::new(move |body: Bytes| {
        if counter.fetch_add(1, Ordering::SeqCst) < failures {
            failure()
        } else {
            let answer = service.handle(&body);
            xml(answer.status, answer.body)
        }
    }))
    .await;
    (url, seen)
}

/// EC2's error document for `error`.
fn ec2_error(error: Ec2Error) -> impl Fn() -> Response<Full<Bytes>> + Send + Sync + 'static {
    move || xml(error.status(), render_error(&error, "req-throttled"))
}

fn throttled() -> Ec2Error {
    Ec2Error::new("RequestLimitExceeded", "Request limit exceeded.", 503)
}

#[tokio::test]
async fn throttling_is_retried_with_backoff_until_it_passes() {
    let (url, seen) = failing_then_serving(2, ec2_error(throttled())).await;
    let response = client(&url)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap();
    assert!(!response.volumes.is_empty());
    assert_eq!(seen.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn throttling_past_the_attempts_is_the_last_error() {
    let (url, seen) = failing_then_serving(5, ec2_error(throttled())).await;
    let error = client(&url)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("RequestLimitExceeded"));
    assert_eq!(error.request_id(), Some("req-throttled"));
    assert_eq!(seen.load(Ordering::SeqCst), 3, "max_attempts in all");
}

#[tokio::test]
async fn a_client_error_is_not_retried() {
    let error = Ec2Error::new("UnauthorizedOperation", "You are not authorized.", 403);
    let (url, seen) = failing_then_serving(5, ec2_error(error)).await;
    let error = client(&url)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("UnauthorizedOperation"));
    assert_eq!(seen.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_refusal_of_the_requests_time_names_the_clock_skew() {
    let url = serve(Arc::new(|_body: Bytes| {
        let error = Ec2Error::new(
            "RequestExpired",
            "Request has expired. Timestamp date is 2026-11-23T23:00:00Z",
            400,
        );
        let mut response = xml(400, render_error(&error, "req-skew"));
        // A server whose clock reads 2015, far behind this machine's.
        response
            .headers_mut()
            .insert("date", "Sun, 30 Aug 2015 12:36:00 GMT".parse().unwrap());
        response
    }))
    .await;
    let error = client(&url)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    let ClientError::ClockSkew { skew, ahead, .. } = &error else {
        panic!("{error:?}");
    };
    assert!(*ahead);
    assert!(*skew > Duration::from_secs(365 * 24 * 3600));
    assert!(error.to_string().contains("ahead of EC2's"), "{error}");
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout_is_a_timeout() {
    // A listener that accepts and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            open.push(stream);
        }
    });
    let client = Client::builder()
        .region("us-east-1")
        .endpoint_url(&url)
        .credentials(Credentials::new("a", "b"))
        .timeout(Duration::from_millis(200))
        .retry(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let error = client
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::Timeout(_)), "{error:?}");
    assert!(error.is_retryable());
    held.abort();
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let error = client(&url)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::Transport(_)), "{error:?}");
}

#[tokio::test]
async fn a_repeated_token_ends_the_walk() {
    // A service that always answers with the same next token.
    let url = serve(Arc::new(|_body: Bytes| {
        let response = VolumesResponse {
            next_token: Some("same".to_owned()),
            ..Default::default()
        };
        xml(200, response.to_xml())
    }))
    .await;
    let pages: Vec<_> = client(&url)
        .paginate::<DescribeVolumes>(DescribeVolumesRequest::default())
        .pages()
        .collect()
        .await;
    assert_eq!(
        pages.len(),
        2,
        "the first page, then the one that repeated its token"
    );
}

#[tokio::test]
async fn a_walk_yields_its_error_and_stops() {
    let (url, _) =
        failing_then_serving(100, ec2_error(Ec2Error::new("AuthFailure", "No.", 401))).await;
    let pages: Vec<_> = client(&url)
        .paginate::<DescribeVolumes>(DescribeVolumesRequest::default())
        .page_size(5)
        .pages()
        .collect()
        .await;
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].as_ref().unwrap_err().code(), Some("AuthFailure"));
}

#[tokio::test]
async fn a_proxys_503_page_is_retried() {
    let (url, seen) = failing_then_serving(1, || {
        Response::builder()
            .status(503)
            .header("content-type", "text/html")
            .body(Full::new(Bytes::from_static(
                b"<html>Service Unavailable</html>",
            )))
            .unwrap()
    })
    .await;
    let response = client(&url)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap();
    assert!(!response.volumes.is_empty());
    assert_eq!(seen.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn without_a_page_size_the_requests_own_max_results_and_token_are_sent() {
    let url = endpoint().await;
    let client = client(&url);
    let first = client
        .send::<DescribeVolumes>(&DescribeVolumesRequest {
            max_results: Some(5),
            ..Default::default()
        })
        .await
        .unwrap();
    // Resume after the first page: the walk starts at the request's token, in pages of its size.
    let rest: Vec<_> = client
        .paginate::<DescribeVolumes>(DescribeVolumesRequest {
            max_results: Some(5),
            next_token: first.next_token.clone(),
            ..Default::default()
        })
        .pages()
        .map(|page| page.unwrap())
        .collect()
        .await;
    assert!(rest.iter().all(|page| page.volumes.len() <= 5));
    let resumed: Vec<_> = rest.iter().flat_map(|page| page.volumes.clone()).collect();
    let whole = client
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap();
    assert_eq!(
        first
            .volumes
            .iter()
            .chain(&resumed)
            .cloned()
            .collect::<Vec<_>>(),
        whole.volumes
    );
}

#[tokio::test]
async fn a_page_size_outside_the_operations_bounds_is_refused_before_sending() {
    let (url, seen) = failing_then_serving(0, ec2_error(throttled())).await;
    let pages: Vec<_> = client(&url)
        .paginate::<DescribeVolumes>(DescribeVolumesRequest::default())
        .page_size(4)
        .pages()
        .collect()
        .await;
    assert_eq!(pages.len(), 1);
    let error = pages[0].as_ref().unwrap_err();
    assert!(
        matches!(error, ClientError::Config(text) if text.contains("takes 5 to 500")),
        "{error:?}"
    );
    assert_eq!(seen.load(Ordering::SeqCst), 0, "nothing sent");
}

#[tokio::test]
async fn a_wrong_secret_fails_the_servers_signature_check() {
    let url = endpoint().await;
    let client = Client::builder()
        .region("us-east-1")
        .endpoint_url(&url)
        .credentials(Credentials::new("AKIDEXAMPLE", "not the secret"))
        .build()
        .unwrap();
    let error = client
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("SignatureDoesNotMatch"));
}
