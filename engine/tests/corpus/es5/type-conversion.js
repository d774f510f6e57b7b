function truthy(v) { return v ? "T" : "F"; }
console.log("truthiness: " + [truthy(0), truthy(-0), truthy(NaN), truthy(""), truthy(null), truthy(undefined), truthy(false),
  truthy("0"), truthy(" "), truthy("false"), truthy([]), truthy({}), truthy(function () {}), truthy(new Boolean(false)), truthy(-1), truthy(Infinity)].join(""));
console.log("Boolean(): " + Boolean() + " " + Boolean("") + " " + Boolean("x") + " " + Boolean(0) + " " + Boolean(new Number(0)));
console.log("String: " + [String(123), String(-0), String(1e21), String(null), String(undefined), String(true), String([1, [2, 3]]), String({})].join(" | "));
console.log("Number: " + [Number("42"), Number(" 42 "), Number("4 2"), Number(""), Number("\n"), Number(true), Number(null), Number(undefined), Number([]), Number([9]), Number([1, 2]), Number("1e2"), Number("-Infinity"), Number("0x10")].join(" "));
// ToPrimitive hint order
var log = [];
var obj = {
  valueOf: function () { log.push("valueOf"); return 5; },
  toString: function () { log.push("toString"); return "str"; }
};
var sum = obj + 1;
var str = String(obj);
var num = obj * 2;
var concat = "" + obj;
var tmpl = [obj].join("");
console.log("results: " + sum + " " + str + " " + num + " " + concat + " " + tmpl);
console.log("calls: " + log.join(","));
log = [];
var key = {};
key[obj] = 1;
for (var k in key) console.log("property key from object: " + k);
console.log("calls for key: " + log.join(","));
// valueOf returning object falls back to toString
var fallback = { valueOf: function () { return {}; }, toString: function () { return "99"; } };
console.log("fallback * 1: " + (fallback * 1));
// toString returning object falls back to valueOf for String()
var fb2 = { toString: function () { return {}; }, valueOf: function () { return "vo"; } };
console.log("String(fb2): " + String(fb2));
// Object() wrapping
console.log("Object(1) type: " + typeof Object(1) + " instanceof Number: " + (Object(1) instanceof Number));
console.log("Object('s').length: " + Object("str").length);
var same = {};
console.log("Object(obj) identity: " + (Object(same) === same));
console.log("Object(null) is empty object: " + (typeof Object(null)) + " " + Object.keys(Object(null)).length);
// wrapper objects
var nb = new Boolean(false);
console.log("new Boolean(false): " + (nb ? "truthy" : "falsy") + " valueOf " + nb.valueOf() + " == false: " + (nb == false));
var ns = new String("");
console.log("new String(''): " + (ns ? "truthy" : "falsy") + " length " + ns.length);
// primitive property access
console.log("(5).constructor === Number: " + ((5).constructor === Number));
console.log("'abc'.constructor === String: " + ("abc".constructor === String));
console.log("true.toString(): " + true.toString());
// numeric string keys
var arr = [];
arr["2"] = "two";
arr[1.0] = "one";
console.log("numeric keys: " + arr.length + " " + arr[2] + " " + arr["1"]);
// comparisons coerce differently
console.log("'2' > '12': " + ("2" > "12") + " 2 > '12': " + (2 > "12"));
// unary ops
console.log("unary: " + (-"5") + " " + (+"-0") + " " + (1 / +"-0") + " " + (~"7") + " " + (!"") + " " + (!"0"));
// parse vs Number
console.log("parse vs Number: " + parseInt("12abc") + " " + Number("12abc") + " " + parseFloat(".5") + " " + Number(".5"));
// toString on various
console.log("Object.prototype.toString: " + [Object.prototype.toString.call(null), Object.prototype.toString.call(undefined), Object.prototype.toString.call(1), Object.prototype.toString.call("s"), Object.prototype.toString.call(true), Object.prototype.toString.call([]), Object.prototype.toString.call(function () {}), Object.prototype.toString.call(/x/), Object.prototype.toString.call(new Error("e")), Object.prototype.toString.call(JSON)].join(" "));
