//! Statements, declarations and control flow.

use super::*;

/// Collects `var`-declared names (not entering nested functions).
pub(super) fn collect_vars(stmts: &[Stmt], out: &mut Vec<Name>) {
    for s in stmts {
        collect_vars_stmt(s, out);
    }
}

pub(super) fn pattern_names(p: &Pattern, out: &mut Vec<Name>) {
    match p {
        Pattern::Ident(n, _) => out.push(n.clone()),
        Pattern::Array(es, rest, _) => {
            for e in es.iter().flatten() {
                pattern_names(&e.target, out);
            }
            if let Some(r) = rest {
                pattern_names(r, out);
            }
        }
        Pattern::Object(ps, rest, _) => {
            for pp in ps {
                pattern_names(&pp.target, out);
            }
            if let Some(r) = rest {
                pattern_names(r, out);
            }
        }
        Pattern::Expr(_) => {}
    }
}

fn collect_vars_stmt(s: &Stmt, out: &mut Vec<Name>) {
    match s {
        Stmt::VarDecl(VarKind::Var, decls, _) => {
            for (p, _) in decls {
                pattern_names(p, out);
            }
        }
        Stmt::Block(b) => collect_vars(b, out),
        Stmt::If(_, a, b) => {
            collect_vars_stmt(a, out);
            if let Some(b) = b {
                collect_vars_stmt(b, out);
            }
        }
        Stmt::For(init, _, _, body) => {
            if let Some(ForInit::Decl(VarKind::Var, decls)) = init {
                for (p, _) in decls {
                    pattern_names(p, out);
                }
            }
            collect_vars_stmt(body, out);
        }
        Stmt::ForIn(h, _, body) | Stmt::ForOf(h, _, body, _) => {
            if let ForHead::Decl(VarKind::Var, p) = h {
                pattern_names(p, out);
            }
            collect_vars_stmt(body, out);
        }
        Stmt::While(_, b) | Stmt::DoWhile(b, _) | Stmt::Labeled(_, b) => collect_vars_stmt(b, out),
        Stmt::Try(b, c, f) => {
            collect_vars(b, out);
            if let Some((_, cb)) = c {
                collect_vars(cb, out);
            }
            if let Some(f) = f {
                collect_vars(f, out);
            }
        }
        Stmt::Switch(_, cases) => {
            for (_, b) in cases {
                collect_vars(b, out);
            }
        }
        _ => {}
    }
}

/// Lexically-scoped declarations directly in a statement list.
fn collect_lexicals(stmts: &[Stmt], out: &mut Vec<(Name, BindKind, Pos)>) {
    for s in stmts {
        match s {
            Stmt::VarDecl(k @ (VarKind::Let | VarKind::Const), decls, pos) => {
                let kind = if *k == VarKind::Let { BindKind::Let } else { BindKind::Const };
                for (p, _) in decls {
                    let mut names = Vec::new();
                    pattern_names(p, &mut names);
                    out.extend(names.into_iter().map(|n| (n, kind, *pos)));
                }
            }
            Stmt::ClassDecl(c) => {
                if let Some(n) = &c.name {
                    out.push((n.clone(), BindKind::Class, c.span.0));
                }
            }
            _ => {}
        }
    }
}

fn collect_functions(stmts: &[Stmt]) -> Vec<Rc<Function>> {
    stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::FuncDecl(f) => Some(f.clone()),
            Stmt::Labeled(_, inner) => match &**inner {
                Stmt::FuncDecl(f) => Some(f.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

impl FnCompiler<'_> {
    /// Script: GlobalDeclarationInstantiation.
    pub(super) fn script_prologue(&mut self, body: &[Stmt]) -> CResult<()> {
        let mut vars = Vec::new();
        collect_vars(body, &mut vars);
        let mut lex = Vec::new();
        collect_lexicals(body, &mut lex);
        for (i, (n, _, p)) in lex.iter().enumerate() {
            if lex[..i].iter().any(|(m, _, _)| m == n) || vars.contains(n) {
                return err(format!("Identifier '{n}' has already been declared"), *p);
            }
        }
        let funcs = collect_functions(body);
        for f in &funcs {
            if let Some(n) = &f.name {
                if lex.iter().any(|(m, _, _)| m == n) {
                    return err(format!("Identifier '{n}' has already been declared"), f.span.0);
                }
            }
        }
        let mut decls = GlobalDecls::default();
        let u = |n: &str| -> Arc<[u16]> { n.encode_utf16().collect::<Vec<_>>().into() };
        for v in &vars {
            decls.vars.push(u(v));
        }
        for f in &funcs {
            let code = compile_declaration(f, self.source.clone(), &[], self.strict)?;
            let idx = self.add_const(Constant::Function(code));
            decls.functions.push((u(f.name.as_deref().unwrap_or("")), idx.0));
        }
        for (n, k, _) in &lex {
            decls.lexicals.push((u(n), *k == BindKind::Const));
            self.global_lexicals.push(n.clone());
        }
        let c = self.add_const(Constant::GlobalDecls(Arc::new(decls)));
        self.pos(0);
        self.emit(Op::DeclareGlobals { decls: c, slot: NS });
        Ok(())
    }

    /// Eval code: where its `var`s and functions go (EvalDeclarationInstantiation).
    /// A sloppy direct eval's `var n` is a SyntaxError when a `let`/`const`/`class` named `n`
    /// sits between the eval and the caller's variable environment, and so is one naming a
    /// parameter or `arguments` when the eval is in parameter initialisers (those bindings
    /// are in an environment of their own inside the function's variable environment).
    fn check_eval_var_conflict(&self, n: &Name) -> CResult<()> {
        for level in self.outer {
            let is_var_level = level.names.iter().any(|(m, _, _)| &**m == EVAL_VARS);
            let checked = !is_var_level || self.lexicals_beside_eval_vars;
            if checked && level.names.iter().any(|(m, _, k)| m == n && k.lexical()) {
                return err(format!("Identifier '{n}' has already been declared"), 0);
            }
            if is_var_level && self.in_parameters && level.names.iter().any(|(m, _, _)| m == n) {
                return err(format!("Identifier '{n}' has already been declared"), 0);
            }
            if is_var_level {
                break;
            }
        }
        Ok(())
    }

    pub(super) fn eval_prologue(&mut self, body: &[Stmt], strict: bool, in_function: bool) -> CResult<()> {
        let mut vars = Vec::new();
        collect_vars(body, &mut vars);
        let funcs = collect_functions(body);
        let mut lex = Vec::new();
        collect_lexicals(body, &mut lex);
        for (i, (n, _, p)) in lex.iter().enumerate() {
            if lex[..i].iter().any(|(m, _, _)| m == n) || vars.contains(n) || funcs.iter().any(|f| f.name.as_ref() == Some(n)) {
                return err(format!("Identifier '{n}' has already been declared"), *p);
            }
        }
        let mut fnames: Vec<Name> = Vec::new();
        for f in &funcs {
            if let Some(n) = &f.name {
                if !fnames.contains(n) {
                    fnames.push(n.clone());
                }
            }
        }
        if strict {
            // Strict eval code has its own variable environment.
            let mut decls: Vec<(Name, BindKind)> = vars.iter().chain(fnames.iter()).map(|n| (n.clone(), BindKind::Var)).collect();
            decls.extend(lex.iter().map(|(n, k, _)| (n.clone(), *k)));
            self.enter_scope(&decls, false);
        } else if !in_function {
            // Sloppy eval at global level: vars and functions become (deletable) globals.
            let mut decls = GlobalDecls { eval: true, ..Default::default() };
            let u = |n: &str| -> Arc<[u16]> { n.encode_utf16().collect::<Vec<_>>().into() };
            for v in &vars {
                decls.vars.push(u(v));
            }
            let outer = self.outer_for_nested();
            for f in &funcs {
                let code = compile_declaration(f, self.source.clone(), &outer, self.strict)?;
                let idx = self.add_const(Constant::Function(code));
                decls.functions.push((u(f.name.as_deref().unwrap_or("")), idx.0));
            }
            let c = self.add_const(Constant::GlobalDecls(Arc::new(decls)));
            self.pos(0);
            self.emit(Op::DeclareGlobals { decls: c, slot: NS });
            let lexd: Vec<(Name, BindKind)> = lex.iter().map(|(n, k, _)| (n.clone(), *k)).collect();
            self.enter_scope(&lexd, false);
            return Ok(());
        } else {
            // Sloppy eval in a function: vars join the caller's variable environment (an
            // existing binding, or the caller's `%evalvars` object), unless a lexical
            // declaration between here and there has the name (EvalDeclarationInstantiation).
            for n in vars.iter().chain(fnames.iter()) {
                self.check_eval_var_conflict(n)?;
                if let Resolved::Ctx { kind: BindKind::Var, .. } = self.resolve(n) {
                    continue;
                }
                let c = self.name_const(n);
                let chain = self.lookup_chain();
                self.emit(Op::DeclareEvalVar { name: c, chain, slot: NS });
            }
            let lexd: Vec<(Name, BindKind)> = lex.iter().map(|(n, k, _)| (n.clone(), *k)).collect();
            self.enter_scope(&lexd, false);
        }
        for f in &funcs {
            self.create_decl_closure(f)?;
            let n = f.name.clone().expect("declarations are named");
            if strict {
                self.init_var(&n, f.span.0);
            } else {
                self.store_var(&n, f.span.0);
            }
        }
        Ok(())
    }

    pub(super) fn check_strict_params(&mut self, f: &Function) -> CResult<()> {
        let mut names = Vec::new();
        for p in &f.params {
            pattern_names(&p.pattern, &mut names);
        }
        if let Some(r) = &f.rest {
            pattern_names(r, &mut names);
        }
        for (i, n) in names.iter().enumerate() {
            if &**n == "eval" || &**n == "arguments" {
                return err("Unexpected eval or arguments in strict mode", f.span.0);
            }
            if names[..i].contains(n) {
                return err("Duplicate parameter name not allowed in this context", f.span.0);
            }
        }
        if let Some(n) = &f.name {
            if (&**n == "eval" || &**n == "arguments") && f.kind == FuncKind::Normal {
                return err("Unexpected eval or arguments in strict mode", f.span.0);
            }
        }
        Ok(())
    }

    /// FunctionDeclarationInstantiation: parameters, `arguments`, vars, functions,
    /// top-level lexical declarations. Returns the `length`.
    pub(super) fn function_prologue(&mut self, f: &Function) -> CResult<u32> {
        let nparams = f.params.len() as i32;
        self.param_count = nparams;
        self.next_reg = nparams;
        self.max_reg = nparams;
        let simple = f.rest.is_none() && f.params.iter().all(|p| p.default.is_none() && matches!(p.pattern, Pattern::Ident(..)));
        let length = f.params.iter().take_while(|p| p.default.is_none()).count() as u32;

        // A named function expression sees its own name (outside its parameters' scope).
        if let (Some(n), FuncKind::Normal, false) = (&f.name, f.kind, self.declaration) {
            if self.is_captured(n) {
                self.enter_scope(&[(n.clone(), BindKind::CalleeName)], false);
                self.emit(Op::Ldar { src: Reg::CALLEE, slot: NS });
                self.init_var(n, f.span.0);
            } else {
                let mut sc = Scope { reg_mark: self.next_reg, ..Default::default() };
                sc.bindings.push(Binding::new(n.clone(), BindKind::CalleeName, Loc::Reg(Reg::CALLEE), true));
                self.scopes.push(sc);
            }
        }
        if f.kind == FuncKind::ClassConstructor {
            self.emit(Op::RunClassFields { slot: NS });
        }

        let mut param_names = Vec::new();
        for p in &f.params {
            pattern_names(&p.pattern, &mut param_names);
        }
        if let Some(r) = &f.rest {
            pattern_names(r, &mut param_names);
        }
        let has_arguments = !self.is_arrow
            && self.facts.uses_arguments
            && !param_names.iter().any(|n| &**n == "arguments")
            && !matches!(f.kind, FuncKind::FieldInit);
        let unique = param_names.iter().enumerate().all(|(i, n)| !param_names[..i].contains(n));
        let arguments_kind = match (simple && !self.strict, nparams > 0 && unique) {
            (false, _) => ARGUMENTS_UNMAPPED,
            (true, true) => ARGUMENTS_MAPPED,
            (true, false) => ARGUMENTS_SLOPPY_UNMAPPED,
        };
        let mapped = has_arguments && arguments_kind == ARGUMENTS_MAPPED;

        // Parameters.
        // Parameters with initialisers or patterns are in their TDZ until bound.
        let param_kind = if simple { BindKind::Var } else { BindKind::Let };
        let mut decls: Vec<(Name, BindKind)> = Vec::new();
        for n in &param_names {
            decls.push((n.clone(), param_kind));
        }
        if has_arguments {
            decls.push((Rc::from("arguments"), BindKind::Var));
        }
        if self.facts.own_direct_eval && !self.strict {
            decls.push((Rc::from(EVAL_VARS), BindKind::Var));
        }
        let this_in_context = f.kind == FuncKind::DerivedConstructor && (self.facts.arrow_uses_this || self.facts.has_direct_eval);
        if this_in_context {
            for n in [THIS_BINDING, CTOR_BINDING] {
                decls.push((Rc::from(n), BindKind::Var));
                self.facts.captured.insert(Rc::from(n));
            }
        }
        // A mapped arguments object aliases parameters: keep them in the context.
        if mapped {
            for n in &param_names {
                self.facts.captured.insert(n.clone());
            }
        }
        let mut scope = Scope { reg_mark: self.next_reg, ..Default::default() };
        for (n, k) in &decls {
            if let Some(b) = scope.bindings.iter_mut().find(|b| &b.name == n) {
                let _ = b;
                continue;
            }
            let loc = if self.is_captured(n) {
                scope.ctx_slots += 1;
                Loc::Ctx(scope.ctx_slots - 1)
            } else if simple && param_names.iter().position(|p| p == n).is_some_and(|i| i < nparams as usize) {
                let i = param_names.iter().rposition(|p| p == n).expect("param");
                Loc::Reg(Reg(i as i32))
            } else {
                Loc::Reg(self.alloc_reg())
            };
            scope.bindings.push(Binding::new(n.clone(), *k, loc, !k.lexical()));
        }
        // Vars and functions of the body share the parameter scope when parameters are
        // simple (spec: a separate var scope only matters with parameter expressions).
        let mut vars = Vec::new();
        collect_vars(&f.body, &mut vars);
        let funcs = collect_functions(&f.body);
        let mut body_decls: Vec<Name> = vars.clone();
        for fun in &funcs {
            if let Some(n) = &fun.name {
                body_decls.push(n.clone());
            }
        }
        let mut lex = Vec::new();
        collect_lexicals(&f.body, &mut lex);
        for (i, (n, _, p)) in lex.iter().enumerate() {
            if lex[..i].iter().any(|(m, _, _)| m == n) || body_decls.contains(n) || param_names.contains(n) {
                return err(format!("Identifier '{n}' has already been declared"), *p);
            }
        }
        // With parameter expressions, the body's vars get their own environment (closures in
        // parameter defaults must not see them): declared after the parameters are bound.
        let separate_var_scope = !simple;
        self.lexicals_beside_eval_vars = simple;
        let body_var_names: Vec<Name> = if separate_var_scope {
            let mut v: Vec<Name> = Vec::new();
            for n in &body_decls {
                if !v.contains(n) && &**n != "arguments" || (!v.contains(n) && !has_arguments) {
                    v.push(n.clone());
                }
            }
            v
        } else {
            Vec::new()
        };
        let mut new_vars = Vec::new();
        for n in body_decls {
            if separate_var_scope || scope.bindings.iter().any(|b| b.name == n) || new_vars.contains(&n) {
                continue;
            }
            new_vars.push(n);
        }
        for n in &new_vars {
            let loc = if self.is_captured(n) {
                scope.ctx_slots += 1;
                Loc::Ctx(scope.ctx_slots - 1)
            } else {
                Loc::Reg(self.alloc_reg())
            };
            scope.bindings.push(Binding::new(n.clone(), BindKind::Var, loc, true));
        }
        for (n, k, _) in lex.iter().filter(|_| !separate_var_scope) {
            let loc = if self.is_captured(n) {
                scope.ctx_slots += 1;
                Loc::Ctx(scope.ctx_slots - 1)
            } else {
                Loc::Reg(self.alloc_reg())
            };
            scope.bindings.push(Binding::new(n.clone(), *k, loc, false));
        }
        scope.reg_mark = self.next_reg;
        if scope.ctx_slots > 0 {
            scope.has_context = true;
            self.emit(Op::PushContext { slots: scope.ctx_slots, slot: NS });
            self.ctx_depth += 1;
        }
        // Initialise: captured simple params copy from their argument register; other vars
        // get undefined; lexicals the hole.
        let bindings: Vec<(Name, BindKind, Loc)> = scope.bindings.iter().map(|b| (b.name.clone(), b.kind, b.loc)).collect();
        self.scopes.push(scope);
        for (bi, (n, k, loc)) in bindings.iter().enumerate() {
            let param_index = if simple { param_names.iter().rposition(|p| p == n) } else { None };
            match (k, loc, param_index) {
                (BindKind::Var, Loc::Ctx(i), Some(pi)) => {
                    self.emit(Op::Ldar { src: Reg(pi as i32), slot: NS });
                    self.emit(Op::StaContext { depth: 0, index: *i, slot: NS });
                }
                (BindKind::Var, Loc::Reg(_), Some(_)) => {}
                (BindKind::Var, _, None) if &**n == "arguments" && has_arguments => {}
                (BindKind::Var, Loc::Ctx(i), None) => {
                    self.emit(Op::LdaUndefined { slot: NS });
                    self.emit(Op::StaContext { depth: 0, index: *i, slot: NS });
                }
                // `push_frame` starts every register as undefined.
                (BindKind::Var, Loc::Reg(_), None) => {}
                (_, Loc::Reg(r), _) => {
                    let load = self.emit(Op::LdaHole { slot: NS });
                    let store = self.emit(Op::Star { dst: *r, slot: NS });
                    self.scopes.last_mut().expect("function scope").bindings[bi].hole_init = Some((load, store));
                }
                _ => {}
            }
        }
        if this_in_context {
            self.emit(Op::LdaHole { slot: NS });
            self.init_var(&Rc::from(THIS_BINDING), f.span.0);
            self.emit(Op::Ldar { src: Reg::CALLEE, slot: NS });
            self.init_var(&Rc::from(CTOR_BINDING), f.span.0);
        }
        if has_arguments {
            self.emit(Op::CreateArguments { kind: arguments_kind, slot: NS });
            let n: Name = Rc::from("arguments");
            self.init_var(&n, f.span.0);
        }
        // Non-simple parameters: defaults and patterns, in order, from the argument registers.
        if !simple {
            self.in_parameters = true;
            for (i, p) in f.params.iter().enumerate() {
                self.emit(Op::Ldar { src: Reg(i as i32), slot: NS });
                if let Some(d) = &p.default {
                    let skip = self.jump(|t| Op::JumpIfNotUndefined { target: t, slot: NS });
                    self.expr_named(d, pattern_name(&p.pattern))?;
                    self.patch(skip);
                }
                self.bind_pattern(&p.pattern, true)?;
            }
            if let Some(r) = &f.rest {
                self.emit(Op::CreateRest { start: nparams as u32, slot: NS });
                self.bind_pattern(r, true)?;
            }
            self.in_parameters = false;
        }
        if separate_var_scope {
            // Body vars start with the value of a same-named parameter, else undefined.
            let mut inits = Vec::new();
            for n in &body_var_names {
                if param_names.contains(n) || (&**n == "arguments" && has_arguments) {
                    self.load_var(n, f.span.0, false);
                    let r = self.alloc_reg();
                    self.emit(Op::Star { dst: r, slot: NS });
                    inits.push((n.clone(), Some(r)));
                } else {
                    inits.push((n.clone(), None));
                }
            }
            let mut decls: Vec<(Name, BindKind)> = body_var_names.iter().map(|n| (n.clone(), BindKind::Var)).collect();
            // The body's variable environment is this scope, inside the parameters': a sloppy
            // direct eval in the body puts its vars in an `%evalvars` of its own here (they
            // shadow parameters), beside the body's top-level lexical declarations. (The
            // parameter scope's `%evalvars` takes the vars of evals in parameter initialisers.)
            if self.facts.own_direct_eval && !self.strict {
                decls.push((Rc::from(EVAL_VARS), BindKind::Var));
                self.lexicals_beside_eval_vars = true;
            }
            decls.extend(lex.iter().map(|(n, k, _)| (n.clone(), *k)));
            self.enter_scope(&decls, false);
            for (n, r) in inits {
                if let Some(r) = r {
                    self.emit(Op::Ldar { src: r, slot: NS });
                    self.init_var(&n, f.span.0);
                }
            }
        }
        // Function declarations are initialised on entry.
        for fun in &funcs {
            self.create_decl_closure(fun)?;
            let n = fun.name.clone().expect("declarations are named");
            self.init_var(&n, fun.span.0);
        }
        // Generators and async functions suspend here: the call returns the generator (or
        // starts the async body) after parameters are bound.
        if self.generator || self.is_async {
            self.emit(Op::CreateGenerator { slot: NS });
        }
        Ok(length)
    }

    pub(super) fn emit_implicit_return(&mut self) {
        match self.func_kind {
            FuncKind::DerivedConstructor => {
                // `[[Construct]]` returns the bound `this` (or throws its ReferenceError in the
                // caller's realm) after the frame is gone.
                self.sync_this_slot();
                self.emit(Op::LdaUndefined { slot: NS });
            }
            _ => {
                self.emit(Op::LdaUndefined { slot: NS });
            }
        }
        self.emit(Op::Return { slot: NS });
    }

    pub(super) fn stmts(&mut self, stmts: &[Stmt]) -> CResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// A statement list with its own lexical scope (blocks, case clauses share one).
    pub(super) fn block(&mut self, stmts: &[Stmt], no_tdz_elision: bool) -> CResult<()> {
        let mut lex = Vec::new();
        collect_lexicals(stmts, &mut lex);
        let funcs = collect_functions(stmts);
        self.check_block_declarations(stmts, &lex, &funcs)?;
        let mut decls: Vec<(Name, BindKind)> = lex.iter().map(|(n, k, _)| (n.clone(), *k)).collect();
        for f in &funcs {
            let n = f.name.clone().expect("named");
            if decls.iter().any(|(m, _)| *m == n) {
                if self.strict {
                    return err(format!("Identifier '{n}' has already been declared"), f.span.0);
                }
                continue;
            }
            decls.push((n, BindKind::Let));
        }
        if decls.is_empty() {
            return self.stmts(stmts);
        }
        self.enter_scope(&decls, no_tdz_elision);
        for f in &funcs {
            self.create_decl_closure(f)?;
            let n = f.name.clone().expect("named");
            self.init_var(&n, f.span.0);
        }
        let r = self.stmts(stmts);
        self.exit_scope();
        r
    }

    /// Early errors of a block's declarations: a lexical name declared twice, or also
    /// declared by `var` anywhere in the block; duplicate functions (allowed only for plain
    /// functions in sloppy code).
    fn check_block_declarations(&self, stmts: &[Stmt], lex: &[(Name, BindKind, Pos)], funcs: &[Rc<Function>]) -> CResult<()> {
        let mut vars = Vec::new();
        collect_vars(stmts, &mut vars);
        for (i, (n, _, p)) in lex.iter().enumerate() {
            if lex[..i].iter().any(|(m, _, _)| m == n) || funcs.iter().any(|f| f.name.as_ref() == Some(n)) || vars.contains(n) {
                return err(format!("Identifier '{n}' has already been declared"), *p);
            }
        }
        for (i, f) in funcs.iter().enumerate() {
            let n = f.name.as_ref().expect("named");
            if vars.contains(n) {
                return err(format!("Identifier '{n}' has already been declared"), f.span.0);
            }
            if let Some(g) = funcs[..i].iter().find(|g| g.name.as_ref() == Some(n)) {
                let plain = |x: &Function| !x.generator && !x.is_async;
                if self.strict || !plain(f) || !plain(g) {
                    return err(format!("Identifier '{n}' has already been declared"), f.span.0);
                }
            }
        }
        Ok(())
    }

    /// Enters a `finally` region: its completion-kind and value registers, and the control
    /// entry through which `break`, `continue` and `return` inside it run the finalizer.
    pub(super) fn push_finally_control(&mut self) -> (Reg, Reg) {
        let (kind_reg, value_reg) = (self.alloc_reg(), self.alloc_reg());
        self.control.push(Control {
            labels: Vec::new(),
            kind: ControlKind::Finally { kind_reg, value_reg, entries: Vec::new(), exits: Vec::new() },
            ctx_depth: self.ctx_depth,
            is_loop: false,
            is_switch: false,
        });
        (kind_reg, value_reg)
    }

    fn set_completion(&mut self) {
        if let Some(r) = self.completion_reg {
            self.emit(Op::Star { dst: r, slot: NS });
        }
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        match s {
            Stmt::Expr(e) => {
                if self.completion_reg.is_some() {
                    self.expr(e)?;
                    self.set_completion();
                } else {
                    self.expr_for_effect(e)?;
                }
            }
            Stmt::VarDecl(kind, decls, pos) => {
                for (p, init) in decls {
                    match init {
                        Some(e) => {
                            self.expr_named(e, pattern_name(p))?;
                            self.bind_pattern(p, *kind != VarKind::Var)?;
                        }
                        None if *kind != VarKind::Var => {
                            self.emit(Op::LdaUndefined { slot: NS });
                            self.bind_pattern(p, true)?;
                        }
                        None => {
                            if !matches!(p, Pattern::Ident(..)) {
                                return err("Missing initializer in destructuring declaration", *pos);
                            }
                        }
                    }
                }
            }
            Stmt::FuncDecl(_) => {} // hoisted
            Stmt::ClassDecl(c) => {
                self.class(c, None)?;
                let n = c.name.clone().expect("declarations are named");
                self.init_var(&n, c.span.0);
            }
            Stmt::Block(b) => self.block(b, false)?,
            Stmt::Empty | Stmt::Debugger => {}
            Stmt::If(c, a, b) => {
                if self.completion_reg.is_some() {
                    self.emit(Op::LdaUndefined { slot: NS });
                    self.set_completion();
                }
                self.expr(c)?;
                let else_j = self.jump(|t| Op::JumpIfFalse { target: t, slot: NS });
                self.stmt(a)?;
                if let Some(b) = b {
                    let end = self.jump(|t| Op::Jump { target: t, slot: NS });
                    self.patch(else_j);
                    self.stmt(b)?;
                    self.patch(end);
                } else {
                    self.patch(else_j);
                }
            }
            Stmt::Labeled(..) => return self.labeled(s, Vec::new()),
            Stmt::While(..) | Stmt::DoWhile(..) | Stmt::For(..) | Stmt::ForIn(..) | Stmt::ForOf(..) => {
                return self.loop_stmt(s, Vec::new())
            }
            Stmt::Break(label, pos) => self.break_continue(label.as_ref(), false, *pos)?,
            Stmt::Continue(label, pos) => self.break_continue(label.as_ref(), true, *pos)?,
            Stmt::Return(e, pos) => {
                match e {
                    // `return c ? a : b` returns from each arm (no jump to a shared return).
                    Some(Expr::Cond(c, a, b)) if !(self.is_async && self.generator) => {
                        self.expr(c)?;
                        let else_j = self.jump(|t| Op::JumpIfFalse { target: t, slot: NS });
                        self.expr(a)?;
                        self.pos(*pos);
                        self.emit_return()?;
                        self.patch(else_j);
                        self.expr(b)?;
                    }
                    Some(e) => {
                        self.expr(e)?;
                        if self.is_async && self.generator {
                            self.pos(*pos);
                            self.emit(Op::Await { slot: NS });
                            self.resume_after_suspend();
                        }
                    }
                    None => {
                        self.emit(Op::LdaUndefined { slot: NS });
                    }
                }
                self.pos(*pos);
                self.emit_return()?;
            }
            Stmt::Throw(e, pos) => {
                self.expr(e)?;
                self.pos(*pos);
                self.emit(Op::Throw { slot: NS });
            }
            Stmt::Try(b, c, f) => self.try_stmt(b, c.as_ref(), f.as_deref())?,
            Stmt::Switch(d, cases) => self.switch(d, cases, Vec::new())?,
        }
        Ok(())
    }

    fn labeled(&mut self, s: &Stmt, mut labels: Vec<Name>) -> CResult<()> {
        let Stmt::Labeled(l, inner) = s else { return self.stmt(s) };
        labels.push(l.clone());
        match &**inner {
            Stmt::Labeled(..) => self.labeled(inner, labels),
            Stmt::While(..) | Stmt::DoWhile(..) | Stmt::For(..) | Stmt::ForIn(..) | Stmt::ForOf(..) => self.loop_stmt(inner, labels),
            Stmt::Switch(d, cases) => self.switch(d, cases, labels),
            other => {
                self.control.push(Control {
                    labels,
                    kind: ControlKind::Break { breaks: Vec::new() },
                    ctx_depth: self.ctx_depth,
                    is_loop: false,
                    is_switch: false,
                });
                let r = self.stmt(other);
                self.pop_control_patch();
                r
            }
        }
    }

    fn pop_control_patch(&mut self) {
        let c = self.control.pop().expect("control");
        if let ControlKind::Break { breaks } | ControlKind::Loop { breaks, .. } = c.kind {
            for b in breaks {
                self.patch(b);
            }
        }
    }

    fn push_loop(&mut self, labels: Vec<Name>) {
        self.control.push(Control {
            labels,
            kind: ControlKind::Loop { breaks: Vec::new(), continues: Vec::new() },
            ctx_depth: self.ctx_depth,
            is_loop: true,
            is_switch: false,
        });
    }
    /// Patches pending `continue`s of the innermost loop to `target`.
    fn patch_continues(&mut self, target: u32) {
        let idx = self.control.len() - 1;
        if let ControlKind::Loop { continues, .. } = &mut self.control[idx].kind {
            let cs = std::mem::take(continues);
            for c in cs {
                self.patch_to(c, target);
            }
        }
        self.jump_targets.push(target);
    }

    fn loop_stmt(&mut self, s: &Stmt, labels: Vec<Name>) -> CResult<()> {
        if self.completion_reg.is_some() {
            self.emit(Op::LdaUndefined { slot: NS });
            self.set_completion();
        }
        match s {
            Stmt::While(c, body) => {
                self.push_loop(labels);
                let top = self.here();
                self.expr(c)?;
                let exit = self.jump(|t| Op::JumpIfFalse { target: t, slot: NS });
                self.stmt(body)?;
                self.patch_continues(top);
                self.loop_back(top);
                self.patch(exit);
                self.pop_control_patch();
            }
            Stmt::DoWhile(body, c) => {
                self.push_loop(labels);
                let top = self.here();
                self.stmt(body)?;
                let cont = self.here();
                self.patch_continues(cont);
                self.expr(c)?;
                let exit = self.jump(|t| Op::JumpIfFalse { target: t, slot: NS });
                self.loop_back(top);
                self.patch(exit);
                self.pop_control_patch();
            }
            Stmt::For(init, test, update, body) => self.for_stmt(init.as_ref(), test.as_ref(), update.as_ref(), body, labels)?,
            Stmt::ForIn(head, obj, body) => self.for_in(head, obj, body, labels)?,
            Stmt::ForOf(head, obj, body, is_await) => self.for_of(head, obj, body, *is_await, labels)?,
            _ => unreachable!("not a loop"),
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        init: Option<&ForInit>,
        test: Option<&Expr>,
        update: Option<&Expr>,
        body: &Stmt,
        labels: Vec<Name>,
    ) -> CResult<()> {
        // `for (let ...)`: per-iteration bindings. When captured, each iteration copies the
        // bindings into a fresh context.
        let mut lexical: Vec<(Name, BindKind)> = Vec::new();
        if let Some(ForInit::Decl(k @ (VarKind::Let | VarKind::Const), decls)) = init {
            let kind = if *k == VarKind::Let { BindKind::Let } else { BindKind::Const };
            for (p, _) in decls {
                let mut ns = Vec::new();
                pattern_names(p, &mut ns);
                let mut body_vars = Vec::new();
                collect_vars_stmt(body, &mut body_vars);
                for n in ns {
                    if lexical.iter().any(|(m, _)| *m == n) || body_vars.contains(&n) {
                        return err(format!("Identifier '{n}' has already been declared"), 0);
                    }
                    lexical.push((n, kind));
                }
            }
        }
        let scoped = !lexical.is_empty();
        if scoped {
            self.enter_scope(&lexical, false);
        }
        let per_iteration = scoped && self.scopes.last().is_some_and(|s| s.has_context);
        match init {
            Some(ForInit::Decl(..)) => {
                if let Some(ForInit::Decl(k, decls)) = init {
                    let d = Stmt::VarDecl(*k, Vec::new(), 0);
                    let _ = d;
                    for (p, e) in decls {
                        match e {
                            Some(e) => {
                                self.expr_named(e, pattern_name(p))?;
                                self.bind_pattern(p, *k != VarKind::Var)?;
                            }
                            None if *k != VarKind::Var => {
                                self.emit(Op::LdaUndefined { slot: NS });
                                self.bind_pattern(p, true)?;
                            }
                            None => {}
                        }
                    }
                }
            }
            Some(ForInit::Expr(e)) => {
                self.expr(e)?;
            }
            None => {}
        }
        if per_iteration {
            // The first iteration already has its own copy: closures created by the
            // initialiser keep the initial bindings.
            self.copy_iteration_context(&lexical);
        }
        self.push_loop(labels);
        let top = self.here();
        let exit = match test {
            Some(t) => {
                self.expr(t)?;
                Some(self.jump(|t| Op::JumpIfFalse { target: t, slot: NS }))
            }
            None => None,
        };
        self.stmt(body)?;
        let cont = self.here();
        self.patch_continues(cont);
        if per_iteration {
            self.copy_iteration_context(&lexical);
        }
        if let Some(u) = update {
            self.expr_for_effect(u)?;
        }
        self.loop_back(top);
        if let Some(x) = exit {
            self.patch(x);
        }
        self.pop_control_patch();
        if scoped {
            self.exit_scope();
        }
        Ok(())
    }

    /// CreatePerIterationEnvironment: a fresh context holding the current values.
    fn copy_iteration_context(&mut self, names: &[(Name, BindKind)]) {
        let slots = self.scopes.last().expect("scope").ctx_slots;
        let base = self.alloc_regs(slots);
        for i in 0..slots {
            self.emit(Op::LdaContext { depth: 0, index: i, slot: NS });
            self.emit(Op::Star { dst: base.offset(i), slot: NS });
        }
        self.emit(Op::PopContext { slot: NS });
        self.emit(Op::PushContext { slots, slot: NS });
        for i in 0..slots {
            self.emit(Op::Ldar { src: base.offset(i), slot: NS });
            self.emit(Op::StaContext { depth: 0, index: i, slot: NS });
        }
        let _ = names;
        self.release(base.0);
    }

    /// Binds the accumulator to a for-in/of head.
    fn bind_for_head(&mut self, head: &ForHead) -> CResult<()> {
        match head {
            ForHead::Decl(k, p) => self.bind_pattern(p, *k != VarKind::Var),
            ForHead::Target(p) => self.assign_pattern(p),
        }
    }

    /// Early errors of a for-in/of head: duplicate bound names, or a bound name also declared
    /// by `var` in the body.
    fn check_head(head: &ForHead, body: &Stmt) -> CResult<()> {
        let lex = Self::head_lexicals(head);
        let mut vars = Vec::new();
        collect_vars_stmt(body, &mut vars);
        for (i, (n, _)) in lex.iter().enumerate() {
            if lex[..i].iter().any(|(m, _)| m == n) || vars.contains(n) || &**n == "let" {
                return err(format!("Identifier '{n}' has already been declared"), 0);
            }
        }
        Ok(())
    }

    fn head_lexicals(head: &ForHead) -> Vec<(Name, BindKind)> {
        match head {
            ForHead::Decl(k @ (VarKind::Let | VarKind::Const), p) => {
                let kind = if *k == VarKind::Let { BindKind::Let } else { BindKind::Const };
                let mut ns = Vec::new();
                pattern_names(p, &mut ns);
                ns.into_iter().map(|n| (n, kind)).collect()
            }
            _ => Vec::new(),
        }
    }

    fn for_in(&mut self, head: &ForHead, obj: &Expr, body: &Stmt, labels: Vec<Name>) -> CResult<()> {
        Self::check_head(head, body)?;
        let lex = Self::head_lexicals(head);
        // The object expression sees the head's bindings in their TDZ.
        if !lex.is_empty() {
            self.enter_scope(&lex, false);
            self.expr(obj)?;
            self.exit_scope();
        } else {
            self.expr(obj)?;
        }
        let state = self.alloc_reg();
        self.emit(Op::ForInPrepare { dst: state, slot: NS });
        self.push_loop(labels);
        let top = self.here();
        self.patch_continues(top);
        let done = self.emit(Op::ForInNext { state, done: Label(u32::MAX), slot: NS });
        if !lex.is_empty() {
            let k = self.alloc_reg();
            self.emit(Op::Star { dst: k, slot: NS });
            self.enter_scope(&lex, false);
            self.emit(Op::Ldar { src: k, slot: NS });
        }
        self.bind_for_head(head)?;
        self.stmt(body)?;
        if !lex.is_empty() {
            self.exit_scope();
        }
        // `continue` jumps here too (patched via the loop control at the top).
        let l = self.control.len() - 1;
        if let ControlKind::Loop { continues, .. } = &mut self.control[l].kind {
            let cs = std::mem::take(continues);
            for c in cs {
                self.patch_to(c, top);
            }
        }
        self.loop_back(top);
        self.patch(done);
        self.pop_control_patch();
        self.release(state.0);
        Ok(())
    }

    fn for_of(&mut self, head: &ForHead, obj: &Expr, body: &Stmt, is_await: bool, labels: Vec<Name>) -> CResult<()> {
        Self::check_head(head, body)?;
        let lex = Self::head_lexicals(head);
        if !lex.is_empty() {
            self.enter_scope(&lex, false);
            self.expr(obj)?;
            self.exit_scope();
        } else {
            self.expr(obj)?;
        }
        // iter, next method, done flag (an array iteration: the array, ARRAY_ITERATION and
        // the next index; see `Runtime::iterator_registers`)
        let iter = self.alloc_regs(3);
        self.emit(Op::GetIterator { dst: iter, is_async: is_await as u32, slot: NS });
        // The loop body is protected: abrupt exits close the iterator.
        let ctx_save = self.alloc_reg();
        self.emit(Op::Mov {
            src: Reg(-(crate::interpreter::frame::HEADER as i32) + crate::interpreter::frame::CONTEXT_SLOT as i32),
            dst: ctx_save,
            slot: NS,
        });
        let (kind_reg, value_reg) = self.push_finally_control();
        self.push_loop(labels);
        let top = self.here();
        let try_start = self.ops.len() as u32;
        if is_await {
            // next() → await → check object → done? → value. The iterator counts as done
            // while `next` runs or its result is inspected, so a throw there does not close it.
            self.emit(Op::IteratorNext { iter, slot: NS });
            self.emit(Op::Await { slot: NS });
            self.resume_after_suspend();
            self.emit(Op::RequireObject { slot: NS });
            let vs = self.alloc_reg();
            self.emit(Op::Star { dst: vs, slot: NS });
            let d = self.name_const("done");
            self.emit(Op::GetNamed { obj: vs, name: d, slot: FS });
            let fin = self.jump(|t| Op::JumpIfTrue { target: t, slot: NS });
            let v = self.name_const("value");
            self.emit(Op::GetNamed { obj: vs, name: v, slot: FS });
            self.emit(Op::Star { dst: vs, slot: NS });
            self.emit(Op::LdaFalse { slot: NS });
            self.emit(Op::Star { dst: iter.offset(2), slot: NS });
            self.emit(Op::Ldar { src: vs, slot: NS });
            self.release(vs.0);
            self.for_of_body(head, &lex, body, iter, top, try_start, ctx_save, kind_reg, value_reg, None, fin, true)?;
        } else {
            let done = self.emit(Op::IteratorStep { iter, done: Label(u32::MAX), slot: NS });
            self.for_of_body(head, &lex, body, iter, top, try_start, ctx_save, kind_reg, value_reg, None, done, false)?;
        }
        self.release(iter.0);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn for_of_body(
        &mut self,
        head: &ForHead,
        lex: &[(Name, BindKind)],
        body: &Stmt,
        iter: Reg,
        top: u32,
        try_start: u32,
        ctx_save: Reg,
        kind_reg: Reg,
        value_reg: Reg,
        extra_done: Option<usize>,
        done: usize,
        is_await: bool,
    ) -> CResult<()> {
        if !lex.is_empty() {
            let k = self.alloc_reg();
            self.emit(Op::Star { dst: k, slot: NS });
            self.enter_scope(lex, false);
            self.emit(Op::Ldar { src: k, slot: NS });
        }
        self.bind_for_head(head)?;
        self.stmt(body)?;
        if !lex.is_empty() {
            self.exit_scope();
        }
        let l = self.control.len() - 1;
        if let ControlKind::Loop { continues, .. } = &mut self.control[l].kind {
            let cs = std::mem::take(continues);
            for c in cs {
                self.patch_to(c, top);
            }
        }
        self.loop_back(top);
        let try_end = self.ops.len() as u32;
        // Normal completion: the iterator is done (no close).
        self.patch(done);
        if let Some(d) = extra_done {
            self.patch(d);
        }
        // Break out of the loop (pop the Loop control, patch breaks to a close path).
        let loop_ctl = self.control.pop().expect("loop");
        let breaks = match loop_ctl.kind {
            ControlKind::Loop { breaks, .. } => breaks,
            _ => Vec::new(),
        };
        let normal_end = self.jump(|t| Op::Jump { target: t, slot: NS });
        // Breaks: close the iterator, then continue after the loop.
        for b in breaks {
            self.patch(b);
        }
        let has_breaks = self.last_is_jump_target();
        if has_breaks {
            self.iterator_close(iter, is_await);
        }
        let after_break = self.jump(|t| Op::Jump { target: t, slot: NS });
        // Exceptions inside the body: close the iterator (suppressing its errors), rethrow.
        let handler = self.here();
        self.handlers.push(Handler { start: try_start, end: try_end, handler, context_reg: ctx_save.0 });
        // The step itself throwing must not close: the IteratorStep op marks `done` first
        // (iter+2), and IteratorClose skips a finished iterator.
        self.emit(Op::Star { dst: value_reg, slot: NS });
        self.emit(Op::IteratorCloseQuiet { iter, slot: NS });
        self.emit(Op::LdaInt { value: 1, slot: NS });
        self.emit(Op::Star { dst: kind_reg, slot: NS });
        // Other exits (return / outer break / continue) come through the Finally control.
        let fin = self.control.pop().expect("finally");
        let (entries, exits) = match fin.kind {
            ControlKind::Finally { entries, exits, .. } => (entries, exits),
            _ => (Vec::new(), Vec::new()),
        };
        for e in entries {
            self.patch(e);
        }
        self.iterator_close(iter, is_await);
        self.finally_dispatch(kind_reg, value_reg, exits)?;
        self.patch(normal_end);
        self.patch(after_break);
        Ok(())
    }

    /// Closes the for-of iterator at `iter` (iterator, next, done flag) unless it is done:
    /// IteratorClose, or for `for await` AsyncIteratorClose, which awaits the `return()`
    /// result before requiring an object.
    fn iterator_close(&mut self, iter: Reg, is_await: bool) {
        if !is_await {
            self.emit(Op::IteratorClose { iter, slot: NS });
            return;
        }
        let mark = self.reg_mark();
        self.emit(Op::Ldar { src: iter.offset(2), slot: NS });
        let done = self.jump(|t| Op::JumpIfTrue { target: t, slot: NS });
        self.emit(Op::LdaTrue { slot: NS });
        self.emit(Op::Star { dst: iter.offset(2), slot: NS });
        let callee = self.alloc_reg();
        let this = self.alloc_reg();
        let r = self.name_const("return");
        self.emit(Op::GetNamed { obj: iter, name: r, slot: FS });
        let no_return = self.jump(|t| Op::JumpIfNullish { target: t, slot: NS });
        self.emit(Op::Star { dst: callee, slot: NS });
        self.emit(Op::Mov { src: iter, dst: this, slot: NS });
        self.emit(Op::Call { callee, this_reg: this, argc: 0, slot: FS });
        self.emit(Op::Await { slot: NS });
        self.resume_after_suspend();
        self.emit(Op::RequireObject { slot: NS });
        self.patch(done);
        self.patch(no_return);
        self.release(mark);
    }

    fn switch(&mut self, d: &Expr, cases: &[(Option<Expr>, Vec<Stmt>)], labels: Vec<Name>) -> CResult<()> {
        if self.completion_reg.is_some() {
            self.emit(Op::LdaUndefined { slot: NS });
            self.set_completion();
        }
        self.expr(d)?;
        let disc = self.alloc_reg();
        self.emit(Op::Star { dst: disc, slot: NS });
        let all: Vec<Stmt> = Vec::new();
        let _ = all;
        // One lexical scope for all case bodies.
        let mut lex = Vec::new();
        for (_, body) in cases {
            collect_lexicals(body, &mut lex);
        }
        let mut funcs = Vec::new();
        for (_, body) in cases {
            funcs.extend(collect_functions(body));
        }
        let all: Vec<&Stmt> = cases.iter().flat_map(|(_, b)| b.iter()).collect();
        let mut vars = Vec::new();
        for s in &all {
            collect_vars_stmt(s, &mut vars);
        }
        for (i, (n, _, p)) in lex.iter().enumerate() {
            if lex[..i].iter().any(|(m, _, _)| m == n) || funcs.iter().any(|f| f.name.as_ref() == Some(n)) || vars.contains(n) {
                return err(format!("Identifier '{n}' has already been declared"), *p);
            }
        }
        for (i, f) in funcs.iter().enumerate() {
            let n = f.name.as_ref().expect("named");
            let plain = |x: &Function| !x.generator && !x.is_async;
            if vars.contains(n) || funcs[..i].iter().any(|g| g.name.as_ref() == Some(n) && (self.strict || !plain(f) || !plain(g))) {
                return err(format!("Identifier '{n}' has already been declared"), f.span.0);
            }
        }
        let mut decls: Vec<(Name, BindKind)> = lex.iter().map(|(n, k, _)| (n.clone(), *k)).collect();
        for f in &funcs {
            let n = f.name.clone().expect("named");
            if !decls.iter().any(|(m, _)| *m == n) {
                decls.push((n, BindKind::Let));
            }
        }
        let scoped = !decls.is_empty();
        if scoped {
            self.enter_scope(&decls, true);
            for f in &funcs {
                self.create_decl_closure(f)?;
                let n = f.name.clone().expect("named");
                self.init_var(&n, f.span.0);
            }
        }
        self.control.push(Control {
            labels,
            kind: ControlKind::Break { breaks: Vec::new() },
            ctx_depth: self.ctx_depth,
            is_loop: false,
            is_switch: true,
        });
        let mut case_jumps = Vec::new();
        for (test, _) in cases {
            if let Some(t) = test {
                self.expr(t)?;
                self.emit(Op::TestStrictEq { lhs: disc, slot: FS });
                case_jumps.push(Some(self.jump(|t| Op::JumpIfTrue { target: t, slot: NS })));
            } else {
                case_jumps.push(None);
            }
        }
        let default_jump = self.jump(|t| Op::Jump { target: t, slot: NS });
        let mut default_target = None;
        for (i, (test, body)) in cases.iter().enumerate() {
            let here = self.here();
            match case_jumps[i] {
                Some(j) => self.patch_to(j, here),
                None => default_target = Some(here),
            }
            let _ = test;
            self.stmts(body)?;
        }
        match default_target {
            Some(t) => self.patch_to(default_jump, t),
            None => self.patch(default_jump),
        }
        self.pop_control_patch();
        if scoped {
            self.exit_scope();
        }
        self.release(disc.0);
        Ok(())
    }

    /// Emits a jump to a control target, running finally blocks and popping contexts.
    fn break_continue(&mut self, label: Option<&Name>, is_continue: bool, pos: Pos) -> CResult<()> {
        let target = self.control.iter().rposition(|c| match label {
            Some(l) => c.labels.contains(l) && (!is_continue || c.is_loop),
            None => c.is_loop || (!is_continue && c.is_switch),
        });
        let Some(target) = target else {
            return err(if is_continue { "Illegal continue statement" } else { "Illegal break statement" }, pos);
        };
        if label.is_some() && is_continue && !self.control[target].is_loop {
            return err("Illegal continue statement", pos);
        }
        if self.completion_reg.is_some() {
            // Completion value of a break is left as is.
        }
        self.jump_to(target, is_continue);
        Ok(())
    }

    fn jump_to(&mut self, target: usize, is_continue: bool) {
        // Innermost finally between here and the target?
        if let Some(fi) = (target + 1..self.control.len()).rev().find(|&i| matches!(self.control[i].kind, ControlKind::Finally { .. })) {
            self.enter_finally(fi, Exit::Jump { control: target, is_continue });
            return;
        }
        let depth = self.control[target].ctx_depth;
        for _ in depth..self.ctx_depth {
            self.emit(Op::PopContext { slot: NS });
        }
        let j = self.jump(|t| Op::Jump { target: t, slot: NS });
        match &mut self.control[target].kind {
            ControlKind::Loop { breaks, continues } => {
                if is_continue {
                    continues.push(j)
                } else {
                    breaks.push(j)
                }
            }
            ControlKind::Break { breaks } => breaks.push(j),
            _ => unreachable!("jump target is a loop or label"),
        }
    }

    fn enter_finally(&mut self, fi: usize, exit: Exit) {
        let depth = self.control[fi].ctx_depth;
        // The value register already holds the return value for Exit::Return (see emit_return).
        let (kind_reg, code) = match &mut self.control[fi].kind {
            ControlKind::Finally { kind_reg, exits, .. } => {
                exits.push(exit);
                (*kind_reg, exits.len() as i32 + 1)
            }
            _ => unreachable!(),
        };
        self.emit(Op::LdaInt { value: code, slot: NS });
        self.emit(Op::Star { dst: kind_reg, slot: NS });
        for _ in depth..self.ctx_depth {
            self.emit(Op::PopContext { slot: NS });
        }
        let j = self.jump(|t| Op::Jump { target: t, slot: NS });
        if let ControlKind::Finally { entries, .. } = &mut self.control[fi].kind {
            entries.push(j);
        }
    }

    /// Returns the accumulator, through any enclosing finally blocks.
    pub(super) fn emit_return(&mut self) -> CResult<()> {
        if let Some(fi) = self.control.iter().rposition(|c| matches!(c.kind, ControlKind::Finally { .. })) {
            let value_reg = match &self.control[fi].kind {
                ControlKind::Finally { value_reg, .. } => *value_reg,
                _ => unreachable!(),
            };
            self.emit(Op::Star { dst: value_reg, slot: NS });
            self.enter_finally(fi, Exit::Return);
            return Ok(());
        }
        if self.func_kind == FuncKind::DerivedConstructor {
            self.emit(Op::ThisCheck { slot: NS });
            let mark = self.reg_mark();
            let value = self.alloc_reg();
            self.emit(Op::Star { dst: value, slot: NS });
            self.sync_this_slot();
            self.emit(Op::Ldar { src: value, slot: NS });
            self.release(mark);
        }
        self.emit(Op::Return { slot: NS });
        Ok(())
    }

    /// In a derived constructor that keeps `this` in its context, copies it into the frame's
    /// `this` slot, which `Return` reads (clobbers the accumulator).
    fn sync_this_slot(&mut self) {
        if self.func_kind != FuncKind::DerivedConstructor {
            return;
        }
        if let Some((depth, index)) = self.this_in_context() {
            self.emit(Op::LdaContext { depth, index, slot: NS });
            self.emit(Op::Star { dst: Reg::THIS, slot: NS });
        }
    }

    /// After a finally body: rethrow (kind 1), or perform the recorded exit (kind ≥ 2);
    /// kind 0 falls through.
    pub(super) fn finally_dispatch(&mut self, kind_reg: Reg, value_reg: Reg, exits: Vec<Exit>) -> CResult<()> {
        self.emit(Op::Ldar { src: kind_reg, slot: NS });
        let not_throw = self.emit(Op::JumpIfStrictEqInt { value: 0, target: Label(u32::MAX), slot: NS });
        // kind 1: rethrow
        let skip = self.emit(Op::JumpIfStrictEqInt { value: 1, target: Label(u32::MAX), slot: NS });
        let mut exit_jumps = Vec::new();
        for (i, _) in exits.iter().enumerate() {
            exit_jumps.push(self.emit(Op::JumpIfStrictEqInt { value: i as i32 + 2, target: Label(u32::MAX), slot: NS }));
        }
        let to_end = self.jump(|t| Op::Jump { target: t, slot: NS });
        self.patch(skip);
        self.emit(Op::Ldar { src: value_reg, slot: NS });
        self.emit(Op::Throw { slot: NS });
        for (exit, j) in exits.into_iter().zip(exit_jumps) {
            self.patch(j);
            match exit {
                Exit::Return => {
                    self.emit(Op::Ldar { src: value_reg, slot: NS });
                    self.emit_return()?;
                }
                Exit::Jump { control, is_continue } => self.jump_to(control, is_continue),
            }
        }
        self.patch(not_throw);
        self.patch(to_end);
        Ok(())
    }

    fn try_stmt(&mut self, block: &[Stmt], catch: Option<&(Option<Pattern>, Vec<Stmt>)>, finally: Option<&[Stmt]>) -> CResult<()> {
        if self.completion_reg.is_some() {
            self.emit(Op::LdaUndefined { slot: NS });
            self.set_completion();
        }
        let ctx_save = self.alloc_reg();
        self.emit(Op::Mov {
            src: Reg(-(crate::interpreter::frame::HEADER as i32) + crate::interpreter::frame::CONTEXT_SLOT as i32),
            dst: ctx_save,
            slot: NS,
        });
        let fin_regs = if finally.is_some() { Some(self.push_finally_control()) } else { None };
        let outer_start = self.ops.len() as u32;
        // try { block } catch
        let start = self.ops.len() as u32;
        self.block(block, false)?;
        let end = self.ops.len() as u32;
        if let Some((pat, body)) = catch {
            let over = self.jump(|t| Op::Jump { target: t, slot: NS });
            let h = self.here();
            self.handlers.push(Handler { start, end, handler: h, context_reg: ctx_save.0 });
            match pat {
                Some(p) => {
                    let mut names = Vec::new();
                    pattern_names(p, &mut names);
                    let decls: Vec<(Name, BindKind)> = names.iter().map(|n| (n.clone(), BindKind::Let)).collect();
                    // Catch parameters conflict with let-declarations of the body.
                    let mut lex = Vec::new();
                    collect_lexicals(body, &mut lex);
                    if let Some((n, _, p)) = lex.iter().find(|(n, _, _)| names.contains(n)) {
                        return err(format!("Identifier '{n}' has already been declared"), *p);
                    }
                    if let Some(f) = collect_functions(body).iter().find(|f| f.name.as_ref().is_some_and(|n| names.contains(n))) {
                        return err("Identifier has already been declared", f.span.0);
                    }
                    for (i, n) in names.iter().enumerate() {
                        if names[..i].contains(n) {
                            return err(format!("Identifier '{n}' has already been declared"), 0);
                        }
                    }
                    // A destructuring catch parameter also conflicts with `var` in the body.
                    if !matches!(p, Pattern::Ident(..)) {
                        let mut vars = Vec::new();
                        collect_vars(body, &mut vars);
                        if let Some(n) = vars.iter().find(|v| names.contains(v)) {
                            return err(format!("Identifier '{n}' has already been declared"), 0);
                        }
                    }
                    let exc = self.alloc_reg();
                    self.emit(Op::Star { dst: exc, slot: NS });
                    self.enter_scope(&decls, false);
                    self.emit(Op::Ldar { src: exc, slot: NS });
                    self.bind_pattern(p, true)?;
                    self.block(body, false)?;
                    self.exit_scope();
                }
                None => self.block(body, false)?,
            }
            self.patch(over);
        }
        let outer_end = self.ops.len() as u32;
        if let Some((kind_reg, value_reg)) = fin_regs {
            // Normal completion: kind 0.
            self.emit(Op::LdaInt { value: 0, slot: NS });
            self.emit(Op::Star { dst: kind_reg, slot: NS });
            let to_finally = self.jump(|t| Op::Jump { target: t, slot: NS });
            let h = self.here();
            // Handlers are searched in order: the catch handler (pushed above) comes first.
            self.handlers.push(Handler { start: outer_start, end: outer_end, handler: h, context_reg: ctx_save.0 });
            self.emit(Op::Star { dst: value_reg, slot: NS });
            self.emit(Op::LdaInt { value: 1, slot: NS });
            self.emit(Op::Star { dst: kind_reg, slot: NS });
            self.patch(to_finally);
            let fin = self.control.pop().expect("finally control");
            let (entries, exits) = match fin.kind {
                ControlKind::Finally { entries, exits, .. } => (entries, exits),
                _ => unreachable!(),
            };
            for e in entries {
                self.patch(e);
            }
            // The completion value of the try statement survives the finally block.
            let saved = self.completion_reg.map(|r| {
                let s = self.alloc_reg();
                self.emit(Op::Mov { src: r, dst: s, slot: NS });
                s
            });
            self.block(finally.expect("finally"), false)?;
            if let (Some(r), Some(s)) = (self.completion_reg, saved) {
                self.emit(Op::Mov { src: s, dst: r, slot: NS });
            }
            self.finally_dispatch(kind_reg, value_reg, exits)?;
        }
        self.release(ctx_save.0);
        Ok(())
    }
}

/// The name a pattern gives an anonymous function assigned to it (`var f = function(){}`).
pub(super) fn pattern_name(p: &Pattern) -> Option<&Name> {
    match p {
        Pattern::Ident(n, _) => Some(n),
        _ => None,
    }
}
