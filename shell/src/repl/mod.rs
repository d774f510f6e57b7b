//! The interactive REPL: `jolt` with no file on a terminal, or `jolt -i`.
//!
//! - [`input`]: is an entry complete, and the top-level-`await` rewrite;
//! - [`complete`]: tab completion that never runs user code;
//! - [`commands`]: `.help`, `.load`, `.bytecode`, ...
//!
//! Each entry runs as a script in the same realm (`REPL1`, `REPL2`, ... in stack traces), so
//! its top-level `let`/`const`/`class`/function declarations persist for later entries exactly
//! as they do between the scripts of a page, and redeclaring a `let` in a later entry is the
//! same SyntaxError node's REPL reports. Results are echoed through the engine's inspector
//! (`jolt::builtins::inspect`, as `console.log` uses), in colour only when stdout is a
//! terminal.
//!
//! Promise jobs and timers run after each entry and also while the REPL waits for input, as
//! in node: lines come from a thread of their own (rustyline's editor on a terminal, a line
//! reader otherwise) over a channel, and the main thread, which owns the runtime, waits on
//! that channel only until the next timer is due ([`Runtime::next_job_delay`]). Tab completion
//! runs on the main thread too: the editor thread sends the request and waits for the answer.
//! Output made while a line is being edited (a timer's `console.log`) goes through rustyline's
//! external printer, which prints it above the prompt and redraws the line.
//! When stdin is not a terminal, entries are read line by line with the same semantics and
//! no prompts; at the end of the input the remaining jobs and timers run to completion.

pub mod commands;
pub mod complete;
pub mod input;

use jolt::builtins::inspect;
use jolt::builtins::promise::PromiseOutcome;
use jolt::runtime::shape::ACCESSOR;
use jolt::{JsErrorKind, Runtime, RuntimeOptions, Value};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// Where the REPL's output goes: stdout, or, on a terminal once the line editor runs,
/// rustyline's external printer (which writes straight through while no line is being edited,
/// and above the prompt, redrawing it, while one is).
#[derive(Default)]
pub struct Printer {
    external: RefCell<Option<Box<dyn rustyline::ExternalPrinter + Send>>>,
    /// Send `console.error` text through the external printer too (stderr is the terminal).
    errors_too: bool,
}

impl Printer {
    /// Prints one line (a newline is added).
    pub fn line(&self, s: &str) {
        if let Some(p) = self.external.borrow_mut().as_mut() {
            if p.print(format!("{s}\n")).is_ok() {
                return;
            }
        }
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{s}");
        let _ = out.flush();
    }

    /// Prints one line of error output (`console.error`).
    pub fn error_line(&self, s: &str) {
        if self.errors_too {
            self.line(s);
        } else {
            eprintln!("{s}");
        }
    }
}

/// One REPL's evaluation state.
pub struct Session {
    /// The runtime (shared with the completer).
    pub rt: Rc<RefCell<Runtime>>,
    /// The options new runtimes are made with (`.clear`).
    pub options: RuntimeOptions,
    /// Colour the echoed values.
    pub colors: bool,
    /// Entries evaluated so far (for `.save`).
    pub entries: Vec<String>,
    /// Where output goes.
    pub printer: Rc<Printer>,
    counter: u32,
}

/// Set while JavaScript runs, so that SIGINT interrupts it instead of exiting.
static EVALUATING: AtomicBool = AtomicBool::new(false);
/// The interrupt handle of the current runtime (leaked, one per runtime).
static HANDLE: AtomicPtr<jolt::InterruptHandle> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_: libc::c_int) {
    if EVALUATING.load(Ordering::SeqCst) {
        let h = HANDLE.load(Ordering::SeqCst);
        if !h.is_null() {
            // SAFETY: the handle is leaked, never freed; `interrupt` is an atomic store.
            unsafe { (*h).interrupt() };
        }
    } else {
        // SAFETY: `_exit` is async-signal-safe.
        unsafe { libc::_exit(130) };
    }
}

fn install_sigint(rt: &Runtime) {
    let h = Box::into_raw(Box::new(rt.interrupt_handle()));
    HANDLE.store(h, Ordering::SeqCst);
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: installs a handler that only touches atomics and calls `_exit`.
        unsafe { libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t) };
    });
}

impl Session {
    /// A session with a fresh runtime.
    pub fn new(options: RuntimeOptions, colors: bool, printer: Rc<Printer>) -> Session {
        let rt = Self::runtime(&options, &printer);
        Session { rt: Rc::new(RefCell::new(rt)), options, colors, entries: Vec::new(), printer, counter: 0 }
    }

    fn runtime(options: &RuntimeOptions, printer: &Rc<Printer>) -> Runtime {
        let mut rt = Runtime::with_options(options.clone());
        install_sigint(&rt);
        let p = printer.clone();
        rt.set_print_handler(Box::new(move |s| p.line(s)));
        let p = printer.clone();
        rt.set_error_handler(Box::new(move |s| p.error_line(s)));
        rt
    }

    /// Replaces the runtime by a fresh one (`.clear`).
    pub fn reset(&mut self) {
        let rt = Self::runtime(&self.options, &self.printer);
        *self.rt.borrow_mut() = rt;
    }

    /// Prints `s` and a newline, unless `s` is empty.
    pub fn print(&self, s: &str) {
        if !s.is_empty() {
            self.printer.line(s);
        }
    }

    /// Echo text for a value: strings quoted, everything else through the inspector.
    pub fn echo(&self, rt: &mut Runtime, v: Value) -> String {
        if let Some(s) = v.as_string() {
            let q = inspect::quote_string(&s.to_rust_string());
            return if self.colors { format!("\x1b[32m{q}\x1b[39m") } else { q };
        }
        let opts = inspect::Options { colors: self.colors, ..Default::default() };
        inspect::inspect(rt, v, &opts)
    }

    fn set_global(rt: &mut Runtime, name: &str, v: Value) {
        let g = rt.global_object();
        let k = rt.key(name);
        if rt.get_own_property(g, k).is_some_and(|p| p.attrs & ACCESSOR != 0) {
            return;
        }
        let _ = rt.put(Value::object(g), k, v, false);
    }

    /// Text for an uncaught exception; records it in `_error`. Frames of the entries' top
    /// level (`at REPLn:l:c`) are dropped from error stacks, as node does.
    fn uncaught(&self, rt: &mut Runtime, e: &jolt::JsError) -> String {
        match e.kind {
            JsErrorKind::Syntax => format!("Uncaught SyntaxError: {}", e.message),
            JsErrorKind::Interrupted => "Script execution was interrupted".to_string(),
            JsErrorKind::OutOfMemory => "Uncaught RangeError: heap limit exceeded".to_string(),
            JsErrorKind::OutOfFuel | JsErrorKind::TimeLimit => format!("Uncaught: {e}"),
            JsErrorKind::Thrown => match e.value(rt) {
                Some(v) => self.uncaught_value(rt, v, None),
                None => format!("Uncaught {e}"),
            },
        }
    }

    /// `awaited`: the name of an entry run through the top-level-`await` wrapper, whose
    /// anonymous async function's frames are dropped too.
    fn uncaught_value(&self, rt: &mut Runtime, v: Value, awaited: Option<&str>) -> String {
        Self::set_global(rt, "_error", v);
        if let Some(o) = v.as_object() {
            let sk = rt.key("stack");
            if let Some(p) = rt.get_own_property(o, sk).filter(|p| p.attrs & ACCESSOR == 0) {
                if let Some(s) = p.value.as_string() {
                    let text = s.to_rust_string();
                    let wrapper = awaited.map(|n| format!("    at <anonymous> ({n}:"));
                    let kept: Vec<&str> =
                        text.lines().filter(|l| !is_entry_frame(l) && !wrapper.as_deref().is_some_and(|w| l.starts_with(w))).collect();
                    let trimmed = kept.join("\n");
                    if trimmed != text {
                        let nv = rt.str(&trimmed);
                        let _ = rt.put(v, sk, nv, false);
                    }
                    return format!("Uncaught {trimmed}");
                }
            }
        }
        format!("Uncaught {}", self.echo(rt, v))
    }

    /// Evaluates one complete entry; returns the text to print (possibly empty).
    pub fn eval(&mut self, entry: &str) -> String {
        if entry.trim().is_empty() {
            return String::new();
        }
        self.entries.push(entry.to_string());
        self.counter += 1;
        let name = format!("REPL{}", self.counter);
        // `{ a: 1 }` is an object, not a block, when it parses as one (as in node).
        let t = entry.trim();
        let mut code = entry.to_string();
        let mut is_await = false;
        if t.starts_with('{') && t.trim_end_matches(';').trim_end().ends_with('}') {
            let wrapped = format!("({})", t.trim_end_matches(';').trim_end());
            if input::check(&wrapped) == input::Check::Script {
                code = wrapped;
            }
        }
        match input::check(&code) {
            input::Check::Await => {
                code = input::await_wrapper(&code);
                is_await = true;
            }
            input::Check::Error(m, pos) => return input::syntax_error_text(&code, &m, pos),
            _ => {}
        }
        let rt_cell = self.rt.clone();
        let mut rt = rt_cell.borrow_mut();
        EVALUATING.store(true, Ordering::SeqCst);
        let r = rt.eval(&code, &name);
        let r = match r {
            Ok(v) if is_await => match rt.run_until_settled(v) {
                Ok(Some(PromiseOutcome::Fulfilled(x))) => Ok(x),
                Ok(Some(PromiseOutcome::Rejected(x))) => {
                    EVALUATING.store(false, Ordering::SeqCst);
                    return self.uncaught_value(&mut rt, x, Some(&name));
                }
                Ok(_) => Ok(v),
                Err(e) => Err(e),
            },
            r => r,
        };
        EVALUATING.store(false, Ordering::SeqCst);
        // Jobs the entry queued run after its result is shown (`tick`, before the next prompt).
        match r {
            Ok(v) => {
                Self::set_global(&mut rt, "_", v);
                self.echo(&mut rt, v)
            }
            Err(e) => self.uncaught(&mut rt, &e),
        }
    }

    /// Runs ready jobs and due timers; returns what to print about failures (each line
    /// starting with a newline).
    fn drain(&self, rt: &mut Runtime) -> String {
        let mut out = String::new();
        EVALUATING.store(true, Ordering::SeqCst);
        let r = rt.run_ready_jobs();
        EVALUATING.store(false, Ordering::SeqCst);
        if let Err(e) = r {
            out.push('\n');
            out.push_str(&self.uncaught(rt, &e));
        }
        for v in rt.take_unhandled_rejections() {
            out.push('\n');
            out.push_str(&self.uncaught_value(rt, v, None));
        }
        out
    }

    /// Runs what became ready while waiting for input; returns what to print.
    pub fn tick(&self) -> String {
        let rt_cell = self.rt.clone();
        let mut rt = rt_cell.borrow_mut();
        let s = self.drain(&mut rt);
        s.strip_prefix('\n').unwrap_or(&s).to_string()
    }

    /// How long the REPL may wait for input before jobs or timers need to run.
    pub fn next_delay(&self) -> Option<Duration> {
        self.rt.borrow_mut().next_job_delay()
    }

    /// Tab completion of `line` at byte `pos` (never runs user code).
    pub fn complete(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        match self.rt.try_borrow_mut() {
            Ok(mut rt) => complete::complete(&mut rt, line, pos),
            Err(_) => (pos, Vec::new()),
        }
    }

    /// Runs every remaining job and timer (end of piped input).
    pub fn finish(&self) -> String {
        let rt_cell = self.rt.clone();
        let mut rt = rt_cell.borrow_mut();
        EVALUATING.store(true, Ordering::SeqCst);
        let r = rt.run_jobs();
        EVALUATING.store(false, Ordering::SeqCst);
        let mut out = match r {
            Err(e) => self.uncaught(&mut rt, &e),
            Ok(()) => String::new(),
        };
        for v in rt.take_unhandled_rejections() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&self.uncaught_value(&mut rt, v, None));
        }
        out
    }
}

/// Is `line` a stack frame of an entry's top level (`    at REPL3:1:5`)?
fn is_entry_frame(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix("at REPL") else { return false };
    rest.chars().all(|c| c.is_ascii_digit() || c == ':') && line.starts_with("    ")
}

/// What reading a line gave.
pub enum Read {
    /// A line (without its newline).
    Line(String),
    /// Ctrl-C on an empty line.
    Interrupted,
    /// Ctrl-C on a line with text: the line is dropped.
    Cancelled,
    /// Ctrl-D or end of input.
    Eof,
}

/// What a line-reading thread sends the main thread.
pub enum Input {
    /// What reading a line gave.
    Read(Read),
    /// A completion request (line, cursor byte offset) and where to send the answer.
    Complete(String, usize, Sender<(usize, Vec<String>)>),
    /// The line editor's external printer, for output made while the next line is edited.
    Printer(Box<dyn rustyline::ExternalPrinter + Send>),
}

/// Where lines come from.
pub trait LineSource {
    /// Reads one line, showing `prompt` if interactive; runs the session's jobs and timers as
    /// they come due meanwhile.
    fn read(&mut self, prompt: &str, session: &Session) -> Read;
    /// Records a line in the history.
    fn remember(&mut self, _line: &str) {}
    /// Is this a terminal (prompts shown)?
    fn interactive(&self) -> bool;
}

/// Waits for the reading thread's next line, running jobs and timers as they come due and
/// answering completion requests meanwhile.
fn wait_for_line(rx: &Receiver<Input>, session: &Session) -> Read {
    loop {
        // Nothing in JavaScript can schedule work while the main thread waits here, so with
        // nothing pending the wait is only bounded for robustness.
        let delay = session.next_delay().unwrap_or(Duration::from_secs(3600));
        match rx.recv_timeout(delay) {
            Ok(Input::Read(r)) => return r,
            Ok(Input::Complete(line, pos, reply)) => {
                let _ = reply.send(session.complete(&line, pos));
            }
            Ok(Input::Printer(p)) => *session.printer.external.borrow_mut() = Some(p),
            Err(RecvTimeoutError::Timeout) => session.print(&session.tick()),
            Err(RecvTimeoutError::Disconnected) => return Read::Eof,
        }
    }
}

/// Lines from a non-terminal stdin, read by a thread of their own.
pub struct Piped {
    rx: Receiver<Input>,
}

impl Piped {
    /// Starts reading lines from `input` (stdin) on a new thread.
    pub fn spawn<R: BufRead + Send + 'static>(mut input: R) -> Piped {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut s = String::new();
            let r = match input.read_line(&mut s) {
                Ok(0) | Err(_) => Read::Eof,
                Ok(_) => {
                    if s.ends_with('\n') {
                        s.pop();
                        if s.ends_with('\r') {
                            s.pop();
                        }
                    }
                    Read::Line(s)
                }
            };
            let eof = matches!(r, Read::Eof);
            if tx.send(Input::Read(r)).is_err() || eof {
                break;
            }
        });
        Piped { rx }
    }
}

impl LineSource for Piped {
    fn read(&mut self, _prompt: &str, session: &Session) -> Read {
        wait_for_line(&self.rx, session)
    }
    fn interactive(&self) -> bool {
        false
    }
}

/// What the loop should do after a command.
pub enum Flow {
    /// Keep reading.
    Continue,
    /// Leave the REPL.
    Exit,
}

/// Runs the read-eval-print loop over `src`.
pub fn run_loop(session: &mut Session, src: &mut dyn LineSource) {
    let mut buf = String::new();
    let mut ctrl_c = false;
    loop {
        session.print(&session.tick());
        let prompt = if buf.is_empty() { "> " } else { "... " };
        match src.read(prompt, session) {
            Read::Line(line) => {
                ctrl_c = false;
                src.remember(&line);
                if buf.is_empty() && commands::is_command(&line) {
                    match commands::run(session, src, line.trim()) {
                        Flow::Continue => continue,
                        Flow::Exit => break,
                    }
                }
                if !buf.is_empty() {
                    buf.push('\n');
                }
                buf.push_str(&line);
                if input::check(&buf) == input::Check::Incomplete {
                    continue;
                }
                let entry = std::mem::take(&mut buf);
                let text = session.eval(&entry);
                session.print(&text);
            }
            Read::Cancelled => {
                buf.clear();
                ctrl_c = false;
            }
            Read::Interrupted => {
                if !buf.is_empty() {
                    buf.clear();
                    ctrl_c = false;
                } else if ctrl_c {
                    break;
                } else {
                    session.print("(To exit, press Ctrl+C again or Ctrl+D or type .exit)");
                    ctrl_c = true;
                }
            }
            Read::Eof => break,
        }
    }
    if !src.interactive() {
        session.print(&session.finish());
    }
}

/// The terminal line editor: rustyline with history and completion, on a thread of its own.
pub mod terminal {
    use super::{Input, LineSource, Read, Session, EVALUATING, HANDLE};
    use rustyline::completion::Completer;
    use rustyline::error::ReadlineError;
    use rustyline::highlight::Highlighter;
    use rustyline::hint::Hinter;
    use rustyline::history::{DefaultHistory, History};
    use rustyline::validate::Validator;
    use rustyline::{Context, Editor, Helper};
    use std::path::PathBuf;
    use std::sync::atomic::Ordering;
    use std::sync::mpsc::{self, Receiver, Sender};
    use std::time::Duration;

    /// rustyline's helper: completion answered by the main thread, which owns the runtime
    /// (and never runs user code for it).
    pub struct JoltHelper {
        tx: Sender<Input>,
        /// Is the line being edited non-empty? (Seen by the hinter at each redraw: rustyline
        /// reports Ctrl-C without the line, and Ctrl-C on a line with text only clears it.)
        has_text: std::cell::Cell<bool>,
    }

    impl Completer for JoltHelper {
        type Candidate = String;
        fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
            let (reply, answer) = mpsc::channel();
            if self.tx.send(Input::Complete(line.to_string(), pos, reply)).is_err() {
                return Ok((pos, Vec::new()));
            }
            // The main thread answers at once unless a timer's callback is running.
            Ok(answer.recv_timeout(Duration::from_secs(5)).unwrap_or((pos, Vec::new())))
        }
    }
    impl Hinter for JoltHelper {
        type Hint = String;
        fn hint(&self, line: &str, _pos: usize, _ctx: &Context<'_>) -> Option<String> {
            self.has_text.set(!line.is_empty());
            None
        }
    }
    impl Highlighter for JoltHelper {}
    impl Validator for JoltHelper {}
    impl Helper for JoltHelper {}

    /// The history file: `$JOLT_REPL_HISTORY`, else `~/.jolt_repl_history`.
    pub fn history_path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("JOLT_REPL_HISTORY") {
            return (!p.is_empty()).then(|| PathBuf::from(p));
        }
        std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".jolt_repl_history"))
    }

    /// What the main thread asks of the editor thread.
    enum Request {
        /// Read a line with this prompt; with `true`, first send an external printer (jobs or
        /// timers are pending, so output may come while the line is edited).
        Read(String, bool),
        /// Add a line to the history (and the history file).
        Remember(String),
    }

    /// Lines from the terminal.
    pub struct Terminal {
        req: Option<Sender<Request>>,
        rx: Receiver<Input>,
        thread: Option<std::thread::JoinHandle<()>>,
    }

    /// The editor thread: reads a line whenever asked.
    fn editor_thread(req: Receiver<Request>, tx: Sender<Input>, ready: Sender<rustyline::Result<()>>) {
        let config = match rustyline::Config::builder()
            .auto_add_history(false)
            .completion_type(rustyline::CompletionType::List)
            .max_history_size(1000)
        {
            Ok(b) => b.build(),
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
        let mut editor: Editor<JoltHelper, DefaultHistory> = match Editor::with_config(config) {
            Ok(e) => e,
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
        editor.set_helper(Some(JoltHelper { tx: tx.clone(), has_text: Default::default() }));
        let history = history_path();
        if let Some(p) = &history {
            let _ = editor.load_history(p);
        }
        if ready.send(Ok(())).is_err() {
            return;
        }
        while let Ok(r) = req.recv() {
            match r {
                Request::Read(prompt, want_printer) => {
                    if want_printer {
                        if let Ok(p) = editor.create_external_printer() {
                            if tx.send(Input::Printer(Box::new(p))).is_err() {
                                return;
                            }
                        }
                    }
                    if let Some(h) = editor.helper() {
                        h.has_text.set(false);
                    }
                    let r = match editor.readline(&prompt) {
                        Ok(l) => Read::Line(l),
                        // Ctrl-C while a timer's callback runs stops the callback.
                        Err(ReadlineError::Interrupted) if EVALUATING.load(Ordering::SeqCst) => {
                            let h = HANDLE.load(Ordering::SeqCst);
                            if !h.is_null() {
                                // SAFETY: the handle is leaked, never freed; `interrupt` is an atomic store.
                                unsafe { (*h).interrupt() };
                            }
                            Read::Cancelled
                        }
                        Err(ReadlineError::Interrupted) if editor.helper().is_some_and(|h| h.has_text.get()) => Read::Cancelled,
                        Err(ReadlineError::Interrupted) => Read::Interrupted,
                        Err(_) => Read::Eof,
                    };
                    if tx.send(Input::Read(r)).is_err() {
                        return;
                    }
                }
                Request::Remember(line) => {
                    let _ = editor.history_mut().add(&line);
                    if let Some(p) = &history {
                        let _ = editor.append_history(p);
                    }
                }
            }
        }
    }

    impl Terminal {
        /// Starts the line editor on its own thread and loads the history.
        pub fn new() -> rustyline::Result<Terminal> {
            let (req_tx, req_rx) = mpsc::channel();
            let (tx, rx) = mpsc::channel();
            let (ready_tx, ready_rx) = mpsc::channel();
            let thread = std::thread::Builder::new()
                .name("jolt-line-editor".into())
                .spawn(move || editor_thread(req_rx, tx, ready_tx))
                .map_err(ReadlineError::Io)?;
            match ready_rx.recv() {
                Ok(r) => r?,
                Err(_) => return Err(ReadlineError::Io(std::io::Error::other("the line editor thread failed"))),
            }
            Ok(Terminal { req: Some(req_tx), rx, thread: Some(thread) })
        }

        fn request(&self, r: Request) -> bool {
            self.req.as_ref().is_some_and(|q| q.send(r).is_ok())
        }
    }

    impl Drop for Terminal {
        /// Stops the editor thread (it is never inside `readline` here: the main thread asks
        /// for one line at a time and has its answer) and waits for its history writes.
        fn drop(&mut self) {
            self.req = None;
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
        }
    }

    impl LineSource for Terminal {
        /// The editor gets an external printer only while jobs or timers are pending: with
        /// one, rustyline 18 waits for keys with `select` on the terminal, which misses keys
        /// already in its read buffer (typed ahead in one burst) until the next key arrives.
        fn read(&mut self, prompt: &str, session: &Session) -> Read {
            let pending = session.next_delay().is_some();
            if !pending {
                // rustyline drops its printer pipe when no printer is left.
                *session.printer.external.borrow_mut() = None;
            }
            if !self.request(Request::Read(prompt.to_string(), pending)) {
                return Read::Eof;
            }
            super::wait_for_line(&self.rx, session)
        }
        fn remember(&mut self, line: &str) {
            if !line.trim().is_empty() {
                self.request(Request::Remember(line.to_string()));
            }
        }
        fn interactive(&self) -> bool {
            true
        }
    }
}

/// Entry point: runs the REPL on stdin/stdout.
pub fn main(options: RuntimeOptions, stats: bool) -> std::process::ExitCode {
    let tty = std::io::stdin().is_terminal();
    let colors = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let errors_too = tty && std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
    let printer = Rc::new(Printer { external: RefCell::new(None), errors_too });
    let mut session = Session::new(options, colors, printer.clone());
    if tty {
        session.print(&format!("Welcome to jolt {}.\nType \".help\" for more information.", env!("CARGO_PKG_VERSION")));
        match terminal::Terminal::new() {
            Ok(mut t) => {
                run_loop(&mut session, &mut t);
                *printer.external.borrow_mut() = None;
            }
            Err(e) => {
                eprintln!("jolt: cannot open the terminal: {e}");
                return std::process::ExitCode::from(2);
            }
        }
    } else {
        run_loop(&mut session, &mut Piped::spawn(std::io::BufReader::new(std::io::stdin())));
    }
    if stats {
        eprintln!("{}", session.rt.borrow().stats_report());
    }
    std::process::ExitCode::SUCCESS
}
