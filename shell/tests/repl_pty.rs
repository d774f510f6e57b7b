//! The REPL driven through a pseudo-terminal, as a person types: completion, multi-line
//! prompts, Ctrl-C, Ctrl-D and the history file. (Linux/Unix only: uses `openpty`.)
#![cfg(unix)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Pty {
    master: File,
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    /// Bytes of `output` already matched by `expect`.
    seen: usize,
}

impl Pty {
    /// The REPL on a new pseudo-terminal, or `None` (with a note) where the system has none.
    fn spawn(home: &Path) -> Option<Pty> {
        let (mut master, mut slave) = (0, 0);
        let ws = libc::winsize { ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: openpty writes two descriptors, which we then own.
        let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &ws) };
        if r != 0 {
            eprintln!("skipped: openpty failed ({}): no pseudo-terminals here", std::io::Error::last_os_error());
            return None;
        }
        // SAFETY: fresh descriptors from openpty.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jolt"));
        cmd.env("HOME", home)
            .env("TERM", "xterm")
            .env_remove("JOLT_REPL_HISTORY")
            .env_remove("NO_COLOR")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY as _, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn jolt");
        drop(cmd);
        let output = Arc::new(Mutex::new(Vec::new()));
        let (mut reader, sink) = (master.try_clone().unwrap(), output.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Some(Pty { master, child, output, seen: 0 })
    }

    fn send(&mut self, s: &str) {
        // Let the editor finish redrawing and re-enter raw mode (which may flush typed-ahead
        // input) before typing.
        std::thread::sleep(Duration::from_millis(150));
        self.master.write_all(s.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Types `s` one key at a time, as a person does (rustyline 18 with an external printer
    /// waits for keys with `select`, which does not see keys that arrived in one burst).
    fn type_keys(&mut self, s: &str) {
        std::thread::sleep(Duration::from_millis(150));
        for c in s.chars() {
            let mut b = [0u8; 4];
            self.master.write_all(c.encode_utf8(&mut b).as_bytes()).unwrap();
            self.master.flush().unwrap();
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Waits until `needle` appears in the output after what earlier calls matched.
    fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            {
                let out = self.output.lock().unwrap();
                let text = String::from_utf8_lossy(&out[self.seen..]).into_owned();
                if let Some(i) = text.find(needle) {
                    self.seen += text[..i + needle.len()].len();
                    return;
                }
                if Instant::now() > deadline {
                    panic!("timed out waiting for {needle:?}; output since last match:\n{text:?}");
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("jolt did not exit");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_home(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("jolt-pty-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn completion_colors_and_multi_line() {
    let home = temp_home("complete");
    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    // `Math.fl<Tab>` completes to `Math.floor`.
    p.send("Math.fl\t");
    p.expect("floor");
    p.send("(2.7) + 40\r");
    // Numbers are yellow on a terminal.
    p.expect("\x1b[33m42\x1b[39m");
    p.expect("> ");
    // `[].fi<Tab><Tab>` lists the candidates.
    p.send("[].fi\t\t");
    p.expect("findIndex");
    // Ctrl-C on a line with text clears it (no exit warning).
    p.send("\x03");
    p.expect("> ");
    p.send("'cleared'\r");
    p.expect("'cleared'");
    // A binding made in one entry is completed in the next.
    p.send("let someLongName = { inner: 1 }\r");
    p.expect("undefined");
    p.send("someLong\t.inn\t\r");
    p.expect("\x1b[33m1\x1b[39m");
    // Multi-line entry with the continuation prompt.
    p.send("function f() {\r");
    p.expect("... ");
    p.send("return 'multi' }\r");
    p.expect("undefined");
    p.send("f()\r");
    p.expect("'multi'");
    p.send("\x04");
    assert!(p.wait_exit());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn ctrl_c_cancels_then_exits_and_ctrl_d_exits() {
    let home = temp_home("ctrlc");
    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    p.send("1 + \r");
    p.expect("... ");
    // Ctrl-C drops the unfinished entry, even with text on the line.
    p.send("2");
    p.expect("2");
    p.send("\x03");
    p.expect("> ");
    p.send("'fresh'\r");
    p.expect("'fresh'");
    // A long-running entry is interrupted by Ctrl-C without leaving.
    p.send("while (true) {}\r");
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03");
    p.expect("interrupted");
    p.send("'alive'\r");
    p.expect("'alive'");
    // Ctrl-C on an empty line warns; twice exits.
    p.send("\x03");
    p.expect("To exit, press Ctrl+C again");
    p.send("\x03");
    assert!(p.wait_exit());

    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    p.send("\x04");
    assert!(p.wait_exit());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn history_persists_in_home() {
    let home = temp_home("history");
    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    p.send("const remembered = 6 * 7\r");
    p.expect("undefined");
    p.send(".exit\r");
    assert!(p.wait_exit());
    let hist = std::fs::read_to_string(home.join(".jolt_repl_history")).unwrap();
    assert!(hist.contains("const remembered = 6 * 7"), "{hist}");

    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    // Up-arrow (twice: `.exit` is the last line) recalls the previous session's entry.
    p.send("\x1b[A");
    p.expect(".exit");
    p.send("\x1b[A");
    p.expect("remembered = 6 * 7");
    p.send("\r");
    p.expect("undefined");
    p.send("remembered\r");
    p.expect("42");
    p.send(".exit\r");
    assert!(p.wait_exit());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn timers_print_while_the_prompt_waits() {
    let home = temp_home("timers");
    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    p.send("setTimeout(() => console.log('from a timer'), 200); 'set'\r");
    p.expect("'set'");
    // Printed while the REPL sits at the prompt, which is drawn again after it.
    p.expect("from a timer\r\n> ");
    // (A line of one key: the line editor reads it whole; see `type_keys`.)
    p.send("\r");
    p.expect("> ");
    // A timer firing while a line is being typed prints above it; the line is redrawn intact.
    p.send("setTimeout(() => console.log('mid-line'), 2500); 'again'\r");
    p.expect("'again'");
    p.type_keys("let typed");
    p.expect("mid-line\r\n> let typed");
    p.type_keys(" = 5\r");
    p.expect("undefined");
    p.send("typed * 2\r");
    p.expect("\x1b[33m10\x1b[39m");
    // Completion still works while timers are pending (the main thread answers it).
    p.send("const iv = setInterval(() => {}, 1000)\r");
    p.expect("undefined");
    p.type_keys("Math.fl\t");
    p.expect("floor");
    p.type_keys("(7.5)\r");
    p.expect("\x1b[33m7\x1b[39m");
    p.type_keys("clearInterval(iv)\r");
    p.expect("undefined");
    p.send("\x04");
    assert!(p.wait_exit());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn syntax_errors_load_and_await_on_a_terminal() {
    let home = temp_home("errors");
    std::fs::write(home.join("lib.js"), "const fromFile = 20;\nfromFile + 1\n").unwrap();
    let Some(mut p) = Pty::spawn(&home) else { return };
    p.expect("> ");
    p.send("let x = ;\r");
    p.expect("let x = ;");
    p.expect("\r\nlet x = ;\r\n        ^\r\n\r\nUncaught SyntaxError: Expression expected\r\n");
    p.send("await new Promise(r => setTimeout(r, 50)); 5\r");
    p.expect("\x1b[33m5\x1b[39m");
    // `.load` echoes the file as if typed, then a blank line, then the result (as node 20).
    p.send(&format!(".load {}\r", home.join("lib.js").display()));
    p.expect("const fromFile = 20;\r\nfromFile + 1\r\n\r\n\x1b[33m21\x1b[39m");
    p.send("fromFile\r");
    p.expect("\x1b[33m20\x1b[39m");
    p.send(".exit\r");
    assert!(p.wait_exit());
    let _ = std::fs::remove_dir_all(&home);
}
