// A prototype that shares its shape with ordinary objects (Object.create of the same parent)
// gains a property through a store whose inline cache learned that transition on an ordinary
// object: the chains through the prototype must see it, in every tier, hot or not.
(function () {
function Base() {}
Base.prototype.hello = function () { return 'base'; };
function Derived() {}
Derived.prototype = Object.create(Base.prototype);
const d = new Derived();
function hi(o) { return o.hello(); }
let s = '';
for (let i = 0; i < 1000; i++) s = hi(d);
function install(p) { p.hello = function () { return 'derived'; }; }
for (let i = 0; i < 300; i++) install(Object.create(Base.prototype));
install(Derived.prototype);
console.log(s, hi(d));
// the same while the reader is running (an optimized loop calling the installer mid-way)
function Base2() {}
Base2.prototype.v = function () { return 1; };
const proto2 = Object.create(Base2.prototype);
const e = Object.create(proto2);
function put(p) { p.v = function () { return 10; }; }
for (let i = 0; i < 300; i++) put(Object.create(Base2.prototype));
function loop(n, at) { let t = 0; for (let i = 0; i < n; i++) { t += e.v(); if (i === at) put(proto2); } return t; }
for (let k = 0; k < 200; k++) loop(20, -1);
console.log(loop(20, 9));
})();
