//! A small plugin host: loads a plugin script, exposes Rust functions to it (two plain, one
//! async), calls the JavaScript callback the plugin registers, and stops a runaway plugin with
//! the interrupt handle.
//!
//! Run with `cargo run -p jolt-engine --example embed [plugin.js]`.

use jolt::builtins::promise::PromiseOutcome;
use jolt::{JsError, JsErrorKind, Persistent, Runtime};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// What the host passes to the plugin's callback (a plain object in JavaScript).
struct Event {
    name: String,
    count: u32,
}
jolt::js_object!(Event { name, count });

const PLUGIN: &str = r#"
log("plugin loaded");
onEvent(function (event) {
    log(`got ${event.name} x${event.count}`);
    return add(event.count, 0.5);
});
async function refresh() {
    const users = await fetchUsers(2);   // an async Rust function: a Promise here
    log(`fetched ${users.join(", ")}`);
    return users.length;
}
"#;

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let source = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => PLUGIN.to_string(),
    };
    // Only the ECMAScript globals: the plugin reaches nothing but what the host grants.
    let mut rt = Runtime::new();

    // Two Rust functions, with typed arguments and `Result`s that become exceptions.
    rt.set_function("log", |(msg,): (String,)| {
        println!("[plugin] {msg}");
        Ok::<_, JsError>(())
    })?;
    rt.set_function("add", |(a, b): (f64, f64)| if a.is_finite() && b.is_finite() { Ok(a + b) } else { Err("add: not finite") })?;
    // The plugin registers a callback; the host keeps it in a rooted handle.
    let handler: Rc<RefCell<Option<Persistent>>> = Rc::default();
    let slot = handler.clone();
    rt.set_function("onEvent", move |(f,): (Persistent,)| {
        *slot.borrow_mut() = Some(f);
        Ok::<_, JsError>(())
    })?;
    // An async Rust function: JavaScript sees it return a Promise.
    rt.set_async_function("fetchUsers", |(n,): (u32,)| async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        Ok::<_, JsError>((0..n).map(|i| format!("user{i}")).collect::<Vec<_>>())
    })?;

    rt.eval(&source, "plugin.js")?;

    // Call the JavaScript callback with a Rust struct; read a typed result.
    let Some(callback) = handler.borrow().clone() else { return Err("the plugin registered no handler".into()) };
    let r: f64 = callback.call(&mut rt, (Event { name: "click".into(), count: 3 },))?;
    println!("[host] handler returned {r}");

    // Drive the promise jobs and the async function's future under tokio.
    let tokio_rt = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
    let promise: Persistent = rt.call_global("refresh", ())?;
    tokio_rt.block_on(rt.run_async())?;
    let p = promise.value(&mut rt)?;
    if let Some(PromiseOutcome::Fulfilled(v)) = rt.run_until_settled(p)? {
        println!("[host] refresh() fulfilled with {}", rt.inspect(v));
    }

    // A runaway plugin: stopped from another thread; `catch`/`finally` cannot keep it alive.
    let interrupt = rt.interrupt_handle();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        interrupt.interrupt();
    });
    let err = rt.eval("while (true) { try { for (;;) {} } catch {} finally { log('never printed') } }", "runaway.js").unwrap_err();
    watchdog.join().expect("watchdog thread");
    assert_eq!(err.kind, JsErrorKind::Interrupted);
    println!("[host] runaway plugin stopped: {err}");

    // The runtime is still usable.
    let r: f64 = callback.call(&mut rt, (Event { name: "again".into(), count: 1 },))?;
    println!("[host] handler still works: {r}");
    Ok(())
}
