//! The endpoint with credentials configured, sent real requests signed by AWS's own `aws-sigv4`:
//! every correctly signed one is served (header and presigned forms, session tokens, this
//! client), and every wrong one (a wrong secret, an expired or future date, a signed header
//! removed, a body changed after signing, an unknown key, a missing or wrong session token, no
//! signature at all) gets EC2's code and status. A key configured with an account acts as it;
//! each region answers its own resources, and an unknown region is refused.

use std::time::{Duration, SystemTime};

use aws_sigv4::http_request::{
    SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign,
};
use aws_sigv4::sign::v4;
use bytes::Bytes;
use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest};
use ec2_ops_client::{Client, RetryPolicy};
use ec2_ops_endpoint::{Credential, Credentials, Endpoint, StartError};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use proptest::prelude::*;

const KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TEMPORARY_KEY: &str = "ASIAIOSFODNN7EXAMPLE";
const TEMPORARY_SECRET: &str = "temporary/secret";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEFAaCXVzLWVhc3QtMSJHMEUCIQ+token==";
const BODY: &str = "Action=DescribeVolumes&Version=2016-11-15";

fn credentials() -> Credentials {
    Credentials::new()
        .with(Credential::new(KEY, SECRET))
        .with(Credential::new(TEMPORARY_KEY, TEMPORARY_SECRET).with_session_token(TOKEN))
}

async fn endpoint() -> Endpoint {
    Endpoint::builder()
        .sample()
        .credentials(credentials())
        .bind("127.0.0.1:0")
        .await
        .unwrap()
}

/// How a test request is signed.
struct Signing<'a> {
    key: &'a str,
    secret: &'a str,
    token: Option<&'a str>,
    service: &'a str,
    time: SystemTime,
    /// `Some(expiry)`: presigned, in the query string.
    presigned: Option<Duration>,
}

impl Default for Signing<'_> {
    fn default() -> Self {
        Signing {
            key: KEY,
            secret: SECRET,
            token: None,
            service: "ec2",
            time: SystemTime::now(),
            presigned: None,
        }
    }
}

impl Signing<'_> {
    fn sign(&self, request: &mut http::Request<Bytes>) {
        let identity = aws_credential_types::Credentials::new(
            self.key,
            self.secret,
            self.token.map(str::to_owned),
            None,
            "test",
        )
        .into();
        let mut settings = SigningSettings::default();
        if let Some(expiry) = self.presigned {
            settings.signature_location = SignatureLocation::QueryParams;
            settings.expires_in = Some(expiry);
        }
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region("us-east-1")
            .name(self.service)
            .time(self.time)
            .settings(settings)
            .build()
            .unwrap()
            .into();
        let headers: Vec<(&str, &str)> = request
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str(), value.to_str().unwrap()))
            .collect();
        let signable = SignableRequest::new(
            request.method().as_str(),
            request.uri().to_string(),
            headers.into_iter(),
            SignableBody::Bytes(request.body()),
        )
        .unwrap();
        let (instructions, _) = sign(signable, &params).unwrap().into_parts();
        instructions.apply_to_request_http1x(request);
    }
}

/// EC2's usual request: a form POST.
fn form_post(endpoint: &Endpoint, body: &str) -> http::Request<Bytes> {
    http::Request::post(format!("{}/", endpoint.url()))
        .header(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )
        .body(Bytes::from(body.to_owned()))
        .unwrap()
}

/// A presigned URL's request: a GET with the parameters in the query string.
fn query_get(endpoint: &Endpoint) -> http::Request<Bytes> {
    http::Request::get(format!("{}/?{BODY}", endpoint.url()))
        .body(Bytes::new())
        .unwrap()
}

/// Sends `request` as it stands; the status and the error code (`None` for a success).
async fn send(endpoint: &Endpoint, request: http::Request<Bytes>) -> (u16, Option<String>) {
    let stream = tokio::net::TcpStream::connect(endpoint.address())
        .await
        .unwrap();
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(connection);
    let (mut parts, body) = request.into_parts();
    // What a client's HTTP stack does: the host header from the URI (aws-sigv4 signed it from
    // there), and the request line in origin form.
    with_host(&mut parts.headers, &parts.uri);
    parts.uri = parts
        .uri
        .path_and_query()
        .map_or("/", http::uri::PathAndQuery::as_str)
        .parse()
        .unwrap();
    let response = sender
        .send_request(http::Request::from_parts(parts, Full::new(body)))
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&body);
    let code = text
        .split_once("<Code>")
        .and_then(|(_, rest)| rest.split_once("</Code>"))
        .map(|(code, _)| code.to_owned());
    (status, code)
}

fn with_host(headers: &mut http::HeaderMap, uri: &http::Uri) {
    if !headers.contains_key("host") {
        let authority = uri.authority().expect("an absolute URI").as_str();
        headers.insert("host", authority.parse().unwrap());
    }
}

async fn signed_and_sent(
    endpoint: &Endpoint,
    mut request: http::Request<Bytes>,
    signing: &Signing<'_>,
) -> (u16, Option<String>) {
    signing.sign(&mut request);
    send(endpoint, request).await
}

fn refused(code: &str, status: u16) -> (u16, Option<String>) {
    (status, Some(code.to_owned()))
}

const SERVED: (u16, Option<String>) = (200, None);

#[tokio::test]
async fn a_correctly_signed_form_post_is_served() {
    let endpoint = endpoint().await;
    let answer = signed_and_sent(&endpoint, form_post(&endpoint, BODY), &Signing::default()).await;
    assert_eq!(answer, SERVED);
}

#[tokio::test]
async fn a_correctly_presigned_get_is_served() {
    let endpoint = endpoint().await;
    let signing = Signing {
        presigned: Some(Duration::from_secs(300)),
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, query_get(&endpoint), &signing).await,
        SERVED
    );
}

#[tokio::test]
async fn a_wrong_secret_is_signature_does_not_match() {
    let endpoint = endpoint().await;
    let signing = Signing {
        secret: "not-the-secret",
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, form_post(&endpoint, BODY), &signing).await,
        refused("SignatureDoesNotMatch", 403)
    );
    assert_eq!(
        signed_and_sent(
            &endpoint,
            query_get(&endpoint),
            &Signing {
                presigned: Some(Duration::from_secs(300)),
                ..signing
            }
        )
        .await,
        refused("SignatureDoesNotMatch", 403)
    );
}

#[tokio::test]
async fn an_unknown_access_key_is_auth_failure() {
    let endpoint = endpoint().await;
    let signing = Signing {
        key: "AKIAUNKNOWNKEY000000",
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, form_post(&endpoint, BODY), &signing).await,
        refused("AuthFailure", 401)
    );
}

#[tokio::test]
async fn an_unsigned_request_is_missing_authentication_token() {
    let endpoint = endpoint().await;
    assert_eq!(
        send(&endpoint, form_post(&endpoint, BODY)).await,
        refused("MissingAuthenticationToken", 403)
    );
}

#[tokio::test]
async fn a_date_more_than_15_minutes_away_is_request_expired() {
    let endpoint = endpoint().await;
    let minutes = |n: u64| Duration::from_secs(n * 60);
    for time in [
        SystemTime::now() - minutes(20),
        SystemTime::now() + minutes(20),
    ] {
        let signing = Signing {
            time,
            ..Signing::default()
        };
        assert_eq!(
            signed_and_sent(&endpoint, form_post(&endpoint, BODY), &signing).await,
            refused("RequestExpired", 400)
        );
    }
    let within = Signing {
        time: SystemTime::now() - minutes(14),
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, form_post(&endpoint, BODY), &within).await,
        SERVED
    );
}

#[tokio::test]
async fn a_presigned_request_past_its_expiry_is_request_expired() {
    let endpoint = endpoint().await;
    let signing = Signing {
        presigned: Some(Duration::from_secs(60)),
        time: SystemTime::now() - Duration::from_secs(120),
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, query_get(&endpoint), &signing).await,
        refused("RequestExpired", 400)
    );
}

#[tokio::test]
async fn a_body_changed_after_signing_is_signature_does_not_match() {
    let endpoint = endpoint().await;
    let mut request = form_post(&endpoint, BODY);
    Signing::default().sign(&mut request);
    let tampered = format!("{BODY}&VolumeId.1=vol-0123456789abcdef0");
    let length = tampered.len().to_string();
    *request.body_mut() = Bytes::from(tampered);
    request
        .headers_mut()
        .insert("content-length", length.parse().unwrap());
    assert_eq!(
        send(&endpoint, request).await,
        refused("SignatureDoesNotMatch", 403)
    );
}

#[tokio::test]
async fn a_signed_header_removed_is_signature_does_not_match() {
    let endpoint = endpoint().await;
    let mut request = form_post(&endpoint, BODY);
    request
        .headers_mut()
        .insert("x-amz-meta-purpose", "audit".parse().unwrap());
    Signing::default().sign(&mut request);
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.contains("x-amz-meta-purpose"),
        "{authorization}"
    );
    request.headers_mut().remove("x-amz-meta-purpose");
    assert_eq!(
        send(&endpoint, request).await,
        refused("SignatureDoesNotMatch", 403)
    );
}

#[tokio::test]
async fn temporary_credentials_need_their_own_session_token() {
    let endpoint = endpoint().await;
    let temporary = Signing {
        key: TEMPORARY_KEY,
        secret: TEMPORARY_SECRET,
        token: Some(TOKEN),
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, form_post(&endpoint, BODY), &temporary).await,
        SERVED
    );
    let presigned = Signing {
        presigned: Some(Duration::from_secs(300)),
        ..temporary
    };
    assert_eq!(
        signed_and_sent(&endpoint, query_get(&endpoint), &presigned).await,
        SERVED
    );
    for token in [None, Some("another-token")] {
        let signing = Signing {
            key: TEMPORARY_KEY,
            secret: TEMPORARY_SECRET,
            token,
            ..Signing::default()
        };
        assert_eq!(
            signed_and_sent(&endpoint, form_post(&endpoint, BODY), &signing).await,
            refused("AuthFailure", 401),
            "{token:?}"
        );
    }
    let long_term_with_a_token = Signing {
        token: Some(TOKEN),
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(
            &endpoint,
            form_post(&endpoint, BODY),
            &long_term_with_a_token
        )
        .await,
        refused("AuthFailure", 401)
    );
}

#[tokio::test]
async fn a_signature_scoped_to_another_service_is_signature_does_not_match() {
    let endpoint = endpoint().await;
    let signing = Signing {
        service: "s3",
        ..Signing::default()
    };
    assert_eq!(
        signed_and_sent(&endpoint, form_post(&endpoint, BODY), &signing).await,
        refused("SignatureDoesNotMatch", 403)
    );
}

#[tokio::test]
async fn an_authorization_header_without_its_signature_is_incomplete() {
    let endpoint = endpoint().await;
    let mut request = form_post(&endpoint, BODY);
    Signing::default().sign(&mut request);
    let authorization = request.headers()["authorization"].to_str().unwrap();
    let truncated = authorization
        .split_once(", Signature=")
        .unwrap()
        .0
        .to_owned();
    request
        .headers_mut()
        .insert("authorization", truncated.parse().unwrap());
    assert_eq!(
        send(&endpoint, request).await,
        refused("IncompleteSignature", 400)
    );
}

/// The light client, signing with `KEY` and `secret` for `region`, trying each request once.
fn light_client(endpoint: &Endpoint, region: &str, secret: &str) -> Client {
    Client::builder()
        .region(region)
        .endpoint_url(endpoint.url())
        .credentials(ec2_ops_client::Credentials::new(KEY, secret))
        .retry(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap()
}

#[tokio::test]
async fn the_light_client_is_served_with_the_right_secret_only() {
    let endpoint = endpoint().await;
    let response = light_client(&endpoint, "us-east-1", SECRET)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap();
    assert!(!response.volumes.is_empty());
    let error = light_client(&endpoint, "us-east-1", "wrong")
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("SignatureDoesNotMatch"));
}

#[tokio::test]
async fn a_key_configured_with_an_account_acts_as_that_account() {
    const OTHER_KEY: &str = "AKIAOTHERACCOUNT0001";
    let credentials =
        credentials().with(Credential::new(OTHER_KEY, SECRET).with_account_id("210987654321"));
    let endpoint = Endpoint::builder()
        .sample()
        .account_id("123456789012")
        .credentials(credentials)
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let mine = light_client(&endpoint, "us-east-1", SECRET)
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap();
    assert!(!mine.volumes.is_empty(), "the default account's sample");
    let client = Client::builder()
        .region("us-east-1")
        .endpoint_url(endpoint.url())
        .credentials(ec2_ops_client::Credentials::new(OTHER_KEY, SECRET))
        .build()
        .unwrap();
    let theirs = client
        .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
        .await
        .unwrap();
    assert!(
        theirs.volumes.is_empty(),
        "another account sees none of them"
    );
    endpoint.shutdown().await;
}

#[tokio::test]
async fn a_key_given_two_accounts_is_refused_at_start() {
    let credentials =
        Credentials::new().with(Credential::new(KEY, SECRET).with_account_id("210987654321"));
    let error = Endpoint::builder()
        .access_key(KEY, "123456789012")
        .credentials(credentials)
        .bind("127.0.0.1:0")
        .await
        .unwrap_err();
    assert!(matches!(error, StartError::Credentials(_)), "{error}");
    assert!(error.to_string().contains(KEY), "{error}");
}

/// A request signed by aws-sigv4 at `time`, as the endpoint's verifier receives it.
fn verify_at(request: &http::Request<Bytes>, time: SystemTime) -> Result<(), String> {
    credentials()
        .verify(
            request.method(),
            request.uri(),
            request.headers(),
            request.body(),
            time,
        )
        .map(|_| ())
        .map_err(|error| error.code().to_owned())
}

fn parameter_value() -> impl Strategy<Value = String> {
    // Any text, including what SigV4 escapes (spaces, `+`, `/`, `%`, `~`, non-ASCII).
    prop::string::string_regex("[ -~é€😀]{0,12}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the parameters, a request aws-sigv4 signs verifies, in both forms; and changing
    /// any one byte of what is signed breaks it.
    #[test]
    fn what_aws_sigv4_signs_verifies_and_one_changed_byte_does_not(
        values in prop::collection::vec(parameter_value(), 1..5),
        presigned in any::<bool>(),
        flip in any::<prop::sample::Index>(),
    ) {
        let now = SystemTime::now();
        let query: String = values
            .iter()
            .enumerate()
            .map(|(index, value)| {
                format!(
                    "&Filter.1.Value.{}={}",
                    index + 1,
                    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC)
                )
            })
            .collect();
        let params = format!("{BODY}&Filter.1.Name=tag%3AName{query}");
        let mut request = if presigned {
            http::Request::get(format!("http://127.0.0.1:4599/?{params}"))
                .body(Bytes::new())
                .unwrap()
        } else {
            http::Request::post("http://127.0.0.1:4599/")
                .header("content-type", "application/x-www-form-urlencoded; charset=utf-8")
                .body(Bytes::from(params.clone()))
                .unwrap()
        };
        let signing = Signing {
            time: now,
            presigned: presigned.then_some(Duration::from_secs(60)),
            ..Signing::default()
        };
        signing.sign(&mut request);
        let uri = request.uri().clone();
        with_host(request.headers_mut(), &uri);
        prop_assert_eq!(verify_at(&request, now), Ok(()));

        // One byte of the signed parameters changed (to a letter it is not).
        let mut changed = params.into_bytes();
        let at = flip.index(changed.len());
        changed[at] = if changed[at] == b'x' { b'y' } else { b'x' };
        let changed = String::from_utf8(changed).unwrap();
        let mut tampered = if presigned {
            // The signature's own parameters, which aws-sigv4 appended, kept as they are.
            let signed = request.uri().to_string();
            let signature = &signed[signed.find("&X-Amz-").unwrap()..];
            http::Request::get(format!("http://127.0.0.1:4599/?{changed}{signature}"))
                .body(Bytes::new())
                .unwrap()
        } else {
            http::Request::post("http://127.0.0.1:4599/")
                .body(Bytes::from(changed))
                .unwrap()
        };
        *tampered.headers_mut() = request.headers().clone();
        prop_assert_eq!(verify_at(&tampered, now), Err("SignatureDoesNotMatch".to_owned()));
    }
}

#[tokio::test]
async fn each_region_answers_its_own_resources_and_an_unknown_region_is_refused() {
    for credentials in [None, Some(credentials())] {
        let mut builder = Endpoint::builder().sample().region("eu-west-1");
        if let Some(credentials) = credentials.clone() {
            builder = builder.credentials(credentials);
        }
        let endpoint = builder.bind("127.0.0.1:0").await.unwrap();
        let served = light_client(&endpoint, "eu-west-1", SECRET)
            .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
            .await
            .unwrap();
        assert!(!served.volumes.is_empty());
        let elsewhere = light_client(&endpoint, "us-east-1", SECRET)
            .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
            .await
            .unwrap();
        assert!(
            elsewhere.volumes.is_empty(),
            "us-east-1 holds none of eu-west-1's"
        );
        let error = light_client(&endpoint, "xx-nowhere-9", SECRET)
            .send::<DescribeVolumes>(&DescribeVolumesRequest::default())
            .await
            .unwrap_err();
        assert_eq!(
            error.code(),
            Some("SignatureDoesNotMatch"),
            "{error} (credentials: {})",
            credentials.is_some()
        );
        assert!(error.to_string().contains("'xx-nowhere-9'"), "{error}");
        endpoint.shutdown().await;
    }
}

#[tokio::test]
async fn a_region_that_is_not_a_region_name_is_refused_at_start() {
    let error = Endpoint::builder()
        .region("Mars")
        .bind("127.0.0.1:0")
        .await
        .unwrap_err();
    assert!(matches!(error, StartError::Region(_)), "{error}");
}
