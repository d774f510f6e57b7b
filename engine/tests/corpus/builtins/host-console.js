// console methods as node prints them: table, group, count, dir, dirxml, format
// specifiers, assert/warn/error/trace (stderr, not compared), time* (durations vary: stderr
// only checks they run), and ArrayBuffer/DataView/TypedArray inspection.
console.table([{a:1,b:'x'},{a:22,c:[1,2,3,4]}]);
console.table(['p', 'qq']);
console.table(new Map([['k', {x:1,y:2,z:3}]]));
console.table(new Set([1,'s']));
console.table([[1,2],[3]], ['0']);
console.table(5);
console.table({r1: {c: 1}, r2: 'prim'});
console.group('G'); console.log('in\nner'); console.group(); console.info('deeper'); console.groupEnd(); console.groupEnd(); console.log('out');
console.count(); console.count('x'); console.count(); console.countReset(); console.count();
console.dir('str'); console.dir({a:{b:{c:{d:1}}}}, {depth: 0}); console.dir({a:{b:{c:{d:1}}}}, {depth: null});
console.log('%s|%d|%i|%f|%o|%O|%c|%%|%j', 'a', 4.5, 4.5, '3.5', {x:[1]}, {y:1}, 'css', {z:1});
console.log('%s', {a:{b:{c:1}}}, 'extra', 5);
console.log('%d', '0x10', '%s');
console.dirxml({a:1});
console.table([{ name: 'wide cell value', n: -0 }, { name: 's', n: [1, 2, 3, 4] }], ['n']);
console.table({ a: [1, 2], b: { 0: 'x', k: 'y' } });
console.table([]);
console.table('not tabular');
console.assert(true, 'never shown');
console.assert(false, 'shown on stderr %s', 'only');
console.warn('warn goes to stderr'); console.error('error too'); console.trace('trace too');
console.time('t'); console.timeEnd('missing'); console.countReset('missing');
console.log(typeof console.clear, typeof console.groupCollapsed, Object.keys(console).length >= 19);
console.groupCollapsed('collapsed'); console.table([[1]]); console.groupEnd(); console.groupEnd(); console.log('still flush left');
console.log(new ArrayBuffer(3), new Uint8Array([255, 16]).buffer);
console.log(new Uint8Array(60).buffer);
console.log([new DataView(new ArrayBuffer(2))]);
const big = new ArrayBuffer(120); console.log({ big });
const det = new ArrayBuffer(1); structuredClone(det, { transfer: [det] }); console.log(det);
const withProp = new ArrayBuffer(1); withProp.tag = 'x'; console.log(withProp);
console.log('%o', [1, [2]]);
console.log('%s %s %s', function f() { return 1; }, Symbol('q'), -0);
class WithToString { toString() { return 'custom'; } }
class Plain { constructor() { this.v = 1; } }
console.log('%s|%s|%s', new WithToString(), new Plain(), new Date(0).constructor.name);
console.log('%i %d', 42.9, '7', 'rest', { r: 1 });
console.log([{ a: 'x'.repeat(70), b: 1 }]);
console.log([new Map([['a', 'x'.repeat(70)]])], [new Set(['y'.repeat(75)])]);
class InternMap extends Map {}
class InternSet extends Set {}
console.log(new InternMap([['a', 1]]), new InternSet([1, 2]), [new InternMap()]);
