// JSON.parse: grammar, values, errors, reviver.
function show(v) { return JSON.stringify(v); }
var ok = ['1', '-0', '  true ', 'false', 'null', '"a\\u0041\\n\\t\\"\\\\\\/\\b\\f\\r"', '[]', '{}', '[1,[2,[3]],{"a":{}}]',
  '{"a":1,"a":2}', '{"__proto__":[1]}', '1e3', '1E-3', '-1.5e+2', '0.5', '123456789012345678901234567890', '"\\ud800"', '"\u2028"',
  ' \t\r\n[ 1 , 2 ]\n', '{"b":1,"a":2,"1":3,"0":4}', '1.7976931348623157e309', '-1e-400', '"\\uD83D\\uDE00"'];
for (var i = 0; i < ok.length; i++) {
  var v = JSON.parse(ok[i]);
  var extra = (v === 0 && 1 / v < 0) ? ' (-0)' : '';
  console.log(show(ok[i]) + ' -> ' + typeof v + ' ' + show(v) + extra);
}
var p = JSON.parse('{"__proto__":{"x":1}}');
console.log('__proto__ own: ' + Object.prototype.hasOwnProperty.call(p, '__proto__') + ', proto untouched: ' + (Object.getPrototypeOf(p) === Object.prototype) + ', x: ' + p.x);
console.log('keys order: ' + Object.keys(JSON.parse('{"b":1,"a":2,"10":3,"2":4}')));
var bad = ['', ' ', '{', '}', '[1,]', '[1 2]', '{"a" 1}', '{"a":1,}', "{'a':1}", '{a:1}', '01', '-', '1.', '.5', '+1', '1e', '0x10',
  'tru', 'nul', 'NaN', 'Infinity', 'undefined', '"abc', '"\n"', '"\\x"', '"\\u12"', '"\\u12g4"', '[', '1 2', '\u00a01', '"\t"', '//c\n1', '[1]x'];
for (var i = 0; i < bad.length; i++) {
  try { JSON.parse(bad[i]); console.log(show(bad[i]) + ' parsed?!'); } catch (e) { console.log(show(bad[i]) + ' -> ' + e.name); }
}
console.log('ToString of arg: ' + JSON.parse({ toString: function () { return '[7]'; } })[0] + ' ' + JSON.parse(12) + ' ' + JSON.parse(null) + ' ' + JSON.parse(true));
try { JSON.parse(); } catch (e) { console.log('JSON.parse() -> ' + e.name); }
try { JSON.parse({}); } catch (e) { console.log('JSON.parse({}) -> ' + e.name); }

// Reviver: bottom-up walk, holder as this, deletion of undefined results.
var trace = [];
var r = JSON.parse('{"a":[1,2,{"b":3}],"c":"x","d":null}', function (k, v) {
  trace.push((this === undefined ? 'U' : Array.isArray(this) ? 'A' : 'O') + ':' + JSON.stringify(k) + '=' + JSON.stringify(v));
  if (k === 'c') return undefined;
  if (typeof v === 'number') return v * 10;
  return v;
});
for (var i = 0; i < trace.length; i++) console.log('  ' + trace[i]);
console.log('revived ' + show(r) + ' has c: ' + ('c' in r));
var arr = JSON.parse('[1,2,3]', function (k, v) { return k === '1' ? undefined : v; });
console.log('array hole: ' + arr.length + ' ' + (1 in arr) + ' ' + show(arr));
// The reviver may change the structure while walking.
var r2 = JSON.parse('{"a":1,"b":2}', function (k, v) { if (k === 'a') { delete this.b; this.z = 3; } return v; });
console.log('mutating reviver ' + show(r2));
var r3 = JSON.parse('[[1,2],[3]]', function (k, v) { if (k === '0' && Array.isArray(v) && v.length === 2) { v.length = 1; } return v; });
console.log('array changed ' + show(r3));
console.log('root key: ' + JSON.parse('5', function (k, v) { return typeof k + ':' + JSON.stringify(k) + ':' + v; }));
console.log('non-callable reviver ignored: ' + show(JSON.parse('[1]', {})));
try { JSON.parse('[1]', function () { throw new EvalError('boom'); }); } catch (e) { console.log('reviver throw -> ' + e.name + ' ' + e.message); }
console.log('length ' + JSON.parse.length + ' ' + JSON.stringify.length + ' tag ' + Object.prototype.toString.call(JSON));
