//! The engines under test: jolt's execution tiers (a table, one line per tier) and the peer
//! engines found on this machine. Nothing is ever faked: an engine that is missing, or a tier
//! the jolt binary rejects, is reported and skipped.

use crate::process;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One jolt execution tier: a row of [`JOLT_TIERS`].
#[derive(Clone, Copy, Debug)]
pub struct JoltTier {
    /// Engine id used by `--engines` and in the results file.
    pub id: &'static str,
    /// The shell flag selecting the tier.
    pub flag: &'static str,
}

/// jolt's tiers, in report order. The first is the baseline every ratio is taken against.
/// A tier is probed with `jolt FLAG -e ''` before use; one the binary rejects is skipped, so a
/// row can be listed before its tier lands.
pub const JOLT_TIERS: &[JoltTier] = &[
    JoltTier { id: "jolt", flag: "--jit=off" },
    JoltTier { id: "jolt-baseline", flag: "--jit=baseline" },
    JoltTier { id: "jolt-full", flag: "--jit=full" },
];

/// Which family an engine belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// A jolt tier.
    Jolt,
    /// Node.js (V8).
    Node,
    /// QuickJS (quickjs-ng, built by `peers.sh`).
    QuickJs,
    /// Boa.
    Boa,
}

/// An engine configuration ready to run.
#[derive(Clone, Debug)]
pub struct Engine {
    /// Short id (`jolt`, `node-jitless`, `qjs`...), used by `--engines` and in JSON.
    pub id: String,
    /// Display name, e.g. `jolt --jit=off`.
    pub name: String,
    /// The executable.
    pub program: PathBuf,
    /// Arguments placed before the script path.
    pub args: Vec<String>,
    /// The flag that evaluates a source string (`-e`), if the engine has one.
    pub eval_flag: Option<&'static str>,
    /// Version text, as reported by the engine (or the jolt git revision).
    pub version: String,
    /// The family.
    pub family: Family,
}

impl Engine {
    /// The argument vector that runs `script`.
    pub fn script_args(&self, script: &Path) -> Vec<String> {
        let mut a = self.args.clone();
        a.push(script.display().to_string());
        a
    }

    /// The argument vector that starts the engine and runs nothing: `-e ''` where supported,
    /// otherwise the (empty) file `empty_script`.
    pub fn startup_args(&self, empty_script: &Path) -> Vec<String> {
        let mut a = self.args.clone();
        match self.eval_flag {
            Some(flag) => {
                a.push(flag.to_string());
                a.push(String::new());
            }
            None => a.push(empty_script.display().to_string()),
        }
        a
    }
}

/// An engine that could not be used, and why.
#[derive(Clone, Debug)]
pub struct Skipped {
    /// Engine id.
    pub id: String,
    /// The reason, for the report.
    pub reason: String,
}

/// Where `peers.sh` installs QuickJS and Boa: `$JOLT_PEERS_DIR`, else `benches/.peers`.
pub fn peers_dir() -> PathBuf {
    match std::env::var_os("JOLT_PEERS_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join(".peers"),
    }
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

/// Finds `name` on `PATH`.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| is_executable(p))
}

/// The peers cache first (the build `peers.sh` made), then `PATH`.
fn find_peer(name: &str) -> Option<PathBuf> {
    let cached = peers_dir().join("bin").join(name);
    if is_executable(&cached) {
        return Some(cached);
    }
    which(name)
}

fn first_line(s: &str) -> String {
    s.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_string()
}

fn version_of(program: &Path, flag: &str) -> Option<String> {
    let o = process::run(&program.display().to_string(), &[flag.to_string()], Duration::from_secs(20)).ok()?;
    if o.success() {
        Some(first_line(&o.stdout)).filter(|s| !s.is_empty())
    } else {
        None
    }
}

/// jolt's version: `jolt --version` if the shell has it; otherwise the git revision of the
/// work tree holding the binary (with ", modified" when that tree has uncommitted changes) and
/// the binary's modification time, which together tell what was measured.
fn jolt_version(jolt: &Path) -> String {
    if let Some(v) = version_of(jolt, "--version") {
        return v;
    }
    let dir = jolt.parent().unwrap_or(Path::new("."));
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let built = jolt
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| format!("binary built {}", crate::machine::format_utc(d.as_secs())));
    let mut parts = Vec::new();
    if let Some(rev) = git(&["rev-parse", "--short", "HEAD"]) {
        let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
        parts.push(format!("git {rev}{}", if dirty { ", modified" } else { "" }));
    }
    parts.extend(built);
    if parts.is_empty() {
        "jolt".to_string()
    } else {
        format!("jolt ({})", parts.join("; "))
    }
}

/// The default jolt binary: `jolt` next to the harness executable (so `cargo run --release
/// -p benches` uses `target/release/jolt`).
pub fn default_jolt() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join("jolt"))
}

/// Every engine this machine offers, in report order, plus the ones that had to be skipped.
pub fn discover(jolt: Option<&Path>) -> (Vec<Engine>, Vec<Skipped>) {
    let mut engines = Vec::new();
    let mut skipped = Vec::new();

    match jolt {
        Some(j) if is_executable(j) => {
            let version = jolt_version(j);
            for tier in JOLT_TIERS {
                // Probe: does this binary accept the tier?
                let probe = process::run(
                    &j.display().to_string(),
                    &[tier.flag.to_string(), "-e".to_string(), String::new()],
                    Duration::from_secs(20),
                );
                match probe {
                    Ok(o) if o.success() => engines.push(Engine {
                        id: tier.id.to_string(),
                        name: format!("jolt {}", tier.flag),
                        program: j.to_path_buf(),
                        args: vec![tier.flag.to_string()],
                        eval_flag: Some("-e"),
                        version: version.clone(),
                        family: Family::Jolt,
                    }),
                    Ok(o) => skipped.push(Skipped {
                        id: tier.id.to_string(),
                        reason: format!("jolt rejects {}: {}", tier.flag, process::truncate(&first_line(&o.stderr), 120)),
                    }),
                    Err(e) => skipped.push(Skipped { id: tier.id.to_string(), reason: format!("cannot run {}: {e}", j.display()) }),
                }
            }
        }
        other => {
            let shown = other.map(|p| p.display().to_string()).unwrap_or_else(|| "target/release/jolt".to_string());
            for tier in JOLT_TIERS {
                skipped.push(Skipped {
                    id: tier.id.to_string(),
                    reason: format!("no jolt binary at {shown} (build it: cargo build --release -p jolt-shell, or pass --jolt PATH)"),
                });
            }
        }
    }

    match which("node") {
        Some(node) => {
            let version = version_of(&node, "--version").unwrap_or_else(|| "node (unknown version)".to_string());
            let version = if version.starts_with('v') { format!("node {version}") } else { version };
            for (id, args) in [("node", vec![]), ("node-jitless", vec!["--jitless".to_string()])] {
                let name = if args.is_empty() { "node".to_string() } else { format!("node {}", args.join(" ")) };
                engines.push(Engine {
                    id: id.to_string(),
                    name,
                    program: node.clone(),
                    args,
                    eval_flag: Some("-e"),
                    version: version.clone(),
                    family: Family::Node,
                });
            }
        }
        None => {
            for id in ["node", "node-jitless"] {
                skipped.push(Skipped { id: id.to_string(), reason: "node not found on PATH".to_string() });
            }
        }
    }

    match find_peer("qjs") {
        Some(qjs) => {
            let version = version_of(&qjs, "--version").unwrap_or_else(|| "QuickJS (unknown version)".to_string());
            engines.push(Engine {
                id: "qjs".into(),
                name: "QuickJS".into(),
                program: qjs,
                args: vec![],
                eval_flag: Some("-e"),
                version,
                family: Family::QuickJs,
            });
        }
        None => skipped.push(Skipped {
            id: "qjs".into(),
            reason: format!("qjs not found in {} or on PATH (run benches/peers.sh qjs)", peers_dir().join("bin").display()),
        }),
    }

    match find_peer("boa") {
        Some(boa) => {
            let version = version_of(&boa, "--version").unwrap_or_else(|| "Boa (unknown version)".to_string());
            // Older boa_cli releases have no -e; start-up is measured on an empty file.
            engines.push(Engine {
                id: "boa".into(),
                name: "Boa".into(),
                program: boa,
                args: vec![],
                eval_flag: None,
                version,
                family: Family::Boa,
            });
        }
        None => skipped.push(Skipped {
            id: "boa".into(),
            reason: format!("boa not found in {} or on PATH (run benches/peers.sh boa)", peers_dir().join("bin").display()),
        }),
    }

    (engines, skipped)
}

/// Does `pattern` (an id, a display name, or a prefix ending in `*`) select `engine`?
pub fn matches(pattern: &str, engine_id: &str, engine_name: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => engine_id.starts_with(prefix),
        None => pattern == engine_id || pattern == engine_name,
    }
}

/// Every engine id the harness knows, for error messages.
pub fn known_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = JOLT_TIERS.iter().map(|t| t.id).collect();
    ids.extend(["node", "node-jitless", "qjs", "boa"]);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_patterns() {
        assert!(matches("jolt", "jolt", "jolt --jit=off"));
        assert!(!matches("jolt", "jolt-baseline", "jolt --jit=baseline"));
        assert!(matches("jolt*", "jolt-baseline", "jolt --jit=baseline"));
        assert!(matches("node --jitless", "node-jitless", "node --jitless"));
        assert!(!matches("node", "node-jitless", "node --jitless"));
    }

    #[test]
    fn argument_vectors() {
        let e = Engine {
            id: "x".into(),
            name: "x".into(),
            program: "/bin/x".into(),
            args: vec!["--flag".into()],
            eval_flag: None,
            version: String::new(),
            family: Family::Boa,
        };
        assert_eq!(e.script_args(Path::new("/p/a.js")), vec!["--flag", "/p/a.js"]);
        assert_eq!(e.startup_args(Path::new("/tmp/empty.js")), vec!["--flag", "/tmp/empty.js"]);
        let e2 = Engine { eval_flag: Some("-e"), ..e };
        assert_eq!(e2.startup_args(Path::new("/tmp/empty.js")), vec!["--flag", "-e", ""]);
    }

    #[test]
    fn the_first_tier_is_the_interpreter() {
        assert_eq!(JOLT_TIERS[0].id, "jolt");
        assert_eq!(JOLT_TIERS[0].flag, "--jit=off");
        assert!(known_ids().contains(&"qjs"));
    }
}
