var globalObj = (function () { return this; })();
console.log("sloppy this is object: " + (typeof globalObj === "object" && globalObj !== null));

function sloppy() { return this; }
function strict() { "use strict"; return this; }

console.log("sloppy() === global: " + (sloppy() === globalObj));
console.log("strict(): " + strict());
console.log("sloppy.call(5) type: " + typeof sloppy.call(5));
console.log("sloppy.call(5) instanceof Number: " + (sloppy.call(5) instanceof Number));
console.log("strict.call(5) type: " + typeof strict.call(5));
console.log("sloppy.call(null) === global: " + (sloppy.call(null) === globalObj));
console.log("strict.call(null): " + strict.call(null));
console.log("strict.call(undefined): " + strict.call(undefined));
console.log("sloppy.call('s') type: " + typeof sloppy.call("s"));
console.log("strict.call('s'): " + strict.call("s"));

var o = {
  name: "o",
  get: function () { return this.name; },
  nested: { name: "nested", get: function () { return this.name; } }
};
console.log(o.get());
console.log(o.nested.get());
var detached = o.get;
var detachedStrict = function () { "use strict"; return this === undefined ? "undefined this" : "has this"; };
console.log(detachedStrict());
var o2 = { name: "o2", f: detachedStrict, g: o.get };
console.log(o2.f());
console.log(o2.g());
console.log(o["get"]());
console.log((o.get)());
var o3 = { f: sloppy };
console.log("method call this: " + (o3.f() === o3));
console.log("comma detach sloppy gives global: " + ((0, o3.f)() === globalObj));
console.log("paren keeps reference: " + ((o3.f)() === o3));

// this in nested function is not inherited
var outer = {
  name: "outer",
  run: function () {
    var self = this;
    function inner() { "use strict"; return this; }
    return [self.name, inner() === undefined];
  }
};
console.log(outer.run().join(","));

// this in callbacks
var collector = {
  items: [],
  add: function (x) { this.items.push(x); }
};
[1, 2, 3].forEach(collector.add, collector);
console.log("forEach thisArg: " + collector.items.join(","));
var res = [1, 2].map(function () { "use strict"; return this; }, "ctx");
console.log("map thisArg strict: " + res.join(","));

// this in constructor
function Ctor() { this.tag = "made"; }
var c = new Ctor();
console.log(c.tag);

// method on prototype of primitive: this is boxed in sloppy, primitive in strict
String.prototype.sloppyType = function () { return typeof this; };
String.prototype.strictType = function () { "use strict"; return typeof this; };
console.log("abc".sloppyType() + " " + "abc".strictType());
delete String.prototype.sloppyType;
delete String.prototype.strictType;
