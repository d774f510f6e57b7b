// The RegExp symbol methods, their generic protocol (user exec, species, flags), and the string iterator.
var log = [];
var re = /b/g;
re.exec = function (s) {
  log.push("exec@" + this.lastIndex);
  return RegExp.prototype.exec.call(this, s);
};
console.log("abcb".replace(re, "X"), log);
log = [];
var fake = {
  lastIndex: 0,
  flags: "g",
  global: true,
  exec: function (s) {
    log.push("fake exec " + this.lastIndex);
    if (this.lastIndex > 3) return null;
    var r = { 0: "x", length: 1, index: this.lastIndex };
    this.lastIndex += 2;
    return r;
  },
};
console.log(RegExp.prototype[Symbol.replace].call(fake, "abcdef", "_"), log);
log = [];
console.log(RegExp.prototype[Symbol.match].call(fake, "abcdef"), log);
console.log(RegExp.prototype.test.call({ exec: function () { return {}; } }, "z"));
try { RegExp.prototype.test.call({ exec: function () { return 1; } }, "z"); } catch (e) { console.log(e.constructor.name); }
console.log(RegExp.prototype.toString.call({ source: "S", flags: "F" }));
var flagsLog = [];
var proxyish = {};
var names = ["hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode", "unicodeSets", "sticky"];
for (var i = 0; i < names.length; i++) {
  (function (n) {
    Object.defineProperty(proxyish, n, { get: function () { flagsLog.push(n); return n === "global" || n === "sticky"; } });
  })(names[i]);
}
var flagsGetter = Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get;
console.log(flagsGetter.call(proxyish), flagsLog.length);
class MyRE extends RegExp {
  exec(s) {
    var r = super.exec(s);
    if (r) r[0] = r[0].toUpperCase();
    return r;
  }
}
var my = new MyRE("a.", "g");
console.log(my instanceof MyRE, my instanceof RegExp, "a1a2b3".replace(my, "[$&]"), "a1a2".match(my));
console.log("a1-a2".split(new MyRE("-")));
var searchRe = /c/g;
searchRe.lastIndex = 3;
console.log("abc".search(searchRe), searchRe.lastIndex);
console.log("a,b;c".split(/[,;]/), "a,b;c".split(/([,;])/, 3), "abc".split(/b/y), RegExp.prototype[Symbol.split].call(/-/, "x-y-z", 2));
var speciesLog = [];
var sre = /-/;
sre.constructor = function () {};
sre.constructor[Symbol.species] = function (src, flags) {
  speciesLog.push(flags);
  return new RegExp(src, flags);
};
console.log("p-q".split(sre), speciesLog);
var it = /(\w)(\d)?/g[Symbol.matchAll]("a1b");
var r1 = it.next(), r2 = it.next(), r3 = it.next();
console.log(r1.value[0], r1.value[2], r2.value[0], r2.value[2], r3.done, it.next().done);
var nonGlobalIt = "aaa".matchAll({ [Symbol.matchAll]: undefined, flags: "g", [Symbol.match]: true, toString: function () { return "a"; } });
var c = 0;
for (var x of nonGlobalIt) c++;
console.log(c);
var emptyIt = /(?:)/gu[Symbol.matchAll]("\u{1F600}x");
var idx = [];
for (var e of emptyIt) idx.push(e.index);
console.log(idx);
console.log(Object.prototype.toString.call(emptyIt), Object.getPrototypeOf(Object.getPrototypeOf(emptyIt)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
console.log("aXbX".replace(/x/gi, function (m, off, str) { return off; }), "$1,$2".replace(/(\$(\d))/g, "$$1-$1$2"));
console.log("abc".replace(/(?<x>b)/, "[$<x>]"), "abc".replace(/(b)/, "[$<x>]"));
var lastIndexAfterReplace = /a/g;
"aaa".replace(lastIndexAfterReplace, "b");
console.log(lastIndexAfterReplace.lastIndex);
var sticky = /a/y;
console.log("baa".replace(sticky, "X"), sticky.lastIndex, "aab".replace(/a/gy, "X"), "baa".match(/a/gy));
