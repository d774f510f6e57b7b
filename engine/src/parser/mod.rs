//! The parser front-end: swc parses the source, [`convert`] turns swc's tree into jolt's
//! own [`ast`], and nothing outside this module sees an swc type.
//!
//! swc is used in the script goal only. Everything jolt does not support (modules,
//! `import()`, BigInt, `with`, decorators...) is rejected here with a [`ParseError`], as
//! are the early errors swc does not detect itself (duplicate `__proto__`, invalid regular
//! expression literals, undeclared or duplicate private names, Annex B `for (var x = 1 in
//! o)` in strict code).
//!
//! Parsing and converting recurse, and so does dropping the tree: run them inside
//! [`with_parse_stack`] so that deeply nested sources give a [`ParseError`] (or parse)
//! rather than overflow the native stack.

pub mod ast;
mod convert;

use swc_common::{input::StringInput, BytePos, Spanned};
use swc_ecma_ast::EsVersion;
use swc_ecma_parser::{error::SyntaxError, input::Tokens, Context, EsSyntax, Lexer, Parser, Syntax};

/// A syntax error: message and byte offset in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong, in words.
    pub message: String,
    /// Where: a byte offset into the source.
    pub pos: ast::Pos,
}

impl ParseError {
    pub(crate) fn new(message: impl Into<String>, pos: ast::Pos) -> ParseError {
        ParseError { message: message.into(), pos }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// swc numbers source bytes from here (0 is its "no position").
const BASE: u32 = 1;
/// Bracket nesting deeper than this is rejected before parsing.
const MAX_NESTING: usize = 100_000;
/// Stack bytes granted per source byte (each byte can open at most one nesting level).
const STACK_PER_BYTE: u64 = 4096;
/// Stack granted to any source, however small.
const STACK_BASE: u64 = 16 << 20;
/// The largest stack ever asked for.
const STACK_CAP: u64 = 4 << 30;

/// The stack size [`with_parse_stack`] provides for a source of `source_len` bytes.
fn stack_size_for(source_len: usize) -> usize {
    let want = (source_len as u64).saturating_mul(STACK_PER_BYTE).saturating_add(STACK_BASE).min(STACK_CAP);
    usize::try_from(want).unwrap_or(usize::MAX / 2)
}

/// Parses a script (script goal; sloppy unless the source has a "use strict" directive, or
/// `force_strict` is true — used for strict direct eval and strict `new Function` bodies).
///
/// `force_strict` starts swc's lexer and parser in strict mode, exactly as if the script had
/// a "use strict" directive (without adding one to the source); [`ast::Program::strict`] is
/// then true.
pub fn parse_script(source: &str, force_strict: bool) -> Result<ast::Program, ParseError> {
    parse(source, force_strict, None)
}

/// Parses direct-eval code: like [`parse_script`], but `new.target`, `super` and private
/// names are allowed where the calling code allows them.
pub fn parse_eval(source: &str, force_strict: bool, context: &ast::EvalContext) -> Result<ast::Program, ParseError> {
    parse(source, force_strict, Some(context))
}

fn parse(source: &str, force_strict: bool, eval: Option<&ast::EvalContext>) -> Result<ast::Program, ParseError> {
    if source.len() >= (u32::MAX - BASE - 1) as usize {
        return Err(ParseError::new("script too large", 0));
    }
    if let Some(pos) = too_deep(source) {
        return Err(ParseError::new("nesting too deep", pos));
    }
    // Parsing alone needs less than the full budget: if the caller already runs inside
    // `with_parse_stack`, this does not grow a second stack.
    let size = stack_size_for(source.len());
    stacker::maybe_grow(size / 2, size, || parse_on_stack(source, force_strict, eval))
}

/// Parses with swc and converts; the stack must already be big enough.
fn parse_on_stack(source: &str, force_strict: bool, eval: Option<&ast::EvalContext>) -> Result<ast::Program, ParseError> {
    let end = BytePos(BASE + source.len() as u32);
    let input = StringInput::new(source, BytePos(BASE), end);
    // swc's own `super` check is turned off for eval code; the converter checks `super`
    // against the caller's context instead.
    let syntax = EsSyntax { allow_super_outside_method: eval.is_some(), ..EsSyntax::default() };
    let mut lexer = Lexer::new(Syntax::Es(syntax), EsVersion::EsNext, input, None);
    if force_strict {
        lexer.set_ctx(lexer.ctx() | Context::Strict);
    }
    let mut parser = Parser::new_from(lexer);
    let result = parser.parse_script();
    let mut errors = parser.take_errors();
    // swc rejects every function declaration in a statement position, including Annex B's
    // `if (x) function f() {}`; the converter checks those positions itself.
    errors.retain(|e| !matches!(e.kind(), SyntaxError::DeclNotAllowed));
    if eval.is_some_and(|e| e.new_target) {
        errors.retain(|e| !matches!(e.kind(), SyntaxError::InvalidNewTarget));
    }
    let script = match result {
        Ok(script) => Some(script),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let to_pos = |lo: BytePos| lo.0.saturating_sub(BASE).min(source.len() as u32);
    if let Some(first) = errors.iter().min_by_key(|e| e.span().lo) {
        let pos = to_pos(first.span().lo);
        let message = match first.kind() {
            SyntaxError::UsingDeclNotEnabled => "'using' declarations are not supported".to_string(),
            _ if source.as_bytes().get(pos as usize) == Some(&b'@') => "Decorators are not supported".to_string(),
            kind => kind.msg().into_owned(),
        };
        return Err(ParseError::new(message, pos));
    }
    let Some(script) = script else {
        return Err(ParseError::new("syntax error", 0));
    };
    convert::convert_script(script, source, BASE, force_strict, eval)
}

/// Runs `f` on a stack big enough for parsing/compiling/dropping a source of `source_len`
/// bytes: `source_len * 4096 + 16 MiB`, capped at 4 GiB (a new stack is allocated only when
/// the current one has less than that left).
pub fn with_parse_stack<R>(source_len: usize, f: impl FnOnce() -> R) -> R {
    let size = stack_size_for(source_len);
    stacker::maybe_grow(size, size, f)
}

/// 1-based line and 1-based column (column counted in UTF-16 code units) of a byte offset.
///
/// Line terminators are LF, CR, CRLF, U+2028 and U+2029. An offset past the end of the
/// source counts as the end; one inside a character counts as that character's start.
pub fn line_col(source: &str, pos: ast::Pos) -> (u32, u32) {
    let pos = (pos as usize).min(source.len());
    let mut line = 1u32;
    let mut col = 1u32;
    let mut prev_cr = false;
    for (i, c) in source.char_indices() {
        if i >= pos {
            break;
        }
        match c {
            '\n' if prev_cr => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                line += 1;
                col = 1;
            }
            _ => col += c.len_utf16() as u32,
        }
        prev_cr = c == '\r';
    }
    (line, col)
}

/// The deepest nesting (brackets plus operators, see [`too_deep`]) any source may have:
/// beyond it, the capped stack cannot give each level [`STACK_PER_BYTE`]. A source shorter
/// than this has a stack proportional to its length and cannot exceed it.
const MAX_LEVELS: usize = ((STACK_CAP - STACK_BASE) / STACK_PER_BYTE) as usize;

/// Pre-scans the nesting, skipping strings, template text and comments; returns where it
/// first exceeds [`MAX_NESTING`] brackets (`(`, `[`, `{`, `${`) or [`MAX_LEVELS`] levels.
///
/// Levels count the brackets plus the operators that nest without brackets (`=>`, `=`,
/// `?`, `!`, `~`, `+`, `-`), each open until the next `,`, `;`, closing bracket, or line
/// break after something that can end a statement. This is a bound for the stack, not a
/// tokenizer: a regular expression literal's brackets count as if they were code.
fn too_deep(source: &str) -> Option<ast::Pos> {
    /// An operator level on the stack.
    const OP: u8 = b'o';
    let b = source.as_bytes();
    // The open brackets and operator levels; `b'$'` marks a template substitution.
    let mut stack: Vec<u8> = Vec::new();
    let mut brackets = 0usize;
    let mut i = 0;
    // Inside template text (after a backtick or a substitution's closing brace).
    let mut in_template = false;
    // The last byte of code that was not whitespace or comment.
    let mut last = b';';
    // Pops the operator levels down to the innermost bracket.
    let close_ops = |stack: &mut Vec<u8>| {
        while stack.last() == Some(&OP) {
            stack.pop();
        }
    };
    while i < b.len() {
        if in_template {
            match b[i] {
                b'\\' => i += 2,
                b'`' => {
                    in_template = false;
                    i += 1;
                }
                b'$' if b.get(i + 1) == Some(&b'{') => {
                    in_template = false;
                    stack.push(b'$');
                    brackets += 1;
                    if brackets > MAX_NESTING || stack.len() > MAX_LEVELS {
                        return Some(i as ast::Pos);
                    }
                    i += 2;
                }
                _ => i += 1,
            }
            continue;
        }
        let next = b.get(i + 1).copied();
        let comment = b[i] == b'/' && matches!(next, Some(b'/' | b'*'));
        if !b[i].is_ascii_whitespace() && !comment {
            last = b[i];
        }
        let opens = match b[i] {
            // A statement may end here (automatic semicolon insertion).
            b'\n' | b'\r' if last.is_ascii_alphanumeric() || matches!(last, b'_' | b'$' | b')' | b']' | b'}' | b'"' | b'\'' | b'`') => {
                close_ops(&mut stack);
                false
            }
            b'(' | b'[' | b'{' => {
                stack.push(b[i]);
                brackets += 1;
                true
            }
            b')' | b']' | b'}' => {
                close_ops(&mut stack);
                let open = stack.pop();
                brackets = brackets.saturating_sub(1);
                // Closing a substitution goes back to the template's text.
                in_template = b[i] == b'}' && open == Some(b'$');
                false
            }
            b',' | b';' => {
                close_ops(&mut stack);
                false
            }
            b'=' if next == Some(b'>') => {
                i += 1;
                stack.push(OP);
                true
            }
            // `==`, `!=`, `<=`, `>=`, `?.`, `??` do not nest.
            b'=' | b'!' | b'<' | b'>' if next == Some(b'=') => {
                i += 1;
                false
            }
            b'?' if next == Some(b'?') || (next == Some(b'.') && !b.get(i + 2).is_some_and(u8::is_ascii_digit)) => {
                i += 1;
                false
            }
            b'=' | b'?' | b'!' | b'~' | b'+' | b'-' => {
                stack.push(OP);
                true
            }
            b'`' => {
                in_template = true;
                false
            }
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' && b[i] != b'\r' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                false
            }
            b'/' if next == Some(b'/') => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                false
            }
            b'/' if next == Some(b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
                false
            }
            _ => false,
        };
        if opens && (brackets > MAX_NESTING || stack.len() > MAX_LEVELS) {
            return Some(i as ast::Pos);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    //! Parser tests: shapes (through a compact S-expression printer), errors and their
    //! positions, deep nesting, and a smoke run over test262's `language` directory.

    use super::ast::*;
    use super::{line_col, parse_script, with_parse_stack};
    use std::fmt::Write as _;

    fn s16(s: &Str) -> String {
        String::from_utf16_lossy(s)
    }

    fn key(k: &PropKey) -> String {
        match k {
            PropKey::Named(n) => format!("{:?}", s16(n)),
            PropKey::Number(n) => format!("{n}"),
            PropKey::Computed(e) => format!("[{}]", expr(e)),
            PropKey::Private(n) => format!("#{n}"),
        }
    }

    fn mprop(p: &MemberProp) -> String {
        match p {
            MemberProp::Named(n) => s16(n),
            MemberProp::Computed(e) => format!("[{}]", expr(e)),
            MemberProp::Private(n) => format!("#{n}"),
        }
    }

    fn list<T>(v: &[T], f: impl Fn(&T) -> String) -> String {
        v.iter().map(f).collect::<Vec<_>>().join(" ")
    }

    fn arg(a: &ExprOrSpread) -> String {
        match a {
            ExprOrSpread::Expr(e) => expr(e),
            ExprOrSpread::Spread(e) => format!("...{}", expr(e)),
        }
    }

    fn pat(p: &Pattern) -> String {
        match p {
            Pattern::Ident(n, _) => n.to_string(),
            Pattern::Array(els, rest, _) => {
                let mut s = String::from("[");
                for e in els {
                    match e {
                        None => s.push_str("_ "),
                        Some(e) => {
                            s.push_str(&pat(&e.target));
                            if let Some(d) = &e.default {
                                write!(s, "={}", expr(d)).unwrap();
                            }
                            s.push(' ');
                        }
                    }
                }
                if let Some(r) = rest {
                    write!(s, "...{}", pat(r)).unwrap();
                }
                s.trim_end().to_string() + "]"
            }
            Pattern::Object(props, rest, _) => {
                let mut s = String::from("{");
                for p in props {
                    write!(s, "{}:{}", key(&p.key), pat(&p.target)).unwrap();
                    if let Some(d) = &p.default {
                        write!(s, "={}", expr(d)).unwrap();
                    }
                    s.push(' ');
                }
                if let Some(r) = rest {
                    write!(s, "...{}", pat(r)).unwrap();
                }
                s.trim_end().to_string() + "}"
            }
            Pattern::Expr(e) => expr(e),
        }
    }

    fn func(f: &Function) -> String {
        let mut s = format!("(fn{:?}", f.kind);
        if let Some(n) = &f.name {
            write!(s, " {n}").unwrap();
        }
        if f.is_async {
            s.push_str(" async");
        }
        if f.generator {
            s.push_str(" *");
        }
        if f.strict_directive {
            s.push_str(" strict");
        }
        let mut ps: Vec<String> = f
            .params
            .iter()
            .map(|p| match &p.default {
                Some(d) => format!("{}={}", pat(&p.pattern), expr(d)),
                None => pat(&p.pattern),
            })
            .collect();
        if let Some(r) = &f.rest {
            ps.push(format!("...{}", pat(r)));
        }
        write!(s, " ({})", ps.join(" ")).unwrap();
        if f.expression_body {
            s.push_str(" =>");
        }
        write!(s, " {})", list(&f.body, stmt)).unwrap();
        s
    }

    fn class(c: &Class) -> String {
        let mut s = String::from("(class");
        if let Some(n) = &c.name {
            write!(s, " {n}").unwrap();
        }
        if let Some(e) = &c.extends {
            write!(s, " extends {}", expr(e)).unwrap();
        }
        if let Some(k) = &c.constructor {
            write!(s, " ctor={}", func(k)).unwrap();
        }
        for m in &c.members {
            match m {
                ClassMember::Method { key: k, is_static, func: f } => {
                    let st = if *is_static { "static " } else { "" };
                    write!(s, " {st}{}={}", key(k), func(f)).unwrap();
                }
                ClassMember::Field { key: k, is_static, value, .. } => {
                    let st = if *is_static { "static " } else { "" };
                    let v = value.as_ref().map_or("-".to_string(), |v| expr(v));
                    write!(s, " {st}field {}={v}", key(k)).unwrap();
                }
                ClassMember::StaticBlock(b) => write!(s, " static{{{}}}", list(b, stmt)).unwrap(),
            }
        }
        s + ")"
    }

    fn parts(t: &TemplateParts) -> String {
        let cooked: Vec<String> = t.cooked.iter().map(|c| c.as_ref().map_or("None".into(), |c| format!("{:?}", s16(c)))).collect();
        let raw: Vec<String> = t.raw.iter().map(|r| format!("{:?}", s16(r))).collect();
        format!("cooked=[{}] raw=[{}]", cooked.join(","), raw.join(","))
    }

    fn expr(e: &Expr) -> String {
        match e {
            Expr::Number(n) => format!("{n}"),
            Expr::Str(s) => format!("{:?}", s16(s)),
            Expr::Bool(b) => format!("{b}"),
            Expr::Null => "null".into(),
            Expr::Undefined => "undefined!".into(),
            Expr::RegExp(p, f, _) => format!("/{}/{f}", s16(p)),
            Expr::Template(t, es) => format!("(tpl {} {})", parts(t), list(es, expr)),
            Expr::TaggedTemplate(tag, t, es, _) => {
                format!("(tagged {} {} {})", expr(tag), parts(t), list(es, expr))
            }
            Expr::Ident(n, _) => n.to_string(),
            Expr::This(_) => "this".into(),
            Expr::SuperMember(p, _) => format!("super.{}", mprop(p)),
            Expr::SuperCall(a, _) => format!("(super {})", list(a, arg)),
            Expr::NewTarget => "new.target".into(),
            Expr::Array(els) => format!("[{}]", els.iter().map(|e| e.as_ref().map_or("_".into(), arg)).collect::<Vec<_>>().join(" ")),
            Expr::Object(props) => {
                let ps: Vec<String> = props
                    .iter()
                    .map(|p| match p {
                        ObjProp::KeyValue(k, v) => format!("{}:{}", key(k), expr(v)),
                        ObjProp::Method(k, f) => format!("{}:{}", key(k), func(f)),
                        ObjProp::Spread(e) => format!("...{}", expr(e)),
                        ObjProp::Proto(e) => format!("__proto__={}", expr(e)),
                    })
                    .collect();
                format!("{{{}}}", ps.join(" "))
            }
            Expr::Function(f) => func(f),
            Expr::Class(c) => class(c),
            Expr::Unary(op, a, _) => format!("({op:?} {})", expr(a)),
            Expr::Update(inc, prefix, a, _) => {
                let op = if *inc { "++" } else { "--" };
                if *prefix {
                    format!("({op}x {})", expr(a))
                } else {
                    format!("(x{op} {})", expr(a))
                }
            }
            Expr::Binary(op, a, b, _) => format!("({op:?} {} {})", expr(a), expr(b)),
            Expr::PrivateIn(n, b, _) => format!("(#{n} in {})", expr(b)),
            Expr::Logical(op, a, b) => format!("({op:?} {} {})", expr(a), expr(b)),
            Expr::Cond(a, b, c) => format!("(? {} {} {})", expr(a), expr(b), expr(c)),
            Expr::Assign(op, t, v, _) => format!("({op:?} {} {})", pat(t), expr(v)),
            Expr::Seq(es) => format!("(seq {})", list(es, expr)),
            Expr::Member(o, p, opt, _) => {
                format!("{}{}{}", expr(o), if *opt { "?." } else { "." }, mprop(p))
            }
            Expr::Call(c, a, kind, _) => {
                let q = if *kind == CallKind::Optional { "?." } else { "" };
                format!("(call{q} {} {})", expr(c), list(a, arg)).replace("  ", " ").replace(" )", ")")
            }
            Expr::New(c, a, _) => format!("(new {} {})", expr(c), list(a, arg)).replace(" )", ")"),
            Expr::OptionalChain(e) => format!("(chain {})", expr(e)),
            Expr::Yield(a, d, _) => format!("(yield{} {})", if *d { "*" } else { "" }, a.as_ref().map_or("-".into(), |a| expr(a))),
            Expr::Await(a, _) => format!("(await {})", expr(a)),
            Expr::Paren(e) => format!("(paren {})", expr(e)),
        }
    }

    fn decls(kind: &VarKind, ds: &[(Pattern, Option<Expr>)]) -> String {
        let ds: Vec<String> = ds
            .iter()
            .map(|(p, i)| match i {
                Some(i) => format!("{}={}", pat(p), expr(i)),
                None => pat(p),
            })
            .collect();
        format!("({kind:?} {})", ds.join(" "))
    }

    fn head(h: &ForHead) -> String {
        match h {
            ForHead::Decl(k, p) => format!("({k:?} {})", pat(p)),
            ForHead::Target(p) => pat(p),
        }
    }

    fn stmt(s: &Stmt) -> String {
        match s {
            Stmt::VarDecl(k, ds, _) => decls(k, ds),
            Stmt::FuncDecl(f) => func(f),
            Stmt::ClassDecl(c) => class(c),
            Stmt::Expr(e) => expr(e),
            Stmt::Block(b) => format!("{{{}}}", list(b, stmt)),
            Stmt::Empty => ";".into(),
            Stmt::If(t, c, a) => {
                format!("(if {} {}{})", expr(t), stmt(c), a.as_ref().map_or(String::new(), |a| format!(" else {}", stmt(a))))
            }
            Stmt::For(i, t, u, b) => {
                let i = match i {
                    Some(ForInit::Decl(k, ds)) => decls(k, ds),
                    Some(ForInit::Expr(e)) => expr(e),
                    None => "-".into(),
                };
                let t = t.as_ref().map_or("-".into(), expr);
                let u = u.as_ref().map_or("-".into(), expr);
                format!("(for {i} {t} {u} {})", stmt(b))
            }
            Stmt::ForIn(h, o, b) => format!("(for-in {} {} {})", head(h), expr(o), stmt(b)),
            Stmt::ForOf(h, o, b, aw) => format!("(for{}-of {} {} {})", if *aw { "-await" } else { "" }, head(h), expr(o), stmt(b)),
            Stmt::While(t, b) => format!("(while {} {})", expr(t), stmt(b)),
            Stmt::DoWhile(b, t) => format!("(do {} {})", stmt(b), expr(t)),
            Stmt::Break(l, _) => format!("(break{})", l.as_ref().map_or(String::new(), |l| format!(" {l}"))),
            Stmt::Continue(l, _) => {
                format!("(continue{})", l.as_ref().map_or(String::new(), |l| format!(" {l}")))
            }
            Stmt::Return(e, _) => format!("(return{})", e.as_ref().map_or(String::new(), |e| format!(" {}", expr(e)))),
            Stmt::Throw(e, _) => format!("(throw {})", expr(e)),
            Stmt::Try(b, c, f) => {
                let mut s = format!("(try {{{}}}", list(b, stmt));
                if let Some((p, body)) = c {
                    let p = p.as_ref().map_or("-".into(), pat);
                    write!(s, " catch {p} {{{}}}", list(body, stmt)).unwrap();
                }
                if let Some(f) = f {
                    write!(s, " finally {{{}}}", list(f, stmt)).unwrap();
                }
                s + ")"
            }
            Stmt::Switch(d, cases) => {
                let cs: Vec<String> =
                    cases.iter().map(|(t, b)| format!("({} {})", t.as_ref().map_or("default".into(), expr), list(b, stmt))).collect();
                format!("(switch {} {})", expr(d), cs.join(" "))
            }
            Stmt::Labeled(l, b) => format!("({l}: {})", stmt(b)),
            Stmt::Debugger => "debugger".into(),
        }
    }

    /// Parses and prints; panics on a parse error.
    fn show(src: &str) -> String {
        match parse_script(src, false) {
            Ok(p) => list(&p.body, stmt),
            Err(e) => panic!("{src:?}: {} at {:?}", e.message, line_col(src, e.pos)),
        }
    }

    #[test]
    fn broad_sample_parses() {
        let src = r#"#!/usr/bin/env jolt
            'use strict';
            var a = 1, [b, , c = 2, ...d] = [], {e, f: {g}, ['h' + 1]: h = 3, ...i} = {};
            let j; const k = 0x1F + 0o17 + 0b101 + 1_000 + .5e3;
            function f1(p, q = 1, {r} = {}, [s] = [], ...t) { return arguments.length; }
            function* g1() { yield 1; yield* g1(); const x = yield; }
            async function af() { await null; for await (const x of []) {} }
            async function* ag() { yield await 1; }
            const arrows = [() => 1, x => x, (x, y) => { return x + y; }, async x => await x,
                async (a, b) => a, ({a}, [b]) => a + b, (...rest) => rest];
            class A extends Object {
                #priv = 1; static #sp; static s = 2; field; ['computed'] = 3; 42 = 'n';
                constructor(...args) { super(...args); this.#priv++; new.target; }
                get x() { return this.#priv; } set x(v) { this.#priv = v; }
                static m() { return super.toString(); } *gen() {} async am() {} async *agm() {}
                #pm() { return #priv in this; } get #pa() { return 1; } set #pa(v) {}
                static { this.s = 3; } 'str key'() {} 1.5() {} [Symbol.iterator]() {}
            }
            const o = { a, b: 1, [c]: 2, 3: 4, 'five': 5, get g() { return 1; }, set g(v) {},
                m() {}, *gm() {}, async am() {}, async *agm() {}, ...d, __proto__: null };
            o?.a?.[b]?.(c); o.a.b.c(); new A(); new A; new new A;
            a = b += c -= 1; a **= 2; a ||= b; a &&= c; a ??= d; a >>>= 1; a <<= 1; a >>= 1;
            [a, b] = [b, a]; ({a, b: o.c, ...o.d} = {});
            x: for (const v of [1]) { if (v) continue x; else break x; }
            for (let i = 0; i < 1; i++) {} for (var p in o) {} for (;;) { break; }
            while (false) {} do {} while (false); switch (a) { case 1: break; default: }
            try { throw new Error('e'); } catch ({message}) {} finally {}
            try {} catch {} label: { break label; }
            void 0; typeof a; delete o.a; !a; ~a; -a; +a; ++a; a--; debugger;
            a = b ? c : d; a = (b, c); a = `t${a}m${b}`; tag`x${1}y`; /re[/]x/giu; /(?<n>a)\k<n>/v;
            a = (1 < 2 && 2 > 1 || 3 <= 4) ?? 5; a = 1 == 1 != 2 === 3 !== 4; a = 1 | 2 & 3 ^ 4;
            a = 'a' in o; a = o instanceof Object; a = 2 ** 3 ** 2; a = 1 % 2 / 3 * 4 - 5;
            if (a) ; else if (b) ; else ;
            a = "\u{1F600}\x41"; a = '\
            ';
        "#;
        let p = parse_script(src, false).unwrap_or_else(|e| panic!("{} at {:?}", e.message, line_col(src, e.pos)));
        assert!(p.strict);
        assert!(p.body.len() > 40);
        // Sloppy-only syntax.
        show("with_ = 1; var yield = 1, let_ = 2; function f(a, a) {} if (1) function g() {}");
        show("l: function f() {} l2: l3: while (1) { continue l2; } function* yield() {}");
        show("for (;;) {} for (var i = 0, j; i < 1; i++) {} for (let [a] = [];;) {} for ((a); (b); (c)) {}");
        show("for (a /* c */ ; /* ; */ b // x\n ; ) {} for (a in b) {} for (var x = 0 /* ; */;;) {}");
        show("class C extends B { constructor() { super(); (() => super.x)(); } x = () => super.y; }");
        show("({ m() { return super.m; }, get x() { return super.x; } })");
        show("async function f() { var x = { async: 1, get: 2, set: 3, static: 4, await: 5 }; }");
        show("x <!-- html comment\n--> also a comment\ny");
    }

    #[test]
    fn optional_chains() {
        assert_eq!(show("a?.b.c()"), "(chain (call a?.b.c))");
        assert_eq!(show("a.b?.c"), "(chain a.b?.c)");
        assert_eq!(show("(a?.b).c"), "(chain a?.b).c");
        assert_eq!(show("(a?.b)()"), "(call (chain a?.b))");
        assert_eq!(show("a?.b.c.d"), "(chain a?.b.c.d)");
        assert_eq!(show("a?.(1)?.[2]"), "(chain (call?. a 1)?.[2])");
        assert_eq!(show("class C { #x; m() { return a?.b.#x; } }"), r#"(class C field #x=- "m"=(fnMethod () (return (chain a?.b.#x))))"#);
    }

    #[test]
    fn shapes() {
        assert_eq!(show("({a, b: 1, 2: 3, 'c': 4, [d]: 5, ...e})"), r#"{"a":a "b":1 2:3 "c":4 [d]:5 ...e}"#);
        assert_eq!(
            show("({__proto__: a, __proto__() {}, ['__proto__']: b})"),
            r#"{__proto__=a "__proto__":(fnMethod () ) ["__proto__"]:b}"#
        );
        assert_eq!(show("({'__proto__': a, __proto__})"), r#"{__proto__=a "__proto__":__proto__}"#);
        assert_eq!(show("({__proto__: a, __proto__: b} = {})"), r#"(Assign {"__proto__":a "__proto__":b} {})"#);
        assert_eq!(show("x => x * 2"), "(fnArrow (x) => (return (Mul x 2)))");
        assert_eq!(show("async (a, b) => { 'use strict'; }"), r#"(fnArrow async strict (a b) "use strict")"#);
        assert_eq!(show("(function f(){})"), "(fnNormal f () )");
        assert_eq!(show("(function(){ 'use\\x20strict'; })"), r#"(fnNormal () "use strict")"#);
        assert_eq!(show("function* g(a = 1, {b, c: [d]} = {}) { yield* a; }"), r#"(fnNormal g * (a=1 {"b":b "c":[d]}={}) (yield* a))"#);
        assert_eq!(
            show("class A extends B { constructor(x) { super(x); } static m() {} get #p() {} x = 1; static { } }"),
            r#"(class A extends B ctor=(fnDerivedConstructor (x) (super x)) static "m"=(fnMethod () ) #p=(fnGetter () ) field "x"=1 static{})"#
        );
        assert_eq!(show("(class { constructor() {} })"), "(class ctor=(fnClassConstructor () ))");
        assert_eq!(show("[a, b] = [b, a]"), "(Assign [a b] [b a])");
        assert_eq!(show("({a = 1, b: {c}, ...d} = o)"), r#"(Assign {"a":a=1 "b":{"c":c} ...d} o)"#);
        assert_eq!(
            show("[(a), (b.c), ...d[0]] = e; (a) = 1; (a.b) += 2"),
            "(Assign [a b.c ...d.[0]] e) (Assign (paren a) 1) (Compound(Add) a.b 2)"
        );
        assert_eq!(
            show("for (var [a, b] of c) ; for (x.y in z) ; for ((x) of y) ;"),
            "(for-of (Var [a b]) c ;) (for-in x.y z ;) (for-of x y ;)"
        );
        assert_eq!(show("for (var i = 0 in o) ;"), "{(Var i=0) (for-in (Var i) o ;)}");
        assert_eq!(show("a: b: for (var i = 0 in o) continue a;"), "{(Var i=0) (a: (b: (for-in (Var i) o (continue a))))}");
        assert_eq!(show("class C { #x; m(o) { return #x in o; } }"), r#"(class C field #x=- "m"=(fnMethod (o) (return (#x in o))))"#);
    }

    #[test]
    fn literals() {
        let p = parse_script(r#""\uD800" + '\uDC00' + "\uD83D\uDE00" + "\u{1F600}""#, false).unwrap();
        let Stmt::Expr(Expr::Binary(_, l, r, _)) = &p.body[0] else { panic!() };
        let Expr::Str(last) = &**r else { panic!() };
        assert_eq!(&last[..], &[0xD83D, 0xDE00]);
        let Expr::Binary(_, l, r, _) = &**l else { panic!() };
        let Expr::Str(pair) = &**r else { panic!() };
        assert_eq!(&pair[..], &[0xD83D, 0xDE00]);
        let Expr::Binary(_, l, r, _) = &**l else { panic!() };
        let (Expr::Str(a), Expr::Str(b)) = (&**l, &**r) else { panic!() };
        assert_eq!((&a[..], &b[..]), (&[0xD800][..], &[0xDC00][..]));
        assert_eq!(show("0x10; 1e3; .5; 010; 08; 1_0"), "16 1000 0.5 8 8 10");
        assert_eq!(show("`a${b}c\\u0041${d}`"), r#"(tpl cooked=["a","cA",""] raw=["a","c\\u0041",""] b d)"#);
        assert_eq!(show("t`\\unicode and \\u{110000}`"), r#"(tagged t cooked=[None] raw=["\\unicode and \\u{110000}"] )"#);
        assert_eq!(show("`a\r\nb\rc`"), r#"(tpl cooked=["a\nb\nc"] raw=["a\nb\nc"] )"#);
        assert_eq!(show("/a(?i:b)/dgimsy; /[\\p{L}--[a-z]]/v"), r"/a(?i:b)/dgimsy /[\p{L}--[a-z]]/v");
        assert_eq!(show("({1: a, 1.5: b, 0x10: c, 1e3: d})"), "{1:a 1.5:b 16:c 1000:d}");
    }

    #[test]
    fn spans_and_positions() {
        let src = "class A { static async *m() {} static get g() { return 1 } }\nvar o = { get x() {}, async *y() {}, z: function () {} };";
        let p = parse_script(src, false).unwrap();
        let text = |span: (Pos, Pos)| &src[span.0 as usize..span.1 as usize];
        let Stmt::ClassDecl(c) = &p.body[0] else { panic!() };
        assert_eq!(text(c.span), &src[..src.find('\n').unwrap()]);
        let spans: Vec<&str> = c
            .members
            .iter()
            .map(|m| match m {
                ClassMember::Method { func, .. } => text(func.span),
                _ => panic!(),
            })
            .collect();
        assert_eq!(spans, ["async *m() {}", "get g() { return 1 }"]);
        let Stmt::VarDecl(_, ds, _) = &p.body[1] else { panic!() };
        let Some(Expr::Object(props)) = &ds[0].1 else { panic!() };
        let spans: Vec<&str> = props
            .iter()
            .map(|p| match p {
                ObjProp::Method(_, f) => text(f.span),
                ObjProp::KeyValue(_, Expr::Function(f)) => text(f.span),
                _ => panic!(),
            })
            .collect();
        assert_eq!(spans, ["get x() {}", "async *y() {}", "function () {}"]);

        // Runtime error positions: member calls at the property, others at the callee.
        let src = "a.b.c();\n  foo(1) + x.y;\nnew F;";
        let p = parse_script(src, false).unwrap();
        let Stmt::Expr(Expr::Call(_, _, _, pos)) = &p.body[0] else { panic!() };
        assert_eq!(line_col(src, *pos), (1, 5));
        let Stmt::Expr(Expr::Binary(_, l, r, pos)) = &p.body[1] else { panic!() };
        assert_eq!(line_col(src, *pos), (2, 10));
        let Expr::Call(_, _, _, pos) = &**l else { panic!() };
        assert_eq!(line_col(src, *pos), (2, 3));
        let Expr::Member(_, _, _, pos) = &**r else { panic!() };
        assert_eq!(line_col(src, *pos), (2, 14));
        let Stmt::Expr(Expr::New(_, _, pos)) = &p.body[2] else { panic!() };
        assert_eq!(line_col(src, *pos), (3, 1));
    }

    #[test]
    fn directives() {
        assert!(parse_script("'use strict'; 1", false).unwrap().strict);
        assert!(parse_script("'a'; \"use strict\"", false).unwrap().strict);
        assert!(!parse_script("1; 'use strict'", false).unwrap().strict);
        assert!(!parse_script("'use\\x20strict'", false).unwrap().strict);
        assert!(!parse_script("('use strict')", false).unwrap().strict);
        assert!(parse_script("1", true).unwrap().strict);
        let p = parse_script("function f() { 'use strict'; return 1 }", false).unwrap();
        let Stmt::FuncDecl(f) = &p.body[0] else { panic!() };
        assert!(f.strict_directive && !p.strict);
    }

    #[test]
    fn line_col_counts_utf16_and_all_terminators() {
        let src = "a\r\nb\rc\nd\u{2028}e\u{2029}😀x";
        let at = |s: &str| line_col(src, src.find(s).unwrap() as Pos);
        assert_eq!(at("a"), (1, 1));
        assert_eq!(at("b"), (2, 1));
        assert_eq!(at("c"), (3, 1));
        assert_eq!(at("d"), (4, 1));
        assert_eq!(at("e"), (5, 1));
        assert_eq!(at("x"), (6, 3));
        assert_eq!(line_col(src, 10_000), (6, 4));
        assert_eq!(line_col("", 0), (1, 1));
    }

    #[test]
    fn errors() {
        let cases: &[(&str, bool, (u32, u32), &str)] = &[
            ("var o = {\n  __proto__: 1,\n  '__proto__': 2 }", false, (3, 3), "Duplicate __proto__"),
            ("x = /a(/;", false, (1, 5), "Invalid regular expression"),
            ("x = /a/gg;", false, (1, 5), ""),
            ("x = /a/uv;", false, (1, 5), "flags"),
            ("x = /a/x;", false, (1, 5), ""),
            ("x = /(?<n>a)(?<n>b)/;", false, (1, 5), "Invalid regular expression"),
            ("class A { m() { this.#nope; } }", false, (1, 22), "#nope"),
            ("class A { #a; static m() { class B { [this.#b] = 1; } } }", false, (1, 44), "#b"),
            ("class A extends (class { x = this.#p }) { #p }", false, (1, 35), "#p"),
            ("class A { #a; #a; }", false, (1, 15), "already been declared"),
            ("class A { get #a() {} static set #a(v) {} }", false, (1, 34), "already been declared"),
            ("class A { #a; m() { delete this.#a } }", false, (1, 33), "deleted"),
            ("1n", false, (1, 1), "BigInt is not supported"),
            ("x = {1n: 1}", false, (1, 6), "BigInt is not supported"),
            ("with (a) {}", false, (1, 1), "'with' is not supported"),
            ("with (a) {}", true, (1, 1), ""),
            ("import('x')", false, (1, 1), "import() is not supported"),
            ("x = import.meta", false, (1, 5), ""),
            ("import x from 'y'", false, (1, 1), ""),
            ("export var x", false, (1, 1), ""),
            ("@dec class A {}", false, (1, 1), ""),
            ("return 1", false, (1, 1), ""),
            ("break;", false, (1, 1), ""),
            ("new.target", false, (1, 1), ""),
            ("var yield;", true, (1, 5), ""),
            ("010", true, (1, 1), ""),
            ("'\\07'", true, (1, 2), ""),
            ("delete x", true, (1, 8), ""),
            ("function f(a, a) {}", true, (1, 15), ""),
            ("var eval;", true, (1, 5), ""),
            ("for (var i = 0 in o) ;", true, (1, 10), "initializer"),
            ("'use strict'; for (var i = 0 in o) ;", false, (1, 24), "initializer"),
            ("for (let i = 0 in o) ;", false, (1, 20), ""),
            ("for (var [i] = 0 in o) ;", false, (1, 10), ""),
            ("a\n  b c", false, (2, 5), ""),
            ("`\\unicode`", false, (1, 2), ""),
            ("a?.b`t`", false, (1, 1), ""),
            ("`\\8`", false, (1, 2), "template"),
            ("'\\u{1_0}'", false, (1, 1), "Unicode"),
            ("'\\8'", true, (1, 1), "Octal"),
            ("function f() { '\\07'; 'use strict'; }", false, (1, 16), "Octal"),
            ("x = /a\u{2028}/", false, (1, 5), ""),
            ("var v\\u0061r;", false, (1, 5), ""),
            ("var l\\u0065t;", true, (1, 5), "reserved"),
            ("function* g() { var yi\\u0065ld; }", false, (1, 21), "reserved"),
            ("async function f() { \\u0061wait: ; }", false, (1, 22), "reserved"),
            ("class C { static { var \\u0061wait; } }", false, (1, 24), "reserved"),
            ("({ g\\u0065t x() {} })", false, (1, 4), "escaped"),
            ("class C { st\\u0061tic m() {} }", false, (1, 23), ""),
            ("\\u0061sync function f() {}", false, (1, 12), ""),
            ("function f() { n\\u0065w.target }", false, (1, 16), "escape"),
            ("({ async\n m() {} })", false, (1, 4), "Line terminator"),
            ("function f(a, a) { 'use strict' }", false, (1, 15), "Duplicate"),
            ("function f(a, [a]) {}", false, (1, 16), "Duplicate"),
            ("function f(a = 1, a) {}", false, (1, 19), "Duplicate"),
            ("(a, a) => 1", false, (1, 5), "Duplicate"),
            ("({ m(a, a) {} })", false, (1, 9), "Duplicate"),
            ("try {} catch ([e, e]) {}", false, (1, 19), "already been declared"),
            ("function eval() { 'use strict' }", false, (1, 10), "eval"),
            ("'use strict'; ({eval} = o)", false, (1, 17), "eval"),
            ("'use strict'; [arguments] = o", false, (1, 16), ""),
            ("'use strict'; [...eval] = o", false, (1, 19), ""),
            ("'use strict'; delete ((x))", false, (1, 24), "Delete"),
            ("super()", false, (1, 1), "super"),
            ("function f() { super.x }", false, (1, 16), "super"),
            ("({ m() { super() } })", false, (1, 10), "super"),
            ("class A { constructor() { super() } }", false, (1, 27), "super"),
            ("class A extends B { m() { super() } }", false, (1, 27), "super"),
            ("class A { x = arguments }", false, (1, 15), "arguments"),
            ("class A { static { arguments } }", false, (1, 20), "arguments"),
            ("class A { static prototype() {} }", false, (1, 18), "prototype"),
            ("class A { static 'prototype' = 1 }", false, (1, 18), "prototype"),
            ("class A { constructor = 1 }", false, (1, 11), "constructor"),
            ("if (a) let\n[x] = y", false, (1, 8), "single-statement"),
            ("while (a) function f() {}", false, (1, 11), "not allowed"),
            ("if (a) async function f() {}", false, (1, 8), "not allowed"),
            ("if (a) l: function f() {}", false, (1, 11), "Labelled"),
            ("'use strict'; if (a) function f() {}", false, (1, 22), "not allowed"),
            ("l: async function f() {}", false, (1, 4), "not allowed"),
            ("l: { continue l; }", false, (1, 6), ""),
            ("l: { (() => { continue l; }) }", false, (1, 15), ""),
            ("do let\n[x] = 1; while (0)", false, (1, 4), "let ["),
            ("for (a; b\n) {}", false, (2, 1), "for statement"),
            ("for (\n) {}", false, (2, 1), ""),
            ("var \\u200Dx;", false, (1, 5), ""),
            ("class C { #\\u200Dx; }", false, (1, 11), ""),
            ("var \\u{00_76};", false, (1, 5), ""),
            ("while (1) { class C { static { break; } } }", false, (1, 32), "break"),
            ("l: while (1) { class C { static { continue l; } } }", false, (1, 44), "continue"),
        ];
        let mut bad = Vec::new();
        for &(src, strict, at, msg) in cases {
            match parse_script(src, strict) {
                Ok(_) => bad.push(format!("{src:?} parsed")),
                Err(e) => {
                    let lc = line_col(src, e.pos);
                    if !e.message.contains(msg) || lc != at {
                        bad.push(format!("{src:?}: {:?} at {lc:?}", e.message));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    /// Parses `src` and drops the result inside `with_parse_stack`; true if it parsed.
    fn parse_and_drop(src: &str) -> bool {
        with_parse_stack(src.len(), || parse_script(src, false).is_ok())
    }

    /// Sources nested deeply enough to overflow a naive recursive parser.
    fn deep_sources() -> Vec<(&'static str, String)> {
        vec![
            ("parens", "(".repeat(100_000)),
            ("brackets", "[".repeat(100_000)),
            ("closed parens", format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000))),
            ("closed arrays", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
            ("too deep", format!("{}{}", "{".repeat(100_001), "}".repeat(100_001))),
            ("arrows", format!("{}0", "a=>".repeat(50_000))),
            ("sum", format!("1{}", "+1".repeat(300_000))),
            ("unary", format!("{}1", "!".repeat(200_000))),
            // swc's else-if handling is quadratic: 50_000 takes a minute.
            ("else if", format!("{}{{}}", "if (a) {} else ".repeat(5_000))),
            ("blocks", format!("{}{}", "{".repeat(100_000), "}".repeat(100_000))),
            ("if", format!("{}0", "if (a) ".repeat(100_000))),
            ("assign", format!("{}1", "a=".repeat(100_000))),
        ]
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        for (what, src) in deep_sources() {
            let t = std::time::Instant::now();
            let ok = parse_and_drop(&src);
            eprintln!("{what}: {} in {:?}", if ok { "parsed" } else { "error" }, t.elapsed());
        }
        assert!(!parse_and_drop(&"(".repeat(100_000)));
        assert!(parse_and_drop(&format!("1{}", "+1".repeat(300_000))));
        let too_deep = format!("{}{}", "{".repeat(100_001), "}".repeat(100_001));
        let e = parse_script(&too_deep, false).err().expect("too deep");
        assert!(e.message.contains("nesting too deep"), "{}", e.message);
        // Past the stack cap, nesting without brackets is bounded too.
        let arrows = format!("{}0", "a=>".repeat(1_100_000));
        let e = parse_script(&arrows, false).err().expect("too deep");
        assert!(e.message.contains("nesting too deep"), "{}", e.message);
        // The pre-scan's operator levels end at statement boundaries, with or without `;`.
        assert_eq!(super::too_deep(&"a = -b\n".repeat(1_100_000)), None);
        assert_eq!(super::too_deep(&"a = -b, c = !d;".repeat(1_100_000)), None);
        assert!(super::too_deep(&"x =>\n".repeat(1_100_000)).is_some());
        assert!(super::too_deep(&"x = \n".repeat(1_100_000)).is_some());
        // Long flat sources are fine.
        let flat = "a = !b + -c ? d : e => f;\n".repeat(100_000);
        assert!(parse_and_drop(&flat));
    }

    #[test]
    fn deep_nesting_on_a_small_thread() {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                for (what, src) in deep_sources() {
                    if matches!(what, "parens" | "closed arrays" | "arrows" | "unary") {
                        parse_and_drop(&src);
                    }
                }
                // Without `with_parse_stack`, parse_script still grows its own stack.
                let sum = format!("1{}", "+1".repeat(300_000));
                let p = parse_script(&sum, false);
                with_parse_stack(sum.len(), move || drop(p));
            })
            .unwrap()
            .join()
            .unwrap();
    }

    /// Smoke test: every non-module, non-negative-parse test262 `language` (and Annex B
    /// `language`, where present) test converts
    /// without panicking; prints the ones that fail to parse. Set `TEST262_DIR` to the
    /// test262 checkout (default: `shared/test262` beside the repository).
    #[test]
    #[ignore = "slow; run with --ignored"]
    fn test262_language_smoke() {
        let root = std::env::var("TEST262_DIR")
            .map_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/test262"), Into::into);
        let dir = root.join("test/language");
        if !dir.is_dir() {
            eprintln!("no test262 at {}", dir.display());
            return;
        }
        let mut files = Vec::new();
        let mut stack: Vec<_> = [dir, root.join("test/annexB/language")].into_iter().filter(|d| d.is_dir()).collect();
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "js") && !path.to_string_lossy().contains("_FIXTURE") {
                    files.push(path);
                }
            }
        }
        files.sort();
        let start = std::time::Instant::now();
        let (mut parsed, mut failed, mut skipped, mut bytes) = (0, Vec::new(), 0, 0);
        let (mut negatives, mut missed) = (0, Vec::new());
        for path in &files {
            let Ok(src) = std::fs::read_to_string(path) else {
                skipped += 1;
                continue;
            };
            let meta = src.find("/*---").and_then(|a| src[a..].find("---*/").map(|b| &src[a..a + b])).unwrap_or("");
            let module = meta.lines().any(|l| l.contains("flags:") && l.contains("module"));
            let negative_parse = meta.contains("negative:") && meta.contains("phase: parse");
            if module {
                skipped += 1;
                continue;
            }
            let strict_only = meta.lines().any(|l| l.contains("flags:") && l.contains("onlyStrict"));
            bytes += src.len();
            let result = with_parse_stack(src.len(), || parse_script(&src, strict_only).map(drop));
            if negative_parse {
                negatives += 1;
                if result.is_ok() {
                    missed.push(path.display().to_string());
                }
            } else {
                match result {
                    Ok(()) => parsed += 1,
                    Err(e) => {
                        let (l, c) = line_col(&src, e.pos);
                        failed.push(format!("{}:{l}:{c}: {}", path.display(), e.message));
                    }
                }
            }
        }
        let elapsed = start.elapsed();
        for f in &failed {
            eprintln!("FAIL {f}");
        }
        for m in &missed {
            eprintln!("MISSED {m}");
        }
        eprintln!(
            "{parsed} parsed, {} failed, {skipped} skipped (module/unreadable), \
             {negatives} negative-parse tests of which {} parsed; {bytes} bytes in {elapsed:?}",
            failed.len(),
            missed.len()
        );
    }
}
