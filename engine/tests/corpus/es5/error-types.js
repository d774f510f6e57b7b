var ctors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (var i = 0; i < ctors.length; i++) {
  var C = ctors[i];
  var e = new C("msg" + i);
  console.log(e.name + ": message=" + e.message + " instanceof Error=" + (e instanceof Error) +
    " instanceof self=" + (e instanceof C) + " toString=" + e.toString() +
    " proto.name own=" + C.prototype.hasOwnProperty("name"));
}
var noNew = TypeError("called without new");
console.log("without new: " + (noNew instanceof TypeError) + " " + noNew.message);
var empty = new Error();
console.log("empty message: '" + empty.message + "' toString: " + empty.toString() + " own message: " + empty.hasOwnProperty("message"));
var undefMsg = new Error(undefined);
console.log("undefined message own: " + undefMsg.hasOwnProperty("message"));
var numMsg = new Error(42);
console.log("numeric message type: " + typeof numMsg.message);
console.log("TypeError is not RangeError: " + (new TypeError() instanceof RangeError));
console.log("proto chain: " + (Object.getPrototypeOf(TypeError.prototype) === Error.prototype));
console.log("message not enumerable: " + Object.keys(new Error("x")).length);
// custom error subclass ES5 style
function ValidationError(field, message) {
  this.name = "ValidationError";
  this.field = field;
  this.message = message;
}
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.constructor = ValidationError;
try {
  throw new ValidationError("age", "must be positive");
} catch (err) {
  console.log("custom: " + (err instanceof ValidationError) + " " + (err instanceof Error) + " " + err.toString() + " field=" + err.field);
}
// Error.prototype.toString edge cases
var obj = { name: "N", message: "" };
console.log("toString no message: " + Error.prototype.toString.call(obj));
obj = { name: "", message: "M" };
console.log("toString no name: " + Error.prototype.toString.call(obj));
obj = {};
console.log("toString defaults: " + Error.prototype.toString.call(obj));
// engine-thrown error types
function kind(fn) {
  try { fn(); return "no error"; } catch (e) { return e.name + " " + (e instanceof Error); }
}
console.log("undefined.x: " + kind(function () { var u; return u.x; }));
console.log("null call: " + kind(function () { var n = null; n(); }));
console.log("not a function: " + kind(function () { var o = {}; o.method(); }));
console.log("undeclared: " + kind(function () { return notDeclaredAnywhere; }));
console.log("bad array length: " + kind(function () { return new Array(-5); }));
console.log("regexp syntax: " + kind(function () { return new RegExp("[z-a]"); }));
console.log("JSON syntax: " + kind(function () { JSON.parse("{"); }));
console.log("decodeURI: " + kind(function () { decodeURIComponent("%"); }));
console.log("new non-ctor: " + kind(function () { new Math.max(); }));
console.log("toFixed range: " + kind(function () { (1).toFixed(200); }));
console.log("stack property is string or undefined: " + (typeof new Error("s").stack === "string" || typeof new Error("s").stack === "undefined"));
