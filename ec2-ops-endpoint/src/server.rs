//! The endpoint as a server: connections accepted up to a limit, each bounded in time, and a drain
//! on shutdown that lets requests in flight finish.
//!
//! - **Connection limit**: at most `max_connections` are served at once. Up to as many again are
//!   answered 503 `Unavailable` (EC2's answer when it is overloaded; SDKs retry it) and closed;
//!   beyond that, connections are closed unanswered, so a flood costs no more than twice the limit.
//!   Refusals are logged as a count at most once a second, so the log cannot slow accepting down.
//! - **Time limits**: a request's headers must arrive within `header_timeout` (hyper closes the
//!   connection otherwise; the same bound applies to the wait for the next request on a kept-alive
//!   connection), its body within `body.timeout` (408 `RequestTimeout`), and a connection on which
//!   nothing moves in either direction for `idle_timeout` is closed. A connection older than
//!   `max_connection_age` finishes its request in flight and closes, so no client holds a slot for
//!   longer than that plus one request, however it paces its requests.
//! - **Drain**: when `shutdown` resolves, the listener closes (new connections are refused), idle
//!   connections close, requests in flight are answered, and `serve` returns when the last
//!   connection is done or `drain_timeout` has passed.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use ec2_ops::Ec2Error;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::Instant;

use crate::http::{self, BodyLimits, State};
use crate::idle::{Activity, Watched};

/// How the server bounds its connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Most connections served at once.
    pub max_connections: usize,
    /// Longest a request's headers may take to arrive.
    pub header_timeout: Duration,
    /// Longest a connection may move no bytes in either direction.
    pub idle_timeout: Duration,
    /// Age after which a connection closes once its request in flight is answered.
    pub max_connection_age: Duration,
    /// Longest a shutdown waits for requests in flight.
    pub drain_timeout: Duration,
    /// Request body size and time limits.
    pub body: BodyLimits,
}

impl Default for Settings {
    /// 1,024 connections; 10 s for headers, 60 s idle, connections closed at 300 s, a 30 s drain;
    /// [`BodyLimits::default`].
    fn default() -> Self {
        Settings {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connection_age: Duration::from_secs(300),
            drain_timeout: Duration::from_secs(30),
            body: BodyLimits::default(),
        }
    }
}

/// How a server's run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drained {
    /// Every connection finished within the drain timeout.
    Completely,
    /// The drain timeout passed with this many connections still open; they were dropped.
    TimedOut { open: usize },
}

/// Serves `state` on `listener` until `shutdown` resolves, then drains.
pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<State>,
    settings: Settings,
    shutdown: impl Future<Output = ()>,
) -> Drained {
    let served = Arc::new(Semaphore::new(settings.max_connections));
    let refused = Arc::new(Semaphore::new(settings.max_connections));
    let (drain, draining) = watch::channel(());
    let mut refusals = RefusalLog::new(settings.max_connections);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors, or a connection reset before it was accepted:
                        // pause briefly rather than spin, and go on.
                        tracing::warn!(%error, "accept failed");
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                };
                if let Ok(permit) = Arc::clone(&served).try_acquire_owned() {
                    let connection = connection(stream, peer, Arc::clone(&state), settings, draining.clone());
                    tokio::spawn(with_permit(connection, permit));
                } else if let Ok(permit) = Arc::clone(&refused).try_acquire_owned() {
                    refusals.answered();
                    tokio::spawn(with_permit(refuse(stream, settings), permit));
                } else {
                    refusals.closed();
                    drop(stream);
                }
            }
        }
    }
    drop(listener);
    refusals.report();
    let open = settings.max_connections - served.available_permits();
    tracing::info!(open, "shutting down: draining connections");
    // Every connection holds a permit until it ends, so holding them all means all have ended.
    let all = u32::try_from(settings.max_connections).unwrap_or(u32::MAX);
    let _ = drain.send(());
    tokio::select! {
        _ = served.acquire_many(all) => {
            tracing::info!("drained");
            Drained::Completely
        }
        () = tokio::time::sleep(settings.drain_timeout) => {
            let open = settings.max_connections - served.available_permits();
            tracing::warn!(open, "drain timed out: dropping the connections left");
            Drained::TimedOut { open }
        }
    }
}

async fn with_permit(work: impl Future<Output = ()>, permit: OwnedSemaphorePermit) {
    work.await;
    drop(permit);
}

/// Counts connections refused at the limit and logs the counts at most once a second: one line
/// per refusal would let a flood spend the accept loop's time writing the log.
struct RefusalLog {
    limit: usize,
    answered: u64,
    closed: u64,
    last_report: Instant,
}

impl RefusalLog {
    fn new(limit: usize) -> RefusalLog {
        RefusalLog {
            limit,
            answered: 0,
            closed: 0,
            last_report: Instant::now(),
        }
    }

    fn answered(&mut self) {
        self.answered += 1;
        self.report_if_due();
    }

    fn closed(&mut self) {
        self.closed += 1;
        self.report_if_due();
    }

    fn report_if_due(&mut self) {
        if self.last_report.elapsed() >= Duration::from_secs(1) {
            self.report();
        }
    }

    fn report(&mut self) {
        if self.answered + self.closed > 0 {
            tracing::warn!(
                limit = self.limit,
                answered_503 = self.answered,
                closed_unanswered = self.closed,
                "connection limit reached"
            );
        }
        self.answered = 0;
        self.closed = 0;
        self.last_report = Instant::now();
    }
}

/// Serves one connection until the client closes it, a time limit passes, or a drain ends it.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    state: Arc<State>,
    settings: Settings,
    mut draining: watch::Receiver<()>,
) {
    let activity = Activity::new();
    let io = TokioIo::new(Watched::new(stream, activity.clone()));
    let handler = hyper::service::service_fn(move |request| {
        http::handle(Arc::clone(&state), settings.body, peer, request)
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(settings.header_timeout)
        .serve_connection(io, handler);
    tokio::pin!(served);
    let aged = tokio::time::sleep(settings.max_connection_age);
    tokio::pin!(aged);
    let mut closing = false;
    tracing::debug!(%peer, "connection opened");
    loop {
        tokio::select! {
            result = served.as_mut() => {
                match result {
                    Ok(()) => tracing::debug!(%peer, "connection closed"),
                    Err(error) => tracing::debug!(%peer, %error, "connection ended"),
                }
                return;
            }
            () = activity.idle_for(settings.idle_timeout) => {
                tracing::info!(%peer, idle_s = settings.idle_timeout.as_secs_f64(), "idle timeout: closing");
                return;
            }
            // A dropped sender means the server is gone: drain as well.
            _ = draining.changed(), if !closing => {
                served.as_mut().graceful_shutdown();
                closing = true;
            }
            () = &mut aged, if !closing => {
                tracing::debug!(%peer, "connection reached its maximum age: closing after its request");
                served.as_mut().graceful_shutdown();
                closing = true;
            }
        }
    }
}

/// Answers one request on a connection over the limit with 503 `Unavailable`, then closes it.
async fn refuse(stream: TcpStream, settings: Settings) {
    let handler = hyper::service::service_fn(|_request| async {
        let error = Ec2Error::new(
            "Unavailable",
            "The server is overloaded and can't handle the request.",
            503,
        );
        Ok::<_, std::convert::Infallible>(http::error_response(&error))
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(settings.header_timeout)
        .keep_alive(false)
        .serve_connection(TokioIo::new(stream), handler);
    // The header timeout bounds the wait for the request; this bounds the rest (a client that
    // never reads the answer), so a refused connection costs at most the two.
    let _ = tokio::time::timeout(settings.header_timeout * 2, served).await;
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    use tokio::sync::oneshot;
    use tokio::task::JoinHandle;

    use super::*;

    const VOLUMES: &str = "Action=DescribeVolumes&Version=2016-11-15&MaxResults=5";

    fn settings() -> Settings {
        Settings {
            max_connections: 8,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(10),
            max_connection_age: Duration::from_secs(60),
            drain_timeout: Duration::from_secs(10),
            body: BodyLimits {
                max_bytes: 1 << 20,
                discard_bytes: 16 << 20,
                timeout: Duration::from_secs(10),
            },
        }
    }

    struct Running {
        address: SocketAddr,
        stop: oneshot::Sender<()>,
        served: JoinHandle<Drained>,
    }

    async fn start(settings: Settings) -> Running {
        let accounts = crate::Endpoint::builder()
            .sample()
            .build_accounts()
            .unwrap();
        let state = Arc::new(State {
            accounts: Arc::new(accounts),
            control: crate::ControlApi::Off,
            credentials: None,
        });
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let served = tokio::spawn(serve(listener, state, settings, async {
            let _ = stopped.await;
        }));
        Running {
            address,
            stop,
            served,
        }
    }

    fn post(body: &str) -> String {
        format!(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    }

    /// Reads one response head and its `Content-Length` body.
    async fn read_response(stream: &mut TcpStream) -> String {
        try_read_response(stream)
            .await
            .expect("a response before the connection closed")
    }

    /// One response, or `None` when the connection closes before its first byte.
    async fn try_read_response(stream: &mut TcpStream) -> Option<String> {
        let mut bytes = Vec::new();
        let mut chunk = [0_u8; 4096];
        loop {
            let read = stream.read(&mut chunk).await.unwrap_or(0);
            if read == 0 && bytes.is_empty() {
                return None;
            }
            assert!(read > 0, "connection closed inside a response: {bytes:?}");
            bytes.extend_from_slice(&chunk[..read]);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if let Some(head_end) = text.find("\r\n\r\n") {
                let length: usize = text[..head_end]
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length: "))
                    .expect("a content-length")
                    .parse()
                    .unwrap();
                if bytes.len() >= head_end + 4 + length {
                    return Some(text);
                }
            }
        }
    }

    /// Whether the server closes the connection (reads end) within `within`.
    async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
        let mut sink = Vec::new();
        matches!(
            tokio::time::timeout(within, stream.read_to_end(&mut sink)).await,
            Ok(Ok(_) | Err(_))
        )
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_is_answered_and_the_connection_kept_alive() {
        let running = start(settings()).await;
        let mut stream = TcpStream::connect(running.address).await.unwrap();
        for _ in 0..2 {
            stream.write_all(post(VOLUMES).as_bytes()).await.unwrap();
            let response = read_response(&mut stream).await;
            assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
            assert!(response.contains("<DescribeVolumesResponse"), "{response}");
        }
    }

    /// A POST whose body is `length` bytes of a form, sent whole (or in chunks, with
    /// `Transfer-Encoding: chunked`), before the answer is read.
    async fn send_large_body(address: SocketAddr, length: usize, chunked: bool) -> String {
        let mut stream = TcpStream::connect(address).await.unwrap();
        let mut body = format!("{VOLUMES}&Filter.1.Name=volume-id&Filter.1.Value.1=").into_bytes();
        body.resize(length, b'a');
        let head = if chunked {
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".to_owned()
        } else {
            format!("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n")
        };
        stream.write_all(head.as_bytes()).await.unwrap();
        if chunked {
            for chunk in body.chunks(64 << 10) {
                let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
                framed.extend_from_slice(chunk);
                framed.extend_from_slice(b"\r\n");
                stream.write_all(&framed).await.unwrap();
            }
            stream.write_all(b"0\r\n\r\n").await.unwrap();
        } else {
            stream.write_all(&body).await.unwrap();
        }
        read_response(&mut stream).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_oversized_declared_body_is_refused_with_413() {
        let running = start(settings()).await;
        let response = send_large_body(running.address, 2 << 20, false).await;
        assert!(response.starts_with("HTTP/1.1 413"), "{response}");
        assert!(
            response.contains("<Code>RequestEntityTooLarge</Code><Message>The request body is larger than 1048576 bytes</Message>"),
            "{response}"
        );
        // Exactly at the limit is read and answered.
        let response = send_large_body(running.address, 1 << 20, false).await;
        assert!(!response.starts_with("HTTP/1.1 413"), "{response}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_oversized_chunked_body_is_refused_with_413() {
        let running = start(settings()).await;
        let response = send_large_body(running.address, 2 << 20, true).await;
        assert!(response.starts_with("HTTP/1.1 413"), "{response}");
        assert!(
            response.contains("<Code>RequestEntityTooLarge</Code>"),
            "{response}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_body_declared_over_the_discard_limit_is_refused_unread() {
        let running = start(settings()).await;
        let mut stream = TcpStream::connect(running.address).await.unwrap();
        let head = format!(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
            100_usize << 20
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        // Nothing of the 100 MiB is sent: the answer comes from the header alone.
        let response = read_response(&mut stream).await;
        assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_client_trickling_its_headers_is_cut_off_at_the_header_timeout() {
        let running = start(Settings {
            header_timeout: Duration::from_millis(300),
            ..settings()
        })
        .await;
        let mut stream = TcpStream::connect(running.address).await.unwrap();
        let request = post(VOLUMES);
        // One byte each 50 ms: the whole request would take over 4 s.
        let trickle = async {
            for (sent, byte) in request.bytes().enumerate() {
                if stream.write_all(&[byte]).await.is_err() {
                    return sent;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            request.len()
        };
        let sent = tokio::time::timeout(Duration::from_secs(10), trickle)
            .await
            .expect("the trickle ends");
        assert!(
            sent < request.len(),
            "the server closed the connection before the headers were whole"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_body_trickling_past_the_body_timeout_gets_408_request_timeout() {
        let running = start(Settings {
            body: BodyLimits {
                timeout: Duration::from_millis(300),
                ..settings().body
            },
            ..settings()
        })
        .await;
        let mut stream = TcpStream::connect(running.address).await.unwrap();
        let request = post(VOLUMES);
        let (head, body) = request.split_at(request.find("\r\n\r\n").unwrap() + 4);
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(&body.as_bytes()[..3]).await.unwrap();
        let response = read_response(&mut stream).await;
        assert!(response.starts_with("HTTP/1.1 408"), "{response}");
        assert!(
            response.contains("<Code>RequestTimeout</Code>"),
            "{response}"
        );
        assert!(closed_within(&mut stream, Duration::from_secs(2)).await);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_connection_moving_nothing_is_closed_after_the_idle_timeout() {
        let running = start(Settings {
            idle_timeout: Duration::from_millis(300),
            ..settings()
        })
        .await;
        let mut stream = TcpStream::connect(running.address).await.unwrap();
        stream.write_all(post(VOLUMES).as_bytes()).await.unwrap();
        let response = read_response(&mut stream).await;
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        // Kept alive, then idle: the header timeout (10 s) is far off, the idle timeout is not.
        assert!(closed_within(&mut stream, Duration::from_secs(3)).await);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_connection_past_its_maximum_age_closes_after_the_request_in_flight() {
        let running = start(Settings {
            max_connection_age: Duration::from_millis(300),
            ..settings()
        })
        .await;
        let mut stream = TcpStream::connect(running.address).await.unwrap();
        // A client pacing requests well inside every timeout: only the age ends its connection,
        // either with the answer to a request in flight or, between requests, at once.
        let paced = async {
            let mut answered = 0;
            loop {
                if stream.write_all(post(VOLUMES).as_bytes()).await.is_err() {
                    return answered;
                }
                let Some(response) = try_read_response(&mut stream).await else {
                    return answered;
                };
                assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
                answered += 1;
                if response.contains("connection: close") {
                    assert!(closed_within(&mut stream, Duration::from_secs(1)).await);
                    return answered;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        };
        let answered = tokio::time::timeout(Duration::from_secs(5), paced)
            .await
            .expect("the connection ends at its age");
        assert!(answered >= 2, "requests before the age were answered");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn connections_over_the_limit_are_answered_503_unavailable() {
        let running = start(Settings {
            max_connections: 2,
            ..settings()
        })
        .await;
        let mut held = Vec::new();
        for _ in 0..2 {
            let mut stream = TcpStream::connect(running.address).await.unwrap();
            stream.write_all(post(VOLUMES).as_bytes()).await.unwrap();
            assert!(read_response(&mut stream).await.starts_with("HTTP/1.1 200"));
            held.push(stream);
        }
        let mut third = TcpStream::connect(running.address).await.unwrap();
        third.write_all(post(VOLUMES).as_bytes()).await.unwrap();
        let response = read_response(&mut third).await;
        assert!(response.starts_with("HTTP/1.1 503"), "{response}");
        assert!(response.contains("<Code>Unavailable</Code>"), "{response}");
        // A slot freed is a slot served again.
        drop(held.pop());
        let served_again = async {
            loop {
                let mut stream = TcpStream::connect(running.address).await.unwrap();
                stream.write_all(post(VOLUMES).as_bytes()).await.unwrap();
                if read_response(&mut stream).await.starts_with("HTTP/1.1 200") {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        tokio::time::timeout(Duration::from_secs(5), served_again)
            .await
            .expect("a freed slot is served");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_drain_answers_the_request_in_flight_and_refuses_new_connections() {
        let running = start(settings()).await;
        let mut idle = TcpStream::connect(running.address).await.unwrap();
        let mut in_flight = TcpStream::connect(running.address).await.unwrap();
        let request = post(VOLUMES);
        let (head, body) = request.split_at(request.find("\r\n\r\n").unwrap() + 4);
        in_flight.write_all(head.as_bytes()).await.unwrap();
        in_flight.write_all(&body.as_bytes()[..3]).await.unwrap();
        // Let the server start on the request before the drain begins.
        tokio::time::sleep(Duration::from_millis(200)).await;
        running.stop.send(()).unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(
            TcpStream::connect(running.address).await.is_err(),
            "the listener is closed"
        );
        assert!(
            closed_within(&mut idle, Duration::from_secs(2)).await,
            "an idle connection closes at once"
        );
        in_flight.write_all(&body.as_bytes()[3..]).await.unwrap();
        let response = read_response(&mut in_flight).await;
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        let drained = tokio::time::timeout(Duration::from_secs(5), running.served)
            .await
            .expect("the drain ends once the last request is answered")
            .unwrap();
        assert_eq!(drained, Drained::Completely);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_drain_stops_waiting_after_its_timeout() {
        let running = start(Settings {
            drain_timeout: Duration::from_millis(300),
            ..settings()
        })
        .await;
        let mut stuck = TcpStream::connect(running.address).await.unwrap();
        let request = post(VOLUMES);
        stuck
            .write_all(&request.as_bytes()[..request.len() - 3])
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        running.stop.send(()).unwrap();
        let drained = tokio::time::timeout(Duration::from_secs(5), running.served)
            .await
            .expect("the drain gives up")
            .unwrap();
        assert_eq!(drained, Drained::TimedOut { open: 1 });
    }
}
