//! The `jolt-fuzz` command end to end, against stand-in `jolt` scripts (no engine needed): a
//! consistent one gives a clean summary, one that misbehaves in the optimizing tier on programs
//! that freeze an object is reported and minimised to the line that freezes.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A stand-in `jolt` script in a directory of its own (see [`remove_fake`]).
fn fake_jolt(name: &str, body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jolt-fuzz-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\nfor last; do :; done\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p
}

/// Removes a stand-in made by [`fake_jolt`] with its directory.
fn remove_fake(jolt: &Path) {
    let _ = std::fs::remove_dir_all(jolt.parent().unwrap());
}

fn fuzz(jolt: &PathBuf, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jolt-fuzz")).args(args).arg("--jolt").arg(jolt).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The first seed (from 0) whose program freezes an object.
fn freezing_seed() -> u64 {
    (0..).find(|&s| jolt_fuzz::gen::generate(s).contains("Object.freeze")).unwrap()
}

#[test]
fn consistent_tiers_are_clean() {
    let jolt = fake_jolt("same.sh", "wc -l < \"$last\"");
    let (code, out) = fuzz(&jolt, &["--seeds", "5..8"]);
    remove_fake(&jolt);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("fuzz: 3 programs, 3 clean, 0 differences (seeds 5..8)"), "{out}");
}

#[test]
fn a_difference_is_reported_and_minimised() {
    let jolt =
        fake_jolt("buggy.sh", "echo ok\ncase \"$*\" in *opt-threshold*) grep -q 'Object.freeze' \"$last\" && echo BUG ;; esac\nexit 0");
    let seed = freezing_seed();
    let range = format!("{seed}..{}", seed + 1);
    let (code, out) = fuzz(&jolt, &["--seeds", &range, "--minimize", "--jobs", "1"]);
    remove_fake(&jolt);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("DIFFERENCE seed {seed}")), "{out}");
    assert!(out.contains("mode full (") && out.contains("got \"BUG\""), "{out}");
    assert!(!out.contains("mode baseline-eager"), "{out}");
    assert!(out.contains("minimised to 1 lines (mode full)"), "{out}");
    let kept: Vec<&str> = out.lines().filter(|l| l.trim_start().starts_with("| ")).collect();
    assert_eq!(kept.len(), 1, "{out}");
    assert!(kept[0].contains("Object.freeze"), "{out}");
    assert!(out.contains("1 differences"), "{out}");
    let written = out.lines().find_map(|l| l.trim().strip_prefix("written to ")).expect("a found file");
    let text = std::fs::read_to_string(written).unwrap();
    assert!(text.contains("Object.freeze"));
    let _ = std::fs::remove_file(written);
}
