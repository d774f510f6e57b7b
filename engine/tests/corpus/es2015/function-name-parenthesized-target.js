// Anonymous functions are named after an assignment target only when the target is an
// identifier reference; a parenthesised identifier is not one.
function show(label, f) {
  console.log(label + ": " + JSON.stringify(f.name));
}
var a, b, c, d, e;
a = function () {};
show("a = function", a);
(b) = function () {};
show("(b) = function", b);
(c) = () => 0;
show("(c) = arrow", c);
((d)) = class {};
show("((d)) = class", d);
e ||= function () {};
show("e ||= function", e);
var f;
(f) ||= function () {};
show("(f) ||= function", f);
var g = null;
(g) ??= () => 1;
show("(g) ??= arrow", g);
var h = 1;
(h) &&= function () {};
show("(h) &&= function", h);
var n = 1;
(n) += 2;
(n) ||= 10;
console.log("n: " + n);
var o = {};
(o.p) = function () {};
show("(o.p) = function", o.p);
