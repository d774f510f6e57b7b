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
//! terminal. Promise jobs and due timers run after each entry and before each prompt.
//! When stdin is not a terminal, entries are read line by line with the same semantics and
//! no prompts.

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
    pub fn new(options: RuntimeOptions, colors: bool) -> Session {
        let rt = Runtime::with_options(options.clone());
        install_sigint(&rt);
        Session { rt: Rc::new(RefCell::new(rt)), options, colors, entries: Vec::new(), counter: 0 }
    }

    /// Replaces the runtime by a fresh one (`.clear`).
    pub fn reset(&mut self) {
        let rt = Runtime::with_options(self.options.clone());
        install_sigint(&rt);
        *self.rt.borrow_mut() = rt;
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
            input::Check::Error(m) => return format!("Uncaught SyntaxError: {m}"),
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

/// Where lines come from.
pub trait LineSource {
    /// Reads one line, showing `prompt` if interactive.
    fn read(&mut self, prompt: &str) -> Read;
    /// Records a line in the history.
    fn remember(&mut self, _line: &str) {}
    /// Is this a terminal (prompts shown)?
    fn interactive(&self) -> bool;
}

/// Lines from a non-terminal stdin.
pub struct Piped<R: BufRead>(pub R);

impl<R: BufRead> LineSource for Piped<R> {
    fn read(&mut self, _prompt: &str) -> Read {
        let mut s = String::new();
        match self.0.read_line(&mut s) {
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
        }
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

fn print_out(out: &mut dyn Write, s: &str) {
    if !s.is_empty() {
        let _ = writeln!(out, "{s}");
        let _ = out.flush();
    }
}

/// Runs the read-eval-print loop over `src`, printing to `out`.
pub fn run_loop(session: &mut Session, src: &mut dyn LineSource, out: &mut dyn Write) {
    let mut buf = String::new();
    let mut ctrl_c = false;
    loop {
        let pending = session.tick();
        print_out(out, &pending);
        let prompt = if buf.is_empty() { "> " } else { "... " };
        match src.read(prompt) {
            Read::Line(line) => {
                ctrl_c = false;
                src.remember(&line);
                if buf.is_empty() && commands::is_command(&line) {
                    match commands::run(session, src, out, line.trim()) {
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
                print_out(out, &text);
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
                    print_out(out, "(To exit, press Ctrl+C again or Ctrl+D or type .exit)");
                    ctrl_c = true;
                }
            }
            Read::Eof => break,
        }
    }
    if !src.interactive() {
        let text = session.finish();
        print_out(out, &text);
    }
}

/// The terminal line editor: rustyline with history and completion.
pub mod terminal {
    use super::{LineSource, Read};
    use jolt::Runtime;
    use rustyline::completion::Completer;
    use rustyline::error::ReadlineError;
    use rustyline::highlight::Highlighter;
    use rustyline::hint::Hinter;
    use rustyline::history::{DefaultHistory, History};
    use rustyline::validate::Validator;
    use rustyline::{Context, Editor, Helper};
    use std::cell::RefCell;
    use std::path::PathBuf;
    use std::rc::Rc;

    /// rustyline's helper: completion from the runtime (never running user code).
    pub struct JoltHelper {
        rt: Rc<RefCell<Runtime>>,
        /// Is the line being edited non-empty? (Seen by the hinter at each redraw: rustyline
        /// reports Ctrl-C without the line, and Ctrl-C on a line with text only clears it.)
        has_text: std::cell::Cell<bool>,
    }

    impl Completer for JoltHelper {
        type Candidate = String;
        fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
            match self.rt.try_borrow_mut() {
                Ok(mut rt) => Ok(super::complete::complete(&mut rt, line, pos)),
                Err(_) => Ok((pos, Vec::new())),
            }
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

    /// Lines from the terminal.
    pub struct Terminal {
        editor: Editor<JoltHelper, DefaultHistory>,
        history: Option<PathBuf>,
    }

    impl Terminal {
        /// Opens the line editor and loads the history.
        pub fn new(rt: Rc<RefCell<Runtime>>) -> rustyline::Result<Terminal> {
            let config = rustyline::Config::builder()
                .auto_add_history(false)
                .completion_type(rustyline::CompletionType::List)
                .max_history_size(1000)?
                .build();
            let mut editor = Editor::with_config(config)?;
            editor.set_helper(Some(JoltHelper { rt, has_text: Default::default() }));
            let history = history_path();
            if let Some(p) = &history {
                let _ = editor.load_history(p);
            }
            Ok(Terminal { editor, history })
        }
    }

    impl LineSource for Terminal {
        fn read(&mut self, prompt: &str) -> Read {
            if let Some(h) = self.editor.helper() {
                h.has_text.set(false);
            }
            match self.editor.readline(prompt) {
                Ok(l) => Read::Line(l),
                Err(ReadlineError::Interrupted) if self.editor.helper().is_some_and(|h| h.has_text.get()) => Read::Cancelled,
                Err(ReadlineError::Interrupted) => Read::Interrupted,
                Err(_) => Read::Eof,
            }
        }
        fn remember(&mut self, line: &str) {
            if line.trim().is_empty() {
                return;
            }
            let _ = self.editor.history_mut().add(line);
            if let Some(p) = &self.history {
                let _ = self.editor.append_history(p);
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
    let mut session = Session::new(options, colors);
    let mut out = std::io::stdout();
    if tty {
        let _ = writeln!(out, "Welcome to jolt {}.\nType \".help\" for more information.", env!("CARGO_PKG_VERSION"));
        match terminal::Terminal::new(session.rt.clone()) {
            Ok(mut t) => run_loop(&mut session, &mut t, &mut out),
            Err(e) => {
                eprintln!("jolt: cannot open the terminal: {e}");
                return std::process::ExitCode::from(2);
            }
        }
    } else {
        let stdin = std::io::stdin();
        run_loop(&mut session, &mut Piped(stdin.lock()), &mut out);
    }
    if stats {
        eprintln!("{}", session.rt.borrow().stats_report());
    }
    std::process::ExitCode::SUCCESS
}
