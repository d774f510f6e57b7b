// Plain calls `f(...)` pass `undefined` as `this` (`CallUndefined`), whatever the register
// before the arguments last held: sloppy callees see the global object, strict ones undefined,
// built-ins and bound functions their own receivers. Hot, so every tier runs the sites, and the
// callees change kind mid-loop so the sites go polymorphic and generic.
var global = (function () { return this; })();
function sloppy(x) { return (this === global) + ':' + x; }
function strict(x) { 'use strict'; return String(this) + ':' + x; }
var bound = strict.bind('b');
var arrow = (function () { return (x) => (this === global) + ':' + x; })();
var parse = parseInt;

function viaMember(o, x) {
  // `o.m(x)` writes the receiver register; the plain call after it reuses the same registers.
  var a = o.m(x);
  var b = sloppy(x);
  var c = strict(x);
  return a + ' ' + b + ' ' + c;
}

function mixed(fs, x) {
  var out = [];
  for (var i = 0; i < fs.length; i++) {
    var f = fs[i];
    out.push(f(x));
  }
  return out.join(' ');
}

var obj = { m: function (x) { return (this === obj) + ':' + x; } };
var last;
for (var i = 0; i < 3000; i++) {
  last = viaMember(obj, i);
}
console.log(last);

var kinds = [sloppy, strict, bound, arrow, parse, String, function (x) { 'use strict'; return typeof this; }];
var seen = {};
for (var j = 0; j < 2000; j++) {
  var r = mixed(kinds.slice(j % kinds.length).concat(kinds.slice(0, j % kinds.length)), '7' + (j % 3));
  seen[r] = (seen[r] || 0) + 1;
}
Object.keys(seen).sort().forEach(function (k) { console.log(k, seen[k]); });

// Spread and direct eval on a plain callee still pass undefined.
console.log(strict(...['s']), sloppy(...['t']));
console.log((function () { return eval('this === global'); })(), (function () { 'use strict'; return eval('this'); })());
// A tagged template with a plain tag.
function tag(parts, v) { 'use strict'; return String(this) + parts.raw.join('|') + v; }
console.log(tag`a${1}b`);
