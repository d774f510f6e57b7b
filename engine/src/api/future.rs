//! Async Rust functions as JavaScript functions returning promises, and the driver that lets
//! an async Rust program run a runtime's event loop.
//!
//! [`Runtime::set_async_function`] installs a function that starts a Rust future and returns a
//! promise; [`Runtime::run_async`] is a future that runs promise jobs and timers and polls
//! those futures until nothing is left (any executor works; see `examples/embed.rs` for
//! tokio). [`Runtime::run_jobs`] does not poll futures.

use crate::api::convert::{FromJsArgs, IntoJs};
use crate::api::function::{HostFn, IntoThrow};
use crate::api::handle::Persistent;
use crate::builtins::promise::{new_promise, reject_promise, resolve_promise};
use crate::runtime::{CallArgs, JsResult, Runtime, Throw};
use crate::value::Value;
use crate::JsError;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// What a finished future does to its promise: make the fulfillment value, or throw.
type Settle = Box<dyn FnOnce(&mut Runtime) -> JsResult<Value>>;

/// A future started by an async host function, and the promise it settles.
pub(crate) struct PendingFuture {
    future: Pin<Box<dyn Future<Output = Settle>>>,
    promise: Persistent,
}

impl Runtime {
    /// Defines a global function `name` that calls `f` with converted arguments and returns a
    /// promise settled by the future `f` returns (`Ok` fulfills it, `Err` rejects it; a failed
    /// argument conversion rejects it with a `TypeError`). The future runs while the embedder
    /// awaits [`Runtime::run_async`].
    ///
    /// ```
    /// use jolt::JsError;
    /// let mut rt = jolt::Runtime::new();
    /// rt.set_async_function("double", |(x,): (f64,)| async move { Ok::<_, JsError>(x * 2.0) }).unwrap();
    /// rt.eval("var out; double(21).then(v => { out = v; });", "t.js").unwrap();
    /// // Any executor drives it; here a minimal one.
    /// use std::future::Future;
    /// let waker = std::task::Waker::noop();
    /// let mut cx = std::task::Context::from_waker(&waker);
    /// {
    ///     let mut fut = std::pin::pin!(rt.run_async());
    ///     while fut.as_mut().poll(&mut cx).is_pending() {}
    /// }
    /// assert_eq!(rt.get_global::<f64>("out").unwrap(), 42.0);
    /// ```
    pub fn set_async_function<A, R, E, Fut, F>(&mut self, name: &str, f: F) -> Result<(), JsError>
    where
        A: FromJsArgs + 'static,
        R: IntoJs + 'static,
        E: IntoThrow + 'static,
        Fut: Future<Output = Result<R, E>> + 'static,
        F: Fn(A) -> Fut + 'static,
    {
        let host: HostFn = Rc::new(move |rt: &mut Runtime, a: &CallArgs| {
            let p = new_promise(rt);
            let pv = Value::object(p);
            match A::from_js_args(rt, a.args) {
                Ok(args) => {
                    let fut = f(args);
                    let future: Pin<Box<dyn Future<Output = Settle>>> = Box::pin(async move {
                        let settle: Settle = match fut.await {
                            Ok(r) => Box::new(move |rt: &mut Runtime| r.into_js(rt)),
                            Err(e) => Box::new(move |rt: &mut Runtime| Err(e.into_throw(rt))),
                        };
                        settle
                    });
                    let promise = rt.persist(pv);
                    rt.api.futures.push(PendingFuture { future, promise });
                }
                Err(Throw::Value(e)) => reject_promise(rt, p, e),
                Err(t) => return Err(t),
            }
            Ok(pv)
        });
        let v = self.new_host_function(name, 0, host);
        let h = self.persist(v);
        self.set_global(name, &h)
    }

    /// How many futures started by async host functions have not finished.
    ///
    /// ```
    /// assert_eq!(jolt::Runtime::new().pending_futures(), 0);
    /// ```
    pub fn pending_futures(&self) -> usize {
        self.api.futures.len()
    }

    /// Runs the event loop from async Rust: promise jobs, timers as they come due, and the
    /// futures of async host functions, until none are left. Timers are woken by a helper
    /// thread, so any executor works.
    ///
    /// ```
    /// let mut rt = jolt::RuntimeBuilder::new().host_apis(true).build();
    /// rt.eval("var t = 0; setTimeout(() => { t = 1; }, 5);", "t.js").unwrap();
    /// use std::future::Future;
    /// let waker = std::task::Waker::noop();
    /// let mut cx = std::task::Context::from_waker(&waker);
    /// {
    ///     let mut fut = std::pin::pin!(rt.run_async());
    ///     while fut.as_mut().poll(&mut cx).is_pending() {}
    /// }
    /// assert_eq!(rt.get_global::<i32>("t").unwrap(), 1);
    /// ```
    pub async fn run_async(&mut self) -> Result<(), JsError> {
        std::future::poll_fn(|cx| self.poll_event_loop(cx)).await
    }

    fn poll_event_loop(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), JsError>> {
        loop {
            if let Err(e) = self.run_ready_jobs() {
                return Poll::Ready(Err(e));
            }
            let mut progressed = false;
            let mut waiting = Vec::new();
            for mut p in std::mem::take(&mut self.api.futures) {
                match p.future.as_mut().poll(cx) {
                    Poll::Ready(settle) => {
                        progressed = true;
                        let r = settle(self);
                        let r = r.and_then(|v| {
                            let pv = p.promise.get_raw(self)?;
                            let promise = pv.as_object().expect("a promise");
                            self.with_kept(v, |rt| resolve_promise(rt, promise, v))
                        });
                        if let Err(t) = r {
                            match t {
                                Throw::Value(e) => {
                                    let pv = p.promise.get_raw(self).expect("own handle");
                                    reject_promise(self, pv.as_object().expect("a promise"), e);
                                }
                                t => {
                                    waiting.extend(std::mem::take(&mut self.api.futures));
                                    self.api.futures = waiting;
                                    return Poll::Ready(Err(self.to_js_error(t)));
                                }
                            }
                        }
                    }
                    Poll::Pending => waiting.push(p),
                }
            }
            waiting.extend(std::mem::take(&mut self.api.futures));
            self.api.futures = waiting;
            if progressed || !self.jobs.is_empty() {
                continue;
            }
            let Some((&(due, _), _)) = self.timers.iter().next() else {
                return if self.api.futures.is_empty() { Poll::Ready(Ok(())) } else { Poll::Pending };
            };
            let now = self.now_ms();
            if due <= now {
                continue;
            }
            let waker = cx.waker().clone();
            let wait = std::time::Duration::from_millis(due - now);
            std::thread::spawn(move || {
                std::thread::sleep(wait);
                waker.wake();
            });
            return Poll::Pending;
        }
    }
}
