//! The line protocol between the runner and its worker processes.
//!
//! Parent → worker (stdin), one request per line, fields separated by tabs:
//!
//! ```text
//! RUN <id> <mode> <path>
//! ```
//!
//! Worker → parent (stdout), one message per line, each starting with the
//! ASCII record separator `\x1e` so stray output (from the engine, say) can
//! never be mistaken for a message:
//!
//! ```text
//! \x1eREADY <version>                               once, at start-up
//! \x1eDONE <id> <status> <micros> <message>         once per RUN
//! ```
//!
//! `status` is `pass`, `fail` or `timeout`; `message` is escaped (`\\`,
//! `\t`, `\n`, `\r`). The worker exits when its stdin is closed. On a panic
//! it writes a [`PANIC_PREFIX`] line to stderr before dying.

use crate::judge::{Status, Verdict};
use crate::testid::{Mode, TestId};
use std::time::Duration;

/// A worker that panics first writes one line to stderr starting with this
/// prefix (the panic message and location, newlines replaced by spaces), so
/// the parent can report the panic even when a long backtrace follows.
pub const PANIC_PREFIX: &str = "test262-subset worker panicked: ";

/// Bumped on any incompatible change; the parent checks it in `READY`.
pub const VERSION: u32 = 1;

const MARK: char = '\u{1e}';

/// A message from the parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Run one test and answer with `DONE` carrying the same id.
    Run {
        /// Request id, echoed in the answer.
        id: u64,
        /// The test to run.
        test: TestId,
    },
}

/// A message from a worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The worker started and speaks protocol `version`.
    Ready {
        /// Protocol version.
        version: u32,
    },
    /// A test finished.
    Done {
        /// The request id.
        id: u64,
        /// Outcome.
        verdict: Verdict,
        /// Time the worker spent on the test.
        duration: Duration,
    },
}

/// Escapes `\`, tab, newline and carriage return.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            MARK => out.push_str("\\x1e"),
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`].
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => out.push_str(&hex),
                }
            }
            Some(c) => out.push(c),
            None => out.push('\\'),
        }
    }
    out
}

/// Encodes a `RUN` request (without the newline).
pub fn encode_request(req: &Request) -> String {
    match req {
        Request::Run { id, test } => format!("RUN\t{id}\t{}\t{}", test.mode, test.path),
    }
}

/// Parses a request line.
pub fn parse_request(line: &str) -> Result<Request, String> {
    let fields: Vec<&str> = line.trim_end_matches(['\n', '\r']).split('\t').collect();
    match fields.as_slice() {
        ["RUN", id, mode, path] => Ok(Request::Run {
            id: id.parse().map_err(|_| format!("bad request id in {line:?}"))?,
            test: TestId::new(*path, Mode::parse(mode).ok_or_else(|| format!("bad mode in {line:?}"))?),
        }),
        _ => Err(format!("bad request {line:?}")),
    }
}

/// Encodes a response (without the newline).
pub fn encode_response(resp: &Response) -> String {
    match resp {
        Response::Ready { version } => format!("{MARK}READY\t{version}"),
        Response::Done { id, verdict, duration } => {
            format!("{MARK}DONE\t{id}\t{}\t{}\t{}", verdict.status, duration.as_micros(), escape(&verdict.message))
        }
    }
}

/// Parses a worker's output line: `None` if it is not a protocol message
/// (stray output) or is malformed.
pub fn parse_response(line: &str) -> Option<Response> {
    let line = line.trim_end_matches(['\n', '\r']);
    let msg = &line[line.rfind(MARK)? + MARK.len_utf8()..];
    let mut fields = msg.splitn(5, '\t');
    match fields.next()? {
        "READY" => Some(Response::Ready { version: fields.next()?.parse().ok()? }),
        "DONE" => {
            let id = fields.next()?.parse().ok()?;
            let status = Status::parse(fields.next()?)?;
            let micros: u64 = fields.next()?.parse().ok()?;
            let message = unescape(fields.next().unwrap_or(""));
            Some(Response::Done { id, verdict: Verdict { status, message }, duration: Duration::from_micros(micros) })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_round_trip() {
        let req = Request::Run { id: 42, test: TestId::new("test/language/a b.js", Mode::Strict) };
        let line = encode_request(&req);
        assert_eq!(line, "RUN\t42\tstrict\ttest/language/a b.js");
        assert_eq!(parse_request(&line), Ok(req));
        assert!(parse_request("RUN\t1\tloose\tx.js").is_err());
        assert!(parse_request("HELLO").is_err());
    }

    #[test]
    fn response_round_trip() {
        let resp =
            Response::Done { id: 7, verdict: Verdict::fail("line1\nline2\twith \\ and \u{1e}"), duration: Duration::from_micros(1234) };
        let line = encode_response(&resp);
        assert!(!line.contains('\n'));
        assert_eq!(line.matches('\u{1e}').count(), 1);
        assert_eq!(parse_response(&line), Some(resp));
        let ready = Response::Ready { version: VERSION };
        assert_eq!(parse_response(&encode_response(&ready)), Some(ready));
    }

    #[test]
    fn stray_output_is_ignored_or_skipped() {
        assert_eq!(parse_response("hello from the engine"), None);
        // A message glued to stray output without a newline still parses.
        let line = format!("partial{}", encode_response(&Response::Ready { version: 1 }));
        assert_eq!(parse_response(&line), Some(Response::Ready { version: 1 }));
        assert_eq!(parse_response("\u{1e}DONE\tx\tpass\t1\t"), None);
    }

    #[test]
    fn escaping() {
        for s in ["", "plain", "a\\nb", "tab\there", "\r\n", "\\", "\u{1e}x"] {
            assert_eq!(unescape(&escape(s)), s);
        }
    }
}
