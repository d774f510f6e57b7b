function Base() { this.own = 1; }
Base.prototype.inherited = 2;
var b = new Base();
console.log("hasOwnProperty own: " + b.hasOwnProperty("own") + " inherited: " + b.hasOwnProperty("inherited") + " missing: " + b.hasOwnProperty("missing"));
console.log("hasOwnProperty numeric: " + [5].hasOwnProperty(0) + " " + [5].hasOwnProperty("0") + " " + [5].hasOwnProperty(1));
console.log("string hasOwnProperty: " + "abc".hasOwnProperty(1) + " length: " + "abc".hasOwnProperty("length"));
var shadowHas = { hasOwnProperty: function () { return "shadowed"; }, real: 1 };
console.log("shadowed hasOwnProperty: " + shadowHas.hasOwnProperty("real") + " via prototype: " + Object.prototype.hasOwnProperty.call(shadowHas, "real"));
var nullProto = Object.create(null);
nullProto.k = 1;
console.log("null-proto via call: " + Object.prototype.hasOwnProperty.call(nullProto, "k"));
console.log("isPrototypeOf: " + Base.prototype.isPrototypeOf(b) + " " + Object.prototype.isPrototypeOf(b) + " " + Array.prototype.isPrototypeOf(b) + " " + Base.prototype.isPrototypeOf(Base.prototype));
console.log("isPrototypeOf primitive: " + Object.prototype.isPrototypeOf(1));
console.log("propertyIsEnumerable: " + b.propertyIsEnumerable("own") + " " + b.propertyIsEnumerable("inherited") + " " + [1].propertyIsEnumerable("length") + " " + [1].propertyIsEnumerable(0));
console.log("toString: " + b.toString() + " " + Object.prototype.toString.call(b));
console.log("valueOf identity: " + (b.valueOf() === b));
var custom = { toString: function () { return "custom!"; } };
console.log("custom toString in concat: " + custom + " in array join: " + [custom, custom].join());
console.log("toLocaleString defers to toString: " + (custom.toLocaleString() === "custom!"));
console.log("constructor: " + (b.constructor === Base) + " " + (({}).constructor === Object) + " " + ([].constructor === Array));
console.log("getPrototypeOf chain length: " + (function () {
  var n = 0, p = [];
  while ((p = Object.getPrototypeOf(p)) !== null) n++;
  return n;
})());
try {
  Object.getPrototypeOf(undefined);
} catch (e) {
  console.log("getPrototypeOf(undefined): " + e.name);
}
console.log("getPrototypeOf of function: " + (Object.getPrototypeOf(Base) === Function.prototype));
console.log("Function.prototype proto: " + (Object.getPrototypeOf(Function.prototype) === Object.prototype));
console.log("Object is a function: " + (Object instanceof Function) + " Function instanceof Object: " + (Function instanceof Object));
