const inner = new TypeError("inner problem");
const outer = new Error("outer problem", { cause: inner });
console.log("cause: " + (outer.cause === inner) + " " + outer.cause.message + " own: " + outer.hasOwnProperty("cause"));
console.log("no cause prop when absent: " + ("cause" in new Error("x")) + " " + ("cause" in new Error("x", {})));
console.log("undefined cause is kept: " + ("cause" in new Error("x", { cause: undefined })));
console.log("cause not enumerable: " + Object.keys(outer).length);
console.log("subclass cause: " + new RangeError("r", { cause: 42 }).cause);
const agg = new AggregateError([new Error("a"), new TypeError("b"), "c"], "multiple");
console.log("AggregateError: " + agg.name + " " + agg.message + " " + agg.errors.length + " " + agg.errors.map((e) => e.message ?? e).join(","));
console.log("AggregateError instanceof Error: " + (agg instanceof Error) + " " + Array.isArray(agg.errors));
const aggFromSet = new AggregateError(new Set([1, 2]));
console.log("errors from iterable: " + aggFromSet.errors.join(",") + " message '" + aggFromSet.message + "'");
function wrap(fn, context) {
  try { return fn(); } catch (e) { throw new Error(context, { cause: e }); }
}
try {
  wrap(() => wrap(() => JSON.parse("{bad"), "parsing config"), "loading app");
} catch (e) {
  const chain = [];
  for (let cur = e; cur; cur = cur.cause) chain.push(cur.name + (cur.message.startsWith("Unexpected") || cur.name === "SyntaxError" ? "" : "(" + cur.message + ")"));
  console.log("cause chain: " + chain.join(" <- "));
}
class AppError extends Error {
  constructor(code, msg, opts) { super(msg, opts); this.code = code; }
  get name() { return "AppError"; }
}
const ae = new AppError("E42", "app failed", { cause: "disk" });
console.log(ae.toString() + " code " + ae.code + " cause " + ae.cause);
console.log("error message coercion: " + new Error(123).message + " " + typeof new Error({ toString() { return "obj"; } }).message);
console.log("Error.prototype.message: '" + Error.prototype.message + "' name " + Error.prototype.name);
console.log("toString on non-error: " + Error.prototype.toString.call({ name: "Custom", message: "m" }));
try { Error.prototype.toString.call(1); } catch (e) { console.log("toString on primitive: " + e.name); }
