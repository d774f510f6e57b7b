// JSON.stringify: values, replacers, indentation, toJSON, wrappers, escaping, cycles.
function q(v) { return v === undefined ? 'undefined' : v; }
var vals = [1, -0, 1.5e300, NaN, Infinity, -Infinity, 'a"b\\c\n\u0001\u001f\u007f', true, null, undefined, function () {}, Symbol('s'),
  [undefined, function () {}, Symbol('x'), NaN, , 1], { u: undefined, f: function () {}, s: Symbol('y'), n: null, o: {} },
  new Number(3), new String('str'), new Boolean(false), Object(Symbol('w')), [new Number(-0), new String('')], 'x\ud800y\udc00z\ud83d\ude00', '\u2028\u2029'];
for (var i = 0; i < vals.length; i++) console.log(i + ': ' + q(JSON.stringify(vals[i])));
var sym = Symbol('k');
var o = { b: 1, a: 2, 10: 'ten', 2: 'two' };
o[sym] = 'symbol';
Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
console.log('order ' + JSON.stringify(o));

// Replacer function: called with the holder as this, on every level, starting with key "".
var calls = [];
var out = JSON.stringify({ a: 1, b: [1, { c: 2 }], d: 'x' }, function (k, v) {
  calls.push(JSON.stringify(k) + (Array.isArray(this) ? '@A' : '@O'));
  if (k === 'd') return undefined;
  if (typeof v === 'number') return v + 100;
  return v;
});
console.log('replacer fn ' + out + ' calls ' + calls.join(' '));
console.log('replacer root ' + q(JSON.stringify(5, function (k, v) { return k === '' ? { wrapped: v } : v; })));
console.log('replacer to undefined ' + q(JSON.stringify(5, function () { return undefined; })));

// Replacer array: strings, numbers and wrappers, deduplicated, in list order; others ignored.
var list = ['b', 1, new String('a'), new Number(1), 'b', {}, true, null, 'missing'];
console.log('replacer list ' + JSON.stringify({ a: 1, b: 2, 1: 'one', c: 3, nested: { a: 5, b: 6 } }, list));
console.log('replacer list nested ' + JSON.stringify({ a: { a: 1, b: 2 }, b: [{ a: 3, c: 4 }] }, ['a', 'b']));
console.log('replacer list empty ' + JSON.stringify({ a: 1 }, []) + ' arrays unaffected ' + JSON.stringify([1, 2], ['0']));

// Space.
var nested = { a: [1, { b: 2 }], c: 'x', e: [], f: {} };
console.log(JSON.stringify(nested, null, 2));
console.log(JSON.stringify(nested, null, '--'));
console.log(JSON.stringify([1, [2]], null, 20).length + ' ' + JSON.stringify([1], null, '12345678901234').length);
console.log(JSON.stringify([1], null, new Number(3)) + '|' + JSON.stringify([1], null, new String('ab')) + '|' + JSON.stringify([1], null, 1.5) + '|' + JSON.stringify([1], null, -5) + '|' + JSON.stringify([1], null, true));
console.log(JSON.stringify({}, null, 2) + ' ' + JSON.stringify([], null, 2) + ' ' + JSON.stringify([undefined], null, 1));

// toJSON.
var t = { toJSON: function (k) { return 'toJSON(' + k + ')'; } };
console.log('toJSON ' + JSON.stringify({ x: t, y: [t] }) + ' ' + JSON.stringify(t));
console.log('toJSON not callable ' + JSON.stringify({ toJSON: 1, a: 2 }));
var proto = { toJSON: function () { return { inherited: true }; } };
console.log('toJSON inherited ' + JSON.stringify([Object.create(proto)]));

// Wrapper objects are unwrapped with their own valueOf/toString.
var n = new Number(1);
n.valueOf = function () { return 42; };
var s = new String('s');
s.toString = function () { return 'custom'; };
var b = new Boolean(true);
b.valueOf = function () { return false; };
console.log('wrappers ' + JSON.stringify([n, s, b]));

// Getters run in order; keys read once up front.
var g = {};
Object.defineProperty(g, 'a', { enumerable: true, get: function () { delete this.b; return 'A'; } });
g.b = 'B';
g.c = 'C';
console.log('getter deletes ' + JSON.stringify(g));

// Cycles.
var c1 = { name: 'c1' };
c1.self = c1;
try { JSON.stringify(c1); } catch (e) { console.log('cycle -> ' + e.name + ' ' + (e instanceof TypeError)); }
var c2 = [1];
c2.push([c2]);
try { JSON.stringify(c2); } catch (e) { console.log('array cycle -> ' + e.name); }
var shared = { v: 1 };
console.log('shared not a cycle ' + JSON.stringify({ a: shared, b: shared, c: [shared, shared] }));
var viaToJSON = { toJSON: function () { return [viaToJSON2]; } };
var viaToJSON2 = { x: 1 };
console.log('toJSON fresh ' + JSON.stringify([viaToJSON, viaToJSON]));

// Errors thrown by callbacks propagate.
try { JSON.stringify({ get a() { throw new SyntaxError('from getter'); } }); } catch (e) { console.log('getter throw -> ' + e.name + ' ' + e.message); }
try { JSON.stringify([1], function () { throw new URIError('from replacer'); }); } catch (e) { console.log('replacer throw -> ' + e.name + ' ' + e.message); }
var arrLike = { length: 2, 0: 'a', 1: 'b' };
console.log('array-like is an object ' + JSON.stringify(arrLike));
var big = [];
for (var i = 0; i < 5; i++) big[i * 3] = i;
console.log('holes ' + JSON.stringify(big));
console.log('nested empty ' + JSON.stringify([[], {}, [[]], { a: {} }]));
console.log('length keys ' + JSON.stringify(Object.assign([1, 2], { extra: 3 })));
