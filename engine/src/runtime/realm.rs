//! Realms: a global object, global lexical bindings and a set of intrinsics.

use super::object::{Accessor, JsObject};
use super::string::JsString;
use crate::heap::{CellHeader, CellKind, Gc, Marker, Trace};
use crate::value::Value;

/// Index of a realm in its runtime.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[repr(transparent)]
pub struct RealmId(pub u32);

/// A global lexical binding (`let`/`const`/`class` at a script's top level).
#[repr(C)]
pub struct PropertyCell {
    header: CellHeader,
    /// The value (the hole while in the TDZ).
    pub value: Value,
    /// `const`?
    pub constant: bool,
}

impl PropertyCell {
    /// A new cell.
    pub fn new(value: Value, constant: bool) -> PropertyCell {
        PropertyCell { header: CellHeader::new::<PropertyCell>(), value, constant }
    }
}

impl Trace for PropertyCell {
    const KIND: CellKind = CellKind::PropertyCell;
    fn trace(&self, m: &mut Marker) {
        m.value(self.value);
    }
}

macro_rules! intrinsics {
    ($($name:ident),* $(,)?) => {
        /// The well-known intrinsic objects of a realm.
        #[derive(Copy, Clone, PartialEq, Eq, Debug)]
        #[allow(missing_docs)]
        pub enum Intrinsic { $($name,)* }
        /// Number of intrinsics.
        pub const INTRINSIC_COUNT: usize = [$(Intrinsic::$name,)*].len();
    };
}

intrinsics! {
    ObjectPrototype, FunctionPrototype, ArrayPrototype, StringPrototype, NumberPrototype,
    BooleanPrototype, SymbolPrototype, BigIntPrototype,
    ErrorPrototype, TypeErrorPrototype, RangeErrorPrototype, ReferenceErrorPrototype,
    SyntaxErrorPrototype, EvalErrorPrototype, UriErrorPrototype, AggregateErrorPrototype,
    IteratorPrototype, AsyncIteratorPrototype, ArrayIteratorPrototype, StringIteratorPrototype,
    MapIteratorPrototype, SetIteratorPrototype, RegExpStringIteratorPrototype, ForInIteratorPrototype,
    GeneratorPrototype, GeneratorFunctionPrototype, AsyncGeneratorPrototype,
    AsyncGeneratorFunctionPrototype, AsyncFunctionPrototype, AsyncFromSyncIteratorPrototype,
    PromisePrototype, RegExpPrototype, MapPrototype, SetPrototype, WeakMapPrototype,
    WeakSetPrototype, DatePrototype, ArrayBufferPrototype, DataViewPrototype, TypedArrayPrototype,
    IteratorHelperPrototype, WrapForValidIteratorPrototype,
    Object, Function, Array, String, Number, Boolean, Symbol, Error, TypeError, RangeError,
    ReferenceError, SyntaxError, EvalError, UriError, AggregateError, Promise, RegExp, Map, Set,
    WeakMap, WeakSet, Date, ArrayBuffer, DataView, TypedArray, GeneratorFunction,
    AsyncGeneratorFunction, AsyncFunction, Iterator,
    ThrowTypeError, ArrayProtoValues, ArrayIteratorNext, Eval, PromiseResolveFunctions,
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float16Array, Float32Array, Float64Array,
    Int8ArrayPrototype, Uint8ArrayPrototype, Uint8ClampedArrayPrototype, Int16ArrayPrototype,
    Uint16ArrayPrototype, Int32ArrayPrototype, Uint32ArrayPrototype, Float16ArrayPrototype,
    Float32ArrayPrototype, Float64ArrayPrototype,
    DomExceptionPrototype,
}

/// One realm.
pub struct Realm {
    /// The global object.
    pub global: Gc<JsObject>,
    /// Global lexical bindings.
    pub lexical: super::hash::FastHashMap<Gc<JsString>, Gc<PropertyCell>>,
    /// Intrinsics, indexed by [`Intrinsic`]; filled during realm setup.
    pub intrinsics: Vec<Option<Gc<JsObject>>>,
    /// The `caller` and `arguments` accessors every sloppy ordinary function of the realm has
    /// as own properties (an implementation extension ECMA-262 17.1 permits; see
    /// `builtins::function`). Set during realm setup.
    pub sloppy_function_accessors: Option<(Gc<Accessor>, Gc<Accessor>)>,
}

impl Realm {
    /// Marks everything the realm holds.
    pub fn trace(&self, m: &mut Marker) {
        m.cell(self.global);
        for (k, c) in &self.lexical {
            m.cell(*k);
            m.cell(*c);
        }
        for i in self.intrinsics.iter().flatten() {
            m.cell(*i);
        }
        if let Some((c, a)) = self.sloppy_function_accessors {
            m.cell(c);
            m.cell(a);
        }
    }
}
