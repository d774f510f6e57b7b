//! The bytecode compiler: jolt AST → [`CodeBlock`]s.
//!
//! One [`FnCompiler`] per function. Scope analysis ([`analysis`]) first decides which
//! bindings nested functions capture: those live in heap [`Context`] slots, everything
//! else in registers. `let`/`const`/`class` bindings start as the hole and reads check it
//! (TDZ), except where the compiler can see the binding was initialised.
//!
//! Statements are in this file, expressions in `expr.rs`, destructuring in `pattern.rs`,
//! classes in `class.rs`.
//!
//! [`Context`]: crate::runtime::context::Context

mod analysis;
mod class;
mod expr;
mod pattern;
mod stmt;

use super::code::*;
use super::ops::*;
use crate::parser::ast::*;
use analysis::FunctionFacts;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// A compile-time (early) error.
#[derive(Debug)]
pub struct CompileError {
    /// The message.
    pub message: String,
    /// Byte offset.
    pub pos: Pos,
}

type CResult<T> = Result<T, CompileError>;

fn err<T>(message: impl Into<String>, pos: Pos) -> CResult<T> {
    Err(CompileError { message: message.into(), pos })
}

/// How a binding was declared.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
enum BindKind {
    Var,
    Let,
    Const,
    /// `class C` (let-like) — and a class's inner name binding (const-like).
    Class,
    /// A named function expression's own name: assignments are ignored (TypeError when strict).
    CalleeName,
}

impl BindKind {
    fn lexical(self) -> bool {
        matches!(self, BindKind::Let | BindKind::Const | BindKind::Class)
    }
}

#[derive(Copy, Clone, Debug)]
enum Loc {
    Reg(Reg),
    Ctx(u32),
}

struct Binding {
    name: Name,
    kind: BindKind,
    loc: Loc,
    /// Statically known to be initialised at the current point of code generation.
    initialized: bool,
    /// Some read or write of the binding checks for the hole (a TDZ check was emitted).
    checked: bool,
    /// The instructions that write the hole into the binding's register on scope entry
    /// (`LdaHole`, `Star`): dropped when no access turned out to need a TDZ check.
    hole_init: Option<(usize, usize)>,
}

impl Binding {
    fn new(name: Name, kind: BindKind, loc: Loc, initialized: bool) -> Binding {
        Binding { name, kind, loc, initialized, checked: false, hole_init: None }
    }
}

#[derive(Default)]
struct Scope {
    bindings: Vec<Binding>,
    /// This scope pushed a runtime context.
    has_context: bool,
    ctx_slots: u32,
    /// Bindings here may be read before initialisation even after their declaration in
    /// source order (switch cases): never elide TDZ checks.
    no_tdz_elision: bool,
    /// Registers to release on exit.
    reg_mark: i32,
}

/// The bindings of one runtime context level of an enclosing function, for name lookup.
#[derive(Clone)]
pub(crate) struct OuterCtx {
    names: Vec<(Name, u32, BindKind)>,
}

/// `outer` as seen from a function with its own `this`: without the derived-constructor
/// bindings of [`THIS_BINDING`] and [`CTOR_BINDING`].
fn without_this_bindings(outer: &[OuterCtx]) -> Vec<OuterCtx> {
    outer
        .iter()
        .map(|o| OuterCtx { names: o.names.iter().filter(|(n, _, _)| &**n != THIS_BINDING && &**n != CTOR_BINDING).cloned().collect() })
        .collect()
}

enum Exit {
    Return,
    Jump { control: usize, is_continue: bool },
}

enum ControlKind {
    /// A loop: `continue` jumps to `continue_target` (or the pending list when not yet known).
    Loop { breaks: Vec<usize>, continues: Vec<usize> },
    /// A labelled statement or switch: only `break`.
    Break { breaks: Vec<usize> },
    /// A try-finally (or for-of iterator close): exits go through it.
    Finally { kind_reg: Reg, value_reg: Reg, entries: Vec<usize>, exits: Vec<Exit> },
}

struct Control {
    labels: Vec<Name>,
    kind: ControlKind,
    ctx_depth: usize,
    /// For loops: is this a target of unlabelled break/continue?
    is_loop: bool,
    /// Switch: target of unlabelled break.
    is_switch: bool,
}

/// Compiles a script.
pub fn compile_script(program: &Program, source: Arc<Source>) -> CResult<Arc<CodeBlock>> {
    let facts = analysis::analyse(&[], None, &program.body);
    let mut c = FnCompiler::new(source, &[], CodeKind::Script, program.strict, facts, Arc::from(&[][..]));
    c.script_prologue(&program.body)?;
    c.completion_reg = Some(c.alloc_reg());
    c.emit(Op::LdaUndefined { slot: NS });
    let r = c.completion_reg.expect("set above");
    c.emit(Op::Star { dst: r, slot: NS });
    c.stmts(&program.body)?;
    c.emit(Op::Ldar { src: r, slot: NS });
    c.emit(Op::Return { slot: NS });
    let end = program_end(&c.source);
    Ok(Arc::new(c.finish(0, 0, (0, end))))
}

fn program_end(s: &Source) -> u32 {
    s.text.len() as u32
}

/// The hidden binding of a sloppy function with direct eval: an object holding the vars
/// that eval code declares there.
const EVAL_VARS: &str = "%evalvars";
/// A derived constructor whose `this` can be reached from arrows or eval code keeps `this`
/// in this context binding (the hole until `super()` returns)...
const THIS_BINDING: &str = "%this";
/// ...and itself in this one, for `super()` called from those arrows.
const CTOR_BINDING: &str = "%ctor";

impl BindKind {
    fn from_code(c: u8) -> BindKind {
        match c {
            1 => BindKind::Let,
            2 => BindKind::Const,
            3 => BindKind::Class,
            4 => BindKind::CalleeName,
            _ => BindKind::Var,
        }
    }
}

/// Compiles eval code against its caller's static scope (direct eval) or the global scope.
pub fn compile_eval(program: &Program, source: Arc<Source>, scope: &EvalScope) -> CResult<Arc<CodeBlock>> {
    let strict = program.strict || scope.strict;
    let facts = analysis::analyse(&[], None, &program.body);
    let outer: Vec<OuterCtx> = scope
        .levels
        .iter()
        .map(|l| OuterCtx { names: l.iter().map(|(n, i, k)| (Rc::from(&**n), *i, BindKind::from_code(*k))).collect() })
        .collect();
    let mut c = FnCompiler::new(source, &outer, CodeKind::Eval, strict, facts, Arc::from(&[][..]));
    c.dynamic_scope = !outer.is_empty() || scope.in_function;
    c.eval_in_function = scope.in_function;
    c.lexicals_beside_eval_vars = scope.lexicals_beside_eval_vars;
    c.in_parameters = scope.in_parameters;
    c.eval_prologue(&program.body, strict, scope.in_function)?;
    let r = c.alloc_reg();
    c.completion_reg = Some(r);
    c.emit(Op::LdaUndefined { slot: NS });
    c.emit(Op::Star { dst: r, slot: NS });
    c.stmts(&program.body)?;
    c.emit(Op::Ldar { src: r, slot: NS });
    c.emit(Op::Return { slot: NS });
    let end = program_end(&c.source);
    Ok(Arc::new(c.finish(0, 0, (0, end))))
}

/// Compiles one function literal (used for nested functions and `new Function`).
pub(crate) fn compile_function(
    f: &Function,
    source: Arc<Source>,
    outer: &[OuterCtx],
    strict_parent: bool,
    name_hint: Option<Arc<[u16]>>,
) -> CResult<Arc<CodeBlock>> {
    compile_function_as(f, source, outer, strict_parent, name_hint, false)
}

/// Compiles a function declaration: unlike a named function expression, its body has no
/// binding of its own name (the name is a mutable binding of the enclosing scope).
pub(crate) fn compile_declaration(f: &Function, source: Arc<Source>, outer: &[OuterCtx], strict_parent: bool) -> CResult<Arc<CodeBlock>> {
    compile_function_as(f, source, outer, strict_parent, None, true)
}

fn compile_function_as(
    f: &Function,
    source: Arc<Source>,
    outer: &[OuterCtx],
    strict_parent: bool,
    name_hint: Option<Arc<[u16]>>,
    declaration: bool,
) -> CResult<Arc<CodeBlock>> {
    let strict = strict_parent || f.strict_directive;
    let facts = analysis::analyse(&f.params, f.rest.as_ref(), &f.body);
    let kind = if f.generator || f.is_async {
        CodeKind::Resumable
    } else {
        match f.kind {
            FuncKind::Normal => CodeKind::Normal,
            FuncKind::Arrow => CodeKind::Arrow,
            FuncKind::Method | FuncKind::Getter | FuncKind::Setter | FuncKind::FieldInit => CodeKind::Method,
            FuncKind::ClassConstructor => CodeKind::ClassConstructor,
            FuncKind::DerivedConstructor => CodeKind::DerivedConstructor,
        }
    };
    let name: Arc<[u16]> = match (&f.name, name_hint) {
        (Some(n), _) => n.encode_utf16().collect::<Vec<_>>().into(),
        (None, Some(h)) => h,
        (None, None) => Arc::from(&[][..]),
    };
    // Only arrows see an enclosing derived constructor's `this` binding.
    let stripped;
    let outer = if f.kind == FuncKind::Arrow {
        outer
    } else {
        stripped = without_this_bindings(outer);
        &stripped
    };
    let mut c = FnCompiler::new(source, outer, kind, strict, facts, name.clone());
    c.generator = f.generator;
    c.is_async = f.is_async;
    c.is_arrow = f.kind == FuncKind::Arrow;
    c.func_kind = f.kind;
    c.declaration = declaration;
    if strict {
        c.check_strict_params(f)?;
    }
    let length = c.function_prologue(f)?;
    c.stmts(&f.body)?;
    if !matches!(c.ops.last(), Some(Op::Return { .. })) || c.last_is_jump_target() {
        c.emit_implicit_return();
    }
    let params = f.params.len() as u32;
    Ok(Arc::new(c.finish(params, length, f.span)))
}

pub(crate) struct FnCompiler<'a> {
    source: Arc<Source>,
    outer: &'a [OuterCtx],
    kind: CodeKind,
    func_kind: FuncKind,
    /// Compiling a function declaration (no own-name binding in the body).
    declaration: bool,
    strict: bool,
    generator: bool,
    is_async: bool,
    is_arrow: bool,
    facts: FunctionFacts,
    name: Arc<[u16]>,
    scopes: Vec<Scope>,
    ops: Vec<Op>,
    constants: Vec<Constant>,
    string_consts: HashMap<Vec<u16>, u32>,
    number_consts: HashMap<u64, u32>,
    feedback: Vec<FeedbackKind>,
    handlers: Vec<Handler>,
    positions: Vec<(u32, u32)>,
    callee_names: Vec<(u32, Box<str>)>,
    next_reg: i32,
    max_reg: i32,
    param_count: i32,
    control: Vec<Control>,
    /// Runtime contexts pushed so far in this function (at the current code point).
    ctx_depth: usize,
    /// Script/eval: the register holding the completion value.
    completion_reg: Option<Reg>,
    /// Jump targets, so a trailing `Return` after a target is not assumed to end the code.
    jump_targets: Vec<u32>,
    /// Instructions to remove when the function is finished (see [`Compiler::remove_dead_ops`]).
    dead_ops: Vec<usize>,
    /// Script top level: names declared with let/const/class (global lexical bindings).
    global_lexicals: Vec<Name>,
    /// Pending jumps to the end of each enclosing optional chain.
    opt_exits: Vec<Vec<usize>>,
    /// Eval code: unresolved names are looked up dynamically.
    dynamic_scope: bool,
    /// Eval code: is the variable environment a function's?
    eval_in_function: bool,
    /// See [`EvalScope::lexicals_beside_eval_vars`]: set by the function prologue, inherited
    /// by eval code.
    lexicals_beside_eval_vars: bool,
    /// Compiling parameter initialisers and patterns (see [`EvalScope::in_parameters`]);
    /// eval code inherits it from its caller.
    in_parameters: bool,
}

impl<'a> FnCompiler<'a> {
    fn new(source: Arc<Source>, outer: &'a [OuterCtx], kind: CodeKind, strict: bool, facts: FunctionFacts, name: Arc<[u16]>) -> Self {
        FnCompiler {
            source,
            outer,
            kind,
            func_kind: FuncKind::Normal,
            declaration: false,
            strict,
            generator: false,
            is_async: false,
            is_arrow: false,
            facts,
            name,
            scopes: Vec::new(),
            ops: Vec::new(),
            constants: Vec::new(),
            string_consts: HashMap::new(),
            number_consts: HashMap::new(),
            feedback: Vec::new(),
            handlers: Vec::new(),
            positions: Vec::new(),
            callee_names: Vec::new(),
            next_reg: 0,
            max_reg: 0,
            param_count: 0,
            control: Vec::new(),
            ctx_depth: 0,
            completion_reg: None,
            jump_targets: Vec::new(),
            dead_ops: Vec::new(),
            global_lexicals: Vec::new(),
            opt_exits: Vec::new(),
            dynamic_scope: false,
            eval_in_function: false,
            lexicals_beside_eval_vars: false,
            in_parameters: false,
        }
    }

    fn finish(mut self, params: u32, length: u32, span: (u32, u32)) -> CodeBlock {
        for s in std::mem::take(&mut self.scopes) {
            self.drop_unneeded_hole_inits(&s);
        }
        self.remove_dead_ops();
        CodeBlock {
            name: self.name,
            kind: self.kind,
            strict: self.strict,
            generator: self.generator,
            is_async: self.is_async,
            lexical_this: self.is_arrow || self.kind == CodeKind::Eval,
            param_count: params,
            length,
            register_count: (self.max_reg - params as i32).max(0) as u32,
            ops: self.ops,
            constants: self.constants,
            feedback: self.feedback,
            handlers: self.handlers,
            positions: self.positions,
            callee_names: self.callee_names,
            source: self.source,
            span,
            uses_arguments: self.facts.uses_arguments || self.facts.has_direct_eval,
            is_class_constructor: matches!(self.func_kind, FuncKind::ClassConstructor | FuncKind::DerivedConstructor),
        }
    }

    /// Removes the instructions listed in `dead_ops` (no-ops by then), renumbering every pc
    /// that refers past them: jump targets, handlers, positions and callee names. A pc of a
    /// removed instruction becomes that of the next one kept.
    fn remove_dead_ops(&mut self) {
        if self.dead_ops.is_empty() {
            return;
        }
        let mut dead = vec![false; self.ops.len()];
        for &i in &self.dead_ops {
            dead[i] = true;
        }
        let mut new_pc = Vec::with_capacity(self.ops.len() + 1);
        let mut kept = 0u32;
        for &d in &dead {
            new_pc.push(kept);
            kept += u32::from(!d);
        }
        new_pc.push(kept);
        let map = |pc: u32| new_pc[pc as usize];
        let ops = std::mem::take(&mut self.ops);
        self.ops = ops
            .into_iter()
            .zip(dead)
            .filter(|(_, d)| !d)
            .map(|(mut op, _)| {
                if let Some(t) = op.jump_target_mut() {
                    t.0 = map(t.0);
                }
                op
            })
            .collect();
        for h in &mut self.handlers {
            (h.start, h.end, h.handler) = (map(h.start), map(h.end), map(h.handler));
        }
        let mut positions: Vec<(u32, u32)> = Vec::with_capacity(self.positions.len());
        for &(pc, p) in &self.positions {
            let pc = map(pc);
            match positions.last_mut() {
                // The later entry is the kept instruction's own.
                Some(last) if last.0 == pc => last.1 = p,
                _ => positions.push((pc, p)),
            }
        }
        self.positions = positions;
        for (pc, _) in &mut self.callee_names {
            *pc = map(*pc);
        }
        self.dead_ops.clear();
    }

    // ----- emission -----

    fn emit(&mut self, mut op: Op) -> usize {
        if let Some(k) = op.feedback_kind() {
            op.set_feedback_slot(FeedbackSlot(self.feedback.len() as u32));
            self.feedback.push(k);
        }
        self.ops.push(op);
        self.ops.len() - 1
    }
    /// Records the callee's source text for the call about to be emitted (see
    /// [`CodeBlock::callee_names`]).
    fn name_callee(&mut self, callee: &Expr) {
        if let Some(text) = callee_text(callee) {
            self.callee_names.push((self.ops.len() as u32, text.into_boxed_str()));
        }
    }
    fn pos(&mut self, p: Pos) {
        let pc = self.ops.len() as u32;
        if let Some(last) = self.positions.last_mut() {
            if last.0 == pc {
                last.1 = p;
                return;
            }
        }
        self.positions.push((pc, p));
    }
    fn here(&mut self) -> u32 {
        let h = self.ops.len() as u32;
        self.jump_targets.push(h);
        h
    }
    fn last_is_jump_target(&self) -> bool {
        let end = self.ops.len() as u32;
        self.jump_targets.contains(&end)
    }
    fn jump(&mut self, make: fn(Label) -> Op) -> usize {
        self.emit(make(Label(u32::MAX)))
    }
    fn patch(&mut self, at: usize) {
        let t = self.here();
        self.patch_to(at, t);
    }
    fn patch_to(&mut self, at: usize, t: u32) {
        match self.ops[at].jump_target_mut() {
            Some(target) => *target = Label(t),
            None => panic!("patching a non-jump {:?}", self.ops[at]),
        }
    }
    fn loop_back(&mut self, target: u32) {
        self.emit(Op::JumpLoop { target: Label(target), slot: NS });
    }

    fn alloc_reg(&mut self) -> Reg {
        let r = Reg(self.next_reg);
        self.next_reg += 1;
        self.max_reg = self.max_reg.max(self.next_reg);
        r
    }
    fn alloc_regs(&mut self, n: u32) -> Reg {
        let r = Reg(self.next_reg);
        self.next_reg += n as i32;
        self.max_reg = self.max_reg.max(self.next_reg);
        r
    }
    fn reg_mark(&self) -> i32 {
        self.next_reg
    }
    fn release(&mut self, mark: i32) {
        self.next_reg = mark;
    }

    fn str_const(&mut self, s: &[u16]) -> ConstIdx {
        if let Some(&i) = self.string_consts.get(s) {
            return ConstIdx(i);
        }
        let i = self.constants.len() as u32;
        self.constants.push(Constant::String(Arc::from(s)));
        self.string_consts.insert(s.to_vec(), i);
        ConstIdx(i)
    }
    fn name_const(&mut self, n: &str) -> ConstIdx {
        let u: Vec<u16> = n.encode_utf16().collect();
        self.str_const(&u)
    }
    fn num_const(&mut self, n: f64) -> ConstIdx {
        if let Some(&i) = self.number_consts.get(&n.to_bits()) {
            return ConstIdx(i);
        }
        let i = self.constants.len() as u32;
        self.constants.push(Constant::Number(n));
        self.number_consts.insert(n.to_bits(), i);
        ConstIdx(i)
    }
    fn add_const(&mut self, c: Constant) -> ConstIdx {
        self.constants.push(c);
        ConstIdx(self.constants.len() as u32 - 1)
    }

    fn throw_error(&mut self, kind: ErrorKind, msg: &str) {
        let m = self.name_const(msg);
        self.emit(Op::ThrowError { kind: kind as u32, msg: m, slot: NS });
    }

    // ----- scopes and bindings -----

    /// The enclosing context levels as seen from a function nested here.
    fn outer_for_nested(&self) -> Vec<OuterCtx> {
        let mut v = Vec::new();
        for s in self.scopes.iter().rev() {
            if s.has_context {
                let names = s
                    .bindings
                    .iter()
                    .filter_map(|b| match b.loc {
                        Loc::Ctx(i) => Some((b.name.clone(), i, b.kind)),
                        Loc::Reg(_) => None,
                    })
                    .collect();
                v.push(OuterCtx { names });
            }
        }
        v.extend(self.outer.iter().cloned());
        v
    }

    fn is_captured(&self, n: &str) -> bool {
        self.facts.has_direct_eval || self.facts.captured.contains(n)
    }

    /// Opens a scope with `decls` (name, kind); returns whether a context was pushed.
    fn enter_scope(&mut self, decls: &[(Name, BindKind)], no_tdz_elision: bool) {
        let mut scope = Scope { no_tdz_elision, reg_mark: self.next_reg, ..Default::default() };
        for (n, k) in decls {
            if scope.bindings.iter().any(|b| &b.name == n) {
                continue;
            }
            let loc = if self.is_captured(n) {
                scope.ctx_slots += 1;
                Loc::Ctx(scope.ctx_slots - 1)
            } else {
                Loc::Reg(self.alloc_reg())
            };
            scope.bindings.push(Binding::new(n.clone(), *k, loc, !k.lexical()));
        }
        if scope.ctx_slots > 0 {
            scope.has_context = true;
            self.emit(Op::PushContext { slots: scope.ctx_slots, slot: NS });
            self.ctx_depth += 1;
        }
        // Lexical bindings start in the TDZ; registers need the hole written (context slots
        // start as the hole).
        let lex_regs: Vec<(usize, Reg)> = scope
            .bindings
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match (b.kind.lexical(), b.loc) {
                (true, Loc::Reg(r)) => Some((i, r)),
                _ => None,
            })
            .collect();
        let var_ctx: Vec<u32> = scope
            .bindings
            .iter()
            .filter_map(|b| match (b.kind, b.loc) {
                (BindKind::Var, Loc::Ctx(i)) => Some(i),
                _ => None,
            })
            .collect();
        let var_regs: Vec<Reg> = scope
            .bindings
            .iter()
            .filter_map(|b| match (b.kind, b.loc) {
                (BindKind::Var, Loc::Reg(r)) => Some(r),
                _ => None,
            })
            .collect();
        self.scopes.push(scope);
        if !lex_regs.is_empty() {
            let load = self.emit(Op::LdaHole { slot: NS });
            for (i, r) in lex_regs {
                let store = self.emit(Op::Star { dst: r, slot: NS });
                self.scopes.last_mut().expect("scope").bindings[i].hole_init = Some((load, store));
            }
        }
        if !var_ctx.is_empty() {
            self.emit(Op::LdaUndefined { slot: NS });
            for i in var_ctx {
                self.emit(Op::StaContext { depth: 0, index: i, slot: NS });
            }
        }
        if !var_regs.is_empty() {
            self.emit(Op::LdaUndefined { slot: NS });
            for r in var_regs {
                self.emit(Op::Star { dst: r, slot: NS });
            }
        }
    }

    fn exit_scope(&mut self) {
        let s = self.scopes.pop().expect("scope");
        self.drop_unneeded_hole_inits(&s);
        if s.has_context {
            self.emit(Op::PopContext { slot: NS });
            self.ctx_depth -= 1;
        }
        self.release(s.reg_mark);
    }

    /// Marks for removal the hole writes of `s`'s register bindings that no access checks: every
    /// access was compiled after the initialisation in straight-line code, so nothing can
    /// observe the hole. (The accumulator left holding the hole is dead: each statement loads
    /// its own.)
    fn drop_unneeded_hole_inits(&mut self, s: &Scope) {
        let needed: Vec<usize> = s.bindings.iter().filter(|b| b.checked).filter_map(|b| b.hole_init.map(|(load, _)| load)).collect();
        for b in &s.bindings {
            if let (Some((load, store)), false) = (b.hole_init, b.checked) {
                self.dead_ops.push(store);
                if !needed.contains(&load) {
                    self.dead_ops.push(load);
                }
            }
        }
    }

    /// Finds a binding: (scope index or outer, context depth, location, kind).
    fn resolve(&self, n: &str) -> Resolved {
        // The `%evalvars` objects passed on the way out (innermost first): a binding found
        // beyond one of them may be shadowed by a `var` a sloppy direct eval declared there.
        // Hidden names (`%this`, `#private`, ...) are never eval-declared.
        let hidden = n.starts_with('%') || n.starts_with('#');
        let mut crossed: Vec<(u32, u32)> = Vec::new();
        let mut depth = 0u32;
        for (si, s) in self.scopes.iter().enumerate().rev() {
            if let Some((bi, b)) = s.bindings.iter().enumerate().rev().find(|(_, b)| &*b.name == n) {
                return match b.loc {
                    Loc::Ctx(i) if !crossed.is_empty() => Resolved::Dynamic { chain: crossed, fallback: Some(fallback(depth, i, b.kind)) },
                    Loc::Reg(r) => Resolved::Reg { reg: r, kind: b.kind, scope: si, index: bi },
                    Loc::Ctx(i) => Resolved::Ctx { depth, index: i, kind: b.kind, local: Some((si, bi)) },
                };
            }
            if !hidden {
                if let Some(Loc::Ctx(i)) = s.bindings.iter().find(|b| &*b.name == EVAL_VARS).map(|b| b.loc) {
                    crossed.push((depth, i));
                }
            }
            if s.has_context {
                depth += 1;
            }
        }
        for o in self.outer {
            if let Some((_, i, k)) = o.names.iter().rev().find(|(name, _, _)| &**name == n) {
                if !crossed.is_empty() {
                    return Resolved::Dynamic { chain: crossed, fallback: Some(fallback(depth, *i, *k)) };
                }
                return Resolved::Ctx { depth, index: *i, kind: *k, local: None };
            }
            if !hidden {
                if let Some((_, i, _)) = o.names.iter().find(|(m, _, _)| &**m == EVAL_VARS) {
                    crossed.push((depth, *i));
                }
            }
            depth += 1;
        }
        if self.facts.has_direct_eval || self.dynamic_scope || self.outer_has_eval() {
            return Resolved::Dynamic { chain: crossed, fallback: None };
        }
        Resolved::Global
    }
    /// Where `this` lives when it is a derived constructor's context binding (reached from
    /// the constructor itself or from its arrows and eval code): (depth, index).
    fn this_in_context(&self) -> Option<(u32, u32)> {
        match self.resolve(THIS_BINDING) {
            Resolved::Ctx { depth, index, .. } => Some((depth, index)),
            _ => None,
        }
    }

    fn outer_has_eval(&self) -> bool {
        self.outer.iter().any(|o| o.names.iter().any(|(n, _, _)| &**n == EVAL_VARS))
    }

    /// A [`LookupChain`] constant: the `%evalvars` objects a dynamic lookup searches
    /// (innermost first), then the binding it falls back to (`None`: the global one).
    fn chain_const(&mut self, objects: Vec<(u32, u32)>, fallback: Option<LookupFallback>) -> ConstIdx {
        self.add_const(Constant::LookupChain(Arc::new(LookupChain { objects, fallback })))
    }

    /// The lookup chain of every `%evalvars` binding in scope (where a sloppy direct eval's
    /// `var` goes: the first one).
    fn lookup_chain(&mut self) -> ConstIdx {
        let chain = self.lookup_chain_entries();
        self.chain_const(chain, None)
    }

    /// The (context depth, slot) of each `%evalvars` binding in scope, innermost first.
    fn lookup_chain_entries(&self) -> Vec<(u32, u32)> {
        let mut chain = Vec::new();
        let mut depth = 0u32;
        for s in self.scopes.iter().rev() {
            if let Some(b) = s.bindings.iter().find(|b| &*b.name == EVAL_VARS) {
                if let Loc::Ctx(i) = b.loc {
                    chain.push((depth, i));
                }
            }
            if s.has_context {
                depth += 1;
            }
        }
        for o in self.outer {
            if let Some((_, i, _)) = o.names.iter().find(|(n, _, _)| &**n == EVAL_VARS) {
                chain.push((depth, *i));
            }
            depth += 1;
        }
        chain
    }

    /// The static scope description a direct eval call compiles against.
    fn eval_scope(&mut self, context: &EvalContext) -> ConstIdx {
        let levels = self
            .outer_for_nested()
            .into_iter()
            .map(|o| o.names.into_iter().map(|(n, i, k)| (Arc::from(&*n), i, k as u8)).collect())
            .collect();
        let in_function = match self.kind {
            CodeKind::Script => false,
            CodeKind::Eval => self.eval_in_function,
            _ => true,
        };
        let lexicals_beside_eval_vars = self.lexicals_beside_eval_vars;
        let in_parameters = self.in_parameters;
        let context = context.clone();
        self.add_const(Constant::EvalScope(Arc::new(EvalScope {
            levels,
            strict: self.strict,
            in_function,
            lexicals_beside_eval_vars,
            in_parameters,
            context,
        })))
    }

    fn needs_tdz_check(&self, r: &Resolved) -> bool {
        match r {
            Resolved::Reg { kind, scope, index, .. } => {
                if !kind.lexical() {
                    return false;
                }
                let s = &self.scopes[*scope];
                !s.bindings[*index].initialized || s.no_tdz_elision
            }
            Resolved::Ctx { kind, .. } => kind.lexical(),
            _ => false,
        }
    }

    fn mark_initialized(&mut self, n: &str) {
        if let Resolved::Reg { scope, index, .. } | Resolved::Ctx { local: Some((scope, index)), .. } = self.resolve(n) {
            self.scopes[scope].bindings[index].initialized = true;
        }
    }

    /// Loads a variable into the accumulator.
    fn load_var(&mut self, n: &Name, pos: Pos, for_typeof: bool) {
        let r = self.resolve(n);
        let check = self.needs_tdz_check(&r);
        if let (true, Resolved::Reg { scope, index, .. }) = (check, &r) {
            self.scopes[*scope].bindings[*index].checked = true;
        }
        match r {
            Resolved::Reg { reg, .. } => {
                self.emit(Op::Ldar { src: reg, slot: NS });
            }
            Resolved::Ctx { depth, index, .. } => {
                self.emit(Op::LdaContext { depth, index, slot: NS });
            }
            Resolved::Global => {
                let c = self.name_const(n);
                self.pos(pos);
                if for_typeof {
                    self.emit(Op::LdaGlobalTypeof { name: c, slot: FS });
                } else {
                    self.emit(Op::LdaGlobal { name: c, slot: FS });
                }
                return;
            }
            Resolved::Dynamic { chain, fallback } => {
                let c = self.name_const(n);
                let chain = self.chain_const(chain, fallback);
                self.pos(pos);
                if for_typeof {
                    self.emit(Op::LdaLookupTypeof { name: c, chain, slot: NS });
                } else {
                    self.emit(Op::LdaLookup { name: c, chain, slot: NS });
                }
                return;
            }
        }
        if check {
            let c = self.name_const(n);
            self.pos(pos);
            self.emit(Op::ThrowIfHole { name: c, slot: NS });
        }
    }

    /// Stores the accumulator into a variable (an assignment, not an initialisation).
    fn store_var(&mut self, n: &Name, pos: Pos) {
        let r = self.resolve(n);
        let kind = match &r {
            Resolved::Reg { kind, .. } | Resolved::Ctx { kind, .. } => Some(*kind),
            _ => None,
        };
        if self.needs_tdz_check(&r) {
            // Reading the binding to check for the hole would clobber the accumulator.
            let tmp = self.alloc_reg();
            self.emit(Op::Star { dst: tmp, slot: NS });
            self.load_var(n, pos, false);
            self.emit(Op::Ldar { src: tmp, slot: NS });
            self.release(tmp.0);
        }
        match kind {
            Some(BindKind::Const) | Some(BindKind::Class) if matches!(kind, Some(BindKind::Const)) => {
                let c = self.name_const(n);
                self.pos(pos);
                self.emit(Op::ThrowConstAssign { name: c, slot: NS });
                return;
            }
            Some(BindKind::CalleeName) => {
                if self.strict {
                    let c = self.name_const(n);
                    self.pos(pos);
                    self.emit(Op::ThrowConstAssign { name: c, slot: NS });
                }
                return;
            }
            _ => {}
        }
        match r {
            Resolved::Reg { reg, .. } => {
                self.emit(Op::Star { dst: reg, slot: NS });
            }
            Resolved::Ctx { depth, index, .. } => {
                self.emit(Op::StaContext { depth, index, slot: NS });
            }
            Resolved::Global => {
                let c = self.name_const(n);
                self.pos(pos);
                self.emit(Op::StaGlobal { name: c, slot: FS });
            }
            Resolved::Dynamic { chain, fallback } => {
                let c = self.name_const(n);
                let chain = self.chain_const(chain, fallback);
                self.pos(pos);
                self.emit(Op::StaLookup { name: c, chain, slot: NS });
            }
        }
    }

    /// ResolveBinding of `n` for an assignment that runs other code between resolving its
    /// target and writing it (compound and logical assignments, `++`/`--`, `=` with a right
    /// side that may run code): a dynamic name is resolved here, once, so the write goes to
    /// the environment it resolved to even if, say, the right side's direct eval declares a
    /// `var` shadowing it (PutValue of the original Reference). Static names need nothing.
    /// The register it allocates belongs to the caller's register mark.
    fn ident_reference(&mut self, n: &Name) -> IdentRef {
        match self.resolve(n) {
            Resolved::Dynamic { chain, fallback } => {
                let name = self.name_const(n);
                let chain = self.chain_const(chain, fallback);
                let base = self.alloc_reg();
                self.emit(Op::ResolveLookup { name, chain, slot: NS });
                self.emit(Op::Star { dst: base, slot: NS });
                IdentRef::Dynamic { base, name, chain }
            }
            _ => IdentRef::Static,
        }
    }

    /// GetValue of a reference from [`Self::ident_reference`] into the accumulator.
    fn load_reference(&mut self, n: &Name, pos: Pos, r: &IdentRef) {
        match *r {
            IdentRef::Static => self.load_var(n, pos, false),
            IdentRef::Dynamic { base, name, chain } => {
                self.pos(pos);
                self.emit(Op::LdaLookupAt { name, chain, base, slot: NS });
            }
        }
    }

    /// PutValue of the accumulator to a reference from [`Self::ident_reference`].
    fn store_reference(&mut self, n: &Name, pos: Pos, r: &IdentRef) {
        match *r {
            IdentRef::Static => self.store_var(n, pos),
            IdentRef::Dynamic { base, name, chain } => {
                self.pos(pos);
                self.emit(Op::StaLookupAt { name, chain, base, slot: NS });
            }
        }
    }

    /// Initialises a binding with the accumulator (declarations: no TDZ or const check).
    fn init_var(&mut self, n: &Name, pos: Pos) {
        let r = self.resolve(n);
        match r {
            Resolved::Reg { reg, .. } => {
                self.emit(Op::Star { dst: reg, slot: NS });
            }
            Resolved::Ctx { depth, index, .. } => {
                self.emit(Op::StaContext { depth, index, slot: NS });
            }
            Resolved::Global => {
                let c = self.name_const(n);
                self.pos(pos);
                if self.scopes.is_empty() || self.kind == CodeKind::Script && self.is_global_lexical(n) {
                    self.emit(Op::InitGlobalLexical { name: c, slot: NS });
                } else {
                    self.emit(Op::StaGlobal { name: c, slot: FS });
                }
            }
            Resolved::Dynamic { .. } if self.kind == CodeKind::Script && self.is_global_lexical(n) => {
                let c = self.name_const(n);
                self.pos(pos);
                self.emit(Op::InitGlobalLexical { name: c, slot: NS });
            }
            Resolved::Dynamic { chain, fallback } => {
                let c = self.name_const(n);
                let chain = self.chain_const(chain, fallback);
                self.emit(Op::StaLookup { name: c, chain, slot: NS });
            }
        }
        self.mark_initialized(n);
    }

    fn is_global_lexical(&self, n: &str) -> bool {
        self.global_lexicals.iter().any(|x| &**x == n)
    }
}

/// Where a name resolved to.
enum Resolved {
    Reg {
        reg: Reg,
        kind: BindKind,
        scope: usize,
        index: usize,
    },
    Ctx {
        depth: u32,
        index: u32,
        kind: BindKind,
        local: Option<(usize, usize)>,
    },
    Global,
    /// Looked up at run time: in the `%evalvars` objects of `chain` (innermost first), then
    /// in `fallback`, the binding found beyond them (`None`: the global environment).
    Dynamic {
        chain: Vec<(u32, u32)>,
        fallback: Option<LookupFallback>,
    },
}

/// An identifier reference resolved once (see [`FnCompiler::ident_reference`]).
enum IdentRef {
    /// A register, context or global binding: each access finds the same binding.
    Static,
    /// A dynamic name: `base` holds the environment `ResolveLookup` found.
    Dynamic { base: Reg, name: ConstIdx, chain: ConstIdx },
}

/// The fallback of a dynamic lookup of a binding of kind `kind` at context (depth, index).
fn fallback(depth: u32, index: u32, kind: BindKind) -> LookupFallback {
    let kind = match kind {
        BindKind::Var => FallbackKind::Var,
        BindKind::Let | BindKind::Class => FallbackKind::Lexical,
        BindKind::Const => FallbackKind::Const,
        BindKind::CalleeName => FallbackKind::CalleeName,
    };
    LookupFallback { depth, index, kind }
}

/// A callee as V8 names it in "... is not a function": identifiers and member chains, with
/// calls inside the chain shown as `(...)`; `None` for anything else.
fn callee_text(e: &Expr) -> Option<String> {
    use crate::parser::ast::MemberProp;
    Some(match e {
        Expr::Ident(n, _) => n.to_string(),
        Expr::This(_) => "this".into(),
        Expr::Paren(e) | Expr::OptionalChain(e) => return callee_text(e),
        Expr::Call(c, _, _, _) => format!("{}(...)", callee_text(c).unwrap_or_else(|| "(intermediate value)".into())),
        Expr::SuperMember(prop, _) | Expr::Member(_, prop, _, _) => {
            let (object, optional) = match e {
                Expr::Member(o, _, optional, _) => (callee_text(o)?, *optional),
                _ => ("(intermediate value)".into(), false),
            };
            let dot = if optional { "?." } else { "." };
            match &**prop {
                MemberProp::Named(s) => format!("{object}{dot}{}", String::from_utf16_lossy(s)),
                MemberProp::Private(n) => format!("{object}[#{n}]"),
                MemberProp::Computed(Expr::Str(s)) => format!("{object}{dot}{}", String::from_utf16_lossy(s)),
                MemberProp::Computed(Expr::Number(n)) => format!("{object}[{}]", crate::runtime::numconv::number_to_string(*n)),
                MemberProp::Computed(k) => format!("{object}[{}]", callee_text(k)?),
            }
        }
        _ => return None,
    })
}
