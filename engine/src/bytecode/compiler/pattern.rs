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
                let start = self.ops.len() as u32;
                for e in elems {
                    let d = self.emit(Op::IteratorStep { iter: it, done: Label(u32::MAX), slot: NS });
                    let have = self.jump(|t| Op::Jump { target: t, slot: NS });
                    self.patch(d);
                    self.emit(Op::LdaUndefined { slot: NS });
                    self.patch(have);
                    if let Some(e) = e {
                        self.element(&e.target, e.default.as_ref(), mode)?;
                    }
                }
                if let Some(r) = rest {
                    let arr = self.alloc_reg();
                    self.emit(Op::CreateArray { capacity: 0, slot: NS });
                    self.emit(Op::Star { dst: arr, slot: NS });
                    let top = self.here();
                    let d = self.emit(Op::IteratorStep { iter: it, done: Label(u32::MAX), slot: NS });
                    self.emit(Op::ArrayPush { array: arr, slot: NS });
                    self.loop_back(top);
                    self.patch(d);
                    self.emit(Op::Ldar { src: arr, slot: NS });
                    self.destructure(r, mode)?;
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
                    match (&pp.key, keys) {
                        (PropKey::Named(s), None) => {
                            let c = self.str_const(s);
                            self.pos(*pos);
                            self.emit(Op::GetNamed { obj: v, name: c, slot: FS });
                        }
                        (k, _) => {
                            let kr = self.prop_key_to_reg(k)?;
                            if let Some(ks) = keys {
                                self.emit(Op::Mov { src: kr, dst: ks.offset(i as u32), slot: NS });
                            }
                            self.emit(Op::Ldar { src: kr, slot: NS });
                            self.pos(*pos);
                            self.emit(Op::GetKeyed { obj: v, slot: FS });
                        }
                    }
                    let _ = target_name;
                    self.element(&pp.target, pp.default.as_ref(), mode)?;
                    self.release(m);
                }
                if let Some(r) = rest {
                    let o = self.alloc_reg();
                    self.emit(Op::CreateObject { slot: NS });
                    self.emit(Op::Star { dst: o, slot: NS });
                    self.emit(Op::Ldar { src: v, slot: NS });
                    let ks = keys.unwrap_or(o);
                    self.emit(Op::CopyDataProperties { target: o, excluded: ks, excluded_count: props.len() as u32, slot: NS });
                    self.emit(Op::Ldar { src: o, slot: NS });
                    self.destructure(r, mode)?;
                }
                self.release(mark);
                Ok(())
            }
        }
    }

    /// The accumulator holds an element's value: apply the default, then bind.
    fn element(&mut self, target: &Pattern, default: Option<&Expr>, mode: Mode) -> CResult<()> {
        if let Some(d) = default {
            let skip = self.jump(|t| Op::JumpIfNotUndefined { target: t, slot: NS });
            self.expr_named(d, super::stmt::pattern_name(target))?;
            self.patch(skip);
        }
        self.destructure(target, mode)
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Mode {
    Init,
    VarStore,
    Assign,
}
