//! The REPL driven through piped stdin: no prompts, results echoed, same semantics as on a
//! terminal.

use std::io::Write;
use std::process::{Command, Stdio};

fn repl(input: &str) -> String {
    repl_in(input, &std::env::temp_dir())
}

fn repl_in(input: &str, dir: &std::path::Path) -> String {
    repl_with(&[], input, dir)
}

fn repl_with(args: &[&str], input: &str, dir: &std::path::Path) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .args(args)
        .current_dir(dir)
        .env("JOLT_REPL_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jolt");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "exit status {:?}; stderr: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn lines(input: &[&str]) -> String {
    input.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn echo_format() {
    let out = repl(&lines(&[
        "1 + 1",
        "'it' + \"'s\"",
        "'x'",
        "let o = { a: 1, b: [1, 2, { c: 's' }] }",
        "o",
        "[1, , 3]",
        "-0",
        "Symbol('q')",
        "null",
        "undefined",
        "function f() {}",
        "f",
        "class A {}",
        "A",
        "new Map([[1, { a: 1 }]])",
        "{ a: 1 }",
        "{ let inBlock = 1 }",
        "if (true) { 'x' }",
        "console.log('printed')",
    ]));
    let expected = "2\n\"it's\"\n'x'\nundefined\n{ a: 1, b: [ 1, 2, { c: 's' } ] }\n[ 1, <1 empty item>, 3 ]\n-0\nSymbol(q)\nnull\nundefined\nundefined\n[Function: f]\nundefined\n[class A]\nMap(1) { 1 => { a: 1 } }\n{ a: 1 }\nundefined\n'x'\nprinted\nundefined\n";
    assert_eq!(out, expected);
}

#[test]
fn state_persists_between_entries() {
    let out = repl(&lines(&[
        "let a = 1",
        "const b = 2",
        "class C { m() { return 3 } }",
        "function f() { return a + b }",
        "var v = 10",
        "f() + new C().m() + v",
        "a = 5",
        "f()",
        "let a = 2",
        "const b = 9",
        "a",
    ]));
    let expected = "undefined\nundefined\nundefined\nundefined\nundefined\n16\n5\n7\nUncaught SyntaxError: Identifier 'a' has already been declared\nUncaught SyntaxError: Identifier 'b' has already been declared\n5\n";
    assert_eq!(out, expected);
}

#[test]
fn last_result_and_last_error() {
    let out = repl(&lines(&["6 * 7", "_ + 1", "null.x", "_error.message", "_error instanceof TypeError", "throw 'str'", "_error"]));
    let expected = "42\n43\nUncaught TypeError: Cannot read properties of null (reading 'x')\n\"Cannot read properties of null (reading 'x')\"\ntrue\nUncaught 'str'\n'str'\n";
    assert_eq!(out, expected);
}

#[test]
fn multi_line_entries() {
    let out = repl(&lines(&[
        "function g(x) {",
        "  return x *",
        "    2",
        "}",
        "g(4)",
        "[1,",
        " 2]",
        "`a",
        "b`",
        "'abc\\",
        "def'",
        "/* comment",
        "*/ 7",
        "(1 +",
        "2)",
        "1 +* 2",
        "}",
        "'after errors'",
    ]));
    let expected = "undefined\n8\n[ 1, 2 ]\n'a\\nb'\n'abcdef'\n7\n3\n1 +* 2\n   ^\n\nUncaught SyntaxError: Expression expected\n}\n^\n\nUncaught SyntaxError: Expression expected\n'after errors'\n";
    assert_eq!(out, expected);
}

#[test]
fn errors_do_not_end_the_session() {
    let out = repl(&lines(&[
        "function thrower() { throw new TypeError('bad') }",
        "thrower()",
        "undefinedName",
        "throw new Error('top')",
        "'still here'",
    ]));
    let expected = "undefined\nUncaught TypeError: bad\n    at thrower (REPL1:1:28)\nUncaught ReferenceError: undefinedName is not defined\nUncaught Error: top\n'still here'\n";
    assert_eq!(out, expected);
}

#[test]
fn top_level_await_and_jobs() {
    let out = repl(&lines(&[
        "await 1",
        "await Promise.resolve('p')",
        "const v = await new Promise(r => setTimeout(() => r(41), 5))",
        "v + 1",
        "let { a, b: [c] } = await Promise.resolve({ a: 1, b: [2] }); a + c",
        "a + c",
        "await Promise.reject(new RangeError('no'))",
        "Promise.resolve(3).then(x => console.log('then', x)); 'sync'",
        "Promise.reject(9)",
        "setTimeout(() => console.log('late timer'), 20); 'queued'",
        "'next'",
    ]));
    let expected = "1\n'p'\nundefined\n42\n3\n3\nUncaught RangeError: no\n'sync'\nthen 3\nPromise { <rejected> 9 }\nUncaught 9\n'queued'\n'next'\nlate timer\n";
    assert_eq!(out, expected);
}

#[test]
fn syntax_errors_show_the_line_and_a_caret() {
    let out = repl(&lines(&["let x = ;", "foo bar", "(function () {", "\treturn 1 +* 2", "await 1; let y = ;", "'after'"]));
    let expected = "let x = ;\n        ^\n\nUncaught SyntaxError: Expression expected\n\
                    foo bar\n    ^^^\n\nUncaught SyntaxError: Expected ';', '}' or <eof>\n\
                    \treturn 1 +* 2\n\t          ^\n\nUncaught SyntaxError: Expression expected\n\
                    await 1; let y = ;\n                 ^\n\nUncaught SyntaxError: Expression expected\n\
                    'after'\n";
    assert_eq!(out, expected);
}

#[test]
fn await_entries_echo_their_last_expression() {
    let out = repl(&lines(&[
        "await 1; 5",
        "await 1; 6;",
        "await null; 7 // comment",
        "await 1; 8; // a;b",
        "let z; await 1; z = 7, 9",
        "await 1; let q = 4; q * 10",
        "q",
        "await 1; if (true) { 5 }",
        "const a = await Promise.resolve(3)",
        "a",
        "var w = await 2; function useW() { return w + 1 } useW()",
        "useW() + w",
        "await 1; 'x;y'",
    ]));
    let expected = "5\n6\n7\n8\n9\n40\n4\nundefined\nundefined\n3\n3\n5\n'x;y'\n";
    assert_eq!(out, expected);
}

#[test]
fn load_runs_the_file_as_one_entry() {
    let dir = std::env::temp_dir().join(format!("jolt-repl-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = "const k = 10;\nfunction double(x) {\n  return x * 2;\n}\nlet obj = { a: 1,\n  b: 2 };\ndouble(k)\n'last'\n";
    std::fs::write(dir.join("f.js"), file).unwrap();
    std::fs::write(dir.join("await.js"), "const got = await Promise.resolve(5);\ngot + 1\n").unwrap();
    std::fs::write(dir.join("bad.js"), "let ok = 1;\nlet = = 2;\n").unwrap();
    let out = repl_in(
        &lines(&[".load f.js", "double(k) + obj.b", ".load await.js", "got", ".load bad.js", ".load missing.js", ".load .", "typeof ok"]),
        &dir,
    );
    std::fs::remove_dir_all(&dir).unwrap();
    // As node 20 with piped input: the file is not echoed, its completion value is.
    let expected = "'last'\n22\n6\n5\nlet = = 2;\n      ^\n\nUncaught SyntaxError: Expression expected\n\
                    Failed to load: missing.js\nFailed to load: . is not a valid file\n'undefined'\n";
    assert_eq!(out, expected);
}

/// Feeds lines one at a time, each only once `wait_for` appears in the output so far.
fn repl_paced(steps: &[(&str, &str)]) -> String {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jolt"))
        .env("JOLT_REPL_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jolt");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = output.clone();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    for (line, wait_for) in steps {
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
        stdin.flush().unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !String::from_utf8_lossy(&output.lock().unwrap()).contains(wait_for) {
            assert!(std::time::Instant::now() < deadline, "no {wait_for:?} in {:?}", String::from_utf8_lossy(&output.lock().unwrap()));
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    drop(stdin);
    assert!(child.wait().expect("wait").success());
    reader.join().unwrap();
    let out = output.lock().unwrap().clone();
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn timers_run_while_waiting_for_input_and_at_the_end() {
    let out = repl_paced(&[
        // Only printed if the timer runs while the REPL waits for the next line.
        ("setTimeout(() => console.log('fired while waiting'), 50); 'set'", "fired while waiting"),
        ("let n = 0; const iv = setInterval(() => { console.log('tick', ++n); if (n == 3) clearInterval(iv) }, 10); 'interval'", "tick 3"),
        ("Promise.resolve().then(() => console.log('job'))", "job"),
        ("setTimeout(() => console.log('after the end of input'), 100); 'last'", "'last'"),
    ]);
    assert_eq!(
        out,
        "'set'\nfired while waiting\n'interval'\ntick 1\ntick 2\ntick 3\nPromise { <pending> }\njob\n'last'\nafter the end of input\n"
    );
}

#[test]
fn commands() {
    let dir = std::env::temp_dir().join(format!("jolt-repl-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lib.js"), "function twice(x) { return 2 * x }\nlet loaded = twice(21)\n").unwrap();
    let out = repl_in(
        &lines(&[
            ".load lib.js",
            "loaded",
            "function sq(x) { return x * x }",
            ".bytecode sq",
            ".bytecode Math.max",
            ".bytecode 1",
            ".save saved.js",
            ".stats",
            ".nope",
            ".clear",
            "typeof loaded",
            ".5 + 1",
            ".exit",
            "'not reached'",
        ]),
        &dir,
    );
    let saved = std::fs::read_to_string(dir.join("saved.js")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.starts_with("undefined\n42\nundefined\n== sq (Normal"), "{out}");
    assert!(out.contains("Return"), "{out}");
    assert!(out.contains("Math.max is a built-in function: it has no bytecode\n1 is not a function\nSession saved to: saved.js\n"));
    assert!(out.contains("property loads:") && out.contains("jit tier:"), "{out}");
    assert!(out.ends_with("Invalid REPL keyword\nClearing context...\n'undefined'\n1.5\n"), "{out}");
    assert!(saved.contains("function twice") && saved.contains("function sq(x)"), "{saved}");
}

#[test]
fn editor_mode_reads_to_end_of_input() {
    let out = repl(&lines(&["1", ".editor", "function e() {", "  return 'edited'", "}", "e()"]));
    assert_eq!(out, "1\n// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n'edited'\n");
}

#[test]
fn odd_input_never_panics() {
    let out = repl(&lines(&["\u{0}", "\u{feff}", "`${", "})]", "\\", "#!", "@", "'\u{d7ff}'", "...", "?.", "."]));
    assert!(!out.contains("panicked"), "{out}");
}

#[test]
fn jit_command_explains_tiers_and_deoptimizations() {
    // Synchronous compiles: `getX` is optimized when the loop ends, whatever the machine.
    let out = repl_with(
        &["--jit-sync"],
        &lines(&[
            "function getX(o) { return o.x }",
            "for (let i = 0; i < 1000; i++) getX({ x: i })",
            "getX({ y: 1, x: 2 })",
            ".jit getX",
            ".jit Math.max",
            ".jit 1",
        ]),
        &std::env::temp_dir(),
    );
    // Optimized on the `{x}` shape after enough calls; the new shape deoptimized it.
    assert!(out.contains("getX (REPL1:1:1): baseline;"), "{out}");
    assert!(out.contains("1 optimized compiles, 1 deoptimizations\n  deopt at REPL1:1:29 (GetNamed, pc "), "{out}");
    assert!(out.contains("): shape mismatch on .x\n"), "{out}");
    assert!(out.ends_with("Math.max is a built-in function: it is not compiled\n1 is not a function\n"), "{out}");
}
