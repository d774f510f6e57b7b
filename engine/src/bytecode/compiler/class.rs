//! Classes: constructor, prototype methods, accessors, static members, fields and
//! private names.
//!
//! Instance fields become a synthesised initialiser method that the constructor runs on
//! `this` (base classes: on entry; derived classes: when `super()` returns). Computed field
//! keys and private names are evaluated once, at class definition, into hidden bindings of
//! the class scope (`%key0`, `#name`) that the initialiser and methods close over.

use super::*;

fn hidden(n: String) -> Name {
    Rc::from(n.as_str())
}

impl FnCompiler<'_> {
    /// Loads the private name symbol for `#name` into a fresh register.
    pub(super) fn private_name_to_reg(&mut self, name: &Name, pos: Pos) -> CResult<Reg> {
        let key = hidden(format!("#{name}"));
        if let Resolved::Global | Resolved::Dynamic { .. } = self.resolve(&key) {
            return err(format!("Private field '#{name}' must be declared in an enclosing class"), pos);
        }
        self.load_var(&key, pos, false);
        let r = self.alloc_reg();
        self.emit(Op::Star { dst: r, slot: NS });
        Ok(r)
    }

    /// Compiles a class; leaves the constructor in the accumulator.
    pub(super) fn class(&mut self, c: &Class, name_hint: Option<Arc<[u16]>>) -> CResult<()> {
        let mark = self.reg_mark();
        let was_strict = self.strict;
        self.strict = true;
        // The class scope: its own name (const-like), private names, computed field keys.
        let mut decls: Vec<(Name, BindKind)> = Vec::new();
        if let Some(n) = &c.name {
            decls.push((n.clone(), BindKind::Const));
        }
        let mut privates: Vec<Name> = Vec::new();
        for m in &c.members {
            let key = match m {
                ClassMember::Method { key, .. } | ClassMember::Field { key, .. } => key,
                _ => continue,
            };
            if let PropKey::Private(p) = key {
                let h = hidden(format!("#{p}"));
                if !privates.contains(&h) {
                    privates.push(h.clone());
                    decls.push((h, BindKind::Let));
                }
            }
        }
        let mut field_keys = Vec::new();
        for (i, m) in c.members.iter().enumerate() {
            match m {
                ClassMember::Field { key: PropKey::Computed(_), .. } => {
                    let h = hidden(format!("%key{i}"));
                    decls.push((h.clone(), BindKind::Let));
                    field_keys.push(h);
                }
                // A private method's function object is created once, at class definition,
                // and shared by every instance (or installed once on the constructor).
                ClassMember::Method { key: PropKey::Private(_), .. } => decls.push((hidden(format!("%method{i}")), BindKind::Let)),
                _ => {}
            }
        }
        // Methods and initialisers close over all of these.
        for (n, _) in &decls {
            self.facts.captured.insert(n.clone());
        }
        self.enter_scope(&decls, false);
        for p in &privates {
            let desc = self.name_const(p);
            self.emit(Op::NewPrivateName { desc, slot: NS });
            self.init_var(p, c.span.0);
        }
        let parent = self.alloc_reg();
        match &c.extends {
            Some(e) => {
                self.expr(e)?;
            }
            None => {
                self.emit(Op::LdaHole { slot: NS });
            }
        }
        self.emit(Op::Star { dst: parent, slot: NS });
        let ctor = self.alloc_reg();
        let class_name: Arc<[u16]> = match (&c.name, name_hint) {
            (Some(n), _) => n.encode_utf16().collect::<Vec<_>>().into(),
            (None, Some(h)) => h,
            (None, None) => Arc::from(&[][..]),
        };
        let outer = self.outer_for_nested();
        let derived = c.extends.is_some();
        // Instance fields and private methods are what a class's field initialiser installs;
        // without any there is no initialiser (no `SetClassFields` below), and the
        // constructor's `RunClassFields` would do nothing: it becomes a `Nop`.
        let has_instance_elements = c.members.iter().any(|m| {
            matches!(
                m,
                ClassMember::Field { is_static: false, .. } | ClassMember::Method { key: PropKey::Private(_), is_static: false, .. }
            )
        });
        let mut code = match &c.constructor {
            Some(f) => {
                let mut code = compile_function(f, self.source.clone(), &outer, true, Some(class_name.clone()))?;
                // The class's source text is the constructor's (Function.prototype.toString).
                if let Some(b) = Arc::get_mut(&mut code) {
                    b.span = c.span;
                }
                code
            }
            None => default_constructor(self.source.clone(), &outer, derived, class_name.clone(), c.span)?,
        };
        if !has_instance_elements {
            if let Some(b) = Arc::get_mut(&mut code) {
                for op in b.ops.iter_mut().filter(|op| matches!(op, Op::RunClassFields { .. })) {
                    *op = Op::Nop { slot: NS };
                }
            }
        }
        let ci = self.add_const(Constant::Function(code));
        self.emit(Op::CreateClosure { func: ci, slot: NS });
        self.emit(Op::Star { dst: ctor, slot: NS });
        self.pos(c.span.0);
        self.emit(Op::CreateClass { ctor, parent, slot: NS });
        let proto = self.alloc_reg();
        self.emit(Op::Star { dst: proto, slot: NS });
        self.emit(Op::Ldar { src: ctor, slot: NS });
        self.emit(Op::SetHomeObject { home: proto, slot: NS });

        // Methods and accessors; computed field keys in order.
        let mut instance_fields: Vec<(&ClassMember, Option<Name>)> = Vec::new();
        let mut instance_methods: Vec<(&ClassMember, Option<Name>)> = Vec::new();
        let mut static_methods: Vec<(&ClassMember, Name)> = Vec::new();
        let mut statics: Vec<(&ClassMember, Option<Name>)> = Vec::new();
        let mut key_i = 0;
        for (i, m) in c.members.iter().enumerate() {
            let mm = self.reg_mark();
            match m {
                ClassMember::Method { key, is_static, func } => {
                    let home = if *is_static { ctor } else { proto };
                    let prefix = match func.kind {
                        FuncKind::Getter => 1,
                        FuncKind::Setter => 2,
                        _ => 0,
                    };
                    if let PropKey::Private(p) = key {
                        let n: Vec<u16> = format!("#{p}").encode_utf16().collect();
                        self.create_closure(func, Some(expr::with_prefix(prefix, &n)))?;
                        self.emit(Op::SetHomeObject { home, slot: NS });
                        let h = hidden(format!("%method{i}"));
                        self.init_var(&h, func.span.0);
                        if *is_static {
                            static_methods.push((m, h));
                        } else {
                            instance_methods.push((m, Some(h)));
                        }
                        self.release(mm);
                        continue;
                    }
                    let kr = self.prop_key_to_reg(key)?;
                    let hint = Self::static_key_name(key).map(|n| expr::with_prefix(prefix, &n));
                    self.create_closure(func, hint.clone())?;
                    self.emit(Op::SetHomeObject { home, slot: NS });
                    if hint.is_none() {
                        self.emit(Op::SetFunctionName { name: kr, prefix, slot: NS });
                    }
                    match func.kind {
                        FuncKind::Getter | FuncKind::Setter => {
                            self.emit(Op::DefineAccessor {
                                obj: home,
                                key: kr,
                                is_setter: (func.kind == FuncKind::Setter) as u32,
                                enumerable: 0,
                                slot: NS,
                            });
                        }
                        _ => {
                            self.emit(Op::DefineMethod { obj: home, key: kr, slot: NS });
                        }
                    }
                }
                ClassMember::Field { key, is_static, .. } => {
                    let key_binding = if let PropKey::Computed(_) = key {
                        let kr = self.prop_key_to_reg(key)?;
                        self.emit(Op::Ldar { src: kr, slot: NS });
                        let h = field_keys[key_i].clone();
                        key_i += 1;
                        self.init_var(&h, c.span.0);
                        Some(h)
                    } else {
                        None
                    };
                    let _ = i;
                    if *is_static {
                        statics.push((m, key_binding));
                    } else {
                        instance_fields.push((m, key_binding));
                    }
                }
                ClassMember::StaticBlock(_) => statics.push((m, None)),
            }
            self.release(mm);
        }
        // Private methods are added to an instance before any field initialiser runs.
        instance_methods.append(&mut instance_fields);
        let instance_fields = instance_methods;
        debug_assert_eq!(!instance_fields.is_empty(), has_instance_elements);
        if !instance_fields.is_empty() {
            let outer = self.outer_for_nested();
            let code = self.field_initializer(&instance_fields, &outer, c.span)?;
            let fi = self.add_const(Constant::Function(code));
            self.emit(Op::CreateClosure { func: fi, slot: NS });
            self.emit(Op::SetHomeObject { home: proto, slot: NS });
            self.emit(Op::SetClassFields { ctor, slot: NS });
        }
        // The inner name binding is initialised before static elements run.
        if let Some(n) = &c.name {
            self.emit(Op::Ldar { src: ctor, slot: NS });
            self.init_var(n, c.span.0);
        }
        let mut seen = Vec::new();
        for (m, h) in static_methods {
            let m2 = self.reg_mark();
            self.add_private_method(m, &h, ctor, &mut seen)?;
            self.release(m2);
        }
        for s in statics {
            let outer = self.outer_for_nested();
            let code = self.field_initializer(&[s], &outer, c.span)?;
            let fi = self.add_const(Constant::Function(code));
            let m = self.reg_mark();
            let callee = self.alloc_reg();
            let this = self.alloc_reg();
            self.emit(Op::CreateClosure { func: fi, slot: NS });
            self.emit(Op::SetHomeObject { home: ctor, slot: NS });
            self.emit(Op::Star { dst: callee, slot: NS });
            self.emit(Op::Mov { src: ctor, dst: this, slot: NS });
            self.emit(Op::Call { callee, this_reg: this, argc: 0, slot: FS });
            self.release(m);
        }
        self.emit(Op::Ldar { src: ctor, slot: NS });
        self.exit_scope();
        self.strict = was_strict;
        self.release(mark);
        Ok(())
    }

    /// A method that defines the given fields (or runs the static block) on `this`.
    fn field_initializer(
        &mut self,
        members: &[(&ClassMember, Option<Name>)],
        outer: &[OuterCtx],
        span: (Pos, Pos),
    ) -> CResult<Arc<CodeBlock>> {
        let mut facts = FunctionFacts::default();
        // Conservatively treat every name mentioned by nested functions as captured.
        for (m, _) in members {
            if let ClassMember::StaticBlock(b) = m {
                let f = analysis::analyse(&[], None, b);
                facts.captured.extend(f.captured);
                facts.has_direct_eval |= f.has_direct_eval;
            }
        }
        let outer = without_this_bindings(outer);
        let mut c = FnCompiler::new(self.source.clone(), &outer, CodeKind::Method, true, facts, Arc::from(&[][..]));
        c.func_kind = FuncKind::FieldInit;
        let mut seen = Vec::new();
        for (m, key_binding) in members {
            let mark = c.reg_mark();
            match m {
                ClassMember::Field { key, value, pos, .. } => {
                    let (kr, name_hint): (Reg, Option<Name>) = match (key, key_binding) {
                        (PropKey::Private(p), _) => (c.private_name_to_reg(p, *pos)?, Some(hidden(format!("#{p}")))),
                        (_, Some(h)) => {
                            c.load_var(h, *pos, false);
                            let r = c.alloc_reg();
                            c.emit(Op::Star { dst: r, slot: NS });
                            (r, None)
                        }
                        (k, None) => {
                            let n = Self::static_key_name(k).map(|u| hidden(String::from_utf16_lossy(&u)));
                            (c.prop_key_to_reg(k)?, n)
                        }
                    };
                    match value {
                        Some(v) => {
                            if expr::is_anonymous_fn(v) && name_hint.is_none() {
                                c.expr(v)?;
                                let vr = c.alloc_reg();
                                c.emit(Op::Star { dst: vr, slot: NS });
                                c.emit(Op::SetFunctionName { name: kr, prefix: 0, slot: NS });
                                c.emit(Op::Ldar { src: vr, slot: NS });
                            } else {
                                c.expr_named(v, name_hint.as_ref())?;
                            }
                        }
                        None => {
                            c.emit(Op::LdaUndefined { slot: NS });
                        }
                    }
                    if let PropKey::Private(_) = key {
                        c.emit(Op::DefinePrivate { obj: Reg::THIS, name: kr, method: 0, slot: NS });
                    } else {
                        c.pos(*pos);
                        c.emit(Op::DefineKeyed { obj: Reg::THIS, key: kr, slot: NS });
                    }
                }
                ClassMember::Method { .. } => {
                    let h = key_binding.as_ref().expect("private methods are bound at class definition");
                    c.add_private_method(m, h, Reg::THIS, &mut seen)?;
                }
                ClassMember::StaticBlock(body) => {
                    c.block_as_function_body(body)?;
                }
            }
            c.release(mark);
        }
        c.emit(Op::LdaUndefined { slot: NS });
        c.emit(Op::Return { slot: NS });
        Ok(Arc::new(c.finish(0, 0, span)))
    }

    /// Adds private method `m` (its function object held in binding `h`) to the object in
    /// `obj`. `seen` lists the accessor names already added: the second half of a getter/setter
    /// pair joins the first instead of being a second (and failing) addition.
    fn add_private_method(&mut self, m: &ClassMember, h: &Name, obj: Reg, seen: &mut Vec<Name>) -> CResult<()> {
        let ClassMember::Method { key: PropKey::Private(p), func, .. } = m else { unreachable!("only private methods") };
        let kr = self.private_name_to_reg(p, func.span.0)?;
        self.load_var(h, func.span.0, false);
        match func.kind {
            FuncKind::Getter | FuncKind::Setter => {
                let second = seen.contains(p);
                if !second {
                    seen.push(p.clone());
                }
                self.emit(Op::DefineAccessor {
                    obj,
                    key: kr,
                    is_setter: (func.kind == FuncKind::Setter) as u32,
                    enumerable: if second { PRIVATE_ACCESSOR_JOIN } else { PRIVATE_ACCESSOR_ADD },
                    slot: NS,
                });
            }
            _ => {
                self.emit(Op::DefinePrivate { obj, name: kr, method: 1, slot: NS });
            }
        }
        Ok(())
    }

    /// A static block: its own var scope.
    fn block_as_function_body(&mut self, body: &[Stmt]) -> CResult<()> {
        let mut vars = Vec::new();
        super::stmt::collect_vars(body, &mut vars);
        let decls: Vec<(Name, BindKind)> = vars.into_iter().map(|n| (n, BindKind::Var)).collect();
        self.enter_scope(&decls, false);
        self.block(body, false)?;
        self.exit_scope();
        Ok(())
    }
}

/// `constructor() {}` or `constructor(...args) { super(...args); }`.
fn default_constructor(
    source: Arc<Source>,
    outer: &[OuterCtx],
    derived: bool,
    name: Arc<[u16]>,
    span: (Pos, Pos),
) -> CResult<Arc<CodeBlock>> {
    let kind = if derived { CodeKind::DerivedConstructor } else { CodeKind::ClassConstructor };
    let outer = without_this_bindings(outer);
    let mut c = FnCompiler::new(source, &outer, kind, true, FunctionFacts::default(), name);
    c.func_kind = if derived { FuncKind::DerivedConstructor } else { FuncKind::ClassConstructor };
    if derived {
        let r = c.alloc_reg();
        c.emit(Op::CreateRest { start: 0, slot: NS });
        c.emit(Op::Star { dst: r, slot: NS });
        c.pos(span.0);
        c.emit(Op::SuperCallSpread { func: Reg::CALLEE, args: r, slot: FS });
        c.emit(Op::BindThis { func: Reg::CALLEE, slot: NS });
    } else {
        c.emit(Op::RunClassFields { slot: NS });
        c.emit(Op::LdaUndefined { slot: NS });
    }
    c.emit(Op::Return { slot: NS });
    let mut code = c.finish(0, 0, span);
    code.is_class_constructor = true;
    Ok(Arc::new(code))
}
