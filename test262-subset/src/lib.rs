//! test262-subset: the test262 conformance runner for the jolt engine.
//!
//! The runner follows test262's INTERPRETING.md: it reads each test's front
//! matter ([`frontmatter`], [`metadata`]), expands it into sloppy and/or
//! strict runs, and runs each in a fresh runtime inside a pool of worker
//! processes ([`pool`], [`worker`], [`protocol`]) after the harness files,
//! which each worker compiles once ([`host`], the only module that talks to
//! the engine). Outcomes are judged engine-neutrally ([`judge`]). What is run
//! is data ([`scope`], from `scope.toml`); results are summarised
//! ([`report`]) and gated against a committed baseline ([`baseline`]).

#![warn(missing_docs)]

pub mod baseline;
pub mod cli;
pub mod frontmatter;
pub mod host;
pub mod judge;
pub mod metadata;
pub mod plan;
pub mod pool;
pub mod protocol;
pub mod report;
pub mod runner;
pub mod scope;
pub mod select;
pub mod suite;
pub mod testid;
pub mod toml_lite;
pub mod worker;
