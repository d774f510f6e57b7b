function check(label, fn) {
  try {
    var r = fn();
    console.log(label + ": ok " + r);
  } catch (e) {
    console.log(label + ": " + e.name);
  }
}
check("sloppy undeclared assignment", function () {
  undeclaredSloppy1 = 5;
  return typeof undeclaredSloppy1;
});
check("strict undeclared assignment", function () {
  "use strict";
  undeclaredStrict1 = 5;
  return "assigned";
});
var ro = {};
Object.defineProperty(ro, "x", { value: 1, writable: false });
check("sloppy read-only write", function () {
  ro.x = 2;
  return ro.x;
});
check("strict read-only write", function () {
  "use strict";
  ro.x = 2;
  return ro.x;
});
var getterOnly = { get g() { return 1; } };
check("sloppy getter-only write", function () { getterOnly.g = 2; return getterOnly.g; });
check("strict getter-only write", function () { "use strict"; getterOnly.g = 2; return getterOnly.g; });
var ne = Object.preventExtensions({});
check("sloppy add to non-extensible", function () { ne.p = 1; return ne.p; });
check("strict add to non-extensible", function () { "use strict"; ne.p = 1; return ne.p; });
check("sloppy write to primitive property", function () { var s = "str"; s.prop = 1; return s.prop; });
check("strict write to primitive property", function () { "use strict"; var s = "str"; s.prop = 1; return s.prop; });
check("strict write string length", function () { "use strict"; var s = "abc"; s.length = 1; return s.length; });
check("sloppy delete non-configurable", function () { return delete Object.prototype; });
check("strict delete non-configurable", function () { "use strict"; return delete Object.prototype; });
check("strict this undefined", function () { "use strict"; return this; });
check("strict arguments.callee", function () { "use strict"; return arguments.callee; });
check("strict assign NaN", function () { "use strict"; NaN = 1; return NaN; });
check("sloppy assign NaN", function () { NaN = 1; return NaN; });
check("strict assign undefined", function () { "use strict"; undefined = 1; return undefined; });
check("strict frozen array element", function () { "use strict"; var a = Object.freeze([1]); a[0] = 2; return a[0]; });
check("nested functions inherit strictness", function () {
  "use strict";
  return (function () { return this; })();
});
check("strict function declared in sloppy caller", function () {
  function inner() { "use strict"; undeclaredStrict2 = 1; }
  inner();
  return "no";
});
