//! Pre-pass over a function body: which names it declares, and which names its nested
//! functions use freely (those of ours must live in a heap context, not a register).
//!
//! The analysis is per function and conservative: a binding is "captured" when any nested
//! function mentions its name freely, even if an inner block would shadow it. Putting a
//! binding in a context is always correct, only slower.

use crate::parser::ast::*;
use std::collections::HashSet;

/// What one function's body tells the compiler before code generation.
#[derive(Default)]
pub struct FunctionFacts {
    /// Names used freely by nested functions (including their nested functions).
    pub captured: HashSet<Name>,
    /// Names this function (excluding nested functions) mentions at all.
    pub mentioned: HashSet<Name>,
    /// Does the body (or a nested arrow) use `arguments`?
    pub uses_arguments: bool,
    /// Does the body (or a nested function) contain a direct `eval(...)` call? (Eval code
    /// may then read any of our bindings.)
    pub has_direct_eval: bool,
    /// Does the body itself (not a nested function or arrow, which have variable
    /// environments of their own) contain a direct `eval(...)` call? (A sloppy one may then
    /// declare vars in our variable environment.)
    pub own_direct_eval: bool,
    /// Does a nested arrow use `this`/`super`/`new.target` (or eval)? (The derived
    /// constructor's `this` then lives in the context.)
    pub arrow_uses_this: bool,
}

/// Analyses the body and parameters of one function (or script).
pub fn analyse(params: &[Param], rest: Option<&Pattern>, body: &[Stmt]) -> FunctionFacts {
    let mut w = Walker { facts: FunctionFacts::default(), depth: 0, free: Vec::new() };
    w.free.push(Frame::default());
    for p in params {
        w.pattern(&p.pattern);
        if let Some(d) = &p.default {
            w.expr(d);
        }
    }
    if let Some(r) = rest {
        w.pattern(r);
    }
    w.stmts(body);
    w.facts
}

#[derive(Default)]
struct Frame {
    declared: HashSet<Name>,
    used: HashSet<Name>,
    is_arrow: bool,
    /// Nesting of blocks inside this function: block-scoped names declared at depth > 0 may
    /// shadow only part of the body, so they do not count as declared (conservative).
    blocks: usize,
    /// Is the pattern being walked a function-scoped declaration?
    function_scoped: bool,
}

struct Walker {
    facts: FunctionFacts,
    depth: usize,
    free: Vec<Frame>,
}

impl Walker {
    fn use_name(&mut self, n: &Name) {
        if self.depth == 0 {
            self.facts.mentioned.insert(n.clone());
        }
        self.free.last_mut().expect("frame").used.insert(n.clone());
    }
    fn declare(&mut self, n: &Name) {
        if self.depth == 0 {
            self.facts.mentioned.insert(n.clone());
        }
        let f = self.free.last_mut().expect("frame");
        if f.function_scoped || f.blocks == 0 {
            f.declared.insert(n.clone());
        }
    }
    fn with_scoping<R>(&mut self, function_scoped: bool, g: impl FnOnce(&mut Self) -> R) -> R {
        let old = std::mem::replace(&mut self.free.last_mut().expect("frame").function_scoped, function_scoped);
        let r = g(self);
        self.free.last_mut().expect("frame").function_scoped = old;
        r
    }
    fn block<R>(&mut self, g: impl FnOnce(&mut Self) -> R) -> R {
        self.free.last_mut().expect("frame").blocks += 1;
        let r = g(self);
        self.free.last_mut().expect("frame").blocks -= 1;
        r
    }
    /// Nested function: collect its free names and add them to ours as captured.
    /// A nested function; a `declaration`'s name belongs to the enclosing scope, while a named
    /// function expression binds its own name inside.
    fn function(&mut self, f: &Function, declaration: bool) {
        let is_arrow = f.kind == FuncKind::Arrow;
        self.depth += 1;
        self.free.push(Frame { is_arrow, ..Default::default() });
        if let Some(n) = &f.name {
            if f.kind != FuncKind::Arrow && !declaration {
                self.declare(n);
            }
        }
        self.with_scoping(true, |w| {
            for p in &f.params {
                w.pattern(&p.pattern);
            }
            if let Some(r) = &f.rest {
                w.pattern(r);
            }
        });
        for p in &f.params {
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        self.stmts(&f.body);
        let fr = self.free.pop().expect("frame");
        self.depth -= 1;
        let parent = self.free.last_mut().expect("frame");
        for u in fr.used {
            if !fr.declared.contains(&u) {
                if self.depth == 0 {
                    self.facts.captured.insert(u.clone());
                }
                parent.used.insert(u);
            }
        }
    }
    fn note_arguments(&mut self) {
        // `arguments` belongs to the nearest non-arrow function.
        let all_arrows = self.free[1..].iter().all(|f| f.is_arrow);
        if all_arrows {
            self.facts.uses_arguments = true;
        }
    }
    fn note_this(&mut self) {
        if self.depth > 0 && self.free[1..].iter().all(|f| f.is_arrow) {
            self.facts.arrow_uses_this = true;
        }
    }
    fn stmts(&mut self, s: &[Stmt]) {
        for x in s {
            self.stmt(x);
        }
    }
    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::VarDecl(kind, decls, _) => {
                for (p, init) in decls {
                    self.with_scoping(*kind == VarKind::Var, |w| w.pattern(p));
                    if let Some(e) = init {
                        self.expr(e);
                    }
                }
            }
            Stmt::FuncDecl(f) => {
                if let Some(n) = &f.name {
                    self.declare(n);
                }
                self.function(f, true);
            }
            Stmt::ClassDecl(c) => {
                if let Some(n) = &c.name {
                    self.declare(n);
                }
                self.class(c);
            }
            Stmt::Expr(e) => self.expr(e),
            Stmt::Block(b) => self.block(|w| w.stmts(b)),
            Stmt::Empty | Stmt::Debugger | Stmt::Break(..) | Stmt::Continue(..) => {}
            Stmt::If(c, a, b) => {
                self.expr(c);
                self.stmt(a);
                if let Some(b) = b {
                    self.stmt(b);
                }
            }
            Stmt::For(init, test, update, body) => {
                match init {
                    Some(ForInit::Decl(kind, decls)) => {
                        for (p, e) in decls {
                            let k = *kind == VarKind::Var;
                            self.block(|w| w.with_scoping(k, |w| w.pattern(p)));
                            if let Some(e) = e {
                                self.expr(e);
                            }
                        }
                    }
                    Some(ForInit::Expr(e)) => self.expr(e),
                    None => {}
                }
                if let Some(t) = test {
                    self.expr(t);
                }
                if let Some(u) = update {
                    self.expr(u);
                }
                self.stmt(body);
            }
            Stmt::ForIn(h, e, body) | Stmt::ForOf(h, e, body, _) => {
                match h {
                    ForHead::Decl(kind, p) => {
                        let k = *kind == VarKind::Var;
                        self.block(|w| w.with_scoping(k, |w| w.pattern(p)));
                    }
                    ForHead::Target(p) => self.target(p),
                }
                self.expr(e);
                self.stmt(body);
            }
            Stmt::While(c, b) => {
                self.expr(c);
                self.stmt(b);
            }
            Stmt::DoWhile(b, c) => {
                self.stmt(b);
                self.expr(c);
            }
            Stmt::Return(e, _) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            Stmt::Throw(e, _) => self.expr(e),
            Stmt::Try(b, c, f) => {
                self.block(|w| w.stmts(b));
                if let Some((p, body)) = c {
                    self.block(|w| {
                        if let Some(p) = p {
                            w.with_scoping(false, |w| w.pattern(p));
                        }
                        w.stmts(body);
                    });
                }
                if let Some(f) = f {
                    self.block(|w| w.stmts(f));
                }
            }
            Stmt::Switch(d, cases) => {
                self.expr(d);
                self.block(|w| {
                    for (t, body) in cases {
                        if let Some(t) = t {
                            w.expr(t);
                        }
                        w.stmts(body);
                    }
                });
            }
            Stmt::Labeled(_, s) => self.stmt(s),
        }
    }
    fn class(&mut self, c: &Class) {
        if let Some(e) = &c.extends {
            self.expr(e);
        }
        if let Some(k) = &c.constructor {
            self.function(k, false);
        }
        for m in &c.members {
            match m {
                ClassMember::Method { key, func, .. } => {
                    self.key(key);
                    self.function(func, false);
                }
                ClassMember::Field { key, value, .. } => {
                    self.key(key);
                    if let Some(v) = value {
                        // Field initialisers run as methods: treat like a nested function.
                        self.depth += 1;
                        self.free.push(Frame::default());
                        self.expr(v);
                        let fr = self.free.pop().expect("frame");
                        self.depth -= 1;
                        for u in fr.used {
                            if self.depth == 0 {
                                self.facts.captured.insert(u.clone());
                            }
                            self.free.last_mut().expect("frame").used.insert(u);
                        }
                    }
                }
                ClassMember::StaticBlock(b) => {
                    self.depth += 1;
                    self.free.push(Frame::default());
                    self.stmts(b);
                    let fr = self.free.pop().expect("frame");
                    self.depth -= 1;
                    for u in fr.used {
                        if !fr.declared.contains(&u) {
                            if self.depth == 0 {
                                self.facts.captured.insert(u.clone());
                            }
                            self.free.last_mut().expect("frame").used.insert(u);
                        }
                    }
                }
            }
        }
    }
    fn key(&mut self, k: &PropKey) {
        if let PropKey::Computed(e) = k {
            self.expr(e);
        }
    }
    fn pattern(&mut self, p: &Pattern) {
        match p {
            Pattern::Ident(n, _) => {
                self.declare(n);
                self.use_name(n);
            }
            Pattern::Array(elems, rest, _) => {
                for e in elems.iter().flatten() {
                    self.pattern(&e.target);
                    if let Some(d) = &e.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            Pattern::Object(props, rest, _) => {
                for pp in props {
                    self.key(&pp.key);
                    self.pattern(&pp.target);
                    if let Some(d) = &pp.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            Pattern::Expr(e) => self.expr(e),
        }
    }
    /// Assignment targets reference (not declare) identifiers.
    fn target(&mut self, p: &Pattern) {
        match p {
            Pattern::Ident(n, _) => self.use_name(n),
            Pattern::Array(elems, rest, _) => {
                for e in elems.iter().flatten() {
                    self.target(&e.target);
                    if let Some(d) = &e.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.target(r);
                }
            }
            Pattern::Object(props, rest, _) => {
                for pp in props {
                    self.key(&pp.key);
                    self.target(&pp.target);
                    if let Some(d) = &pp.default {
                        self.expr(d);
                    }
                }
                if let Some(r) = rest {
                    self.target(r);
                }
            }
            Pattern::Expr(e) => self.expr(e),
        }
    }
    fn args(&mut self, a: &[ExprOrSpread]) {
        for x in a {
            match x {
                ExprOrSpread::Expr(e) | ExprOrSpread::Spread(e) => self.expr(e),
            }
        }
    }
    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Number(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Null | Expr::Undefined | Expr::RegExp(..) => {}
            Expr::NewTarget => self.note_this(),
            Expr::Template(_, es) => es.iter().for_each(|x| self.expr(x)),
            Expr::TaggedTemplate(t, _, es, _) => {
                self.expr(t);
                es.iter().for_each(|x| self.expr(x));
            }
            Expr::Ident(n, _) => {
                if &**n == "arguments" {
                    self.note_arguments();
                }
                self.use_name(n);
            }
            Expr::This(_) => self.note_this(),
            Expr::SuperMember(p, _) => {
                self.note_this();
                if let MemberProp::Computed(e) = &**p {
                    self.expr(e);
                }
            }
            Expr::SuperCall(a, _) => {
                self.note_this();
                self.args(a);
            }
            Expr::Array(items) => {
                for x in items.iter().flatten() {
                    match x {
                        ExprOrSpread::Expr(e) | ExprOrSpread::Spread(e) => self.expr(e),
                    }
                }
            }
            Expr::Object(props) => {
                for p in props {
                    match p {
                        ObjProp::KeyValue(k, v) => {
                            self.key(k);
                            self.expr(v);
                        }
                        ObjProp::Method(k, f) => {
                            self.key(k);
                            self.function(f, false);
                        }
                        ObjProp::Spread(e) | ObjProp::Proto(e) => self.expr(e),
                    }
                }
            }
            Expr::Function(f) => self.function(f, false),
            Expr::Class(c) => {
                // A named class expression's name is bound inside it only.
                self.class(c);
            }
            Expr::Unary(_, a, _) | Expr::Update(_, _, a, _) | Expr::Await(a, _) | Expr::Paren(a) | Expr::OptionalChain(a) => self.expr(a),
            Expr::Binary(_, a, b, _) | Expr::Logical(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            Expr::PrivateIn(_, a, _) => self.expr(a),
            Expr::Cond(a, b, c) => {
                self.expr(a);
                self.expr(b);
                self.expr(c);
            }
            Expr::Assign(_, t, v, _) => {
                self.target(t);
                self.expr(v);
            }
            Expr::Seq(es) => es.iter().for_each(|x| self.expr(x)),
            Expr::Member(o, p, _, _) => {
                self.expr(o);
                if let MemberProp::Computed(e) = &**p {
                    self.expr(e);
                }
            }
            Expr::Call(c, a, kind, _) => {
                if let CallKind::Eval(_) = kind {
                    self.facts.has_direct_eval = true;
                    self.facts.own_direct_eval |= self.depth == 0;
                    self.note_arguments();
                    self.note_this();
                }
                self.expr(c);
                self.args(a);
            }
            Expr::New(c, a, _) => {
                self.expr(c);
                self.args(a);
            }
            Expr::Yield(a, _, _) => {
                if let Some(a) = a {
                    self.expr(a);
                }
            }
        }
    }
}
