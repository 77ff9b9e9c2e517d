//! The client: where requests go, signed with what, sent how often, and what their answers become.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use ec2_ops_runtime::wire::xml::{MAX_XML_BYTES, parse_error};
use ec2_ops_runtime::{DescribeOperation, Ec2Error, Ec2Request, Ec2Response};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client as HttpClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::credentials::{self, Credentials, Environment};
use crate::error::ClientError;
use crate::retry::RetryPolicy;
use crate::signing::Signer;

/// EC2's signing name.
const SERVICE: &str = "ec2";

/// Sends declared operations to EC2, or to any EC2-compatible endpoint. Cheap to clone: clones
/// share one connection pool.
///
/// ```no_run
/// use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest};
/// use ec2_ops_client::{Client, ClientError};
/// use futures_util::StreamExt;
///
/// # async fn example() -> Result<(), ClientError> {
/// // Region, endpoint and credentials as the AWS CLI finds them.
/// let client = Client::from_env()?;
/// let volumes = client
///     .paginate::<DescribeVolumes>(DescribeVolumesRequest::default())
///     .page_size(100)
///     .items();
/// let mut volumes = std::pin::pin!(volumes);
/// while let Some(volume) = volumes.next().await {
///     println!("{:?}", volume?.volume_id);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: HttpClient<HttpsConnector<HttpConnector>, Full<Bytes>>,
    endpoint: http::Uri,
    region: String,
    credentials: Credentials,
    retry: RetryPolicy,
    timeout: Duration,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("endpoint", &inner.endpoint)
            .field("region", &inner.region)
            .field("credentials", &inner.credentials)
            .field("retry", &inner.retry)
            .field("timeout", &inner.timeout)
            .finish_non_exhaustive()
    }
}

/// Settings for a [`Client`]; what is not set comes from the environment and the shared AWS files.
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    region: Option<String>,
    endpoint_url: Option<String>,
    credentials: Option<Credentials>,
    retry: RetryPolicy,
    timeout: Option<Duration>,
}

impl ClientBuilder {
    /// The region (`us-east-1`); default: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's
    /// `region`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Where requests go (`http://127.0.0.1:4599`); default: `AWS_ENDPOINT_URL_EC2`,
    /// `AWS_ENDPOINT_URL`, then `https://ec2.{region}.amazonaws.com`.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// The credentials; default: as the AWS CLI finds them (see [`crate::credentials`]).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The retry policy; default: [`RetryPolicy::default`].
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// How long one attempt may take, from sending to the whole answer read; default 30 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The client.
    ///
    /// # Errors
    /// [`ClientError::Config`] for no region, a malformed region or endpoint URL;
    /// [`ClientError::Credentials`] when none are given and none are found.
    pub fn build(self) -> Result<Client, ClientError> {
        self.build_in(&credentials::process_environment)
    }

    pub(crate) fn build_in(self, env: Environment<'_>) -> Result<Client, ClientError> {
        let region = match self.region.or_else(|| credentials::region(env)) {
            Some(region) => region,
            None => {
                return Err(ClientError::Config(format!(
                    "no region: give one, or set AWS_REGION, or `region` in the `{}` profile of the shared config file",
                    credentials::profile_name(env)
                )));
            }
        };
        // The region becomes part of a host name: letters, digits and dashes only.
        if region.is_empty()
            || !region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(ClientError::Config(format!(
                "`{region}` is not a region name"
            )));
        }
        let endpoint_text = self
            .endpoint_url
            .or_else(|| env("AWS_ENDPOINT_URL_EC2"))
            .or_else(|| env("AWS_ENDPOINT_URL"))
            .unwrap_or_else(|| format!("https://ec2.{region}.amazonaws.com"));
        let endpoint: http::Uri = endpoint_text
            .parse()
            .map_err(|error| ClientError::Config(format!("endpoint `{endpoint_text}`: {error}")))?;
        if !matches!(endpoint.scheme_str(), Some("http" | "https")) || endpoint.host().is_none() {
            return Err(ClientError::Config(format!(
                "endpoint `{endpoint_text}`: an http:// or https:// URL with a host"
            )));
        }
        let credentials = match self.credentials {
            Some(credentials) => credentials,
            None => credentials::resolve(env)?,
        };
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|error| ClientError::Config(format!("TLS: {error}")))?
        .with_root_certificates(rustls::RootCertStore::from_iter(
            webpki_roots::TLS_SERVER_ROOTS.iter().cloned(),
        ))
        .with_no_client_auth();
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .build();
        let http = HttpClient::builder(TokioExecutor::new()).build(connector);
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint,
                region,
                credentials,
                retry: self.retry,
                timeout: self.timeout.unwrap_or(Duration::from_secs(30)),
            }),
        })
    }
}

impl Client {
    /// Settings to build a client from.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client with the region, endpoint and credentials the environment and the shared AWS
    /// files give, as the AWS CLI would use.
    ///
    /// # Errors
    /// As [`ClientBuilder::build`].
    pub fn from_env() -> Result<Client, ClientError> {
        ClientBuilder::default().build()
    }

    /// The region requests are signed for.
    pub fn region(&self) -> &str {
        &self.inner.region
    }

    /// Where requests go.
    pub fn endpoint(&self) -> &http::Uri {
        &self.inner.endpoint
    }

    /// Sends `request` as operation `O`, retrying throttling and transient failures.
    ///
    /// # Errors
    /// EC2's error as [`ClientError::Service`] (or [`ClientError::ClockSkew`]), or why no answer
    /// came.
    pub async fn send<O>(&self, request: &O::Request) -> Result<O::Response, ClientError>
    where
        O: DescribeOperation,
        O::Response: Default,
    {
        let body = Bytes::from(request.to_query());
        let mut attempt = 1;
        loop {
            let failure = match self.attempt(&body).await {
                Ok(bytes) => {
                    return O::Response::from_xml(&bytes).map_err(|error| ClientError::Response {
                        status: 200,
                        problem: error.to_string(),
                    });
                }
                Err(failure) => failure,
            };
            if attempt >= self.inner.retry.max_attempts || !failure.is_retryable() {
                return Err(failure);
            }
            tokio::time::sleep(self.inner.retry.backoff(attempt)).await;
            attempt += 1;
        }
    }

    /// One signed POST of `body`; the body of a 200, or the failure.
    async fn attempt(&self, body: &Bytes) -> Result<Bytes, ClientError> {
        let inner = &self.inner;
        let mut request = http::Request::post(inner.endpoint.clone())
            .header(
                http::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded; charset=utf-8",
            )
            .header(
                http::header::USER_AGENT,
                concat!("ec2-ops-client/", env!("CARGO_PKG_VERSION")),
            )
            .body(body.clone())
            .map_err(|error| ClientError::Config(error.to_string()))?;
        Signer {
            credentials: &inner.credentials,
            region: &inner.region,
            service: SERVICE,
            time: SystemTime::now(),
            content_sha256_header: false,
        }
        .sign(&mut request)
        .map_err(|error| ClientError::Config(format!("signing: {error}")))?;
        let request = request.map(Full::new);
        let exchange = async {
            let response = inner.http.request(request).await.map_err(|error| {
                ClientError::Transport(format!("{}: {}", inner.endpoint, error_chain(&error)))
            })?;
            let (parts, body) = response.into_parts();
            let status = parts.status.as_u16();
            let bytes = Limited::new(body, MAX_XML_BYTES)
                .collect()
                .await
                .map_err(|error| {
                    if error.is::<http_body_util::LengthLimitError>() {
                        ClientError::Response {
                            status,
                            problem: format!("the answer is larger than {MAX_XML_BYTES} bytes"),
                        }
                    } else {
                        ClientError::Transport(format!(
                            "{}: reading the answer: {error}",
                            inner.endpoint
                        ))
                    }
                })?
                .to_bytes();
            Ok::<_, ClientError>((parts, bytes))
        };
        let (parts, bytes) = tokio::time::timeout(inner.timeout, exchange)
            .await
            .map_err(|_| ClientError::Timeout(inner.timeout))??;
        let status = parts.status.as_u16();
        if status == 200 {
            return Ok(bytes);
        }
        let parsed = parse_error(&bytes, status).map_err(|error| ClientError::Response {
            status,
            problem: error.to_string(),
        })?;
        let header = |name: &str| {
            parts
                .headers
                .get(name)
                .and_then(|value| value.to_str().ok())
        };
        let request_id = parsed
            .request_id
            .or_else(|| header("x-amzn-requestid").map(str::to_owned));
        let server_date = header("date").and_then(parse_http_date);
        Err(classify(
            parsed.error,
            request_id,
            server_date,
            SystemTime::now(),
            &inner.credentials.source,
        ))
    }
}

/// An error and its causes, one line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// EC2's answer to a request signed at a time too far from its own: how far counts as skew.
const SKEW_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// EC2's error as the client reports it: a time-related refusal with the server's clock far from
/// ours is clock skew, named with its size; otherwise a refusal of the credentials says where they
/// came from.
fn classify(
    error: Ec2Error,
    request_id: Option<String>,
    server_date: Option<SystemTime>,
    now: SystemTime,
    credentials_source: &str,
) -> ClientError {
    let about_time = matches!(
        error.code(),
        "RequestExpired" | "RequestTimeTooSkewed" | "AuthFailure" | "SignatureDoesNotMatch"
    );
    if let (true, Some(server)) = (about_time, server_date) {
        let (skew, ahead) = match now.duration_since(server) {
            Ok(ahead_by) => (ahead_by, true),
            Err(behind) => (behind.duration(), false),
        };
        if skew >= SKEW_TOLERANCE {
            return ClientError::ClockSkew {
                skew,
                ahead,
                error,
                request_id,
            };
        }
    }
    let about_credentials = matches!(
        error.code(),
        "AuthFailure"
            | "RequestExpired"
            | "ExpiredToken"
            | "InvalidClientTokenId"
            | "UnrecognizedClientException"
    );
    if about_credentials {
        return ClientError::CredentialsRejected {
            source: credentials_source.to_owned(),
            error,
            request_id,
        };
    }
    ClientError::Service { error, request_id }
}

/// An HTTP `Date` header (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn parse_http_date(text: &str) -> Option<SystemTime> {
    let format = time::format_description::parse_borrowed::<1>(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT",
    )
    .expect("a valid format description");
    let parsed = time::PrimitiveDateTime::parse(text, &format).ok()?;
    Some(parsed.assume_utc().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_http_date_parses() {
        assert_eq!(
            parse_http_date("Sun, 30 Aug 2015 12:36:00 GMT"),
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160))
        );
        assert_eq!(parse_http_date("yesterday"), None);
    }

    #[test]
    fn a_time_refusal_with_a_distant_server_clock_is_clock_skew() {
        let server = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let expired = || Ec2Error::new("RequestExpired", "Request has expired.", 400);
        let skewed = classify(
            expired(),
            Some("r-1".into()),
            Some(server),
            server + Duration::from_secs(3600),
            "given",
        );
        assert!(
            matches!(skewed, ClientError::ClockSkew { skew, ahead: true, .. } if skew == Duration::from_secs(3600)),
            "{skewed:?}"
        );
        assert!(
            skewed.to_string().contains("3600 s ahead of EC2's"),
            "{skewed}"
        );
        let behind = classify(
            expired(),
            None,
            Some(server),
            server - Duration::from_secs(600),
            "given",
        );
        assert!(matches!(
            behind,
            ClientError::ClockSkew { ahead: false, .. }
        ));
        let other = classify(
            Ec2Error::new("InvalidVolume.NotFound", "gone", 400),
            None,
            Some(server),
            server + Duration::from_secs(3600),
            "given",
        );
        assert!(matches!(other, ClientError::Service { .. }));
    }

    #[test]
    fn an_expired_credential_with_the_clocks_agreeing_names_where_it_came_from() {
        let server = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let expired = classify(
            Ec2Error::new("RequestExpired", "Request has expired.", 400),
            Some("r-2".into()),
            Some(server),
            server + Duration::from_secs(10),
            "/home/me/.aws/credentials [work]",
        );
        assert!(
            matches!(&expired, ClientError::CredentialsRejected { source, .. } if source == "/home/me/.aws/credentials [work]"),
            "{expired:?}"
        );
        let text = expired.to_string();
        assert!(
            text.contains("refused the credentials from /home/me/.aws/credentials [work]"),
            "{text}"
        );
        assert!(text.contains("request ID r-2"), "{text}");
    }

    #[test]
    fn a_region_must_be_a_host_name_part() {
        let none = |_: &str| None;
        let built = Client::builder()
            .region("us-east-1/../x")
            .credentials(Credentials::new("a", "b"))
            .build_in(&none);
        assert!(matches!(built, Err(ClientError::Config(_))));
        let built = Client::builder()
            .credentials(Credentials::new("a", "b"))
            .build_in(&none);
        assert!(
            matches!(&built, Err(ClientError::Config(text)) if text.contains("no region")),
            "{built:?}"
        );
    }

    #[test]
    fn the_endpoint_is_regional_unless_overridden() {
        let none = |_: &str| None;
        let client = Client::builder()
            .region("eu-west-3")
            .credentials(Credentials::new("a", "b"))
            .build_in(&none)
            .unwrap();
        assert_eq!(
            client.endpoint().to_string(),
            "https://ec2.eu-west-3.amazonaws.com/"
        );
        let local = |name: &str| {
            (name == "AWS_ENDPOINT_URL_EC2").then(|| "http://127.0.0.1:4599".to_owned())
        };
        let client = Client::builder()
            .region("eu-west-3")
            .credentials(Credentials::new("a", "b"))
            .build_in(&local)
            .unwrap();
        assert_eq!(client.endpoint().to_string(), "http://127.0.0.1:4599/");
    }
}
