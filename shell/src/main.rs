//! `jolt`: run a script (`jolt file.js`), evaluate code (`jolt -e '...'`), or the
//! interactive REPL (`jolt`, `jolt -i`; see [`repl`]).
//!
//! Flags are parsed by hand (the set is small and fixed by the issues).

mod repl;

use jolt::{JsErrorKind, Runtime, RuntimeOptions};
use std::process::ExitCode;

/// mimalloc: the engine mallocs object slot vectors and strings, and glibc's allocator was
/// 5-30% of object-heavy scripts' time (see `Cargo.toml`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Run first on the JIT's background compiler thread: gives the thread a mimalloc heap in an
/// arena of its own, reserved without asking for transparent huge pages and committed as used.
///
/// mimalloc's default arena asks for huge pages, which suit the main thread's object heap, but
/// a thread's heap takes segments of its own there, and the compiler's few megabytes of
/// short-lived allocations then held 2 MiB pages: 5-8 MiB more resident memory per process on
/// the bench programs (a fifth to a quarter of the small ones' peak), for no speed.
fn compiler_thread_heap() {
    use libmimalloc_sys as ffi;
    // One reservation (address space only) for the process's compiler threads. A heap in an
    // arena allocates only there, so the reservation bounds what they may hold at once: 64 GiB
    // leaves that to the machine's memory, as for any other thread.
    static ARENA: std::sync::OnceLock<Option<ffi::mi_arena_id_t>> = std::sync::OnceLock::new();
    let arena = ARENA.get_or_init(|| {
        let mut id: ffi::mi_arena_id_t = 0;
        // SAFETY: plain FFI call; it writes `id` when it returns 0. Arguments: size, commit now,
        // allow large OS pages, exclusive (only heaps made for it allocate there).
        let reserved = unsafe { ffi::mi_reserve_os_memory_ex(64 << 30, false, false, true, &mut id) } == 0;
        reserved.then_some(id)
    });
    // Without the arena the thread keeps its default heap.
    if let Some(id) = *arena {
        // SAFETY: the new heap belongs to this thread, which makes it its default. When the
        // thread exits, mimalloc hands the heap's pages on without freeing blocks still in
        // use (the stubs' module, which the runtime took over), which any thread may free.
        unsafe {
            let heap = ffi::mi_heap_new_in_arena(id);
            if !heap.is_null() {
                ffi::mi_heap_set_default(heap);
            }
        }
    }
}

const HELP: &str = "\
Usage: jolt [options] [file.js [args...]]
       jolt [options] -e 'code'
       jolt [options] [-i]     interactive REPL (reads entries from stdin when it is
                               not a terminal)

Options:
  -e, --eval CODE       evaluate CODE
  -i, --interactive     open the REPL
  --print-bytecode      print the bytecode of the script instead of running it
  --stats               print inline-cache and GC statistics after running
  --gc-stress[=N]       collect garbage every N allocations (default 1)
  --heap-limit=MB       terminate a script whose heap exceeds MB megabytes
  --jit=TIER            highest execution tier: off (interpreter only), baseline,
                        full (every tier; the default)
  --jit-eager           compile every function on its first call
  --jit-sync            compile optimized code on the main thread, not in the
                        background (tier-up at the same point in every run)
  --jit-threshold=N     calls before a function is compiled (loops: 50*N back-edges)
  --trace-jit           print one line per compiled function to stderr
  --opt-threshold=N     calls in baseline code before the optimizing tier compiles a
                        function (loops: 50*N back-edges)
  --trace-opt           print one line per optimized compile to stderr
  --trace-deopt         print one line per deoptimization to stderr
  --deopt-every=N       make every Nth speculation guard fail (testing)
  --explain-jit         after the script, say for each compiled function its tier,
                        compiles and each deoptimization with its line and reason
  --stack-size=SLOTS    VM register stack capacity, in values
  -h, --help            show this help
";

struct Args {
    file: Option<String>,
    eval: Option<String>,
    print_bytecode: bool,
    stats: bool,
    interactive: bool,
    options: RuntimeOptions,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        file: None,
        eval: None,
        print_bytecode: false,
        stats: false,
        interactive: false,
        options: RuntimeOptions {
            host_apis: jolt::HostApis::all(),
            compiler_thread_start: Some(compiler_thread_heap),
            ..Default::default()
        },
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        if a.file.is_some() {
            break; // script arguments
        }
        let (flag, value) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                std::process::exit(0);
            }
            "-e" | "--eval" => a.eval = Some(value.or_else(|| it.next()).ok_or("-e needs code")?),
            "--print-bytecode" => a.print_bytecode = true,
            "-i" | "--interactive" => a.interactive = true,
            "--stats" => a.stats = true,
            "--gc-stress" => {
                a.options.gc_stress =
                    Some(value.map(|v| v.parse().map_err(|_| format!("bad --gc-stress value: {v}"))).transpose()?.unwrap_or(1))
            }
            "--heap-limit" => {
                let v = value.or_else(|| it.next()).ok_or("--heap-limit needs a size in MB")?;
                let mb: usize = v.parse().map_err(|_| format!("bad --heap-limit value: {v}"))?;
                a.options.heap_limit = Some(mb << 20);
            }
            "--jit" => {
                let v = value.or_else(|| it.next()).ok_or("--jit needs a tier")?;
                a.options.jit = jolt::jit::Tier::parse(&v).ok_or(format!("--jit={v}: expected off, baseline or full"))?;
            }
            "--jit-eager" => a.options.jit_eager = true,
            "--jit-sync" => a.options.concurrent_jit = false,
            "--trace-jit" => a.options.trace_jit = true,
            "--trace-opt" => a.options.trace_opt = true,
            "--trace-deopt" => a.options.trace_deopt = true,
            "--explain-jit" => a.options.explain_jit = true,
            "--jit-threshold" | "--opt-threshold" | "--deopt-every" => {
                let v = value.or_else(|| it.next()).ok_or(format!("{flag} needs a number"))?;
                let n = Some(v.parse().map_err(|_| format!("bad {flag} value: {v}"))?);
                match flag.as_str() {
                    "--jit-threshold" => a.options.jit_threshold = n,
                    "--opt-threshold" => a.options.opt_threshold = n,
                    _ => a.options.deopt_every = n,
                }
            }
            "--stack-size" => {
                let v = value.or_else(|| it.next()).ok_or("--stack-size needs a number")?;
                a.options.stack_slots = v.parse().map_err(|_| format!("bad --stack-size value: {v}"))?;
            }
            f if f.starts_with('-') && f != "-" => return Err(format!("unknown option: {f}")),
            _ => a.file = Some(arg),
        }
    }
    Ok(a)
}

fn report(rt: &mut Runtime, e: &jolt::JsError) {
    match e.kind {
        JsErrorKind::Syntax => eprintln!("SyntaxError: {} ({})", e.message, e.location.as_deref().unwrap_or("?")),
        JsErrorKind::Interrupted => eprintln!("Uncaught: script interrupted"),
        JsErrorKind::OutOfMemory => eprintln!("Uncaught RangeError: heap limit exceeded"),
        JsErrorKind::OutOfFuel | JsErrorKind::TimeLimit => eprintln!("Uncaught: {e}"),
        JsErrorKind::Thrown => {
            let text = match e.value(rt) {
                Some(v) if !e.stack.is_empty() && v.is_object() => e.stack.clone(),
                Some(v) => rt.inspect(v),
                None => e.to_string(),
            };
            eprintln!("Uncaught {text}");
        }
    }
}

/// mimalloc returns freed memory to the OS 10 ms after it is freed. A collection frees much of
/// the heap at once, and the script allocates it again over the next tens of milliseconds: the
/// pages came back zeroed by page faults each time (with transparent huge pages, 2 MiB at a
/// time), which sometimes doubled splay.js's time. A second keeps them for the next cycle
/// (arenas scale it by `arena_purge_mult`, 10); `MIMALLOC_PURGE_DELAY` (or its old name
/// `MIMALLOC_RESET_DELAY`) in the environment still decides.
fn keep_freed_memory_longer() {
    // mimalloc v2's `mi_option_purge_delay` (the sys crate does not name it).
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    if ["MIMALLOC_PURGE_DELAY", "MIMALLOC_RESET_DELAY"].iter().all(|v| std::env::var_os(v).is_none()) {
        // SAFETY: plain FFI call, made before the runtime allocates anything large.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    }
}

fn main() -> ExitCode {
    keep_freed_memory_longer();
    let args = match parse_args() {
        Ok(a) => a,
        Err(m) => {
            eprintln!("jolt: {m}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    if args.interactive && (args.eval.is_some() || args.file.is_some()) {
        eprintln!("jolt: -i opens the REPL; load a file there with .load FILE");
        return ExitCode::from(2);
    }
    if args.interactive {
        return repl::main(args.options, args.stats);
    }
    let (source, name) = match (&args.eval, &args.file) {
        (Some(code), _) => (code.clone(), "[eval]".to_string()),
        (None, Some(f)) => match std::fs::read_to_string(f) {
            Ok(s) => (s, f.clone()),
            Err(e) => {
                eprintln!("jolt: cannot read {f}: {e}");
                return ExitCode::from(2);
            }
        },
        (None, None) => return repl::main(args.options, args.stats),
    };
    let script = match Runtime::compile(&source, &name) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("SyntaxError: {} ({})", e.message, e.location.as_deref().unwrap_or(&name));
            return ExitCode::from(1);
        }
    };
    if args.print_bytecode {
        print!("{}", script.code().disassemble());
        return ExitCode::SUCCESS;
    }
    let mut rt = Runtime::with_options(args.options.clone());
    let mut status = ExitCode::SUCCESS;
    let result = rt.run(&script).and_then(|_| rt.run_jobs());
    if let Err(e) = result {
        report(&mut rt, &e);
        status = ExitCode::from(1);
    }
    for v in rt.take_unhandled_rejections() {
        let text = rt.inspect(v);
        eprintln!("Uncaught (in promise) {text}");
        status = ExitCode::from(1);
    }
    if args.stats {
        eprintln!("{}", rt.stats_report());
    }
    if args.options.explain_jit {
        eprintln!("{}", rt.explain_jit_all());
    }
    // The process ends here: dropping the runtime would free every object of the heap one
    // by one (a few percent of an allocation-heavy script's run) for nothing. Output is
    // flushed as main returns.
    std::mem::forget(rt);
    status
}
