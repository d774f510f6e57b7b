//! The conversion from swc's syntax tree to jolt's [`ast`](super::ast).
//!
//! The swc tree is consumed by value, so each swc node is freed as soon as it is
//! converted (its drop never recurses deeper than the conversion did). Conversion also
//! checks the early errors swc leaves out: duplicate `__proto__` properties, invalid
//! regular expression literals, undeclared and duplicate private names, and the Annex B
//! `for (var x = init in o)` form in strict code. Syntax jolt does not support is rejected
//! with a "... is not supported" [`ParseError`].
//!
//! Parentheses are dropped: the tree's shape already says what they meant, and an
//! optional chain ends where swc's chain ends (`(a?.b).c` gives
//! `Member(OptionalChain(Member(a, b, optional)), c)`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use swc_common::{BytePos, Span, Spanned};
use swc_ecma_ast as s;

use super::ast::{
    AssignOp, BinOp, CallKind, Class, ClassMember, EvalContext, Expr, ExprOrSpread, ForHead, ForInit, FuncKind, Function, LogicalOp,
    MemberProp, Name, ObjProp, Param, PatElem, PatProp, Pattern, Pos, Program, PropKey, Stmt, Str, TemplateParts, UnaryOp, VarKind,
};
use super::ParseError;

type R<T> = Result<T, ParseError>;

/// Below this much free stack, a recursive conversion step moves to a new stack segment.
const RED_ZONE: usize = 64 * 1024;
/// The size of such a segment.
const SEGMENT: usize = 1024 * 1024;

/// Converts a parsed script (eval code when `eval` is given). `base` is the swc position of
/// the source's first byte.
pub(super) fn convert_script(script: s::Script, src: &str, base: u32, force_strict: bool, eval: Option<&EvalContext>) -> R<Program> {
    let (fx, privates) = match eval {
        Some(e) => (
            Scope {
                new_target: e.new_target,
                super_prop: e.super_prop,
                super_call: e.super_call,
                no_arguments: e.no_arguments,
                ..Scope::default()
            },
            vec![e.privates.iter().map(|n| Rc::from(&**n)).collect()],
        ),
        None => (Scope::default(), Vec::new()),
    };
    let mut cx = Cx { src, base, strict: force_strict, privates, fx, labels: Vec::new(), loops: 0, breakables: 0 };
    let strict = cx.directive_prologue(&script.body)? || force_strict;
    cx.strict = strict;
    let body = cx.stmts(script.body)?;
    Ok(Program { strict, body })
}

/// UTF-16 code units of a Rust string.
fn utf16(s: &str) -> Str {
    s.encode_utf16().collect::<Vec<u16>>().into()
}

/// UTF-16 code units of an swc string value (a `Wtf8Atom`: lone surrogates survive).
macro_rules! wtf16 {
    ($w:expr) => {
        $w.to_ill_formed_utf16().collect::<Vec<u16>>().into()
    };
}

/// What a string literal's escapes hold that some contexts forbid.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    /// Nothing special.
    Plain,
    /// A legacy octal escape (`\1`, `\01`) or `\8`/`\9`.
    Octal,
    /// `\8` or `\9` (only, no octal).
    NonOctalDecimal,
}

/// Scans a string literal's source text: legacy octal / `\8` `\9` escapes, and whether a
/// `\u{...}` escape holds something other than hex digits (always an error).
fn scan_escapes(raw: &str) -> (Escapes, bool) {
    let b = raw.as_bytes();
    let (mut octal, mut non_octal, mut bad_brace) = (false, false, false);
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match b.get(i + 1) {
            Some(b'8' | b'9') => non_octal = true,
            Some(b'1'..=b'7') => octal = true,
            Some(b'0') if b.get(i + 2).is_some_and(u8::is_ascii_digit) => octal = true,
            Some(b'u') if b.get(i + 2) == Some(&b'{') => {
                let mut j = i + 3;
                while j < b.len() && b[j] != b'}' {
                    bad_brace |= !b[j].is_ascii_hexdigit();
                    j += 1;
                }
            }
            _ => {}
        }
        i += 2;
    }
    let kind = if octal {
        Escapes::Octal
    } else if non_octal {
        Escapes::NonOctalDecimal
    } else {
        Escapes::Plain
    };
    (kind, bad_brace)
}

/// A template element's cooked value (the TV) from its source text, or None where an
/// escape is invalid (allowed only in tagged templates).
fn template_cooked(raw: &str) -> Option<Vec<u16>> {
    fn hex(s: &str) -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut chars = raw.char_indices().peekable();
    let mut buf = [0u16; 2];
    while let Some((i, c)) = chars.next() {
        match c {
            '\r' => {
                chars.next_if(|&(_, c)| c == '\n');
                out.push(u16::from(b'\n'));
            }
            '\\' => {
                let (j, e) = chars.next()?;
                match e {
                    '\r' => {
                        chars.next_if(|&(_, c)| c == '\n');
                    }
                    '\n' | '\u{2028}' | '\u{2029}' => {}
                    'b' => out.push(8),
                    'f' => out.push(12),
                    'n' => out.push(10),
                    'r' => out.push(13),
                    't' => out.push(9),
                    'v' => out.push(11),
                    '0' if !chars.peek().is_some_and(|&(_, c)| c.is_ascii_digit()) => out.push(0),
                    '0'..='9' => return None,
                    'x' => {
                        let v = hex(raw.get(j + 1..j + 3)?)?;
                        chars.next();
                        chars.next();
                        out.push(v as u16);
                    }
                    'u' => {
                        let rest = &raw[j + 1..];
                        let (v, len) = if let Some(body) = rest.strip_prefix('{') {
                            let close = body.find('}')?;
                            let v = hex(&body[..close])?;
                            if v > 0x10FFFF {
                                return None;
                            }
                            (v, close + 2)
                        } else {
                            (hex(rest.get(..4)?)?, 4)
                        };
                        for _ in 0..len {
                            chars.next();
                        }
                        match char::from_u32(v) {
                            Some(ch) => out.extend_from_slice(ch.encode_utf16(&mut buf)),
                            None => out.push(v as u16),
                        }
                    }
                    other => out.extend_from_slice(other.encode_utf16(&mut buf)),
                }
                let _ = i;
            }
            other => out.extend_from_slice(other.encode_utf16(&mut buf)),
        }
    }
    Some(out)
}

/// Words that can never be identifiers (escaped or not).
fn is_reserved(name: &str) -> bool {
    matches!(
        name,
        "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "enum"
            | "export"
            | "extends"
            | "false"
            | "finally"
            | "for"
            | "function"
            | "if"
            | "import"
            | "in"
            | "instanceof"
            | "new"
            | "null"
            | "return"
            | "super"
            | "switch"
            | "this"
            | "throw"
            | "true"
            | "try"
            | "typeof"
            | "var"
            | "void"
            | "while"
            | "with"
    )
}

/// Words reserved in strict mode code only.
fn is_strict_reserved(name: &str) -> bool {
    matches!(name, "implements" | "interface" | "let" | "package" | "private" | "protected" | "public" | "static" | "yield")
}

/// Is the statement an iteration statement?
fn is_loop(st: &s::Stmt) -> bool {
    matches!(st, s::Stmt::For(_) | s::Stmt::ForIn(_) | s::Stmt::ForOf(_) | s::Stmt::While(_) | s::Stmt::DoWhile(_))
}

/// The names a binding pattern binds.
fn bound_names<'p>(p: &'p Pattern, out: &mut Vec<(&'p Name, Pos)>) {
    match p {
        Pattern::Ident(n, pos) => out.push((n, *pos)),
        Pattern::Array(elems, rest, _) => {
            for e in elems.iter().flatten() {
                bound_names(&e.target, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        Pattern::Object(props, rest, _) => {
            for prop in props {
                bound_names(&prop.target, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        Pattern::Expr(_) => {}
    }
}

/// The first name bound twice, if any.
fn first_duplicate<'p>(patterns: impl Iterator<Item = &'p Pattern>) -> Option<(&'p Name, Pos)> {
    let mut names = Vec::new();
    for p in patterns {
        bound_names(p, &mut names);
    }
    let mut seen = HashSet::with_capacity(names.len());
    names.into_iter().find(|(n, _)| !seen.insert(*n))
}

/// What the code being converted may contain; set at function and class element
/// boundaries (arrows inherit everything but `is_async`/`generator`).
#[derive(Clone, Copy, Default)]
struct Scope {
    /// `await` is a keyword (async function).
    is_async: bool,
    /// `yield` is a keyword (generator).
    generator: bool,
    /// `super(...)` is allowed (derived constructor).
    super_call: bool,
    /// `super.x` is allowed (methods, constructors, field initialisers, static blocks).
    super_prop: bool,
    /// `arguments` is an error (field initialisers and static blocks).
    no_arguments: bool,
    /// `await` is reserved (class static block).
    static_block: bool,
    /// `new.target` is allowed (non-arrow functions, field initialisers, static blocks).
    new_target: bool,
}

/// Skips whitespace, line terminators and comments from byte offset `pos`.
fn skip_trivia(src: &str, mut pos: usize) -> usize {
    let b = src.as_bytes();
    loop {
        let Some(rest) = src.get(pos..) else {
            return pos;
        };
        if rest.starts_with("//") {
            pos += rest.find(['\n', '\r', '\u{2028}', '\u{2029}']).unwrap_or(rest.len());
        } else if let Some(body) = rest.strip_prefix("/*") {
            pos += body.find("*/").map_or(rest.len(), |i| i + 4);
        } else if let Some(c) = rest.chars().next() {
            if c.is_whitespace() || c == '\u{feff}' {
                pos += c.len_utf8();
            } else {
                return pos;
            }
        } else {
            return pos.min(b.len());
        }
    }
}

/// What a function conversion needs besides the parameters and body.
struct FnHead {
    /// The function's own name and where it is written.
    name: Option<(Name, Span)>,
    /// Is the name a function expression's (bound inside the function)?
    expr_name: bool,
    /// The kind.
    kind: FuncKind,
    /// `function*`
    generator: bool,
    /// `async`
    is_async: bool,
    /// The source span.
    span: (Pos, Pos),
}

impl FnHead {
    fn new(kind: FuncKind, span: (Pos, Pos)) -> FnHead {
        FnHead { name: None, expr_name: false, kind, generator: false, is_async: false, span }
    }
}

/// A function body: statements, or an arrow's expression.
enum FnBody {
    /// `{ ... }`
    Block(Vec<s::Stmt>),
    /// `=> expr`
    Expr(Box<s::Expr>),
}

/// The conversion state.
struct Cx<'a> {
    /// The source text.
    src: &'a str,
    /// swc's position of the source's first byte.
    base: u32,
    /// Is the code being converted strict?
    strict: bool,
    /// Private names (without their `#`) declared by the enclosing class bodies.
    privates: Vec<HashSet<Rc<str>>>,
    /// What the current function (or class element) may contain.
    fx: Scope,
    /// The labels around the current statement (name, labels a loop) in this function.
    labels: Vec<(Name, bool)>,
    /// Enclosing loops in this function.
    loops: u32,
    /// Enclosing loops and switches in this function.
    breakables: u32,
}

impl Cx<'_> {
    // ---- positions and errors ----

    fn pos(&self, span: Span) -> Pos {
        self.at(span.lo)
    }

    fn at(&self, p: BytePos) -> Pos {
        p.0.saturating_sub(self.base).min(self.src.len() as u32)
    }

    fn span(&self, span: Span) -> (Pos, Pos) {
        (self.at(span.lo), self.at(span.hi))
    }

    fn err<T>(&self, message: impl Into<String>, span: Span) -> R<T> {
        Err(ParseError::new(message, self.pos(span)))
    }

    fn unsupported<T>(&self, what: &str, span: Span) -> R<T> {
        self.err(format!("{what} is not supported"), span)
    }

    /// The first non-trivia byte offset at or after swc position `p`.
    fn after_trivia(&self, p: BytePos) -> Pos {
        skip_trivia(self.src, self.at(p) as usize) as Pos
    }

    /// The source text of an swc span.
    fn text(&self, span: Span) -> &str {
        let (lo, hi) = self.span(span);
        self.src.get(lo as usize..hi as usize).unwrap_or("")
    }

    /// Reads a directive prologue: is there a "use strict" directive? A legacy octal escape
    /// in a directive before it is an error.
    fn directive_prologue(&self, stmts: &[s::Stmt]) -> R<bool> {
        let mut octal = None;
        for st in stmts {
            let s::Stmt::Expr(e) = st else { break };
            let s::Expr::Lit(s::Lit::Str(lit)) = &*e.expr else {
                break;
            };
            let text = self.text(lit.span);
            if matches!(text, "'use strict'" | "\"use strict\"") {
                if let Some(span) = octal {
                    return self.err("Octal escape sequences are not allowed in strict mode", span);
                }
                return Ok(true);
            }
            if octal.is_none() && scan_escapes(text).0 != Escapes::Plain {
                octal = Some(lit.span);
            }
        }
        Ok(false)
    }

    /// Runs `f` at a function (or class element) boundary: new scope, strictness, no
    /// enclosing labels, loops or switches.
    fn enter<T>(&mut self, fx: Scope, strict: bool, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = (
            std::mem::replace(&mut self.fx, fx),
            std::mem::replace(&mut self.strict, strict),
            std::mem::take(&mut self.labels),
            std::mem::replace(&mut self.loops, 0),
            std::mem::replace(&mut self.breakables, 0),
        );
        let result = f(self);
        (self.fx, self.strict, self.labels, self.loops, self.breakables) = saved;
        result
    }

    /// The scope of a function's body.
    fn scope_for(&self, kind: FuncKind, generator: bool, is_async: bool) -> Scope {
        let method = Scope { super_prop: true, new_target: true, ..Scope::default() };
        match kind {
            // Arrows see their surroundings' `super` and `arguments`, not its `await`.
            FuncKind::Arrow => Scope { is_async, generator: false, static_block: false, ..self.fx },
            FuncKind::Normal => Scope { is_async, generator, new_target: true, ..Scope::default() },
            FuncKind::Method | FuncKind::Getter | FuncKind::Setter => Scope { is_async, generator, ..method },
            FuncKind::ClassConstructor => method,
            FuncKind::DerivedConstructor => Scope { super_call: true, ..method },
            FuncKind::FieldInit => Scope { no_arguments: true, ..method },
        }
    }

    /// Checks an identifier used as a reference, binding or label: no reserved word
    /// (which swc lets through when written with escapes).
    fn check_ident(&self, name: &str, span: Span) -> R<()> {
        self.check_name_start(name, span)?;
        let text = self.text(span);
        if text.contains('\\') && scan_escapes(text).1 {
            return self.err("Invalid Unicode escape sequence", span);
        }
        let reserved = is_reserved(name)
            || (self.strict && is_strict_reserved(name))
            || (name == "yield" && self.fx.generator)
            || (name == "await" && (self.fx.is_async || self.fx.static_block));
        if reserved {
            return self.err(format!("Unexpected reserved word '{name}'"), span);
        }
        Ok(())
    }

    /// An identifier name cannot start with ZWNJ or ZWJ (swc lets escaped ones through).
    fn check_name_start(&self, name: &str, span: Span) -> R<()> {
        if name.starts_with(['\u{200c}', '\u{200d}']) {
            return self.err("Invalid or unexpected token", span);
        }
        Ok(())
    }

    /// A C-style `for` header has both its semicolons (swc inserts a missing one at a line
    /// break, which automatic semicolon insertion never does there).
    fn check_for_header(&self, f: &s::ForStmt) -> R<()> {
        let open = skip_trivia(self.src, self.pos(f.span) as usize + "for".len());
        let first = match &f.init {
            Some(s::VarDeclOrExpr::VarDecl(v)) => self.after_trivia(v.span.hi) as usize,
            Some(s::VarDeclOrExpr::Expr(e)) => self.after_trivia(e.span().hi) as usize,
            None => skip_trivia(self.src, open + 1),
        };
        let second = match &f.test {
            Some(t) => self.after_trivia(t.span().hi) as usize,
            None => skip_trivia(self.src, first + 1),
        };
        for at in [first, second] {
            if self.src.as_bytes().get(at) != Some(&b';') {
                return Err(ParseError::new("Expected ';' in the for statement header", at as Pos));
            }
        }
        Ok(())
    }

    /// Checks a binding or assignment target identifier.
    fn check_binding(&self, name: &str, span: Span) -> R<()> {
        self.check_ident(name, span)?;
        if self.strict && matches!(name, "eval" | "arguments") {
            return self.err(format!("Unexpected eval or arguments in strict mode ('{name}')"), span);
        }
        Ok(())
    }

    /// An identifier reference.
    fn ident_ref(&self, i: &s::Ident) -> R<Expr> {
        self.check_ident(&i.sym, i.span)?;
        if self.fx.no_arguments && &*i.sym == "arguments" {
            return self.err("'arguments' is not allowed in class field initializer or static initialization block", i.span);
        }
        Ok(Expr::Ident(Name::from(&*i.sym), self.pos(i.span)))
    }

    /// A binding (or simple assignment target) identifier.
    fn binding(&self, i: &s::Ident) -> R<Pattern> {
        self.check_binding(&i.sym, i.span)?;
        if self.fx.no_arguments && &*i.sym == "arguments" {
            return self.err("'arguments' is not allowed in class field initializer or static initialization block", i.span);
        }
        Ok(Pattern::Ident(Name::from(&*i.sym), self.pos(i.span)))
    }

    /// Checks that a contextual keyword was written without escapes.
    fn check_keyword(&self, at: Pos, word: &str) -> R<()> {
        if self.src[at as usize..].starts_with(word) {
            Ok(())
        } else {
            Err(ParseError::new("Keyword must not contain escaped characters", at))
        }
    }

    /// A statement in a single-statement context (`if`, loop and label bodies): no lexical
    /// declarations, and function declarations only as Annex B allows.
    fn check_sub_stmt(&self, st: &s::Stmt, in_if: bool) -> R<()> {
        match st {
            s::Stmt::Decl(s::Decl::Fn(f)) => {
                let plain = !f.function.is_async && !f.function.is_generator;
                if !(in_if && plain && !self.strict) {
                    return self.err("Function declarations are not allowed in this position", f.function.span);
                }
            }
            s::Stmt::Decl(s::Decl::Var(v)) if v.kind != s::VarDeclKind::Var => {
                return self.err("Lexical declaration cannot appear in a single-statement context", v.span);
            }
            s::Stmt::Decl(s::Decl::Class(c)) => {
                return self.err("Class declaration cannot appear in a single-statement context", c.class.span);
            }
            s::Stmt::Labeled(l) => {
                let mut body = &*l.body;
                while let s::Stmt::Labeled(inner) = body {
                    body = &inner.body;
                }
                if let s::Stmt::Decl(s::Decl::Fn(f)) = body {
                    return self.err("Labelled function declarations are not allowed in this position", f.function.span);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The body of an `if`/loop: checked, converted.
    fn sub_stmt(&mut self, st: s::Stmt, in_if: bool) -> R<Box<Stmt>> {
        self.check_sub_stmt(&st, in_if)?;
        self.boxed_stmt(st)
    }

    /// A loop body: checked, converted with the loop counted.
    fn loop_body(&mut self, st: s::Stmt) -> R<Box<Stmt>> {
        self.check_sub_stmt(&st, false)?;
        self.loops += 1;
        self.breakables += 1;
        let body = self.boxed_stmt(st);
        self.loops -= 1;
        self.breakables -= 1;
        body
    }

    // ---- statements ----

    fn stmts(&mut self, v: Vec<s::Stmt>) -> R<Vec<Stmt>> {
        let mut out = Vec::with_capacity(v.len());
        for st in v {
            out.push(self.stmt(st)?);
        }
        Ok(out)
    }

    fn boxed_stmt(&mut self, st: s::Stmt) -> R<Box<Stmt>> {
        Ok(Box::new(self.stmt(st)?))
    }

    fn stmt(&mut self, st: s::Stmt) -> R<Stmt> {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.stmt_inner(st))
    }

    fn stmt_inner(&mut self, st: s::Stmt) -> R<Stmt> {
        Ok(match st {
            s::Stmt::Block(b) => Stmt::Block(self.stmts(b.stmts)?),
            s::Stmt::Empty(_) => Stmt::Empty,
            s::Stmt::Debugger(_) => Stmt::Debugger,
            s::Stmt::With(w) => return self.unsupported("'with'", w.span),
            s::Stmt::Return(r) => {
                let pos = self.pos(r.span);
                Stmt::Return(self.opt_expr(r.arg)?, pos)
            }
            s::Stmt::Labeled(l) => {
                let mut idents = vec![l.label];
                let mut body = *l.body;
                while let s::Stmt::Labeled(inner) = body {
                    idents.push(inner.label);
                    body = *inner.body;
                }
                match &body {
                    s::Stmt::Decl(s::Decl::Fn(f)) if !self.strict && !f.function.is_async && !f.function.is_generator => {}
                    other => self.check_sub_stmt(other, false)?,
                }
                let looping = is_loop(&body);
                let mut labels = Vec::with_capacity(idents.len());
                for id in idents {
                    self.check_ident(&id.sym, id.span)?;
                    let name = Name::from(&*id.sym);
                    if self.labels.iter().any(|(n, _)| *n == name) {
                        return self.err(format!("Label '{name}' has already been declared"), id.span);
                    }
                    self.labels.push((name.clone(), looping));
                    labels.push(name);
                }
                let converted = match body {
                    s::Stmt::ForIn(f) => self.for_in(f),
                    other => self.stmt(other).map(|st| (None, st)),
                };
                self.labels.truncate(self.labels.len() - labels.len());
                let (prelude, mut st) = converted?;
                for label in labels.into_iter().rev() {
                    st = Stmt::Labeled(label, Box::new(st));
                }
                match prelude {
                    Some(p) => Stmt::Block(vec![p, st]),
                    None => st,
                }
            }
            s::Stmt::Break(b) => {
                let label = match b.label {
                    Some(l) => {
                        let name = Name::from(&*l.sym);
                        if !self.labels.iter().any(|(n, _)| *n == name) {
                            return self.err(format!("Undefined label '{name}'"), l.span);
                        }
                        Some(name)
                    }
                    None if self.breakables == 0 => {
                        return self.err("Illegal break statement", b.span);
                    }
                    None => None,
                };
                Stmt::Break(label, self.pos(b.span))
            }
            s::Stmt::Continue(c) => {
                let label = match c.label {
                    Some(l) => {
                        let name = Name::from(&*l.sym);
                        if !self.labels.iter().any(|(n, looping)| *n == name && *looping) {
                            return self
                                .err(format!("Illegal continue statement: '{name}' does not denote an iteration statement"), l.span);
                        }
                        Some(name)
                    }
                    None if self.loops == 0 => {
                        return self.err("Illegal continue statement: no surrounding iteration statement", c.span);
                    }
                    None => None,
                };
                Stmt::Continue(label, self.pos(c.span))
            }
            s::Stmt::If(i) => {
                let test = self.expr(*i.test)?;
                let cons = self.sub_stmt(*i.cons, true)?;
                let alt = match i.alt {
                    Some(a) => Some(self.sub_stmt(*a, true)?),
                    None => None,
                };
                Stmt::If(test, cons, alt)
            }
            s::Stmt::Switch(sw) => {
                let disc = self.expr(*sw.discriminant)?;
                let mut cases = Vec::with_capacity(sw.cases.len());
                self.breakables += 1;
                let converted = (|| {
                    for c in sw.cases {
                        let test = self.opt_expr(c.test)?;
                        cases.push((test, self.stmts(c.cons)?));
                    }
                    Ok(())
                })();
                self.breakables -= 1;
                converted?;
                Stmt::Switch(disc, cases)
            }
            s::Stmt::Throw(t) => {
                let pos = self.pos(t.span);
                Stmt::Throw(self.expr(*t.arg)?, pos)
            }
            s::Stmt::Try(t) => {
                let t = *t;
                let block = self.stmts(t.block.stmts)?;
                let handler = match t.handler {
                    Some(h) => {
                        let param = match h.param {
                            Some(p) => {
                                let p = self.pat(p)?;
                                if let Some((n, pos)) = first_duplicate(std::iter::once(&p)) {
                                    return Err(ParseError::new(format!("Identifier '{n}' has already been declared"), pos));
                                }
                                Some(p)
                            }
                            None => None,
                        };
                        Some((param, self.stmts(h.body.stmts)?))
                    }
                    None => None,
                };
                let finalizer = match t.finalizer {
                    Some(f) => Some(self.stmts(f.stmts)?),
                    None => None,
                };
                Stmt::Try(block, handler, finalizer)
            }
            s::Stmt::While(w) => Stmt::While(self.expr(*w.test)?, self.loop_body(*w.body)?),
            s::Stmt::DoWhile(d) => {
                let body = self.loop_body(*d.body)?;
                Stmt::DoWhile(body, self.expr(*d.test)?)
            }
            s::Stmt::For(f) => {
                self.check_for_header(&f)?;
                let init = match f.init {
                    Some(s::VarDeclOrExpr::VarDecl(v)) => {
                        let (kind, decls, _) = self.var_decl(*v)?;
                        Some(ForInit::Decl(kind, decls))
                    }
                    Some(s::VarDeclOrExpr::Expr(e)) => Some(ForInit::Expr(self.expr(*e)?)),
                    None => None,
                };
                let test = self.opt_expr(f.test)?;
                let update = self.opt_expr(f.update)?;
                Stmt::For(init, test, update, self.loop_body(*f.body)?)
            }
            s::Stmt::ForIn(f) => match self.for_in(f)? {
                (Some(prelude), st) => Stmt::Block(vec![prelude, st]),
                (None, st) => st,
            },
            s::Stmt::ForOf(f) => {
                let head = self.for_head(f.left, f.span)?;
                let right = self.expr(*f.right)?;
                Stmt::ForOf(head, right, self.loop_body(*f.body)?, f.is_await)
            }
            s::Stmt::Decl(d) => self.decl(d)?,
            s::Stmt::Expr(e) => {
                // An expression statement cannot start with `let [` (swc parses
                // `if (a) let \n [x] = y` as one).
                let at = self.pos(e.span) as usize;
                if let Some(rest) = self.src[at..].strip_prefix("let") {
                    let next = skip_trivia(self.src, at + 3);
                    let ident_char = rest.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '\\');
                    if !ident_char && self.src[next..].starts_with('[') {
                        return self.err("Lexical declaration cannot appear in a single-statement context ('let [')", e.span);
                    }
                }
                Stmt::Expr(self.expr(*e.expr)?)
            }
        })
    }

    fn decl(&mut self, d: s::Decl) -> R<Stmt> {
        Ok(match d {
            s::Decl::Class(c) => {
                let saved = std::mem::replace(&mut self.strict, true);
                let checked = self.check_binding(&c.ident.sym, c.ident.span);
                self.strict = saved;
                checked?;
                let name = Name::from(&*c.ident.sym);
                Stmt::ClassDecl(self.class(*c.class, Some(name))?)
            }
            s::Decl::Fn(f) => {
                self.check_ident(&f.ident.sym, f.ident.span)?;
                let span = self.span(f.function.span);
                if f.function.is_async {
                    self.check_keyword(span.0, "async")?;
                }
                let head = FnHead { name: Some((Name::from(&*f.ident.sym), f.ident.span)), ..FnHead::new(FuncKind::Normal, span) };
                Stmt::FuncDecl(self.function(*f.function, head)?)
            }
            s::Decl::Var(v) => {
                let (kind, decls, pos) = self.var_decl(*v)?;
                Stmt::VarDecl(kind, decls, pos)
            }
            s::Decl::Using(u) => return self.unsupported("'using' declaration", u.span),
            other => return self.unsupported("TypeScript syntax", other.span()),
        })
    }

    #[allow(clippy::type_complexity)]
    fn var_decl(&mut self, v: s::VarDecl) -> R<(VarKind, Vec<(Pattern, Option<Expr>)>, Pos)> {
        let kind = match v.kind {
            s::VarDeclKind::Var => VarKind::Var,
            s::VarDeclKind::Let => VarKind::Let,
            s::VarDeclKind::Const => VarKind::Const,
        };
        let mut decls = Vec::with_capacity(v.decls.len());
        for d in v.decls {
            let target = self.pat(d.name)?;
            decls.push((target, self.opt_expr(d.init)?));
        }
        Ok((kind, decls, self.pos(v.span)))
    }

    /// `for (lhs in obj) body`, with Annex B's `for (var x = init in obj)` split into
    /// `var x = init;` (the returned prelude) and `for (var x in obj)`.
    fn for_in(&mut self, f: s::ForInStmt) -> R<(Option<Stmt>, Stmt)> {
        let mut prelude = None;
        let head = match f.left {
            s::ForHead::VarDecl(v) if v.decls.first().is_some_and(|d| d.init.is_some()) => {
                let v = *v;
                let ok = v.kind == s::VarDeclKind::Var && v.decls.len() == 1 && !self.strict;
                let pos = self.pos(v.span);
                let Some(d) = v.decls.into_iter().next() else {
                    return self.err("Invalid left-hand side in for-in loop", f.span);
                };
                let s::Pat::Ident(id) = d.name else {
                    return self.err("for-in loop variable declaration may not have an initializer.", d.span);
                };
                if !ok {
                    return self.err("for-in loop variable declaration may not have an initializer.", d.span);
                }
                let Pattern::Ident(name, id_pos) = self.binding(&id.id)? else { unreachable!("binding() gives an identifier") };
                let init = self.opt_expr(d.init)?;
                prelude = Some(Stmt::VarDecl(VarKind::Var, vec![(Pattern::Ident(name.clone(), id_pos), init)], pos));
                ForHead::Decl(VarKind::Var, Pattern::Ident(name, id_pos))
            }
            left => self.for_head(left, f.span)?,
        };
        let right = self.expr(*f.right)?;
        let body = self.loop_body(*f.body)?;
        Ok((prelude, Stmt::ForIn(head, right, body)))
    }

    fn for_head(&mut self, h: s::ForHead, span: Span) -> R<ForHead> {
        match h {
            s::ForHead::VarDecl(v) => {
                let (kind, decls, _) = self.var_decl(*v)?;
                let mut decls = decls.into_iter();
                match (decls.next(), decls.next()) {
                    (Some((target, None)), None) => Ok(ForHead::Decl(kind, target)),
                    _ => self.err("Invalid left-hand side in for loop", span),
                }
            }
            s::ForHead::UsingDecl(u) => self.unsupported("'using' declaration", u.span),
            s::ForHead::Pat(p) => Ok(ForHead::Target(self.pat(*p)?)),
        }
    }

    // ---- functions and classes ----

    /// Converts parameters (swc keeps defaults and the rest element in the patterns).
    fn params(&mut self, pats: impl Iterator<Item = s::Pat>) -> R<(Vec<Param>, Option<Pattern>)> {
        let mut params = Vec::new();
        let mut rest = None;
        for p in pats {
            match p {
                s::Pat::Rest(r) => rest = Some(self.pat(*r.arg)?),
                s::Pat::Assign(a) => {
                    let pattern = self.pat(*a.left)?;
                    params.push(Param { pattern, default: Some(self.expr(*a.right)?) });
                }
                p => params.push(Param { pattern: self.pat(p)?, default: None }),
            }
        }
        Ok((params, rest))
    }

    fn function(&mut self, f: s::Function, head: FnHead) -> R<Rc<Function>> {
        if let Some(d) = f.decorators.first() {
            return self.unsupported("Decorators", d.span);
        }
        let Some(body) = f.body else {
            return self.err("Function implementation is missing", f.span);
        };
        let mut pats = Vec::with_capacity(f.params.len());
        for p in f.params {
            if let Some(d) = p.decorators.first() {
                return self.unsupported("Decorators", d.span);
            }
            pats.push(p.pat);
        }
        let head = FnHead { generator: f.is_generator, is_async: f.is_async, ..head };
        self.function_parts(head, pats, FnBody::Block(body.stmts))
    }

    /// Converts a function of any kind: checks its name, its parameters (duplicates where
    /// they are errors) and its body, in the function's own scope.
    fn function_parts(&mut self, head: FnHead, params: Vec<s::Pat>, body: FnBody) -> R<Rc<Function>> {
        let strict_directive = match &body {
            FnBody::Block(stmts) => self.directive_prologue(stmts)?,
            FnBody::Expr(_) => false,
        };
        let strict = self.strict || strict_directive;
        let fx = self.scope_for(head.kind, head.generator, head.is_async);
        self.enter(fx, strict, |cx| {
            let name = match head.name {
                Some((name, span)) => {
                    if head.expr_name || (strict && matches!(&*name, "eval" | "arguments")) {
                        cx.check_binding(&name, span)?;
                    }
                    Some(name)
                }
                None => None,
            };
            let (params, rest) = cx.params(params.into_iter())?;
            let simple = rest.is_none() && params.iter().all(|p| p.default.is_none() && matches!(p.pattern, Pattern::Ident(..)));
            if strict || head.kind != FuncKind::Normal || !simple {
                let all = params.iter().map(|p| &p.pattern).chain(rest.iter());
                if let Some((n, pos)) = first_duplicate(all) {
                    return Err(ParseError::new(format!("Duplicate parameter name '{n}' not allowed in this context"), pos));
                }
            }
            let (body, expression_body) = match body {
                FnBody::Block(stmts) => (cx.stmts(stmts)?, false),
                FnBody::Expr(e) => {
                    let pos = cx.pos(e.span());
                    (vec![Stmt::Return(Some(cx.expr(*e)?), pos)], true)
                }
            };
            Ok(Rc::new(Function {
                name,
                kind: head.kind,
                generator: head.generator,
                is_async: head.is_async,
                params,
                rest,
                body,
                strict_directive,
                span: head.span,
                expression_body,
            }))
        })
    }

    fn arrow(&mut self, a: s::ArrowExpr) -> R<Rc<Function>> {
        let span = self.span(a.span);
        if a.is_async {
            self.check_keyword(span.0, "async")?;
        }
        let head = FnHead { is_async: a.is_async, ..FnHead::new(FuncKind::Arrow, span) };
        let body = match *a.body {
            s::ArrowFunctionBody::FunctionBody(b) => FnBody::Block(b.stmts),
            s::ArrowFunctionBody::Expr(e) => FnBody::Expr(e),
        };
        self.function_parts(head, a.params, body)
    }

    /// Checks an `async` method's keyword: no escapes, no line break after it.
    fn check_async_method(&self, at: Pos) -> R<()> {
        self.check_keyword(at, "async")?;
        let after = at as usize + "async".len();
        let gap = &self.src[after..skip_trivia(self.src, after)];
        if gap.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
            return Err(ParseError::new("Line terminator not permitted after 'async'", at));
        }
        Ok(())
    }

    /// Checks a method's modifiers (`get`/`set`/`async` written without escapes).
    fn check_method_head(&self, at: Pos, kind: FuncKind, is_async: bool) -> R<()> {
        match kind {
            FuncKind::Getter => self.check_keyword(at, "get"),
            FuncKind::Setter => self.check_keyword(at, "set"),
            _ if is_async => self.check_async_method(at),
            _ => Ok(()),
        }
    }

    /// A class element's source span from its first token after `static` (which must be
    /// written without escapes).
    fn member_span(&self, span: Span, is_static: bool) -> R<(Pos, Pos)> {
        let (mut lo, hi) = self.span(span);
        if is_static {
            self.check_keyword(lo, "static")?;
            lo = skip_trivia(self.src, lo as usize + "static".len()) as Pos;
        }
        Ok((lo, hi))
    }

    /// Class element names that are errors: a static `prototype`, a field `constructor`.
    fn check_member_name(&self, key: &s::PropName, is_static: bool, field: bool) -> R<()> {
        let name = match key {
            s::PropName::Ident(i) => Some(&*i.sym),
            s::PropName::Str(st) => st.value.as_str(),
            _ => None,
        };
        match name {
            Some("prototype") if is_static => self.err("Classes may not have a static property named 'prototype'", key.span()),
            Some("constructor") if field => self.err("Classes may not have a field named 'constructor'", key.span()),
            _ => Ok(()),
        }
    }

    fn method_kind(kind: s::MethodKind) -> FuncKind {
        match kind {
            s::MethodKind::Method => FuncKind::Method,
            s::MethodKind::Getter => FuncKind::Getter,
            s::MethodKind::Setter => FuncKind::Setter,
        }
    }

    /// The private names a class body declares; duplicates are early errors (except one
    /// getter plus one setter, both static or both not).
    fn class_privates(&self, body: &[s::ClassMember]) -> R<HashSet<Rc<str>>> {
        // name -> (1 getter | 2 setter | 4 other, is_static)
        let mut seen: HashMap<Rc<str>, (u8, bool)> = HashMap::new();
        for m in body {
            let (key, kind, is_static) = match m {
                s::ClassMember::PrivateMethod(pm) => (
                    &pm.key,
                    match pm.kind {
                        s::MethodKind::Getter => 1,
                        s::MethodKind::Setter => 2,
                        s::MethodKind::Method => 4,
                    },
                    pm.is_static,
                ),
                s::ClassMember::PrivateProp(pp) => (&pp.key, 4, pp.is_static),
                _ => continue,
            };
            self.check_name_start(&key.name, key.span)?;
            let name: Rc<str> = Rc::from(&*key.name);
            match seen.get_mut(&name) {
                None => {
                    seen.insert(name, (kind, is_static));
                }
                Some(entry) => {
                    let (k, st) = *entry;
                    if k | kind == 3 && k != kind && st == is_static {
                        *entry = (3, st);
                    } else {
                        return self.err(format!("Identifier '#{name}' has already been declared"), key.span);
                    }
                }
            }
        }
        Ok(seen.into_keys().collect())
    }

    /// What eval code called from here may use.
    fn eval_context(&self) -> EvalContext {
        EvalContext {
            new_target: self.fx.new_target,
            super_prop: self.fx.super_prop,
            super_call: self.fx.super_call,
            privates: self.privates.iter().flatten().map(|n| Box::from(&**n)).collect(),
            no_arguments: self.fx.no_arguments,
        }
    }

    fn private_ref(&self, p: &s::PrivateName) -> R<Name> {
        let name: &str = &p.name;
        if self.privates.iter().any(|set| set.contains(name)) {
            Ok(Name::from(name))
        } else {
            self.err(format!("Private field '#{name}' must be declared in an enclosing class"), p.span)
        }
    }

    fn class(&mut self, c: s::Class, name: Option<Name>) -> R<Rc<Class>> {
        if let Some(d) = c.decorators.first() {
            return self.unsupported("Decorators", d.span);
        }
        let saved = self.strict;
        self.strict = true;
        let result = self.class_body(c, name);
        self.strict = saved;
        result
    }

    fn class_body(&mut self, c: s::Class, name: Option<Name>) -> R<Rc<Class>> {
        let span = self.span(c.span);
        let derived = c.super_class.is_some();
        // The heritage is outside the class's private scope.
        let extends = match c.super_class {
            Some(e) => Some(self.boxed(e)?),
            None => None,
        };
        let privates = self.class_privates(&c.body)?;
        self.privates.push(privates);
        let mut constructor = None;
        let mut members = Vec::with_capacity(c.body.len());
        for m in c.body {
            match m {
                s::ClassMember::Constructor(k) => {
                    let Some(body) = k.body else {
                        return self.err("Constructor implementation is missing", k.span);
                    };
                    let mut pats = Vec::with_capacity(k.params.len());
                    for p in k.params {
                        match p {
                            s::ParamOrTsParamProp::Param(p) => pats.push(p.pat),
                            s::ParamOrTsParamProp::TsParamProp(t) => return self.unsupported("TypeScript syntax", t.span),
                        }
                    }
                    let kind = if derived { FuncKind::DerivedConstructor } else { FuncKind::ClassConstructor };
                    let head = FnHead::new(kind, self.span(k.span));
                    constructor = Some(self.function_parts(head, pats, FnBody::Block(body.stmts))?);
                }
                s::ClassMember::Method(m) => {
                    let span = self.member_span(m.span, m.is_static)?;
                    let kind = Self::method_kind(m.kind);
                    self.check_method_head(span.0, kind, m.function.is_async)?;
                    self.check_member_name(&m.key, m.is_static, false)?;
                    let key = self.prop_key(m.key)?;
                    let func = self.function(*m.function, FnHead::new(kind, span))?;
                    members.push(ClassMember::Method { key, is_static: m.is_static, func });
                }
                s::ClassMember::PrivateMethod(m) => {
                    let key = PropKey::Private(Name::from(&*m.key.name));
                    let span = self.member_span(m.span, m.is_static)?;
                    let kind = Self::method_kind(m.kind);
                    self.check_method_head(span.0, kind, m.function.is_async)?;
                    let func = self.function(*m.function, FnHead::new(kind, span))?;
                    members.push(ClassMember::Method { key, is_static: m.is_static, func });
                }
                s::ClassMember::ClassProp(p) => {
                    if let Some(d) = p.decorators.first() {
                        return self.unsupported("Decorators", d.span);
                    }
                    self.member_span(p.span, p.is_static)?;
                    self.check_member_name(&p.key, p.is_static, true)?;
                    let pos = self.pos(p.key.span());
                    let key = self.prop_key(p.key)?;
                    members.push(ClassMember::Field { key, is_static: p.is_static, value: self.field_value(p.value)?, pos });
                }
                s::ClassMember::PrivateProp(p) => {
                    if let Some(d) = p.decorators.first() {
                        return self.unsupported("Decorators", d.span);
                    }
                    self.member_span(p.span, p.is_static)?;
                    members.push(ClassMember::Field {
                        key: PropKey::Private(Name::from(&*p.key.name)),
                        is_static: p.is_static,
                        value: self.field_value(p.value)?,
                        pos: self.pos(p.key.span),
                    });
                }
                s::ClassMember::StaticBlock(b) => {
                    let fx = Scope { super_prop: true, no_arguments: true, static_block: true, new_target: true, ..Scope::default() };
                    let body = self.enter(fx, true, |cx| cx.stmts(b.body.stmts))?;
                    members.push(ClassMember::StaticBlock(body));
                }
                s::ClassMember::Empty(_) => {}
                s::ClassMember::AutoAccessor(a) => return self.unsupported("'accessor' class element", a.span),
                other => return self.unsupported("TypeScript syntax", other.span()),
            }
        }
        self.privates.pop();
        Ok(Rc::new(Class { name, extends, constructor, members, span }))
    }

    /// A field initialiser, converted in its own (method-like) scope.
    fn field_value(&mut self, value: Option<Box<s::Expr>>) -> R<Option<Box<Expr>>> {
        match value {
            Some(v) => {
                let fx = self.scope_for(FuncKind::FieldInit, false, false);
                self.enter(fx, true, |cx| cx.boxed(v)).map(Some)
            }
            None => Ok(None),
        }
    }

    // ---- patterns ----

    fn pat(&mut self, p: s::Pat) -> R<Pattern> {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.pat_inner(p))
    }

    fn pat_inner(&mut self, p: s::Pat) -> R<Pattern> {
        match p {
            s::Pat::Ident(b) => self.binding(&b.id),
            s::Pat::Array(a) => self.array_pat(a),
            s::Pat::Object(o) => self.object_pat(o),
            s::Pat::Expr(e) => self.target_expr(*e),
            s::Pat::Rest(r) => self.err("Rest element must be last element", r.span),
            s::Pat::Assign(a) => self.err("Invalid destructuring assignment target", a.span),
            other => self.err("Invalid destructuring assignment target", other.span()),
        }
    }

    /// A pattern that may carry a default (`x = 1` inside a pattern).
    fn pat_with_default(&mut self, p: s::Pat) -> R<(Pattern, Option<Expr>)> {
        match p {
            s::Pat::Assign(a) => {
                let target = self.pat(*a.left)?;
                Ok((target, Some(self.expr(*a.right)?)))
            }
            p => Ok((self.pat(p)?, None)),
        }
    }

    /// An expression used as an assignment target (parentheses allowed around it).
    fn target_expr(&mut self, e: s::Expr) -> R<Pattern> {
        let span = e.span();
        match self.expr(e)? {
            Expr::Ident(n, p) => {
                self.check_binding(&n, span)?;
                Ok(Pattern::Ident(n, p))
            }
            e @ (Expr::Member(..) | Expr::SuperMember(..)) => Ok(Pattern::Expr(Box::new(e))),
            _ => self.err("Invalid left-hand side in assignment", span),
        }
    }

    fn array_pat(&mut self, a: s::ArrayPat) -> R<Pattern> {
        let pos = self.pos(a.span);
        let mut elems = Vec::with_capacity(a.elems.len());
        let mut rest = None;
        for el in a.elems {
            match el {
                None => elems.push(None),
                Some(s::Pat::Rest(r)) => rest = Some(Box::new(self.pat(*r.arg)?)),
                Some(p) => {
                    let (target, default) = self.pat_with_default(p)?;
                    elems.push(Some(PatElem { target, default }));
                }
            }
        }
        Ok(Pattern::Array(elems, rest, pos))
    }

    fn object_pat(&mut self, o: s::ObjectPat) -> R<Pattern> {
        let pos = self.pos(o.span);
        let mut props = Vec::with_capacity(o.props.len());
        let mut rest = None;
        for p in o.props {
            match p {
                s::ObjectPatProp::KeyValue(kv) => {
                    let key = self.prop_key(kv.key)?;
                    let (target, default) = self.pat_with_default(*kv.value)?;
                    props.push(PatProp { key, target, default });
                }
                s::ObjectPatProp::Assign(a) => {
                    let target = self.binding(&a.key.id)?;
                    let default = self.opt_expr(a.value)?;
                    props.push(PatProp { key: PropKey::Named(utf16(&a.key.id.sym)), target, default });
                }
                s::ObjectPatProp::Rest(r) => rest = Some(Box::new(self.pat(*r.arg)?)),
            }
        }
        Ok(Pattern::Object(props, rest, pos))
    }

    fn assign_target(&mut self, t: s::AssignTarget) -> R<Pattern> {
        match t {
            s::AssignTarget::Simple(st) => match st {
                s::SimpleAssignTarget::Ident(b) => self.binding(&b.id),
                s::SimpleAssignTarget::Member(m) => Ok(Pattern::Expr(Box::new(self.member(m, false)?))),
                s::SimpleAssignTarget::SuperProp(sp) => Ok(Pattern::Expr(Box::new(self.super_prop(sp)?))),
                s::SimpleAssignTarget::Paren(p) => self.target_expr(*p.expr),
                other => self.err("Invalid left-hand side in assignment", other.span()),
            },
            s::AssignTarget::Pat(p) => match p {
                s::AssignTargetPat::Array(a) => self.array_pat(a),
                s::AssignTargetPat::Object(o) => self.object_pat(o),
                other => self.err("Invalid left-hand side in assignment", other.span()),
            },
        }
    }

    // ---- expressions ----

    fn expr(&mut self, e: s::Expr) -> R<Expr> {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || self.expr_inner(e))
    }

    #[allow(clippy::boxed_local)] // swc's boxes are consumed as they come
    fn boxed(&mut self, e: Box<s::Expr>) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(*e)?))
    }

    fn opt_expr(&mut self, e: Option<Box<s::Expr>>) -> R<Option<Expr>> {
        match e {
            Some(e) => Ok(Some(self.expr(*e)?)),
            None => Ok(None),
        }
    }

    fn opt_boxed(&mut self, e: Option<Box<s::Expr>>) -> R<Option<Box<Expr>>> {
        match e {
            Some(e) => Ok(Some(self.boxed(e)?)),
            None => Ok(None),
        }
    }

    fn args(&mut self, args: Vec<s::ExprOrSpread>) -> R<Vec<ExprOrSpread>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            out.push(self.expr_or_spread(a)?);
        }
        Ok(out)
    }

    fn expr_or_spread(&mut self, a: s::ExprOrSpread) -> R<ExprOrSpread> {
        let e = self.expr(*a.expr)?;
        Ok(match a.spread {
            Some(_) => ExprOrSpread::Spread(e),
            None => ExprOrSpread::Expr(e),
        })
    }

    /// Where a call's "is not a function" error points: the property name of a member
    /// callee, else the callee's start.
    fn call_pos(&self, callee: &s::Expr) -> Pos {
        match callee {
            s::Expr::Paren(p) => self.call_pos(&p.expr),
            s::Expr::Member(m) => self.member_prop_pos(&m.prop),
            s::Expr::SuperProp(sp) => self.pos(sp.prop.span()),
            s::Expr::OptChain(o) => match &*o.base {
                s::OptChainBase::Member(m) => self.member_prop_pos(&m.prop),
                s::OptChainBase::Call(_) => self.pos(o.span),
            },
            other => self.pos(other.span()),
        }
    }

    fn member_prop_pos(&self, p: &s::MemberProp) -> Pos {
        match p {
            s::MemberProp::Ident(i) => self.pos(i.span),
            s::MemberProp::PrivateName(p) => self.pos(p.span),
            s::MemberProp::Computed(c) => self.pos(c.span),
            #[allow(unreachable_patterns)]
            other => self.pos(other.span()),
        }
    }

    fn member_prop(&mut self, p: s::MemberProp) -> R<MemberProp> {
        Ok(match p {
            s::MemberProp::Ident(i) => MemberProp::Named(utf16(&i.sym)),
            s::MemberProp::PrivateName(p) => MemberProp::Private(self.private_ref(&p)?),
            s::MemberProp::Computed(c) => MemberProp::Computed(self.expr(*c.expr)?),
            #[allow(unreachable_patterns)]
            other => return self.unsupported("This member expression", other.span()),
        })
    }

    fn member(&mut self, m: s::MemberExpr, optional: bool) -> R<Expr> {
        let pos = self.member_prop_pos(&m.prop);
        let obj = self.boxed(m.obj)?;
        let prop = self.member_prop(m.prop)?;
        Ok(Expr::Member(obj, Box::new(prop), optional, pos))
    }

    fn super_prop(&mut self, sp: s::SuperPropExpr) -> R<Expr> {
        if !self.fx.super_prop {
            return self.err("'super' keyword unexpected here", sp.obj.span);
        }
        let pos = self.pos(sp.prop.span());
        let prop = match sp.prop {
            s::SuperProp::Ident(i) => MemberProp::Named(utf16(&i.sym)),
            s::SuperProp::Computed(c) => MemberProp::Computed(self.expr(*c.expr)?),
            #[allow(unreachable_patterns)]
            other => return self.unsupported("This super property", other.span()),
        };
        Ok(Expr::SuperMember(Box::new(prop), pos))
    }

    /// One link of an optional chain (the whole chain is wrapped by the caller).
    fn chain_link(&mut self, o: s::OptChainExpr) -> R<Expr> {
        match *o.base {
            s::OptChainBase::Member(m) => {
                let pos = self.member_prop_pos(&m.prop);
                let obj = self.chain_obj(m.obj)?;
                let prop = self.member_prop(m.prop)?;
                Ok(Expr::Member(obj, Box::new(prop), o.optional, pos))
            }
            s::OptChainBase::Call(c) => {
                let pos = self.call_pos(&c.callee);
                let callee = self.chain_obj(c.callee)?;
                let args = self.args(c.args)?;
                Ok(Expr::Call(callee, args, if o.optional { CallKind::Optional } else { CallKind::Plain }, pos))
            }
            #[allow(unreachable_patterns)]
            _ => self.unsupported("This optional chain", o.span),
        }
    }

    /// The object or callee of a chain link: a further link of the same chain, or the start.
    #[allow(clippy::boxed_local)]
    fn chain_obj(&mut self, e: Box<s::Expr>) -> R<Box<Expr>> {
        match *e {
            s::Expr::OptChain(o) => Ok(Box::new(stacker::maybe_grow(RED_ZONE, SEGMENT, || self.chain_link(o))?)),
            other => Ok(Box::new(self.expr(other)?)),
        }
    }

    /// Cooked and raw strings; an invalid escape is an error unless `tagged`.
    fn template_parts(&self, quasis: Vec<s::TplElement>, tagged: bool) -> R<Rc<TemplateParts>> {
        let mut cooked = Vec::with_capacity(quasis.len());
        let mut raw = Vec::with_capacity(quasis.len());
        for q in quasis {
            // Computed here rather than taken from swc, which accepts `\8`, `\u{1_0}`...
            let c = template_cooked(&q.raw);
            if c.is_none() && !tagged {
                return self.err("Invalid escape sequence in template", q.span);
            }
            cooked.push(c.map(Str::from));
            // The template raw value normalises CRLF and CR to LF.
            raw.push(utf16(&q.raw.replace("\r\n", "\n").replace('\r', "\n")));
        }
        Ok(Rc::new(TemplateParts { cooked, raw }))
    }

    #[allow(clippy::vec_box)] // swc's type
    fn exprs(&mut self, v: Vec<Box<s::Expr>>) -> R<Vec<Expr>> {
        let mut out = Vec::with_capacity(v.len());
        for e in v {
            out.push(self.expr(*e)?);
        }
        Ok(out)
    }

    fn prop_key(&mut self, k: s::PropName) -> R<PropKey> {
        Ok(match k {
            s::PropName::Ident(i) => {
                self.check_name_start(&i.sym, i.span)?;
                PropKey::Named(utf16(&i.sym))
            }
            s::PropName::Str(st) => PropKey::Named(wtf16!(st.value)),
            s::PropName::Num(n) => PropKey::Number(n.value),
            s::PropName::Computed(c) => PropKey::Computed(self.boxed(c.expr)?),
            s::PropName::BigInt(b) => return self.unsupported("BigInt", b.span),
            #[allow(unreachable_patterns)]
            other => return self.unsupported("This property key", other.span()),
        })
    }

    fn object(&mut self, o: s::ObjectLit) -> R<Expr> {
        let mut props = Vec::with_capacity(o.props.len());
        let mut has_proto = false;
        for p in o.props {
            let p = match p {
                s::PropOrSpread::Spread(sp) => ObjProp::Spread(self.expr(*sp.expr)?),
                s::PropOrSpread::Prop(p) => match *p {
                    s::Prop::Shorthand(i) => ObjProp::KeyValue(PropKey::Named(utf16(&i.sym)), self.ident_ref(&i)?),
                    s::Prop::KeyValue(kv) => {
                        let is_proto = match &kv.key {
                            s::PropName::Ident(i) => &*i.sym == "__proto__",
                            s::PropName::Str(st) => st.value.as_str() == Some("__proto__"),
                            _ => false,
                        };
                        if is_proto {
                            if has_proto {
                                return self.err("Duplicate __proto__ fields are not allowed in object literals", kv.key.span());
                            }
                            has_proto = true;
                            ObjProp::Proto(self.expr(*kv.value)?)
                        } else {
                            let key = self.prop_key(kv.key)?;
                            ObjProp::KeyValue(key, self.expr(*kv.value)?)
                        }
                    }
                    s::Prop::Assign(a) => return self.err("Invalid shorthand property initializer", a.span),
                    s::Prop::Getter(g) => {
                        let span = self.span(g.span);
                        self.check_keyword(span.0, "get")?;
                        let key = self.prop_key(g.key)?;
                        let head = FnHead::new(FuncKind::Getter, span);
                        ObjProp::Method(key, self.function(*g.function, head)?)
                    }
                    s::Prop::Setter(st) => {
                        let span = self.span(st.span);
                        self.check_keyword(span.0, "set")?;
                        let key = self.prop_key(st.key)?;
                        let head = FnHead::new(FuncKind::Setter, span);
                        ObjProp::Method(key, self.function(*st.function, head)?)
                    }
                    s::Prop::Method(m) => {
                        let key_lo = m.key.span().lo;
                        let key = self.prop_key(m.key)?;
                        // The function's span starts at `async`/`*` when present.
                        let lo = m.function.span.lo.min(key_lo);
                        let span = (self.at(lo), self.at(m.function.span.hi));
                        if m.function.is_async {
                            self.check_async_method(span.0)?;
                        }
                        let head = FnHead::new(FuncKind::Method, span);
                        ObjProp::Method(key, self.function(*m.function, head)?)
                    }
                    #[allow(unreachable_patterns)]
                    other => return self.unsupported("This property", other.span()),
                },
                #[allow(unreachable_patterns)]
                other => return self.unsupported("This property", other.span()),
            };
            props.push(p);
        }
        Ok(Expr::Object(props))
    }

    fn regexp(&self, r: s::Regex) -> R<Expr> {
        let mut seen = 0u8;
        for c in r.flags.chars() {
            let bit = match c {
                'd' => 1,
                'g' => 2,
                'i' => 4,
                'm' => 8,
                's' => 16,
                'u' => 32,
                'v' => 64,
                'y' => 128,
                _ => 0,
            };
            if bit == 0 || seen & bit != 0 {
                return self.err(format!("Invalid regular expression flags '{}'", r.flags), r.span);
            }
            seen |= bit;
        }
        if seen & (32 | 64) == 32 | 64 {
            return self.err(format!("Invalid regular expression flags '{}'", r.flags), r.span);
        }
        if r.exp.contains(['\u{2028}', '\u{2029}']) {
            return self.err("Invalid regular expression: missing /", r.span);
        }
        if let Err(e) = regress::Regex::with_flags(&r.exp, &*r.flags) {
            return self.err(format!("Invalid regular expression: /{}/{}: {e}", r.exp, r.flags), r.span);
        }
        Ok(Expr::RegExp(utf16(&r.exp), Rc::from(&*r.flags), self.pos(r.span)))
    }

    fn lit(&mut self, l: s::Lit) -> R<Expr> {
        Ok(match l {
            s::Lit::Str(st) => {
                let (escapes, bad_brace) = scan_escapes(self.text(st.span));
                if bad_brace {
                    return self.err("Invalid Unicode escape sequence", st.span);
                }
                if self.strict && escapes != Escapes::Plain {
                    return self.err("Octal escape sequences are not allowed in strict mode", st.span);
                }
                Expr::Str(wtf16!(st.value))
            }
            s::Lit::Bool(b) => Expr::Bool(b.value),
            s::Lit::Null(_) => Expr::Null,
            s::Lit::Num(n) => Expr::Number(n.value),
            s::Lit::BigInt(b) => return self.unsupported("BigInt", b.span),
            s::Lit::Regex(r) => return self.regexp(r),
            other => return self.unsupported("JSX", other.span()),
        })
    }

    fn expr_inner(&mut self, e: s::Expr) -> R<Expr> {
        Ok(match e {
            s::Expr::This(t) => Expr::This(self.pos(t.span)),
            s::Expr::Array(a) => {
                let mut elems = Vec::with_capacity(a.elems.len());
                for el in a.elems {
                    elems.push(match el {
                        Some(el) => Some(self.expr_or_spread(el)?),
                        None => None,
                    });
                }
                Expr::Array(elems)
            }
            s::Expr::Object(o) => self.object(o)?,
            s::Expr::Fn(f) => {
                let span = self.span(f.function.span);
                if f.function.is_async {
                    self.check_keyword(span.0, "async")?;
                }
                let head =
                    FnHead { name: f.ident.map(|i| (Name::from(&*i.sym), i.span)), expr_name: true, ..FnHead::new(FuncKind::Normal, span) };
                Expr::Function(self.function(*f.function, head)?)
            }
            s::Expr::Unary(u) => {
                if u.op == s::UnaryOp::Delete && self.strict {
                    let mut arg = &*u.arg;
                    while let s::Expr::Paren(p) = arg {
                        arg = &p.expr;
                    }
                    if let s::Expr::Ident(i) = arg {
                        return self.err("Delete of an unqualified identifier in strict mode.", i.span);
                    }
                }
                let op = match u.op {
                    s::UnaryOp::Minus => UnaryOp::Neg,
                    s::UnaryOp::Plus => UnaryOp::Plus,
                    s::UnaryOp::Bang => UnaryOp::Not,
                    s::UnaryOp::Tilde => UnaryOp::BitNot,
                    s::UnaryOp::TypeOf => UnaryOp::TypeOf,
                    s::UnaryOp::Void => UnaryOp::Void,
                    s::UnaryOp::Delete => UnaryOp::Delete,
                };
                let pos = self.pos(u.span);
                if op == UnaryOp::Delete {
                    if let Some(span) = deletes_private(&u.arg) {
                        return self.err("Private fields can not be deleted", span);
                    }
                }
                Expr::Unary(op, self.boxed(u.arg)?, pos)
            }
            s::Expr::Update(u) => {
                let pos = self.pos(u.span);
                let inc = u.op == s::UpdateOp::PlusPlus;
                Expr::Update(inc, u.prefix, self.boxed(u.arg)?, pos)
            }
            s::Expr::Bin(b) => self.binary(b)?,
            s::Expr::Assign(a) => {
                let op = match a.op {
                    s::AssignOp::Assign => AssignOp::Assign,
                    s::AssignOp::AddAssign => AssignOp::Compound(BinOp::Add),
                    s::AssignOp::SubAssign => AssignOp::Compound(BinOp::Sub),
                    s::AssignOp::MulAssign => AssignOp::Compound(BinOp::Mul),
                    s::AssignOp::DivAssign => AssignOp::Compound(BinOp::Div),
                    s::AssignOp::ModAssign => AssignOp::Compound(BinOp::Mod),
                    s::AssignOp::LShiftAssign => AssignOp::Compound(BinOp::Shl),
                    s::AssignOp::RShiftAssign => AssignOp::Compound(BinOp::Sar),
                    s::AssignOp::ZeroFillRShiftAssign => AssignOp::Compound(BinOp::Shr),
                    s::AssignOp::BitOrAssign => AssignOp::Compound(BinOp::BitOr),
                    s::AssignOp::BitXorAssign => AssignOp::Compound(BinOp::BitXor),
                    s::AssignOp::BitAndAssign => AssignOp::Compound(BinOp::BitAnd),
                    s::AssignOp::ExpAssign => AssignOp::Compound(BinOp::Exp),
                    s::AssignOp::AndAssign => AssignOp::Logical(LogicalOp::And),
                    s::AssignOp::OrAssign => AssignOp::Logical(LogicalOp::Or),
                    s::AssignOp::NullishAssign => AssignOp::Logical(LogicalOp::Nullish),
                };
                let pos = self.after_trivia(a.left.span().hi);
                let parenthesized = matches!(&a.left, s::AssignTarget::Simple(s::SimpleAssignTarget::Paren(_)));
                let target = match self.assign_target(a.left)? {
                    // `(x) = function () {}` (or `||=` ...): a parenthesised target is no
                    // IdentifierRef, so the function is not named after it.
                    Pattern::Ident(n, p) if parenthesized && matches!(op, AssignOp::Assign | AssignOp::Logical(_)) => {
                        Pattern::Expr(Box::new(Expr::Paren(Box::new(Expr::Ident(n, p)))))
                    }
                    t => t,
                };
                Expr::Assign(op, Box::new(target), self.boxed(a.right)?, pos)
            }
            s::Expr::Member(m) => self.member(m, false)?,
            s::Expr::SuperProp(sp) => self.super_prop(sp)?,
            s::Expr::Cond(c) => {
                let test = self.boxed(c.test)?;
                let cons = self.boxed(c.cons)?;
                Expr::Cond(test, cons, self.boxed(c.alt)?)
            }
            s::Expr::Call(c) => match c.callee {
                s::Callee::Super(sup) => {
                    if !self.fx.super_call {
                        return self.err("'super' keyword unexpected here", sup.span);
                    }
                    let pos = self.pos(c.span);
                    Expr::SuperCall(self.args(c.args)?, pos)
                }
                s::Callee::Import(i) => return self.unsupported("import()", i.span),
                s::Callee::Expr(callee) => {
                    let pos = self.call_pos(&callee);
                    let callee = self.boxed(callee)?;
                    let kind = match &*callee {
                        Expr::Ident(n, _) if &**n == "eval" => CallKind::Eval(Box::new(self.eval_context())),
                        _ => CallKind::Plain,
                    };
                    Expr::Call(callee, self.args(c.args)?, kind, pos)
                }
                #[allow(unreachable_patterns)]
                _ => return self.unsupported("This call", c.span),
            },
            s::Expr::New(n) => {
                let pos = self.pos(n.span);
                let callee = self.boxed(n.callee)?;
                let args = match n.args {
                    Some(a) => self.args(a)?,
                    None => Vec::new(),
                };
                Expr::New(callee, args, pos)
            }
            s::Expr::Seq(sq) => Expr::Seq(self.exprs(sq.exprs)?),
            s::Expr::Ident(i) => self.ident_ref(&i)?,
            s::Expr::Lit(l) => self.lit(l)?,
            s::Expr::Tpl(t) => {
                let parts = self.template_parts(t.quasis, false)?;
                Expr::Template(parts, self.exprs(t.exprs)?)
            }
            s::Expr::TaggedTpl(t) => {
                let pos = self.pos(t.span);
                let tag = self.boxed(t.tag)?;
                let tpl = *t.tpl;
                let parts = self.template_parts(tpl.quasis, true)?;
                Expr::TaggedTemplate(tag, parts, self.exprs(tpl.exprs)?, pos)
            }
            s::Expr::Arrow(a) => Expr::Function(self.arrow(a)?),
            s::Expr::Class(c) => {
                let name = match c.ident {
                    Some(i) => {
                        let saved = std::mem::replace(&mut self.strict, true);
                        let checked = self.check_binding(&i.sym, i.span);
                        self.strict = saved;
                        checked?;
                        Some(Name::from(&*i.sym))
                    }
                    None => None,
                };
                Expr::Class(self.class(*c.class, name)?)
            }
            s::Expr::Yield(y) => {
                let pos = self.pos(y.span);
                Expr::Yield(self.opt_boxed(y.arg)?, y.delegate, pos)
            }
            s::Expr::MetaProp(m) => match m.kind {
                s::MetaPropKind::NewTarget if self.text(m.span).contains('\\') => {
                    return self.err("Keyword must not contain escaped characters", m.span)
                }
                s::MetaPropKind::NewTarget => Expr::NewTarget,
                s::MetaPropKind::ImportMeta => return self.unsupported("import.meta", m.span),
                #[allow(unreachable_patterns)]
                _ => return self.unsupported("This meta property", m.span),
            },
            s::Expr::Await(a) => {
                let pos = self.pos(a.span);
                Expr::Await(self.boxed(a.arg)?, pos)
            }
            s::Expr::Paren(p) => self.expr(*p.expr)?,
            s::Expr::PrivateName(p) => return self.err("Unexpected private name", p.span),
            s::Expr::OptChain(o) => Expr::OptionalChain(Box::new(self.chain_link(o)?)),
            s::Expr::Invalid(i) => return self.err("Invalid expression", i.span),
            other => return self.unsupported("JSX/TypeScript syntax", other.span()),
        })
    }

    fn binary(&mut self, b: s::BinExpr) -> R<Expr> {
        let logical = match b.op {
            s::BinaryOp::LogicalAnd => Some(LogicalOp::And),
            s::BinaryOp::LogicalOr => Some(LogicalOp::Or),
            s::BinaryOp::NullishCoalescing => Some(LogicalOp::Nullish),
            _ => None,
        };
        if let Some(op) = logical {
            let left = self.boxed(b.left)?;
            return Ok(Expr::Logical(op, left, self.boxed(b.right)?));
        }
        let pos = self.after_trivia(b.left.span().hi);
        if b.op == s::BinaryOp::In {
            if let s::Expr::PrivateName(p) = &*b.left {
                let name = self.private_ref(p)?;
                return Ok(Expr::PrivateIn(name, self.boxed(b.right)?, pos));
            }
        }
        let op = match b.op {
            s::BinaryOp::EqEq => BinOp::Eq,
            s::BinaryOp::NotEq => BinOp::Ne,
            s::BinaryOp::EqEqEq => BinOp::StrictEq,
            s::BinaryOp::NotEqEq => BinOp::StrictNe,
            s::BinaryOp::Lt => BinOp::Lt,
            s::BinaryOp::LtEq => BinOp::Le,
            s::BinaryOp::Gt => BinOp::Gt,
            s::BinaryOp::GtEq => BinOp::Ge,
            s::BinaryOp::LShift => BinOp::Shl,
            s::BinaryOp::RShift => BinOp::Sar,
            s::BinaryOp::ZeroFillRShift => BinOp::Shr,
            s::BinaryOp::Add => BinOp::Add,
            s::BinaryOp::Sub => BinOp::Sub,
            s::BinaryOp::Mul => BinOp::Mul,
            s::BinaryOp::Div => BinOp::Div,
            s::BinaryOp::Mod => BinOp::Mod,
            s::BinaryOp::BitOr => BinOp::BitOr,
            s::BinaryOp::BitXor => BinOp::BitXor,
            s::BinaryOp::BitAnd => BinOp::BitAnd,
            s::BinaryOp::In => BinOp::In,
            s::BinaryOp::InstanceOf => BinOp::InstanceOf,
            s::BinaryOp::Exp => BinOp::Exp,
            _ => return self.unsupported("This operator", b.span),
        };
        let left = self.boxed(b.left)?;
        Ok(Expr::Binary(op, left, self.boxed(b.right)?, pos))
    }
}

/// `delete x.#p` (possibly parenthesised, possibly in an optional chain) is an early error.
fn deletes_private(e: &s::Expr) -> Option<Span> {
    match e {
        s::Expr::Paren(p) => deletes_private(&p.expr),
        s::Expr::Member(m) => match &m.prop {
            s::MemberProp::PrivateName(p) => Some(p.span),
            _ => None,
        },
        s::Expr::OptChain(o) => match &*o.base {
            s::OptChainBase::Member(m) => match &m.prop {
                s::MemberProp::PrivateName(p) => Some(p.span),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}
