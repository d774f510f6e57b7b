//! jolt's own syntax tree: what the compiler reads. Nothing outside `parser/` sees swc.
//!
//! Positions are byte offsets into the script source ([`Pos`]); they become
//! `line:column` only when an error or stack trace needs them.

use std::rc::Rc;

/// A byte offset into the source.
pub type Pos = u32;
/// An identifier name.
pub type Name = Rc<str>;
/// A string literal's value in UTF-16 code units (lone surrogates allowed).
pub type Str = Rc<[u16]>;

/// A whole script.
pub struct Program {
    /// Does the script start with a "use strict" directive?
    pub strict: bool,
    /// The statements.
    pub body: Vec<Stmt>,
}

/// Variable declaration kinds.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum VarKind {
    /// `var`
    Var,
    /// `let`
    Let,
    /// `const`
    Const,
}

/// A binding target: an identifier or a destructuring pattern.
pub enum Pattern {
    /// `x`
    Ident(Name, Pos),
    /// `[a, , b = 1, ...rest]`
    Array(Vec<Option<PatElem>>, Option<Box<Pattern>>, Pos),
    /// `{a, b: c, [k]: d = 1, ...rest}`
    Object(Vec<PatProp>, Option<Box<Pattern>>, Pos),
    /// An assignment target that is not a binding (`a.b`, `a[0]`), in assignment patterns.
    Expr(Box<Expr>),
}

/// An element of an array pattern.
pub struct PatElem {
    /// The target.
    pub target: Pattern,
    /// The default value.
    pub default: Option<Expr>,
}

/// A property of an object pattern.
pub struct PatProp {
    /// The key.
    pub key: PropKey,
    /// The target.
    pub target: Pattern,
    /// The default value.
    pub default: Option<Expr>,
}

/// A property key in a literal, pattern or class.
pub enum PropKey {
    /// An identifier or string key.
    Named(Str),
    /// A numeric literal key.
    Number(f64),
    /// `[expr]`
    Computed(Box<Expr>),
    /// `#name` (classes only; the name is stored without its `#`).
    Private(Name),
}

/// A function parameter.
pub struct Param {
    /// The binding.
    pub pattern: Pattern,
    /// The default value.
    pub default: Option<Expr>,
}

/// What sort of function.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FuncKind {
    /// `function f() {}`
    Normal,
    /// `() => {}`
    Arrow,
    /// `{ m() {} }` or a class method.
    Method,
    /// `get x() {}`
    Getter,
    /// `set x(v) {}`
    Setter,
    /// A class constructor (base).
    ClassConstructor,
    /// A class constructor of a derived class.
    DerivedConstructor,
    /// A class field initialiser (synthesised).
    FieldInit,
}

/// A function literal of any kind.
pub struct Function {
    /// Its name, if it has one of its own (a declaration or named expression).
    pub name: Option<Name>,
    /// The kind.
    pub kind: FuncKind,
    /// `function*`
    pub generator: bool,
    /// `async`
    pub is_async: bool,
    /// The parameters.
    pub params: Vec<Param>,
    /// The rest parameter.
    pub rest: Option<Pattern>,
    /// The body (an expression body is a single `return`).
    pub body: Vec<Stmt>,
    /// Does the body start with "use strict"?
    pub strict_directive: bool,
    /// Source text span (start, end) for `Function.prototype.toString`.
    pub span: (Pos, Pos),
    /// `() => expr`
    pub expression_body: bool,
}

/// A class literal.
pub struct Class {
    /// Its name.
    pub name: Option<Name>,
    /// `extends` expression.
    pub extends: Option<Box<Expr>>,
    /// The constructor, if written.
    pub constructor: Option<Rc<Function>>,
    /// Members in order.
    pub members: Vec<ClassMember>,
    /// Source text span.
    pub span: (Pos, Pos),
}

/// A class member.
pub enum ClassMember {
    /// A method, getter or setter.
    Method {
        /// Key.
        key: PropKey,
        /// `static`
        is_static: bool,
        /// The function (kind Method, Getter or Setter).
        func: Rc<Function>,
    },
    /// A field.
    Field {
        /// Key.
        key: PropKey,
        /// `static`
        is_static: bool,
        /// Initialiser.
        value: Option<Box<Expr>>,
        /// Position.
        pos: Pos,
    },
    /// `static { ... }`
    StaticBlock(Vec<Stmt>),
}

/// A statement.
pub enum Stmt {
    /// `var/let/const` declarations.
    VarDecl(VarKind, Vec<(Pattern, Option<Expr>)>, Pos),
    /// A function declaration.
    FuncDecl(Rc<Function>),
    /// A class declaration.
    ClassDecl(Rc<Class>),
    /// An expression statement.
    Expr(Expr),
    /// `{ ... }`
    Block(Vec<Stmt>),
    /// `;`
    Empty,
    /// `if`
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    /// `for (init; test; update) body`
    For(Option<ForInit>, Option<Expr>, Option<Expr>, Box<Stmt>),
    /// `for (lhs in obj)`
    ForIn(ForHead, Expr, Box<Stmt>),
    /// `for (lhs of iterable)` (`await` flag for `for await`).
    ForOf(ForHead, Expr, Box<Stmt>, bool),
    /// `while`
    While(Expr, Box<Stmt>),
    /// `do ... while`
    DoWhile(Box<Stmt>, Expr),
    /// `break label?`
    Break(Option<Name>, Pos),
    /// `continue label?`
    Continue(Option<Name>, Pos),
    /// `return`
    Return(Option<Expr>, Pos),
    /// `throw`
    Throw(Expr, Pos),
    /// `try { } catch (p) { } finally { }`
    Try(Vec<Stmt>, Option<(Option<Pattern>, Vec<Stmt>)>, Option<Vec<Stmt>>),
    /// `switch`
    Switch(Expr, Vec<(Option<Expr>, Vec<Stmt>)>),
    /// `label: stmt`
    Labeled(Name, Box<Stmt>),
    /// `debugger`
    Debugger,
}

/// The initialiser of a C-style `for`.
pub enum ForInit {
    /// A declaration.
    Decl(VarKind, Vec<(Pattern, Option<Expr>)>),
    /// An expression.
    Expr(Expr),
}

/// The left side of `for-in`/`for-of`.
pub enum ForHead {
    /// `for (let x of ...)`
    Decl(VarKind, Pattern),
    /// `for (x.y of ...)` or a pattern assignment.
    Target(Pattern),
}

/// Unary operators.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    /// `-`
    Neg,
    /// `+`
    Plus,
    /// `!`
    Not,
    /// `~`
    BitNot,
    /// `typeof`
    TypeOf,
    /// `void`
    Void,
    /// `delete`
    Delete,
}

/// Binary operators (not logical ones).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Exp,
    /// `<<`
    Shl,
    /// `>>`
    Sar,
    /// `>>>`
    Shr,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNe,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `instanceof`
    InstanceOf,
    /// `in`
    In,
}

/// Logical operators.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum LogicalOp {
    /// `&&`
    And,
    /// `||`
    Or,
    /// `??`
    Nullish,
}

/// Assignment operators: plain, compound or logical.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `op=`
    Compound(BinOp),
    /// `&&=`, `||=`, `??=`
    Logical(LogicalOp),
}

/// A property in an object literal.
pub enum ObjProp {
    /// `key: value` (also shorthand `a`).
    KeyValue(PropKey, Expr),
    /// `get key() {}` / `set key(v) {}` / `key() {}`
    Method(PropKey, Rc<Function>),
    /// `...expr`
    Spread(Expr),
    /// `__proto__: value`
    Proto(Expr),
}

/// A template literal's pieces.
pub struct TemplateParts {
    /// Cooked strings (None where an escape is invalid, allowed only when tagged).
    pub cooked: Vec<Option<Str>>,
    /// Raw strings.
    pub raw: Vec<Str>,
}

/// An argument or array element, possibly spread.
pub enum ExprOrSpread {
    /// An expression.
    Expr(Expr),
    /// `...expr`
    Spread(Expr),
}

/// An expression.
pub enum Expr {
    /// A number.
    Number(f64),
    /// A string.
    Str(Str),
    /// A boolean.
    Bool(bool),
    /// `null`
    Null,
    /// `undefined` is an identifier; this is a synthesised undefined.
    Undefined,
    /// A regular expression literal (pattern, flags).
    RegExp(Str, Rc<str>, Pos),
    /// A template literal.
    Template(Rc<TemplateParts>, Vec<Expr>),
    /// `tag`...``
    TaggedTemplate(Box<Expr>, Rc<TemplateParts>, Vec<Expr>, Pos),
    /// An identifier reference.
    Ident(Name, Pos),
    /// `this`
    This(Pos),
    /// `super.x` / `super[x]`: the property
    SuperMember(Box<MemberProp>, Pos),
    /// `super(...)`
    SuperCall(Vec<ExprOrSpread>, Pos),
    /// `new.target`
    NewTarget,
    /// `[a, , ...b]`
    Array(Vec<Option<ExprOrSpread>>),
    /// `{...}`
    Object(Vec<ObjProp>),
    /// A function expression.
    Function(Rc<Function>),
    /// A class expression.
    Class(Rc<Class>),
    /// `op x`
    Unary(UnaryOp, Box<Expr>, Pos),
    /// `++x`, `x--`...: (is increment, is prefix, target)
    Update(bool, bool, Box<Expr>, Pos),
    /// `a op b`
    Binary(BinOp, Box<Expr>, Box<Expr>, Pos),
    /// `#x in obj`
    PrivateIn(Name, Box<Expr>, Pos),
    /// `a && b` ...
    Logical(LogicalOp, Box<Expr>, Box<Expr>),
    /// `a ? b : c`
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `target op= value`
    Assign(AssignOp, Box<Pattern>, Box<Expr>, Pos),
    /// `a, b`
    Seq(Vec<Expr>),
    /// `obj.prop` / `obj[prop]` / `obj.#p` (optional: part of an `?.` chain link).
    Member(Box<Expr>, Box<MemberProp>, bool, Pos),
    /// `f(args)`.
    Call(Box<Expr>, Vec<ExprOrSpread>, CallKind, Pos),
    /// `new C(args)`
    New(Box<Expr>, Vec<ExprOrSpread>, Pos),
    /// The boundary of an optional chain: short-circuits evaluate to undefined here.
    OptionalChain(Box<Expr>),
    /// `yield` / `yield*`
    Yield(Option<Box<Expr>>, bool, Pos),
    /// `await`
    Await(Box<Expr>, Pos),
    /// `(expr)` — kept only where it matters (e.g. `(a.b)()` is still a method call, but
    /// `(a, b)` and name inference do care).
    Paren(Box<Expr>),
}

/// The property part of a member expression.
pub enum MemberProp {
    /// `.name`
    Named(Str),
    /// `[expr]`
    Computed(Expr),
    /// `.#name`
    Private(Name),
}

/// How a call expression calls.
#[derive(Debug, Clone, PartialEq)]
pub enum CallKind {
    /// `f(args)`
    Plain,
    /// `f?.(args)`
    Optional,
    /// `eval(args)`: a direct eval when `eval` is %eval% at run time. Records what the
    /// surrounding code lets eval code use.
    Eval(Box<EvalContext>),
}

/// What the code around a direct eval lets the eval code use (besides its bindings): the
/// parser of eval code needs it for early errors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalContext {
    /// `new.target` (inside a non-arrow function, possibly through arrows).
    pub new_target: bool,
    /// `super.x` (inside a method, possibly through arrows).
    pub super_prop: bool,
    /// `super(...)` (inside a derived constructor, possibly through arrows).
    pub super_call: bool,
    /// The private names of the enclosing classes.
    pub privates: Vec<Box<str>>,
    /// `arguments` is an error: the eval is in a class field initialiser or static block,
    /// possibly through arrows (ContainsArguments).
    pub no_arguments: bool,
}
