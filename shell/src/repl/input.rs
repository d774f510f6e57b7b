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
    /// A syntax error (the message).
    Error(String),
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
            Err(_) => {}
        }
    }
    Check::Error(err.message)
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

/// Rewrites an entry that uses top-level `await` into a script whose completion value is a
/// promise of the entry's result (as node's REPL does):
///
/// - an expression entry becomes `(async () => (entry))()`;
/// - a statement entry runs in an async arrow function; the names it declares at its top level
///   are declared in the script first (`var` for `var` and functions, `let` for `let`, `const`
///   and classes, since they are assigned later) and copied out when the body finishes, so
///   they are visible to later entries.
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
    let all: Vec<&String> = vars.iter().chain(lets.iter()).collect();
    if all.is_empty() {
        return format!("{AWAIT_PREFIX}{entry}{AWAIT_SUFFIX}");
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
        "((__jolt_set) => (async () => {{\n{entry}\n;__jolt_set({});\n}})())(({}) => {{ {} }})",
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
        assert!(matches!(check("1 +* 2"), Check::Error(_)));
        assert!(matches!(check("let let = 1"), Check::Error(_)));
        assert!(matches!(check("}"), Check::Error(_)));
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
}
