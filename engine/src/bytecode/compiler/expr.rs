//! Expressions: each leaves its value in the accumulator.

use super::*;

/// The longest array literal built from registers by one `CreateArrayFrom` (longer ones
/// append element by element, keeping frames small).
const MAX_REGISTER_ARRAY_LITERAL: usize = 64;

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

impl FnCompiler<'_> {
    /// Compiles `e`, naming an anonymous function/class/arrow `name`.
    pub(super) fn expr_named(&mut self, e: &Expr, name: Option<&Name>) -> CResult<()> {
        match (e, name) {
            (Expr::Function(f), Some(n)) if f.name.is_none() => self.create_closure(f, Some(utf16(n).into())),
            (Expr::Class(c), Some(n)) if c.name.is_none() => self.class(c, Some(utf16(n).into())),
            (Expr::Paren(inner), _) => self.expr_named(inner, name),
            _ => self.expr(e),
        }
    }

    /// Compiles `e` into a fresh register.
    pub(super) fn expr_to_reg(&mut self, e: &Expr) -> CResult<Reg> {
        self.expr(e)?;
        let r = self.alloc_reg();
        self.emit(Op::Star { dst: r, slot: NS });
        Ok(r)
    }

    /// Compiles `e` into register `dst`. A local that lives in a register (or `this` in its
    /// slot) is copied with one `Mov`, leaving the accumulator as it was.
    pub(super) fn expr_into(&mut self, e: &Expr, dst: Reg) -> CResult<()> {
        match self.register_local(e) {
            Some(src) => self.emit(Op::Mov { src, dst, slot: NS }),
            None => {
                self.expr(e)?;
                self.emit(Op::Star { dst, slot: NS })
            }
        };
        Ok(())
    }

    /// Creates the closure of a function declaration.
    pub(super) fn create_decl_closure(&mut self, f: &Function) -> CResult<()> {
        let outer = self.outer_for_nested();
        let code = super::compile_declaration(f, self.source.clone(), &outer, self.strict)?;
        let c = self.add_const(Constant::Function(code));
        self.emit(Op::CreateClosure { func: c, slot: NS });
        Ok(())
    }

    pub(super) fn create_closure(&mut self, f: &Function, name_hint: Option<Arc<[u16]>>) -> CResult<()> {
        let outer = self.outer_for_nested();
        let code = compile_function(f, self.source.clone(), &outer, self.strict, name_hint)?;
        let c = self.add_const(Constant::Function(code));
        self.emit(Op::CreateClosure { func: c, slot: NS });
        Ok(())
    }

    fn load_this(&mut self) {
        if let Some((depth, index)) = self.this_in_context() {
            self.emit(Op::LdaContext { depth, index, slot: NS });
            self.emit(Op::ThisCheck { slot: NS });
            return;
        }
        self.emit(Op::Ldar { src: Reg::THIS, slot: NS });
        if self.in_derived_constructor() {
            self.emit(Op::ThisCheck { slot: NS });
        }
    }

    fn in_derived_constructor(&self) -> bool {
        self.func_kind == FuncKind::DerivedConstructor || (self.is_arrow && self.facts_in_derived())
    }
    fn facts_in_derived(&self) -> bool {
        // An arrow cannot know statically; the hole check is cheap and harmless elsewhere,
        // because `this` is never the hole outside a derived constructor.
        true
    }

    /// The key of `super[key]` / `super.key` into a register. `this` is read first (spec
    /// order: an uninitialised `this` fails before the key expression runs): where it lives
    /// in a context, it is copied into the frame's `this` slot, which `GetSuper`/`SetSuper`
    /// use as the receiver. `convert`: apply ToPropertyKey now (a reference read and then
    /// written converts once); otherwise `GetSuper`/`SetSuper` convert it when they access
    /// the property, after the key expression and (for an assignment) the value.
    fn super_key_to_reg(&mut self, prop: &MemberProp, convert: bool) -> CResult<Reg> {
        if self.this_in_context().is_some() {
            self.load_this();
            self.emit(Op::Star { dst: Reg::THIS, slot: NS });
        } else if self.in_derived_constructor() {
            self.load_this();
        }
        if convert {
            return self.member_key_to_reg(prop);
        }
        match prop {
            MemberProp::Computed(e) => self.expr_to_reg(e),
            _ => self.member_key_to_reg(prop),
        }
    }

    /// A property key (computed or static) into a register.
    pub(super) fn prop_key_to_reg(&mut self, k: &PropKey) -> CResult<Reg> {
        match k {
            PropKey::Named(s) => {
                let c = self.str_const(s);
                self.emit(Op::LdaConst { idx: c, slot: NS });
            }
            PropKey::Number(n) => self.load_number(*n),
            PropKey::Computed(e) => {
                self.expr(e)?;
                self.emit(Op::ToPropertyKey { slot: NS });
            }
            PropKey::Private(_) => unreachable!("private keys are handled by classes"),
        }
        let r = self.alloc_reg();
        self.emit(Op::Star { dst: r, slot: NS });
        Ok(r)
    }

    pub(super) fn load_number(&mut self, n: f64) {
        if n.fract() == 0.0 && n.abs() < 2147483648.0 && !(n == 0.0 && n.is_sign_negative()) {
            self.emit(Op::LdaInt { value: n as i32, slot: NS });
        } else {
            let c = self.num_const(n);
            self.emit(Op::LdaConst { idx: c, slot: NS });
        }
    }

    /// A static key's name for function naming.
    pub(super) fn static_key_name(k: &PropKey) -> Option<Arc<[u16]>> {
        match k {
            PropKey::Named(s) => Some(Arc::from(&s[..])),
            PropKey::Number(n) => Some(crate::runtime::numconv::number_to_string(*n).encode_utf16().collect::<Vec<_>>().into()),
            PropKey::Private(p) => Some(format!("#{p}").encode_utf16().collect::<Vec<_>>().into()),
            PropKey::Computed(_) => None,
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::Number(n) => self.load_number(*n),
            Expr::Str(s) => {
                let c = self.str_const(s);
                self.emit(Op::LdaConst { idx: c, slot: NS });
            }
            Expr::Bool(true) => {
                self.emit(Op::LdaTrue { slot: NS });
            }
            Expr::Bool(false) => {
                self.emit(Op::LdaFalse { slot: NS });
            }
            Expr::Null => {
                self.emit(Op::LdaNull { slot: NS });
            }
            Expr::Undefined => {
                self.emit(Op::LdaUndefined { slot: NS });
            }
            Expr::RegExp(pattern, flags, pos) => {
                let p = self.str_const(pattern);
                let f = self.name_const(flags);
                self.pos(*pos);
                self.emit(Op::CreateRegExp { pattern: p, flags: f, slot: NS });
            }
            Expr::Template(parts, exprs) => {
                let first = parts.cooked[0].clone().unwrap_or_else(|| Rc::from(&[][..]));
                let c = self.str_const(&first);
                self.emit(Op::LdaConst { idx: c, slot: NS });
                let acc = self.alloc_reg();
                self.emit(Op::Star { dst: acc, slot: NS });
                for (i, x) in exprs.iter().enumerate() {
                    self.expr(x)?;
                    self.emit(Op::ToStringForConcat { slot: NS });
                    self.emit(Op::Add { lhs: acc, slot: FS });
                    let s = parts.cooked[i + 1].clone().unwrap_or_else(|| Rc::from(&[][..]));
                    if !s.is_empty() {
                        self.emit(Op::Star { dst: acc, slot: NS });
                        let c = self.str_const(&s);
                        self.emit(Op::LdaConst { idx: c, slot: NS });
                        self.emit(Op::Add { lhs: acc, slot: FS });
                    }
                    self.emit(Op::Star { dst: acc, slot: NS });
                }
                self.emit(Op::Ldar { src: acc, slot: NS });
                self.release(acc.0);
            }
            Expr::TaggedTemplate(tag, parts, exprs, pos) => {
                let mark = self.reg_mark();
                let (callee, this_reg, undefined_this) = self.callee_and_this(tag)?;
                let args = self.alloc_regs(exprs.len() as u32 + 1);
                let _ = args;
                let strings = TemplateStrings {
                    cooked: parts.cooked.iter().map(|c| c.as_ref().map(|s| Arc::from(&s[..]))).collect(),
                    raw: parts.raw.iter().map(|s| Arc::from(&s[..])).collect(),
                };
                let t = self.add_const(Constant::Template(Arc::new(strings)));
                self.emit(Op::GetTemplateObject { idx: t, slot: FS });
                self.emit(Op::Star { dst: this_reg.offset(1), slot: NS });
                for (i, x) in exprs.iter().enumerate() {
                    self.expr(x)?;
                    self.emit(Op::Star { dst: this_reg.offset(i as u32 + 2), slot: NS });
                }
                self.pos(*pos);
                let argc = exprs.len() as u32 + 1;
                self.emit(if undefined_this {
                    Op::CallUndefined { callee, this_reg, argc, slot: FS }
                } else {
                    Op::Call { callee, this_reg, argc, slot: FS }
                });
                self.release(mark);
            }
            Expr::Ident(n, pos) => {
                if &**n == "undefined" && matches!(self.resolve(n), Resolved::Global) {
                    self.emit(Op::LdaUndefined { slot: NS });
                } else {
                    self.load_var(n, *pos, false);
                }
            }
            Expr::This(_) => self.load_this(),
            Expr::NewTarget => {
                self.emit(Op::Ldar { src: Reg::NEW_TARGET, slot: NS });
            }
            Expr::SuperMember(prop, pos) => {
                let mark = self.reg_mark();
                let key = self.super_key_to_reg(prop, false)?;
                self.pos(*pos);
                self.emit(Op::GetSuper { key, slot: NS });
                self.release(mark);
            }
            Expr::SuperCall(args, pos) => self.super_call(args, *pos)?,
            Expr::Array(items) => self.array_literal(items)?,
            Expr::Object(props) => self.object_literal(props)?,
            Expr::Function(f) => self.create_closure(f, None)?,
            Expr::Class(c) => self.class(c, None)?,
            Expr::Paren(inner) => self.expr(inner)?,
            Expr::Unary(op, arg, pos) => self.unary(*op, arg, *pos)?,
            Expr::Update(inc, prefix, target, pos) => self.update(*inc, *prefix, target, *pos)?,
            Expr::Binary(op, a, b, pos) => {
                let mark = self.reg_mark();
                let l = match self.local_operand(a, b) {
                    Some(r) => r,
                    None => self.expr_to_reg(a)?,
                };
                self.expr(b)?;
                self.pos(*pos);
                self.binary(*op, l);
                self.release(mark);
            }
            Expr::PrivateIn(name, obj, pos) => {
                let mark = self.reg_mark();
                let r = self.private_name_to_reg(name, *pos)?;
                self.expr(obj)?;
                self.pos(*pos);
                self.emit(Op::HasPrivate { name: r, slot: NS });
                self.release(mark);
            }
            Expr::Logical(op, a, b) => {
                self.expr(a)?;
                let j = match op {
                    LogicalOp::And => self.jump(|t| Op::JumpIfFalse { target: t, slot: NS }),
                    LogicalOp::Or => self.jump(|t| Op::JumpIfTrue { target: t, slot: NS }),
                    LogicalOp::Nullish => self.jump(|t| Op::JumpIfNotNullish { target: t, slot: NS }),
                };
                self.expr(b)?;
                self.patch(j);
            }
            Expr::Cond(c, a, b) => {
                self.expr(c)?;
                let else_j = self.jump(|t| Op::JumpIfFalse { target: t, slot: NS });
                self.expr(a)?;
                let end = self.jump(|t| Op::Jump { target: t, slot: NS });
                self.patch(else_j);
                self.expr(b)?;
                self.patch(end);
            }
            Expr::Assign(op, target, value, pos) => self.assign(*op, target, value, *pos)?,
            Expr::Seq(es) => {
                for x in es {
                    self.expr(x)?;
                }
            }
            Expr::Member(obj, prop, optional, pos) => {
                let mark = self.reg_mark();
                let o = self.object_operand(obj, &computed_key(prop))?;
                if *optional {
                    self.emit(Op::Ldar { src: o, slot: NS });
                    self.optional_exit();
                }
                self.load_member(o, prop, *pos)?;
                self.release(mark);
            }
            Expr::OptionalChain(inner) => {
                self.opt_exits.push(Vec::new());
                self.expr(inner)?;
                let exits = self.opt_exits.pop().expect("chain");
                if !exits.is_empty() {
                    let end = self.jump(|t| Op::Jump { target: t, slot: NS });
                    for x in exits {
                        self.patch(x);
                    }
                    self.emit(Op::LdaUndefined { slot: NS });
                    self.patch(end);
                }
            }
            Expr::Call(callee, args, kind, pos) => self.call(callee, args, kind, *pos)?,
            Expr::New(callee, args, pos) => {
                let mark = self.reg_mark();
                let c = self.expr_to_reg(callee)?;
                if args.iter().any(|a| matches!(a, ExprOrSpread::Spread(_))) {
                    let arr = self.spread_array(args)?;
                    self.pos(*pos);
                    self.name_callee(callee);
                    self.emit(Op::ConstructSpread { callee: c, args: arr, slot: FS });
                } else {
                    let base = self.args_to_regs(args)?;
                    self.pos(*pos);
                    self.name_callee(callee);
                    self.emit(Op::Construct { callee: c, args: base, argc: args.len() as u32, slot: FS });
                }
                self.release(mark);
            }
            Expr::Yield(arg, delegate, pos) => self.yield_expr(arg.as_deref(), *delegate, *pos)?,
            Expr::Await(arg, pos) => {
                self.expr(arg)?;
                self.pos(*pos);
                self.emit(Op::Await { slot: NS });
                self.resume_after_suspend();
            }
        }
        Ok(())
    }

    /// After `Yield`/`Await` resumes: the accumulator holds the sent value and
    /// `ResumeKind` tells how we were resumed (next / throw / return).
    pub(super) fn resume_after_suspend(&mut self) {
        self.resume_after_suspend_with(false);
    }

    /// [`Self::resume_after_suspend`]; with `await_return`, a return resumption first awaits
    /// its value (yields in async generators).
    fn resume_after_suspend_with(&mut self, await_return: bool) {
        let mark = self.reg_mark();
        let k = self.alloc_reg();
        self.emit(Op::ResumeKind { dst: k, slot: NS });
        // kind 0 = next: value in acc. kind 1 = throw. kind 2 = return.
        let v = self.alloc_reg();
        self.emit(Op::Star { dst: v, slot: NS });
        self.emit(Op::Ldar { src: k, slot: NS });
        let normal = self.emit(Op::JumpIfStrictEqInt { value: 0, target: Label(u32::MAX), slot: NS });
        let is_return = self.emit(Op::JumpIfStrictEqInt { value: 2, target: Label(u32::MAX), slot: NS });
        self.emit(Op::Ldar { src: v, slot: NS });
        self.emit(Op::Throw { slot: NS });
        self.patch(is_return);
        self.emit(Op::Ldar { src: v, slot: NS });
        if await_return {
            // AsyncGeneratorUnwrapYieldResumption: a return resumption awaits its value (a
            // rejection throws at the yield).
            self.emit(Op::Await { slot: NS });
            self.resume_after_suspend();
        }
        let _ = self.emit_return();
        self.patch(normal);
        self.emit(Op::Ldar { src: v, slot: NS });
        self.release(mark);
    }

    fn yield_expr(&mut self, arg: Option<&Expr>, delegate: bool, pos: Pos) -> CResult<()> {
        match arg {
            Some(a) => self.expr(a)?,
            None => {
                self.emit(Op::LdaUndefined { slot: NS });
            }
        }
        self.pos(pos);
        if delegate {
            // yield*: the interpreter drives the inner iterator (kind 1); each resumption
            // comes back here until the inner iterator is done.
            self.emit(Op::Yield { kind: 1, slot: NS });
            // Resumed when the inner iterator finishes (next: its value; return: return it,
            // after awaiting it in async generators) or fails (throw).
            self.resume_after_suspend_with(self.is_async);
        } else {
            if self.is_async {
                // AsyncGeneratorYield awaits the operand first.
                self.emit(Op::Await { slot: NS });
                self.resume_after_suspend();
            }
            self.emit(Op::Yield { kind: 0, slot: NS });
            self.resume_after_suspend_with(self.is_async);
        }
        Ok(())
    }

    /// In an optional chain: jump to the chain's end (yielding undefined) if acc is nullish.
    fn optional_exit(&mut self) {
        let j = self.jump(|t| Op::JumpIfNullish { target: t, slot: NS });
        if let Some(v) = self.opt_exits.last_mut() {
            v.push(j);
        }
    }

    pub(super) fn member_key_to_reg(&mut self, prop: &MemberProp) -> CResult<Reg> {
        match prop {
            MemberProp::Named(s) => {
                let c = self.str_const(s);
                self.emit(Op::LdaConst { idx: c, slot: NS });
            }
            MemberProp::Computed(e) => {
                self.expr(e)?;
                self.emit(Op::ToPropertyKey { slot: NS });
            }
            MemberProp::Private(_) => unreachable!("super.#x is a syntax error"),
        }
        let r = self.alloc_reg();
        self.emit(Op::Star { dst: r, slot: NS });
        Ok(r)
    }

    /// acc = obj[prop]
    pub(super) fn load_member(&mut self, obj: Reg, prop: &MemberProp, pos: Pos) -> CResult<()> {
        match prop {
            MemberProp::Named(s) => {
                let c = self.str_const(s);
                self.pos(pos);
                self.emit(Op::GetNamed { obj, name: c, slot: FS });
            }
            MemberProp::Computed(k) => {
                self.expr(k)?;
                self.pos(pos);
                self.emit(Op::GetKeyed { obj, slot: FS });
            }
            MemberProp::Private(n) => {
                let mark = self.reg_mark();
                let r = self.private_name_to_reg(n, pos)?;
                self.emit(Op::Ldar { src: obj, slot: NS });
                self.pos(pos);
                self.emit(Op::GetPrivate { obj, name: r, slot: NS });
                self.release(mark);
            }
        }
        Ok(())
    }

    pub(super) fn binary(&mut self, op: BinOp, l: Reg) {
        let o = match op {
            BinOp::Add => Op::Add { lhs: l, slot: FS },
            BinOp::Sub => Op::Sub { lhs: l, slot: FS },
            BinOp::Mul => Op::Mul { lhs: l, slot: FS },
            BinOp::Div => Op::Div { lhs: l, slot: FS },
            BinOp::Mod => Op::Mod { lhs: l, slot: FS },
            BinOp::Exp => Op::Exp { lhs: l, slot: FS },
            BinOp::Shl => Op::Shl { lhs: l, slot: FS },
            BinOp::Sar => Op::Sar { lhs: l, slot: FS },
            BinOp::Shr => Op::Shr { lhs: l, slot: FS },
            BinOp::BitAnd => Op::BitAnd { lhs: l, slot: FS },
            BinOp::BitOr => Op::BitOr { lhs: l, slot: FS },
            BinOp::BitXor => Op::BitXor { lhs: l, slot: FS },
            BinOp::Eq => Op::TestEq { lhs: l, slot: FS },
            BinOp::Ne => {
                self.emit(Op::TestEq { lhs: l, slot: FS });
                Op::Not { slot: NS }
            }
            BinOp::StrictEq => Op::TestStrictEq { lhs: l, slot: FS },
            BinOp::StrictNe => {
                self.emit(Op::TestStrictEq { lhs: l, slot: FS });
                Op::Not { slot: NS }
            }
            BinOp::Lt => Op::TestLt { lhs: l, slot: FS },
            BinOp::Le => Op::TestLe { lhs: l, slot: FS },
            BinOp::Gt => Op::TestGt { lhs: l, slot: FS },
            BinOp::Ge => Op::TestGe { lhs: l, slot: FS },
            BinOp::InstanceOf => Op::TestInstanceOf { lhs: l, slot: FS },
            BinOp::In => Op::TestIn { lhs: l, slot: NS },
        };
        self.emit(o);
    }

    fn unary(&mut self, op: UnaryOp, arg: &Expr, pos: Pos) -> CResult<()> {
        match op {
            UnaryOp::TypeOf => {
                match arg {
                    Expr::Ident(n, p) => self.load_var(n, *p, true),
                    _ => self.expr(arg)?,
                }
                self.emit(Op::TypeOf { slot: NS });
            }
            UnaryOp::Delete => self.delete(arg)?,
            UnaryOp::Void => {
                self.expr(arg)?;
                self.emit(Op::LdaUndefined { slot: NS });
            }
            UnaryOp::Not => {
                self.expr(arg)?;
                self.emit(Op::Not { slot: NS });
            }
            UnaryOp::Neg => {
                if let Expr::Number(n) = arg {
                    self.load_number(-n);
                } else {
                    self.expr(arg)?;
                    self.pos(pos);
                    self.emit(Op::Negate { slot: FS });
                }
            }
            UnaryOp::Plus => {
                self.expr(arg)?;
                self.pos(pos);
                self.emit(Op::ToNumeric { slot: FS });
            }
            UnaryOp::BitNot => {
                self.expr(arg)?;
                self.pos(pos);
                self.emit(Op::BitNot { slot: FS });
            }
        }
        Ok(())
    }

    fn delete(&mut self, arg: &Expr) -> CResult<()> {
        match arg {
            Expr::Paren(inner) => self.delete(inner)?,
            Expr::Member(obj, prop, optional, p) => {
                let mark = self.reg_mark();
                let o = self.expr_to_reg(obj)?;
                if *optional {
                    self.emit(Op::Ldar { src: o, slot: NS });
                    self.optional_exit();
                }
                match &**prop {
                    MemberProp::Named(s) => {
                        let c = self.str_const(s);
                        self.emit(Op::LdaConst { idx: c, slot: NS });
                    }
                    MemberProp::Computed(k) => self.expr(k)?,
                    MemberProp::Private(_) => return err("Private fields can not be deleted", *p),
                }
                self.pos(*p);
                self.emit(Op::DeleteProperty { obj: o, slot: NS });
                self.release(mark);
            }
            Expr::OptionalChain(inner) => {
                self.opt_exits.push(Vec::new());
                self.delete(inner)?;
                let exits = self.opt_exits.pop().expect("chain");
                if !exits.is_empty() {
                    let end = self.jump(|t| Op::Jump { target: t, slot: NS });
                    for x in exits {
                        self.patch(x);
                    }
                    self.emit(Op::LdaTrue { slot: NS });
                    self.patch(end);
                }
            }
            Expr::SuperMember(_, p) => {
                self.load_this();
                self.pos(*p);
                self.throw_error(ErrorKind::Reference, "Unsupported reference to 'super'");
            }
            Expr::Ident(n, _) => match self.resolve(n) {
                Resolved::Global => {
                    let c = self.name_const(n);
                    self.emit(Op::DeleteGlobal { name: c, slot: NS });
                }
                Resolved::Dynamic { chain, fallback } => self.delete_dynamic(n, chain, fallback.is_some()),
                _ => {
                    self.emit(Op::LdaFalse { slot: NS });
                }
            },
            other => {
                self.expr(other)?;
                self.emit(Op::LdaTrue { slot: NS });
            }
        }
        Ok(())
    }

    /// Compiles `e` for its effect only (its value is not used): `i++` is then `++i`, which
    /// needs no copy of the old value.
    pub(super) fn expr_for_effect(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::Update(inc, false, target, pos) => self.update(*inc, true, target, *pos),
            _ => self.expr(e),
        }
    }

    /// The key of `obj[k]` read and then written (compound assignment, `++`): evaluated,
    /// then (GetValue) the base is checked for null/undefined before the key is converted
    /// with ToPropertyKey, once for both accesses. Returns the key's register (the
    /// accumulator holds it too).
    fn reference_key(&mut self, obj: Reg, k: &Expr, pos: Pos) -> CResult<Reg> {
        self.expr(k)?;
        let kr = self.alloc_reg();
        if matches!(k, Expr::Number(_) | Expr::Str(_)) {
            // A string or number converts without running code: nothing to order.
            self.emit(Op::ToPropertyKey { slot: NS });
            self.emit(Op::Star { dst: kr, slot: NS });
            return Ok(kr);
        }
        self.emit(Op::Star { dst: kr, slot: NS });
        self.emit(Op::Ldar { src: obj, slot: NS });
        let ok = self.jump(|t| Op::JumpIfNotNullish { target: t, slot: NS });
        self.pos(pos);
        self.throw_error(ErrorKind::Type, "Cannot read properties of null or undefined");
        self.patch(ok);
        self.emit(Op::Ldar { src: kr, slot: NS });
        self.emit(Op::ToPropertyKey { slot: NS });
        self.emit(Op::Star { dst: kr, slot: NS });
        Ok(kr)
    }

    /// `delete n` for a name that may be a binding a sloppy direct eval created (deletable,
    /// a property of a `%evalvars` object): the first of the `chain` objects, innermost
    /// first, that has it deletes it; otherwise the binding found beyond them is not
    /// deletable (`beyond`: false) or the global object's property is deleted.
    fn delete_dynamic(&mut self, n: &Name, chain: Vec<(u32, u32)>, beyond: bool) {
        let c = self.name_const(n);
        let mut ends = Vec::new();
        let mark = self.reg_mark();
        let (obj, key) = (self.alloc_reg(), self.alloc_reg());
        for (depth, index) in chain {
            self.emit(Op::LdaContext { depth, index, slot: NS });
            let no_object = self.jump(|t| Op::JumpIfUndefined { target: t, slot: NS });
            self.emit(Op::Star { dst: obj, slot: NS });
            self.emit(Op::LdaConst { idx: c, slot: NS });
            self.emit(Op::Star { dst: key, slot: NS });
            self.emit(Op::Ldar { src: obj, slot: NS });
            self.emit(Op::TestIn { lhs: key, slot: NS });
            let absent = self.jump(|t| Op::JumpIfFalse { target: t, slot: NS });
            self.emit(Op::LdaConst { idx: c, slot: NS });
            self.emit(Op::DeleteProperty { obj, slot: NS });
            ends.push(self.jump(|t| Op::Jump { target: t, slot: NS }));
            self.patch(no_object);
            self.patch(absent);
        }
        if beyond {
            self.emit(Op::LdaFalse { slot: NS });
        } else {
            self.emit(Op::DeleteGlobal { name: c, slot: NS });
        }
        for e in ends {
            self.patch(e);
        }
        self.release(mark);
    }

    fn update(&mut self, inc: bool, prefix: bool, target: &Expr, pos: Pos) -> CResult<()> {
        let mark = self.reg_mark();
        let op = |c: &mut Self| {
            if inc {
                c.emit(Op::Inc { slot: FS });
            } else {
                c.emit(Op::Dec { slot: FS });
            }
        };
        let old = self.alloc_reg();
        match target {
            Expr::Ident(n, p) => {
                let r = self.ident_reference(n);
                self.load_reference(n, *p, &r);
                self.pos(pos);
                if !prefix {
                    // `Inc`/`Dec` convert with ToNumeric themselves; only the postfix value
                    // needs the converted old value kept.
                    self.emit(Op::ToNumeric { slot: FS });
                    self.emit(Op::Star { dst: old, slot: NS });
                }
                op(self);
                self.store_reference(n, *p, &r);
            }
            Expr::Paren(inner) => {
                self.release(mark);
                return self.update(inc, prefix, inner, pos);
            }
            Expr::Member(obj, prop, _, p) => {
                let o = self.object_operand(obj, &computed_key(prop))?;
                match &**prop {
                    MemberProp::Named(s) => {
                        let c = self.str_const(s);
                        self.pos(*p);
                        self.emit(Op::GetNamed { obj: o, name: c, slot: FS });
                        self.emit(Op::ToNumeric { slot: FS });
                        self.emit(Op::Star { dst: old, slot: NS });
                        op(self);
                        self.pos(*p);
                        self.emit(Op::SetNamed { obj: o, name: c, slot: FS });
                    }
                    MemberProp::Computed(k) => {
                        let kr = self.reference_key(o, k, *p)?;
                        self.pos(*p);
                        self.emit(Op::GetKeyed { obj: o, slot: FS });
                        self.emit(Op::ToNumeric { slot: FS });
                        self.emit(Op::Star { dst: old, slot: NS });
                        op(self);
                        self.pos(*p);
                        self.emit(Op::SetKeyed { obj: o, key: kr, slot: FS });
                    }
                    MemberProp::Private(n) => {
                        let r = self.private_name_to_reg(n, *p)?;
                        self.pos(*p);
                        self.emit(Op::GetPrivate { obj: o, name: r, slot: NS });
                        self.emit(Op::ToNumeric { slot: FS });
                        self.emit(Op::Star { dst: old, slot: NS });
                        op(self);
                        self.emit(Op::SetPrivate { obj: o, name: r, slot: NS });
                    }
                }
            }
            Expr::SuperMember(prop, p) => {
                // One reference: the base (GetSuperBase) is taken before the key's ToPropertyKey.
                let k = self.super_key_to_reg(prop, false)?;
                let b = self.alloc_reg();
                self.pos(*p);
                self.emit(Op::GetSuperRef { base: b, key: k, slot: NS });
                self.emit(Op::ToNumeric { slot: FS });
                self.emit(Op::Star { dst: old, slot: NS });
                op(self);
                let v = self.alloc_reg();
                self.emit(Op::Star { dst: v, slot: NS });
                self.emit(Op::SetSuperRef { base: b, key: k, value: v, slot: NS });
            }
            _ => return err("Invalid left-hand side expression in postfix operation", pos),
        }
        if !prefix {
            self.emit(Op::Ldar { src: old, slot: NS });
        }
        self.release(mark);
        Ok(())
    }

    /// The register of `e` when it is a local held in a register that needs no TDZ check and
    /// that evaluating `later` cannot assign: a binary operator then reads it in place instead
    /// of copying it to a temporary first (`n - 1` is `LdaInt 1; Sub r0`).
    fn local_operand(&self, e: &Expr, later: &Expr) -> Option<Reg> {
        self.in_place_operand(e, &[later])
    }

    /// As [`Self::local_operand`] with several expressions evaluated after `e`; `this` counts
    /// too where the frame's `this` slot holds it and is never rebound (outside derived
    /// constructors and arrows, and where no context holds it).
    fn in_place_operand(&self, e: &Expr, later: &[&Expr]) -> Option<Reg> {
        if self.facts.has_direct_eval || later.iter().any(|l| may_assign_locals(l)) {
            return None;
        }
        self.register_local(e)
    }

    /// The register `e` lives in, if it is a local held in one that needs no TDZ check, or
    /// `this` where the frame's slot holds it and it is never rebound.
    fn register_local(&self, e: &Expr) -> Option<Reg> {
        match e {
            Expr::Ident(n, _) => match self.resolve(n) {
                r @ Resolved::Reg { reg, .. } if !self.needs_tdz_check(&r) => Some(reg),
                _ => None,
            },
            Expr::This(_) if !self.in_derived_constructor() && self.this_in_context().is_none() => Some(Reg::THIS),
            _ => None,
        }
    }

    /// The register a property access reads its object from, evaluated before `later`: the
    /// local's (or `this`'s) own register when [`Self::in_place_operand`] allows, else a
    /// temporary holding the value (`o.x` is `GetNamed r0`, not `Ldar r0; Star r1; GetNamed r1`).
    fn object_operand(&mut self, obj: &Expr, later: &[&Expr]) -> CResult<Reg> {
        match self.in_place_operand(obj, later) {
            Some(r) => Ok(r),
            None => self.expr_to_reg(obj),
        }
    }

    fn assign(&mut self, op: AssignOp, target: &Pattern, value: &Expr, pos: Pos) -> CResult<()> {
        let mark = self.reg_mark();
        match (op, target) {
            (AssignOp::Assign, Pattern::Ident(n, p)) => {
                let r = if runs_no_code(value) { IdentRef::Static } else { self.ident_reference(n) };
                self.expr_named(value, Some(n))?;
                self.store_reference(n, *p, &r);
            }
            (AssignOp::Assign, Pattern::Expr(e)) => self.assign_to_expr(e, Some(value), |c| c.expr(value), pos)?,
            (AssignOp::Assign, pat) => {
                self.expr(value)?;
                let v = self.alloc_reg();
                self.emit(Op::Star { dst: v, slot: NS });
                self.assign_pattern(pat)?;
                self.emit(Op::Ldar { src: v, slot: NS });
            }
            (AssignOp::Compound(bop), Pattern::Ident(n, p)) => {
                let mut r = IdentRef::Static;
                let l = match self.local_operand(&Expr::Ident(n.clone(), *p), value) {
                    Some(l) => l,
                    None => {
                        r = self.ident_reference(n);
                        self.load_reference(n, *p, &r);
                        let l = self.alloc_reg();
                        self.emit(Op::Star { dst: l, slot: NS });
                        l
                    }
                };
                self.expr(value)?;
                self.pos(pos);
                self.binary(bop, l);
                self.store_reference(n, *p, &r);
            }
            (AssignOp::Logical(lop), Pattern::Ident(n, p)) => {
                let r = self.ident_reference(n);
                self.load_reference(n, *p, &r);
                let j = self.logical_jump(lop);
                self.expr_named(value, Some(n))?;
                self.store_reference(n, *p, &r);
                self.patch(j);
            }
            (AssignOp::Logical(lop), Pattern::Expr(e)) if matches!(&**e, Expr::Paren(i) if matches!(&**i, Expr::Ident(..))) => {
                // `(x) ||= function () {}`: no IdentifierRef, so no function naming.
                let Expr::Paren(i) = &**e else { unreachable!("matched above") };
                let Expr::Ident(n, p) = &**i else { unreachable!("matched above") };
                let r = self.ident_reference(n);
                self.load_reference(n, *p, &r);
                let j = self.logical_jump(lop);
                self.expr(value)?;
                self.store_reference(n, *p, &r);
                self.patch(j);
            }
            (AssignOp::Compound(_) | AssignOp::Logical(_), Pattern::Expr(e)) => self.compound_member(op, e, value, pos)?,
            _ => return err("Invalid left-hand side in assignment", pos),
        }
        self.release(mark);
        Ok(())
    }

    fn logical_jump(&mut self, lop: LogicalOp) -> usize {
        match lop {
            LogicalOp::And => self.jump(|t| Op::JumpIfFalse { target: t, slot: NS }),
            LogicalOp::Or => self.jump(|t| Op::JumpIfTrue { target: t, slot: NS }),
            LogicalOp::Nullish => self.jump(|t| Op::JumpIfNotNullish { target: t, slot: NS }),
        }
    }

    /// `obj.x op= v` and `obj.x &&= v` forms.
    fn compound_member(&mut self, op: AssignOp, e: &Expr, value: &Expr, pos: Pos) -> CResult<()> {
        let e = match e {
            Expr::Paren(inner) => &**inner,
            other => other,
        };
        // Evaluate the reference once: (object register, key register).
        enum Ref {
            Named(Reg, ConstIdx),
            Keyed(Reg, Reg),
            Private(Reg, Reg),
            Super(Reg, Reg),
        }
        let r = match e {
            Expr::Member(obj, prop, _, p) => {
                let mut later = computed_key(prop);
                later.push(value);
                let o = self.object_operand(obj, &later)?;
                match &**prop {
                    MemberProp::Named(s) => {
                        let c = self.str_const(s);
                        self.pos(*p);
                        self.emit(Op::GetNamed { obj: o, name: c, slot: FS });
                        Ref::Named(o, c)
                    }
                    MemberProp::Computed(k) => {
                        let kr = self.reference_key(o, k, *p)?;
                        self.pos(*p);
                        self.emit(Op::GetKeyed { obj: o, slot: FS });
                        Ref::Keyed(o, kr)
                    }
                    MemberProp::Private(n) => {
                        let nr = self.private_name_to_reg(n, *p)?;
                        self.pos(*p);
                        self.emit(Op::GetPrivate { obj: o, name: nr, slot: NS });
                        Ref::Private(o, nr)
                    }
                }
            }
            Expr::SuperMember(prop, p) => {
                // One reference: the base (GetSuperBase) is taken before the key's ToPropertyKey.
                let k = self.super_key_to_reg(prop, false)?;
                let b = self.alloc_reg();
                self.pos(*p);
                self.emit(Op::GetSuperRef { base: b, key: k, slot: NS });
                Ref::Super(b, k)
            }
            _ => return err("Invalid left-hand side in assignment", pos),
        };
        let mut skip = None;
        match op {
            AssignOp::Compound(bop) => {
                let l = self.alloc_reg();
                self.emit(Op::Star { dst: l, slot: NS });
                self.expr(value)?;
                self.pos(pos);
                self.binary(bop, l);
            }
            AssignOp::Logical(lop) => {
                skip = Some(self.logical_jump(lop));
                self.expr(value)?;
            }
            AssignOp::Assign => unreachable!(),
        }
        self.pos(pos);
        match r {
            Ref::Named(o, c) => {
                self.emit(Op::SetNamed { obj: o, name: c, slot: FS });
            }
            Ref::Keyed(o, k) => {
                self.emit(Op::SetKeyed { obj: o, key: k, slot: FS });
            }
            Ref::Private(o, n) => {
                self.emit(Op::SetPrivate { obj: o, name: n, slot: NS });
            }
            Ref::Super(b, k) => {
                let v = self.alloc_reg();
                self.emit(Op::Star { dst: v, slot: NS });
                self.emit(Op::SetSuperRef { base: b, key: k, value: v, slot: NS });
            }
        }
        if let Some(s) = skip {
            self.patch(s);
        }
        Ok(())
    }

    /// Assigns the value produced by `value` to a member expression target.
    /// `value_expr`: the expression `value` compiles, when it is one (the object may then be
    /// read in place, see [`Self::object_operand`]).
    pub(super) fn assign_to_expr(
        &mut self,
        e: &Expr,
        value_expr: Option<&Expr>,
        value: impl FnOnce(&mut Self) -> CResult<()>,
        pos: Pos,
    ) -> CResult<()> {
        match e {
            Expr::Paren(inner) => self.assign_to_expr(inner, value_expr, value, pos),
            Expr::Ident(n, p) => {
                let r = if value_expr.is_some_and(runs_no_code) { IdentRef::Static } else { self.ident_reference(n) };
                value(self)?;
                self.store_reference(n, *p, &r);
                Ok(())
            }
            Expr::Member(obj, prop, _, p) => {
                let o = match value_expr {
                    Some(v) => {
                        let mut later = computed_key(prop);
                        later.push(v);
                        self.object_operand(obj, &later)?
                    }
                    None => self.expr_to_reg(obj)?,
                };
                match &**prop {
                    MemberProp::Named(s) => {
                        value(self)?;
                        let c = self.str_const(s);
                        self.pos(*p);
                        self.emit(Op::SetNamed { obj: o, name: c, slot: FS });
                    }
                    MemberProp::Computed(k) => {
                        let kr = self.expr_to_reg(k)?;
                        value(self)?;
                        self.pos(*p);
                        self.emit(Op::SetKeyed { obj: o, key: kr, slot: FS });
                    }
                    MemberProp::Private(n) => {
                        let nr = self.private_name_to_reg(n, *p)?;
                        value(self)?;
                        self.pos(*p);
                        self.emit(Op::SetPrivate { obj: o, name: nr, slot: NS });
                    }
                }
                Ok(())
            }
            Expr::SuperMember(prop, p) => {
                let k = self.super_key_to_reg(prop, false)?;
                value(self)?;
                let v = self.alloc_reg();
                self.emit(Op::Star { dst: v, slot: NS });
                self.pos(*p);
                self.emit(Op::SetSuper { key: k, value: v, slot: NS });
                Ok(())
            }
            _ => err("Invalid left-hand side in assignment", pos),
        }
    }

    /// Evaluates a callee, giving (callee register, this register, whether `this` is
    /// undefined: then the this register is left unwritten for `CallUndefined`); more
    /// registers for the arguments must be allocated right after.
    fn callee_and_this(&mut self, callee: &Expr) -> CResult<(Reg, Reg, bool)> {
        let c = self.alloc_reg();
        let t = self.alloc_reg();
        match callee {
            Expr::Member(obj, prop, optional, pos) => {
                self.expr_into(obj, t)?;
                if *optional {
                    self.emit(Op::Ldar { src: t, slot: NS });
                    self.optional_exit();
                }
                let mark = self.reg_mark();
                self.load_member(t, prop, *pos)?;
                self.release(mark);
                self.emit(Op::Star { dst: c, slot: NS });
            }
            Expr::SuperMember(prop, pos) => {
                let mark = self.reg_mark();
                let k = self.super_key_to_reg(prop, false)?;
                self.pos(*pos);
                self.emit(Op::GetSuper { key: k, slot: NS });
                self.emit(Op::Star { dst: c, slot: NS });
                self.release(mark);
                self.load_this();
                self.emit(Op::Star { dst: t, slot: NS });
            }
            Expr::Paren(inner) if matches!(&**inner, Expr::Member(..) | Expr::SuperMember(..)) => {
                self.release(c.0);
                return self.callee_and_this(inner);
            }
            other => {
                self.expr_into(other, c)?;
                return Ok((c, t, true));
            }
        }
        Ok((c, t, false))
    }

    fn call(&mut self, callee: &Expr, args: &[ExprOrSpread], kind: &CallKind, pos: Pos) -> CResult<()> {
        let mark = self.reg_mark();
        let (c, t, undefined_this) = self.callee_and_this(callee)?;
        let spread = args.iter().any(|a| matches!(a, ExprOrSpread::Spread(_)));
        if undefined_this && (spread || matches!(kind, CallKind::Eval(_))) {
            // Only `CallUndefined` leaves the receiver register unwritten.
            self.emit(Op::LdaUndefined { slot: NS });
            self.emit(Op::Star { dst: t, slot: NS });
        }
        if *kind == CallKind::Optional {
            self.emit(Op::Ldar { src: c, slot: NS });
            self.optional_exit();
        }
        if spread {
            let arr = self.spread_array(args)?;
            debug_assert_eq!(arr.0, t.0 + 1);
            self.pos(pos);
            if let CallKind::Eval(context) = kind {
                // Still a direct eval when the callee is %eval% (its first argument, if any, is the source).
                let scope = self.eval_scope(context);
                self.emit(Op::CallEvalSpread { callee: c, this_reg: t, scope, slot: FS });
            } else {
                self.name_callee(callee);
                self.emit(Op::CallSpread { callee: c, this_reg: t, slot: FS });
            }
        } else {
            let _ = self.args_to_regs(args)?;
            self.pos(pos);
            if let CallKind::Eval(context) = kind {
                let scope = self.eval_scope(context);
                self.emit(Op::CallEval { callee: c, this_reg: t, argc: args.len() as u32, scope, slot: FS });
            } else {
                self.name_callee(callee);
                let argc = args.len() as u32;
                self.emit(if undefined_this {
                    Op::CallUndefined { callee: c, this_reg: t, argc, slot: FS }
                } else {
                    Op::Call { callee: c, this_reg: t, argc, slot: FS }
                });
            }
        }
        self.release(mark);
        Ok(())
    }

    /// Evaluates arguments into consecutive fresh registers; returns the first.
    pub(super) fn args_to_regs(&mut self, args: &[ExprOrSpread]) -> CResult<Reg> {
        let base = self.alloc_regs(args.len() as u32);
        for (i, a) in args.iter().enumerate() {
            if let ExprOrSpread::Expr(e) = a {
                self.expr_into(e, base.offset(i as u32))?;
            }
        }
        Ok(base)
    }

    /// Builds an array of (possibly spread) arguments in a fresh register.
    pub(super) fn spread_array(&mut self, args: &[ExprOrSpread]) -> CResult<Reg> {
        let arr = self.alloc_reg();
        self.emit(Op::CreateArray { capacity: args.len() as u32, slot: NS });
        self.emit(Op::Star { dst: arr, slot: NS });
        for a in args {
            match a {
                ExprOrSpread::Expr(e) => {
                    self.expr(e)?;
                    self.emit(Op::ArrayPush { array: arr, slot: NS });
                }
                ExprOrSpread::Spread(e) => {
                    self.expr(e)?;
                    self.emit(Op::ArraySpread { array: arr, slot: NS });
                }
            }
        }
        Ok(arr)
    }

    fn array_literal(&mut self, items: &[Option<ExprOrSpread>]) -> CResult<()> {
        let mark = self.reg_mark();
        // Without holes or spreads, and not too long for registers: the values into
        // registers, then one instruction (not one append per element).
        let plain = items.iter().all(|it| matches!(it, Some(ExprOrSpread::Expr(_))));
        if plain && !items.is_empty() && items.len() <= MAX_REGISTER_ARRAY_LITERAL {
            let first = self.alloc_regs(items.len() as u32);
            for (i, it) in items.iter().enumerate() {
                if let Some(ExprOrSpread::Expr(e)) = it {
                    self.expr_into(e, first.offset(i as u32))?;
                }
            }
            self.emit(Op::CreateArrayFrom { first, count: items.len() as u32, slot: NS });
            self.release(mark);
            return Ok(());
        }
        let arr = self.alloc_reg();
        self.emit(Op::CreateArray { capacity: items.len() as u32, slot: NS });
        self.emit(Op::Star { dst: arr, slot: NS });
        for it in items {
            match it {
                None => {
                    self.emit(Op::ArrayPushHole { array: arr, slot: NS });
                }
                Some(ExprOrSpread::Expr(e)) => {
                    self.expr(e)?;
                    self.emit(Op::ArrayPush { array: arr, slot: NS });
                }
                Some(ExprOrSpread::Spread(e)) => {
                    self.expr(e)?;
                    self.emit(Op::ArraySpread { array: arr, slot: NS });
                }
            }
        }
        self.emit(Op::Ldar { src: arr, slot: NS });
        self.release(mark);
        Ok(())
    }

    fn object_literal(&mut self, props: &[ObjProp]) -> CResult<()> {
        let mark = self.reg_mark();
        let o = self.alloc_reg();
        self.emit(Op::CreateObject { slot: NS });
        self.emit(Op::Star { dst: o, slot: NS });
        for p in props {
            let m = self.reg_mark();
            match p {
                ObjProp::KeyValue(PropKey::Named(s), v) => {
                    let name: Name = Rc::from(String::from_utf16_lossy(s).as_str());
                    self.expr_named(v, Some(&name))?;
                    let c = self.str_const(s);
                    self.emit(Op::DefineNamed { obj: o, name: c, slot: FS });
                }
                ObjProp::KeyValue(k, v) => {
                    let kr = self.prop_key_to_reg(k)?;
                    self.expr(v)?;
                    if is_anonymous_fn(v) {
                        let vr = self.alloc_reg();
                        self.emit(Op::Star { dst: vr, slot: NS });
                        self.emit(Op::SetFunctionName { name: kr, prefix: 0, slot: NS });
                        self.emit(Op::Ldar { src: vr, slot: NS });
                    }
                    self.emit(Op::DefineKeyed { obj: o, key: kr, slot: NS });
                }
                ObjProp::Method(k, f) => {
                    let kr = self.prop_key_to_reg(k)?;
                    let prefix = match f.kind {
                        FuncKind::Getter => 1,
                        FuncKind::Setter => 2,
                        _ => 0,
                    };
                    let hint = Self::static_key_name(k).map(|n| with_prefix(prefix, &n));
                    self.create_closure(f, hint.clone())?;
                    self.emit(Op::SetHomeObject { home: o, slot: NS });
                    if hint.is_none() {
                        self.emit(Op::SetFunctionName { name: kr, prefix, slot: NS });
                    }
                    match f.kind {
                        FuncKind::Getter | FuncKind::Setter => {
                            self.emit(Op::DefineAccessor {
                                obj: o,
                                key: kr,
                                is_setter: (f.kind == FuncKind::Setter) as u32,
                                enumerable: 1,
                                slot: NS,
                            });
                        }
                        _ => {
                            self.emit(Op::DefineKeyed { obj: o, key: kr, slot: NS });
                        }
                    }
                }
                ObjProp::Spread(e) => {
                    self.expr(e)?;
                    self.emit(Op::CopyDataProperties { target: o, excluded: o, excluded_count: 0, slot: NS });
                }
                ObjProp::Proto(e) => {
                    self.expr(e)?;
                    self.emit(Op::SetPrototypeLiteral { obj: o, slot: NS });
                }
            }
            self.release(m);
        }
        self.emit(Op::Ldar { src: o, slot: NS });
        self.release(mark);
        Ok(())
    }

    /// `super(args)`: constructs with the active function's parent, then binds `this` (in the
    /// frame, or in the derived constructor's context when arrows or eval code can reach it)
    /// and runs the field initialisers.
    fn super_call(&mut self, args: &[ExprOrSpread], pos: Pos) -> CResult<()> {
        let mark = self.reg_mark();
        let func = match self.resolve(CTOR_BINDING) {
            Resolved::Ctx { depth, index, .. } => {
                let r = self.alloc_reg();
                self.emit(Op::LdaContext { depth, index, slot: NS });
                self.emit(Op::Star { dst: r, slot: NS });
                r
            }
            _ => Reg::CALLEE,
        };
        if args.iter().any(|a| matches!(a, ExprOrSpread::Spread(_))) {
            let arr = self.spread_array(args)?;
            self.pos(pos);
            self.emit(Op::SuperCallSpread { func, args: arr, slot: FS });
        } else {
            let base = self.args_to_regs(args)?;
            self.pos(pos);
            self.emit(Op::SuperCall { func, args: base, argc: args.len() as u32, slot: FS });
        }
        match self.this_in_context() {
            Some((depth, index)) => self.emit(Op::BindThisContext { func, depth, index, slot: NS }),
            None => self.emit(Op::BindThis { func, slot: NS }),
        };
        self.release(mark);
        Ok(())
    }
}

/// Is this an anonymous function or class (which takes its name from its key/binding)?
pub(super) fn is_anonymous_fn(e: &Expr) -> bool {
    match e {
        Expr::Function(f) => f.name.is_none(),
        Expr::Class(c) => c.name.is_none(),
        Expr::Paren(i) => is_anonymous_fn(i),
        _ => false,
    }
}

/// "get x" / "set x" names.
pub(super) fn with_prefix(prefix: u32, n: &[u16]) -> Arc<[u16]> {
    let p = match prefix {
        1 => "get ",
        2 => "set ",
        _ => return Arc::from(n),
    };
    let mut v: Vec<u16> = p.encode_utf16().collect();
    v.extend_from_slice(n);
    v.into()
}

/// Might evaluating `e` assign a local variable of the function being compiled? Only
/// assignments, updates and direct eval in `e` itself can (a nested function that assigns a
/// local makes it captured, so it lives in a context, not a register). Conservative: any form
/// not listed answers yes.
/// The key expression of a computed member access (evaluated after the object), if any.
fn computed_key(prop: &MemberProp) -> Vec<&Expr> {
    match prop {
        MemberProp::Computed(k) => vec![k],
        _ => Vec::new(),
    }
}

/// Evaluating `e` runs no code that could change what a name resolves to (a literal or a
/// function expression).
fn runs_no_code(e: &Expr) -> bool {
    matches!(e, Expr::Number(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Null | Expr::Undefined | Expr::RegExp(..) | Expr::Function(_))
}

fn may_assign_locals(e: &Expr) -> bool {
    let any = |es: &[ExprOrSpread]| {
        es.iter().any(|a| match a {
            ExprOrSpread::Expr(e) | ExprOrSpread::Spread(e) => may_assign_locals(e),
        })
    };
    match e {
        Expr::Number(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Null | Expr::Undefined | Expr::RegExp(..) => false,
        Expr::Ident(..) | Expr::This(_) | Expr::NewTarget | Expr::Function(_) => false,
        Expr::Template(_, es) | Expr::Seq(es) => es.iter().any(may_assign_locals),
        Expr::Unary(_, a, _) | Expr::Paren(a) | Expr::OptionalChain(a) | Expr::Await(a, _) => may_assign_locals(a),
        Expr::Binary(_, a, b, _) | Expr::Logical(_, a, b) => may_assign_locals(a) || may_assign_locals(b),
        Expr::Cond(a, b, c) => may_assign_locals(a) || may_assign_locals(b) || may_assign_locals(c),
        Expr::Member(o, p, _, _) => may_assign_locals(o) || matches!(&**p, MemberProp::Computed(k) if may_assign_locals(k)),
        Expr::Call(c, args, kind, _) => !matches!(kind, CallKind::Plain | CallKind::Optional) || may_assign_locals(c) || any(args),
        Expr::New(c, args, _) => may_assign_locals(c) || any(args),
        _ => true,
    }
}
