//! Deciding whether an entry is complete, and the rewrite that gives entries top-level `await`.
//!
//! An entry is *incomplete* when parsing it fails at its very end (an open brace, bracket or
//! paren, a trailing operator, an unterminated template literal or block comment, a string
//! continued with a backslash): the REPL then asks for another line. Any other parse error is
//! a real SyntaxError, reported at once.

use jolt::parser::{self, ast};

/// What an entry is, syntactically.
#[derive(Debug, PartialEq, Eq)]
pub enum Check {
    /// A complete script.
    Script,
    /// A complete entry that needs top-level `await` (see [`await_wrapper`]).
    Await,
    /// More lines are needed.
    Incomplete,
    /// A syntax error: the message, and the byte offset in the entry where it was found.
    Error(String, usize),
}

const AWAIT_PREFIX: &str = "(async () => {\n";
const AWAIT_SUFFIX: &str = "\n})()";

fn parse(src: &str) -> Result<ast::Program, parser::ParseError> {
    parser::with_parse_stack(src.len(), || parser::parse_script(src, false))
}

/// Did a parse error (in a source where `offset` bytes precede the entry) happen because the
/// entry ended too early?
fn at_end(offset: usize, e: &parser::ParseError, entry: &str) -> bool {
    let end = offset + entry.trim_end().len();
    let msg = e.message.to_ascii_lowercase();
    e.pos as usize >= end || msg.contains("unterminated template") || msg.contains("unterminated block comment") || entry.ends_with('\\')
}

/// Classifies an entry.
pub fn check(entry: &str) -> Check {
    let err = match parse(entry) {
        Ok(_) => return Check::Script,
        Err(e) => e,
    };
    if at_end(0, &err, entry) {
        return Check::Incomplete;
    }
    if entry.contains("await") {
        let wrapped = format!("{AWAIT_PREFIX}{entry}{AWAIT_SUFFIX}");
        match parse(&wrapped) {
            Ok(_) => return Check::Await,
            Err(e) if at_end(AWAIT_PREFIX.len(), &e, entry) => return Check::Incomplete,
            // Where the entry fails as the body of the `await` wrapper is where node points.
            Err(e) if (e.pos as usize) >= AWAIT_PREFIX.len() => {
                return Check::Error(e.message, (e.pos as usize - AWAIT_PREFIX.len()).min(entry.len()));
            }
            Err(_) => {}
        }
    }
    Check::Error(err.message, (err.pos as usize).min(entry.len()))
}

/// The text node's REPL shows for a syntax error at byte `pos` of `entry`: the source line,
/// carets under the offending token, a blank line, then the message.
///
/// ```text
/// let x = ;
///         ^
///
/// Uncaught SyntaxError: Expression expected
/// ```
pub fn syntax_error_text(entry: &str, message: &str, pos: usize) -> String {
    let mut pos = pos.min(entry.len());
    while !entry.is_char_boundary(pos) {
        pos -= 1;
    }
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    let start = entry[..pos].char_indices().rev().find(|&(_, c)| is_break(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = entry[pos..].find(is_break).map_or(entry.len(), |i| pos + i);
    let line = &entry[start..end];
    // Keep tabs in the padding so the caret lines up however wide the terminal draws them.
    let pad: String = entry[start..pos].chars().map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    let rest = &entry[pos..end];
    let word = rest.chars().take_while(|&c| c.is_alphanumeric() || c == '_' || c == '$').count();
    format!("{line}\n{pad}{}\n\nUncaught SyntaxError: {message}", "^".repeat(word.max(1)))
}

/// Collects the names a binding pattern declares.
fn pattern_names(p: &ast::Pattern, out: &mut Vec<String>) {
    match p {
        ast::Pattern::Ident(n, _) => out.push(n.to_string()),
        ast::Pattern::Array(elems, rest, _) => {
            for e in elems.iter().flatten() {
                pattern_names(&e.target, out);
            }
            if let Some(r) = rest {
                pattern_names(r, out);
            }
        }
        ast::Pattern::Object(props, rest, _) => {
            for p in props {
                pattern_names(&p.target, out);
            }
            if let Some(r) = rest {
                pattern_names(r, out);
            }
        }
        ast::Pattern::Expr(_) => {}
    }
}

/// The shape of `src` as the body of an async function: how many statements it has and
/// whether the last is an expression statement (`None` if it does not parse).
fn body_shape(src: &str) -> Option<(usize, bool)> {
    let program = parse(&format!("async function __jolt_repl() {{\n{src}\n}}")).ok()?;
    match program.body.first() {
        Some(ast::Stmt::FuncDecl(f)) => Some((f.body.len(), matches!(f.body.last(), Some(ast::Stmt::Expr(_))))),
        _ => None,
    }
}

/// How many statement boundaries [`capture_completion`] tries, from the end (each is a parse).
const MAX_SPLITS: usize = 64;

/// Rewrites the entry's last statement, when it is an expression statement, into an
/// assignment of its value to `__jolt_result` (node's REPL returns the last expression of an
/// `await` entry the same way), so `await x; 5` echoes 5. `None` when the last statement is
/// not an expression or its start cannot be found.
///
/// The statement's start is the latest boundary (after `;`, `}`, `)` or a line break) where
/// the text before parses as all the other statements and the text after as one expression
/// statement; its end is the whole rest, or the rest up to its terminating `;`.
fn capture_completion(entry: &str) -> Option<String> {
    let (n, last_is_expr) = body_shape(entry)?;
    if !last_is_expr {
        return None;
    }
    let splits = entry.char_indices().filter(|&(_, c)| matches!(c, ';' | '}' | ')' | '\n')).map(|(i, c)| i + c.len_utf8());
    let mut splits: Vec<usize> = std::iter::once(0).chain(splits).collect();
    splits.reverse();
    for p in splits.into_iter().take(MAX_SPLITS) {
        let (before, stmt) = entry.split_at(p);
        if stmt.trim().is_empty() || body_shape(stmt) != Some((1, true)) {
            continue;
        }
        if body_shape(before).map(|(k, _)| k) != Some(n - 1) {
            continue;
        }
        let ends = std::iter::once(stmt.len()).chain(stmt.rmatch_indices(';').map(|(i, _)| i));
        for q in ends {
            let (expr, after) = stmt.split_at(q);
            let text = format!("{before}__jolt_result = (\n{expr}\n){after}");
            if body_shape(&text).is_some() {
                return Some(text);
            }
        }
        return None;
    }
    None
}

/// Rewrites an entry that uses top-level `await` into a script whose completion value is a
/// promise of the entry's result (as node's REPL does):
///
/// - an expression entry becomes `(async () => (entry))()`;
/// - a statement entry runs in an async arrow function that returns the value of its last
///   statement when that is an expression statement (see [`capture_completion`]); the names
///   it declares at its top level are declared in the script first (`var` for `var` and
///   functions, `let` for `let`, `const` and classes, since they are assigned later) and
///   copied out when the body finishes, so they are visible to later entries.
pub fn await_wrapper(entry: &str) -> String {
    let expr = format!("(async () => (\n{entry}\n))()");
    if parse(&expr).is_ok() {
        return expr;
    }
    let func = format!("async function __jolt_repl() {{\n{entry}\n}}");
    let (mut vars, mut lets) = (Vec::new(), Vec::new());
    if let Ok(program) = parse(&func) {
        if let Some(ast::Stmt::FuncDecl(f)) = program.body.first() {
            for s in &f.body {
                match s {
                    ast::Stmt::VarDecl(ast::VarKind::Var, decls, _) => decls.iter().for_each(|(p, _)| pattern_names(p, &mut vars)),
                    ast::Stmt::VarDecl(_, decls, _) => decls.iter().for_each(|(p, _)| pattern_names(p, &mut lets)),
                    ast::Stmt::FuncDecl(f) => vars.extend(f.name.as_deref().map(str::to_string)),
                    ast::Stmt::ClassDecl(c) => lets.extend(c.name.as_deref().map(str::to_string)),
                    _ => {}
                }
            }
        }
    }
    vars.dedup();
    let (body, ret) = match capture_completion(entry) {
        Some(b) => (b, "\nreturn __jolt_result;"),
        None => (entry.to_string(), ""),
    };
    let result = if ret.is_empty() { "" } else { "let __jolt_result; " };
    let all: Vec<&String> = vars.iter().chain(lets.iter()).collect();
    if all.is_empty() {
        return format!("(async () => {{ {result}\n{body}\n;{ret}\n}})()");
    }
    let mut out = String::new();
    if !vars.is_empty() {
        out.push_str(&format!("var {};", vars.join(", ")));
    }
    if !lets.is_empty() {
        out.push_str(&format!("let {};", lets.join(", ")));
    }
    let names: Vec<&str> = all.iter().map(|s| s.as_str()).collect();
    let params: Vec<String> = (0..names.len()).map(|i| format!("__jolt_v{i}")).collect();
    let assigns: Vec<String> = names.iter().zip(&params).map(|(n, p)| format!("{n} = {p};")).collect();
    out.push_str(&format!(
        "((__jolt_set) => (async () => {{ {result}\n{body}\n;__jolt_set({});{ret}\n}})())(({}) => {{ {} }})",
        names.join(", "),
        params.join(", "),
        assigns.join(" ")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_entries() {
        assert_eq!(check("1 + 2"), Check::Script);
        assert_eq!(check("let x = 1;"), Check::Script);
        for s in ["function f() {", "[1, 2,", "foo(", "1 +", "`abc ${x}", "`abc", "/* comment", "'abc\\", "if (x)", "({a: 1,"] {
            assert_eq!(check(s), Check::Incomplete, "{s}");
        }
        assert!(matches!(check("1 +* 2"), Check::Error(..)));
        assert!(matches!(check("let let = 1"), Check::Error(..)));
        assert!(matches!(check("}"), Check::Error(..)));
        assert_eq!(check("await 1"), Check::Await);
        assert_eq!(check("const x = await f()"), Check::Await);
        assert_eq!(check("const x = await f(1,"), Check::Incomplete);
    }

    #[test]
    fn await_rewrite_declares_names() {
        let s = await_wrapper("const {a, b: [c]} = await o; function g() {} var v = 1");
        assert!(s.starts_with("var g, v;let a, c;"), "{s}");
        assert_eq!(check(&s), Check::Script);
        assert_eq!(await_wrapper("await 1"), "(async () => (\nawait 1\n))()");
    }

    #[test]
    fn completion_value_of_the_last_statement() {
        assert_eq!(capture_completion("await 1; 5").as_deref(), Some("await 1;__jolt_result = (\n 5\n)"));
        assert_eq!(capture_completion("await 1; 5; // a;b").as_deref(), Some("await 1;__jolt_result = (\n 5\n); // a;b"));
        // `a\n(b)` is one call expression, not two statements.
        assert_eq!(capture_completion("await f\n(2)").as_deref(), Some("__jolt_result = (\nawait f\n(2)\n)"));
        assert_eq!(capture_completion("await 1; if (x) { 5 }"), None);
        assert_eq!(capture_completion("let a = await 1"), None);
        let s = await_wrapper("const a = await p; a + 1");
        assert!(s.starts_with("let a;") && s.contains("__jolt_result = (\n a + 1\n)") && s.contains("return __jolt_result;"), "{s}");
        assert_eq!(check(&s), Check::Script);
    }

    #[test]
    fn caret_under_the_error() {
        assert_eq!(syntax_error_text("let x = ;", "m", 8), "let x = ;\n        ^\n\nUncaught SyntaxError: m");
        assert_eq!(syntax_error_text("a\n\tfoo bar\nc", "m", 7), "\tfoo bar\n\t    ^^^\n\nUncaught SyntaxError: m");
        // Out-of-range and mid-character offsets are clamped, never a panic.
        assert_eq!(syntax_error_text("é", "m", 1), "é\n^\n\nUncaught SyntaxError: m");
        assert_eq!(syntax_error_text("", "m", 9), "\n^\n\nUncaught SyntaxError: m");
    }
}
