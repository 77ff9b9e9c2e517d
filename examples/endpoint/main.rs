//! A local EC2-compatible endpoint serving the seed operations over HTTP, for boto3, the AWS CLI and
//! aws-sdk-rust pointed at it with `--endpoint-url`.
//!
//! ```text
//! cargo run --example endpoint -- [--port N] [--seed FILE]
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
use ec2_ops::{Ec2Error, Service, new_request_id};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

const DEFAULT_PORT: u16 = 4599;

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
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        port: DEFAULT_PORT,
        seed: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            "--seed" => options.seed = Some(args.next().ok_or("--seed needs a file")?.into()),
            "--help" | "-h" => return Err("usage: endpoint [--port N] [--seed FILE]".into()),
            other => {
                return Err(format!(
                    "unknown argument `{other}`; usage: endpoint [--port N] [--seed FILE]"
                ));
            }
        }
    }
    Ok(options)
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
            eprintln!("{message}");
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
    let service = Arc::new(inventory::Inventory::new(seed).into_service());
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
