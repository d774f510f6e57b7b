//! The `test262-subset` binary; see the crate README and `--help`.

fn main() {
    std::process::exit(test262_subset::runner::main());
}
