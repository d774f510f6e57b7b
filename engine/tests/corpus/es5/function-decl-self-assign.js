// A function declaration's name is a mutable binding of the enclosing scope, also when the
// function assigns it from its own body (Babel's `_typeof` helper, as in ramda's UMD build);
// only a named function expression has an immutable binding of its own name.
(function () {
  'use strict';
  function _typeof(o) {
    "@babel/helpers - typeof";
    return _typeof = typeof Symbol == 'function' ? function (o) { return typeof o; } : null, _typeof(o);
  }
  console.log(_typeof(1), _typeof('s'), _typeof === _typeof, typeof _typeof);
})();
(function () {
  function f() { return f = 1, f; }
  console.log(f(), f);
  function g() { return (function () { g = 'inner'; return g; })(); }
  console.log(g(), g);
  { function b() { b = 3; return b; } console.log(b(), b); }
})();
function top() { top = 5; return typeof top; }
console.log(top(), typeof top);
var e1 = function named() { named = 1; return typeof named; };
console.log(e1());
(function () {
  'use strict';
  var e2 = function named() { try { named = 1; } catch (err) { return err.constructor.name; } return 'no error'; };
  console.log(e2());
})();
