//! `%GeneratorFunction%`, `%GeneratorPrototype%` (`next`, `return`, `throw`) and
//! `%AsyncFunction%`.

use super::{set_intrinsic, to_string_tag};
use crate::interpreter::ResumeMode;
use crate::runtime::shape::*;
use crate::runtime::{CallArgs, Intrinsic, JsResult, Runtime};
use crate::value::Value;

pub(crate) fn install(rt: &mut Runtime) {
    let gp = rt.intrinsic(Intrinsic::GeneratorPrototype);
    rt.define_method(gp, "next", 1, next);
    rt.define_method(gp, "return", 1, return_);
    rt.define_method(gp, "throw", 1, throw);
    to_string_tag(rt, gp, "Generator");
    let gfp = rt.intrinsic(Intrinsic::GeneratorFunctionPrototype);
    to_string_tag(rt, gfp, "GeneratorFunction");
    link(rt, gfp, gp);
    let gf = constructor(rt, "GeneratorFunction", generator_function, gfp);
    set_intrinsic(rt, Intrinsic::GeneratorFunction, gf);

    let afp = rt.intrinsic(Intrinsic::AsyncFunctionPrototype);
    to_string_tag(rt, afp, "AsyncFunction");
    let af = constructor(rt, "AsyncFunction", async_function, afp);
    set_intrinsic(rt, Intrinsic::AsyncFunction, af);
}

/// `fp.prototype = proto` and `proto.constructor = fp` (both configurable, read-only).
pub(crate) fn link(
    rt: &mut Runtime,
    fp: crate::heap::Gc<crate::runtime::object::JsObject>,
    proto: crate::heap::Gc<crate::runtime::object::JsObject>,
) {
    let pk = PropertyKey::String(rt.names.prototype);
    rt.define_data(fp, pk, Value::object(proto), CONFIGURABLE);
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_data(proto, ck, Value::object(fp), CONFIGURABLE);
}

/// A hidden constructor (not a global) like `%GeneratorFunction%`.
pub(crate) fn constructor(
    rt: &mut Runtime,
    name: &str,
    f: crate::runtime::object::NativeFn,
    proto: crate::heap::Gc<crate::runtime::object::JsObject>,
) -> crate::heap::Gc<crate::runtime::object::JsObject> {
    let c = rt.new_native_function(name, 1, f, true);
    let function = rt.intrinsic(Intrinsic::Function);
    rt.set_prototype_of(c, Some(function)).ok();
    let pk = PropertyKey::String(rt.names.prototype);
    rt.define_data(c, pk, Value::object(proto), 0);
    let ck = PropertyKey::String(rt.names.constructor);
    rt.define_data(proto, ck, Value::object(c), CONFIGURABLE);
    c
}

fn generator_function(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    super::function::create_dynamic_function(rt, a, "function*", Intrinsic::GeneratorFunctionPrototype)
}

fn async_function(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    super::function::create_dynamic_function(rt, a, "async function", Intrinsic::AsyncFunctionPrototype)
}

fn next(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    rt.generator_resume(a.this, ResumeMode::Next, a.arg(0))
}

fn return_(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    rt.generator_resume(a.this, ResumeMode::Return, a.arg(0))
}

fn throw(rt: &mut Runtime, a: &CallArgs) -> JsResult<Value> {
    rt.generator_resume(a.this, ResumeMode::Throw, a.arg(0))
}
