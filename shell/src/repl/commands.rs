//! The REPL's dot commands.

use super::{Flow, LineSource, Read, Session};
use jolt::runtime::object::ObjectKind;

/// `(name, help)` of every command.
pub const COMMANDS: &[(&str, &str)] = &[
    (".break", "Sometimes you get stuck, this gets you out"),
    (".bytecode", "Print the bytecode of a function: .bytecode f"),
    (".clear", "Break, and also clear the local context"),
    (".editor", "Enter editor mode"),
    (".exit", "Exit the REPL"),
    (".help", "Print this help message"),
    (".jit", "Show what the JIT tiers made of a function (tier, deoptimizations and why): .jit f"),
    (".load", "Load JS from a file into the REPL session"),
    (".save", "Save all evaluated commands in this REPL session to a file"),
    (".stats", "Print inline-cache, JIT tier and GC counters"),
];

/// Is `line` a dot command (`.name` with a letter after the dot; `.5` is a number)?
pub fn is_command(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('.') && t[1..].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Runs the command on `line` (trimmed, starting with a dot).
pub fn run(session: &mut Session, src: &mut dyn LineSource, line: &str) -> Flow {
    let (name, arg) = match line.split_once(char::is_whitespace) {
        Some((n, a)) => (n, a.trim()),
        None => (line, ""),
    };
    match name {
        ".exit" => return Flow::Exit,
        ".break" => {}
        ".help" => {
            let text: Vec<String> = COMMANDS.iter().map(|(n, h)| format!("{n:<10} {h}")).collect();
            session.print(&format!("{}\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL", text.join("\n")));
        }
        ".clear" => {
            session.print("Clearing context...");
            session.reset();
        }
        ".load" => load(session, src.interactive(), arg),
        ".save" => {
            if arg.is_empty() {
                session.print(".save needs a file name");
            } else {
                let mut text = session.entries.join("\n");
                text.push('\n');
                match std::fs::write(arg, text) {
                    Ok(()) => session.print(&format!("Session saved to: {arg}")),
                    Err(e) => session.print(&format!("Failed to save: {arg}: {e}")),
                }
            }
        }
        ".editor" => {
            session.print("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)");
            let mut text = String::new();
            loop {
                match src.read("", session) {
                    Read::Line(l) => {
                        text.push_str(&l);
                        text.push('\n');
                    }
                    Read::Interrupted | Read::Cancelled => {
                        text.clear();
                        break;
                    }
                    Read::Eof => break,
                }
            }
            if !text.trim().is_empty() {
                let r = session.eval(&text);
                session.print(&r);
            }
        }
        ".bytecode" => {
            let text = bytecode(session, arg);
            session.print(&text);
        }
        ".jit" => {
            let text = explain_jit(session, arg);
            session.print(&text);
        }
        ".stats" => session.print(&session.rt.borrow().stats_report()),
        _ => session.print("Invalid REPL keyword"),
    }
    Flow::Continue
}

/// `.load FILE`, as node does it: the file's text is one entry (echoed on a terminal, as if
/// typed, then a blank line), so its declarations persist and its completion value is echoed.
fn load(session: &mut Session, interactive: bool, file: &str) {
    if file.is_empty() {
        session.print(".load needs a file name");
        return;
    }
    match std::fs::metadata(file) {
        Ok(m) if !m.is_file() => session.print(&format!("Failed to load: {file} is not a valid file")),
        Err(_) => session.print(&format!("Failed to load: {file}")),
        Ok(_) => match std::fs::read(file) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                if interactive {
                    session.print(&format!("{}\n", text.strip_suffix('\n').unwrap_or(&text)));
                }
                let r = session.eval(&text);
                session.print(&r);
            }
            Err(_) => session.print(&format!("Failed to load: {file}")),
        },
    }
}

/// `.jit EXPR`: what the JIT tiers made of the function `EXPR` evaluates to.
fn explain_jit(session: &mut Session, arg: &str) -> String {
    if arg.is_empty() {
        return ".jit needs a function, e.g. .jit f".into();
    }
    if !matches!(super::input::check(arg), super::input::Check::Script) {
        return format!("Uncaught SyntaxError: cannot evaluate {arg}");
    }
    let rt_cell = session.rt.clone();
    let mut rt = rt_cell.borrow_mut();
    let v = match rt.eval(arg, "jit") {
        Ok(v) => v,
        Err(e) => return format!("Uncaught {e}"),
    };
    match rt.explain_jit(v) {
        Some(text) => text,
        None if v.as_object().is_some_and(|o| o.is_callable()) => format!("{arg} is a built-in function: it is not compiled"),
        None => format!("{arg} is not a function"),
    }
}

/// `.bytecode EXPR`: the disassembly of the function `EXPR` evaluates to (the expression is
/// evaluated like an entry, but neither echoed nor recorded).
fn bytecode(session: &mut Session, arg: &str) -> String {
    if arg.is_empty() {
        return ".bytecode needs a function, e.g. .bytecode f".into();
    }
    if !matches!(super::input::check(arg), super::input::Check::Script) {
        return format!("Uncaught SyntaxError: cannot evaluate {arg}");
    }
    let rt_cell = session.rt.clone();
    let mut rt = rt_cell.borrow_mut();
    let v = match rt.eval(arg, "bytecode") {
        Ok(v) => v,
        Err(e) => return format!("Uncaught {e}"),
    };
    let mut target = v.as_object();
    let mut hops = 0;
    while let Some(o) = target {
        match &o.kind {
            ObjectKind::Closure(_) => break,
            ObjectKind::Bound(b) if hops < 100 => {
                target = Some(b.target);
                hops += 1;
            }
            _ => break,
        }
    }
    match target.and_then(|o| o.as_closure().map(|c| c.code.block.disassemble())) {
        Some(text) => text.trim_end().to_string(),
        None if v.as_object().is_some_and(|o| o.is_callable()) => format!("{arg} is a built-in function: it has no bytecode"),
        None => format!("{arg} is not a function"),
    }
}
