//! Destructuring: binding (declarations, parameters) and assignment patterns.

use super::*;

impl FnCompiler<'_> {
    /// Binds the accumulator to a declaration pattern (`init` = initialise, as opposed
    /// to `var` re-assignment, which is a plain store).
    pub(super) fn bind_pattern(&mut self, p: &Pattern, init: bool) -> CResult<()> {
        self.destructure(p, if init { Mode::Init } else { Mode::VarStore })
    }

    /// Assigns the accumulator to an assignment pattern.
    pub(super) fn assign_pattern(&mut self, p: &Pattern) -> CResult<()> {
        self.destructure(p, Mode::Assign)
    }

    fn destructure(&mut self, p: &Pattern, mode: Mode) -> CResult<()> {
        match p {
            Pattern::Ident(n, pos) => {
                match mode {
                    Mode::Init => self.init_var(n, *pos),
                    Mode::VarStore | Mode::Assign => self.store_var(n, *pos),
                }
                Ok(())
            }
            Pattern::Expr(e) => {
                let mark = self.reg_mark();
                let v = self.alloc_reg();
                self.emit(Op::Star { dst: v, slot: NS });
                self.assign_to_expr(
                    e,
                    None,
                    |c| {
                        c.emit(Op::Ldar { src: v, slot: NS });
                        Ok(())
                    },
                    0,
                )?;
                self.release(mark);
                Ok(())
            }
            Pattern::Array(elems, rest, pos) => {
                let mark = self.reg_mark();
                let it = self.alloc_regs(3);
                self.pos(*pos);
                self.emit(Op::GetIterator { dst: it, is_async: 0, slot: NS });
                // An abrupt completion while destructuring closes the iterator.
                let ctx_save = self.alloc_reg();
                self.emit(Op::Mov {
                    src: Reg(-(crate::interpreter::frame::HEADER as i32) + crate::interpreter::frame::CONTEXT_SLOT as i32),
                    dst: ctx_save,
                    slot: NS,
                });
                // In a generator, a `yield` inside the pattern may be resumed with a return:
                // that exit closes the iterator too (like a finally block).
                let fin = if self.generator { Some(self.push_finally_control()) } else { None };
                let start = self.ops.len() as u32;
                for e in elems {
                    // The target reference is evaluated before the iterator steps.
                    let step = move |c: &mut Self| -> CResult<()> {
                        let d = c.emit(Op::IteratorStep { iter: it, done: Label(u32::MAX), slot: NS });
                        let have = c.jump(|t| Op::Jump { target: t, slot: NS });
                        c.patch(d);
                        c.emit(Op::LdaUndefined { slot: NS });
                        c.patch(have);
                        Ok(())
                    };
                    match e {
                        Some(e) => self.element(&e.target, e.default.as_ref(), mode, step)?,
                        None => step(self)?,
                    }
                }
                if let Some(r) = rest {
                    let collect = move |c: &mut Self| -> CResult<()> {
                        let arr = c.alloc_reg();
                        c.emit(Op::CreateArray { capacity: 0, slot: NS });
                        c.emit(Op::Star { dst: arr, slot: NS });
                        let top = c.here();
                        let d = c.emit(Op::IteratorStep { iter: it, done: Label(u32::MAX), slot: NS });
                        c.emit(Op::ArrayPush { array: arr, slot: NS });
                        c.loop_back(top);
                        c.patch(d);
                        c.emit(Op::Ldar { src: arr, slot: NS });
                        Ok(())
                    };
                    self.element(r, None, mode, collect)?;
                }
                let end = self.ops.len() as u32;
                let over = self.jump(|t| Op::Jump { target: t, slot: NS });
                let h = self.here();
                self.handlers.push(Handler { start, end, handler: h, context_reg: ctx_save.0 });
                let exc = self.alloc_reg();
                self.emit(Op::Star { dst: exc, slot: NS });
                self.emit(Op::IteratorCloseQuiet { iter: it, slot: NS });
                self.emit(Op::Ldar { src: exc, slot: NS });
                self.emit(Op::Throw { slot: NS });
                if let Some((kind_reg, value_reg)) = fin {
                    let ctl = self.control.pop().expect("destructuring finally");
                    if let ControlKind::Finally { entries, exits, .. } = ctl.kind {
                        if !entries.is_empty() {
                            for e in entries {
                                self.patch(e);
                            }
                            self.emit(Op::IteratorClose { iter: it, slot: NS });
                            self.finally_dispatch(kind_reg, value_reg, exits)?;
                        }
                    }
                }
                self.patch(over);
                self.emit(Op::IteratorClose { iter: it, slot: NS });
                self.release(mark);
                Ok(())
            }
            Pattern::Object(props, rest, pos) => {
                let mark = self.reg_mark();
                let v = self.alloc_reg();
                self.emit(Op::Star { dst: v, slot: NS });
                self.pos(*pos);
                self.emit(Op::ToObject { slot: NS });
                let keys = if rest.is_some() { Some(self.alloc_regs(props.len() as u32)) } else { None };
                for (i, pp) in props.iter().enumerate() {
                    let m = self.reg_mark();
                    let target_name = super::stmt::pattern_name(&pp.target).cloned();
                    // The key is evaluated, then the target reference, then the value is read.
                    let pos = *pos;
                    match (&pp.key, keys) {
                        (PropKey::Named(s), None) => {
                            let c = self.str_const(s);
                            let load = move |cc: &mut Self| -> CResult<()> {
                                cc.pos(pos);
                                cc.emit(Op::GetNamed { obj: v, name: c, slot: FS });
                                Ok(())
                            };
                            self.element(&pp.target, pp.default.as_ref(), mode, load)?;
                        }
                        (k, _) => {
                            let kr = self.prop_key_to_reg(k)?;
                            if let Some(ks) = keys {
                                self.emit(Op::Mov { src: kr, dst: ks.offset(i as u32), slot: NS });
                            }
                            let load = move |cc: &mut Self| -> CResult<()> {
                                cc.emit(Op::Ldar { src: kr, slot: NS });
                                cc.pos(pos);
                                cc.emit(Op::GetKeyed { obj: v, slot: FS });
                                Ok(())
                            };
                            self.element(&pp.target, pp.default.as_ref(), mode, load)?;
                        }
                    }
                    let _ = target_name;
                    self.release(m);
                }
                if let Some(r) = rest {
                    let count = props.len() as u32;
                    let copy = move |c: &mut Self| -> CResult<()> {
                        let o = c.alloc_reg();
                        c.emit(Op::CreateObject { slot: NS });
                        c.emit(Op::Star { dst: o, slot: NS });
                        c.emit(Op::Ldar { src: v, slot: NS });
                        let ks = keys.unwrap_or(o);
                        c.emit(Op::CopyDataProperties { target: o, excluded: ks, excluded_count: count, slot: NS });
                        c.emit(Op::Ldar { src: o, slot: NS });
                        Ok(())
                    };
                    self.element(r, None, mode, copy)?;
                }
                self.release(mark);
                Ok(())
            }
        }
    }

    /// One element: `load` puts its value in the accumulator, then the default applies and
    /// the value is bound. An assignment target that is a reference (`a.b`, `a[k]`, a name)
    /// is evaluated before `load` runs (the spec evaluates the reference first).
    fn element(
        &mut self,
        target: &Pattern,
        default: Option<&Expr>,
        mode: Mode,
        load: impl FnOnce(&mut Self) -> CResult<()>,
    ) -> CResult<()> {
        let name = super::stmt::pattern_name(target);
        let value = |c: &mut Self| -> CResult<()> {
            load(c)?;
            if let Some(d) = default {
                let skip = c.jump(|t| Op::JumpIfNotUndefined { target: t, slot: NS });
                c.expr_named(d, name)?;
                c.patch(skip);
            }
            Ok(())
        };
        if let Pattern::Expr(e) = target {
            let mark = self.reg_mark();
            self.assign_to_expr(e, None, value, 0)?;
            self.release(mark);
            return Ok(());
        }
        if let (Pattern::Ident(n, pos), Mode::Assign) = (target, mode) {
            // So is an identifier's (resolved once; see `ident_reference`).
            let mark = self.reg_mark();
            let r = self.ident_reference(n);
            value(self)?;
            self.store_reference(n, *pos, &r);
            self.release(mark);
            return Ok(());
        }
        value(self)?;
        self.destructure(target, mode)
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Mode {
    Init,
    VarStore,
    Assign,
}
