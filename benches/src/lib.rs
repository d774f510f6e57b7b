//! jolt's benchmark harness (crate `benches`, binary `benches`): runs the programs in
//! `benches/programs` under every jolt tier and the peer engines found on the machine, and
//! reports wall times, ratios, peak memory, start-up time, parse+compile throughput and what
//! jolt's JIT tiers did (compile time, deoptimizations).
//! std only. See `benches/README.md`.
//!
//! The pure parts (statistics, comparison, JSON, tables, the SVG chart) live in this library
//! so that they are unit-tested; `main.rs` drives processes.

#![warn(missing_docs)]

pub mod cli;
pub mod compare;
pub mod engines;
pub mod gen;
pub mod jit_stats;
pub mod json;
pub mod machine;
pub mod model;
pub mod process;
pub mod report;
pub mod stats;
pub mod svg;
