//! jolt's differential fuzzer.
//!
//! [`gen::generate`] turns a seed into a random, always-terminating, deterministic JavaScript
//! program aimed at the JIT tiers' speculation (type and shape changes in hot loops, prototype
//! mutation, holes and out-of-bounds reads, int32 overflow, exceptions thrown from nested calls,
//! mutating getters). [`run`] runs a program under the `jolt` binary in every tier and compares
//! each tier's observable behaviour with the interpreter's; [`minimize`] shrinks a program that
//! shows a difference to the lines that still show it.

pub mod gen;
pub mod minimize;
pub mod rng;
pub mod run;
