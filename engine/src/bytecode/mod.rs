//! Bytecode: the instruction table ([`ops`]), compiled functions ([`code`]) and the
//! compiler from the AST ([`compiler`]).

pub mod code;
pub mod compiler;
pub mod ops;
