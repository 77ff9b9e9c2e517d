//! A local EC2-compatible endpoint serving the seed operations over HTTP, for boto3, the AWS CLI and
//! aws-sdk-rust pointed at it with `--endpoint-url`.
//!
//! ```text
//! cargo run --example endpoint -- [--port N] [--seed FILE] [--token-key BASE64]
//! ```
//!
//! - listens on 127.0.0.1, port 4599 by default; `--port 0` picks a free port; the address is printed
//!   on stdout as `listening on http://127.0.0.1:PORT`;
//! - POST `/` with a form body, or GET `/?Action=...`; answers EC2's XML with
//!   `Content-Type: text/xml;charset=UTF-8` and EC2's status codes;
//! - SigV4 `Authorization` headers and `X-Amz-*` query parameters are accepted and **not verified**;
//! - bodies over 1 MiB are refused with 413 and never kept: up to 16 MiB is read and thrown away
//!   first, so clients that send the whole body before reading get the answer, not a broken pipe;
//! - `--seed FILE` loads `{"Reservations": [...], "Volumes": [...], ...}`, one key per operation's
//!   output member (the AWS CLI's JSON; see `seed.rs`); without it an embedded sample set is served;
//!   each resource is stored once and other operations' views of it derived (`inventory.rs`);
//! - `--token-key` (or `EC2_OPS_TOKEN_KEY`): the base64 32-byte key `NextToken`s are signed with, so
//!   endpoints sharing it continue each other's page walks; random per process without it;
//! - one log line per request on stderr; Ctrl-C stops it cleanly.

mod inventory;
mod seed;
mod tag_view;
mod volume_view;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bytes_body::{Body, full};
use ec2_ops::wire::query::QueryLimits;
use ec2_ops::wire::xml::render_error;
use ec2_ops::{DescribeContext, Ec2Error, Service, TokenKey, new_request_id};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// The port when `--port` is not given.
const DEFAULT_PORT: &str = "4599";

mod bytes_body {
    use http_body_util::Full;
    use hyper::body::Bytes;

    pub type Body = Full<Bytes>;

    pub fn full(bytes: Vec<u8>) -> Body {
        Full::new(Bytes::from(bytes))
    }
}

struct Options {
    port: u16,
    seed: Option<PathBuf>,
    token_key: Option<TokenKey>,
}

/// The command line: `--port`, `--seed` and `--token-key` (or `EC2_OPS_TOKEN_KEY`).
fn command() -> clap::Command {
    use clap::{Arg, Command, value_parser};
    Command::new("endpoint")
        .about("A local EC2-compatible endpoint serving the operations of ec2_ops::seed")
        .arg(
            Arg::new("port")
                .long("port")
                .value_name("N")
                .default_value(DEFAULT_PORT)
                .value_parser(value_parser!(u16))
                .help("the port on 127.0.0.1 (0 picks a free one)"),
        )
        .arg(
            Arg::new("seed")
                .long("seed")
                .value_name("FILE")
                .value_parser(value_parser!(PathBuf))
                .help("JSON in the AWS CLI's shape, one key per output member; default: the embedded sample"),
        )
        .arg(
            Arg::new("token-key")
                .long("token-key")
                .env("EC2_OPS_TOKEN_KEY")
                .value_name("BASE64")
                .hide_env_values(true)
                .help("the 32-byte key NextTokens are signed with, base64 (`openssl rand -base64 32`); endpoints sharing it continue each other's page walks; default: random per process"),
        )
}

fn parse_options() -> Result<Options, String> {
    // `--help` prints and exits 0, a bad argument prints clap's message and exits 2.
    let matches = command().get_matches();
    let token_key = match matches.get_one::<String>("token-key") {
        Some(text) => Some(token_key_from_base64(text)?),
        None => None,
    };
    Ok(Options {
        port: *matches
            .get_one::<u16>("port")
            .expect("--port has a default"),
        seed: matches.get_one::<PathBuf>("seed").cloned(),
        token_key,
    })
}

/// A token key from its base64 text: exactly 32 bytes.
fn token_key_from_base64(text: &str) -> Result<TokenKey, String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|error| format!("--token-key: not base64: {error}"))?;
    let bytes: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
        format!("--token-key: a key is 32 bytes, this is {}", bytes.len())
    })?;
    Ok(TokenKey::from_bytes(bytes))
}

fn xml_response(status: u16, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(full(body));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        CONTENT_TYPE,
        "text/xml;charset=UTF-8"
            .parse()
            .expect("a valid header value"),
    );
    response
}

fn error_response(error: &Ec2Error) -> Response<Body> {
    xml_response(error.status(), render_error(error, &new_request_id()))
}

/// Most bytes of an oversized body read and thrown away before the 413 is sent. Most clients send their
/// whole body before reading the answer (none of boto3, the AWS CLI or urllib waits for
/// `100 Continue`), so closing the connection with the body unread would give them a broken pipe
/// instead of the 413; beyond this much, the connection is closed anyway.
const DISCARD_LIMIT: usize = 16 << 20;

fn too_large(limit: usize) -> Ec2Error {
    Ec2Error::new(
        "RequestEntityTooLarge",
        format!("The request body is larger than {limit} bytes"),
        413,
    )
}

/// The body, when it is at most `limit` bytes; an oversized one (declared, or found while reading a
/// chunked one) is read on to [`DISCARD_LIMIT`] without being kept, and refused.
async fn read_body(
    mut body: Incoming,
    declared: Option<usize>,
    limit: usize,
) -> Result<Vec<u8>, Ec2Error> {
    if declared.is_some_and(|length| length > DISCARD_LIMIT) {
        return Err(too_large(limit));
    }
    let declared_too_large = declared.is_some_and(|length| length > limit);
    let mut kept = Vec::with_capacity(declared.unwrap_or(0).min(limit));
    let mut read = 0_usize;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            return Err(Ec2Error::new(
                "IncompleteBody",
                "The request body ended before its declared length",
                400,
            ));
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        read = read.saturating_add(data.len());
        if read > DISCARD_LIMIT {
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

async fn handle(
    service: Arc<Service>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let started = Instant::now();
    let limit = QueryLimits::default().max_bytes;
    let params: Result<Vec<u8>, Ec2Error> = match *request.method() {
        Method::GET => Ok(request
            .uri()
            .query()
            .unwrap_or_default()
            .as_bytes()
            .to_vec()),
        Method::POST => {
            let declared = request
                .headers()
                .get(CONTENT_LENGTH)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.parse::<usize>().ok());
            read_body(request.into_body(), declared, limit).await
        }
        _ => Err(Ec2Error::new(
            "UnsupportedHttpVerb",
            "EC2 requests are GET or POST",
            405,
        )),
    };
    let (response, action, items) = match params {
        Ok(params) => {
            let answer = service.handle(&params);
            (
                xml_response(answer.status, answer.body),
                answer.action,
                answer.items,
            )
        }
        Err(error) => (error_response(&error), None, 0),
    };
    eprintln!(
        "{} {} items={} {:.1}ms",
        action.as_deref().unwrap_or("-"),
        response.status().as_u16(),
        items,
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(response)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    };
    let seed = match &options.seed {
        Some(path) => seed::Seed::from_file(path),
        None => seed::Seed::parse(seed::SAMPLE, "the embedded sample set"),
    };
    let seed = match seed {
        Ok(seed) => seed,
        Err(error) => {
            eprintln!("error: cannot load the seed: {error}");
            std::process::exit(1);
        }
    };
    let summary = seed.summary();
    let context = match options.token_key {
        Some(key) => DescribeContext::new(key),
        None => DescribeContext::default(),
    };
    let service = Arc::new(inventory::Inventory::new(seed, context).into_service());
    let listener = match TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], options.port))).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "error: cannot listen on 127.0.0.1:{}: {error}",
                options.port
            );
            std::process::exit(1);
        }
    };
    // The signal handlers are installed before the address is printed, so a client that reads the
    // address and immediately interrupts still gets a clean shutdown.
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    let address = listener
        .local_addr()
        .expect("a bound socket has an address");
    println!("listening on http://{address}");
    eprintln!("serving {summary}; Ctrl-C stops");

    loop {
        tokio::select! {
            () = &mut shutdown => {
                eprintln!("shutting down");
                break;
            }
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let service = Arc::clone(&service);
                tokio::spawn(async move {
                    let handler = hyper::service::service_fn(move |request| handle(Arc::clone(&service), request));
                    let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), handler).await;
                });
            }
        }
    }
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM. The handlers are registered when this is called.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).expect("installing the SIGINT handler");
        let mut terminate =
            signal(SignalKind::terminate()).expect("installing the SIGTERM handler");
        async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_key_is_32_bytes_of_base64() {
        use base64::Engine;
        let text = base64::engine::general_purpose::STANDARD.encode([7_u8; 32]);
        assert!(token_key_from_base64(&text).is_ok());
        assert!(token_key_from_base64(&format!(" {text}\n")).is_ok());
        let short = base64::engine::general_purpose::STANDARD.encode([7_u8; 16]);
        assert_eq!(
            token_key_from_base64(&short).err().as_deref(),
            Some("--token-key: a key is 32 bytes, this is 16")
        );
        assert!(
            token_key_from_base64("not base64!")
                .unwrap_err()
                .contains("not base64")
        );
    }

    #[test]
    fn the_command_line_parses_port_seed_and_token_key() {
        let matches = command()
            .try_get_matches_from([
                "endpoint",
                "--port",
                "0",
                "--seed",
                "s.json",
                "--token-key",
                "k",
            ])
            .unwrap();
        assert_eq!(matches.get_one::<u16>("port"), Some(&0));
        assert_eq!(
            matches.get_one::<PathBuf>("seed"),
            Some(&PathBuf::from("s.json"))
        );
        assert_eq!(
            matches.get_one::<String>("token-key").map(String::as_str),
            Some("k")
        );
        assert!(
            command()
                .try_get_matches_from(["endpoint", "--port", "x"])
                .is_err()
        );
    }
}
