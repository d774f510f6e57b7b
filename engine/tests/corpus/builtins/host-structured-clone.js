// structuredClone (HTML): primitives, wrappers, Date, RegExp, buffers and views, Map, Set,
// errors, arrays and objects with cycles, shared references and holes; DataCloneError.
function show(...args) { console.log(...args); }
show('prims', [1, -0, NaN, 'str', true, null, undefined].map(x => structuredClone(x)));
const w = structuredClone([Object(1), Object('ab'), Object(false)]);
show('wrappers', w.map(x => typeof x + ':' + Object.prototype.toString.call(x) + ':' + x.valueOf()));
const d = new Date(86400000 * 365.25 * 30);
const dc = structuredClone(d);
show('date', dc !== d, dc.getTime() === d.getTime(), dc instanceof Date);
const re = /a+b/giy; re.lastIndex = 3; re.extra = 1;
const rc = structuredClone(re);
show('regexp', rc !== re, rc.source, rc.flags, rc.lastIndex, rc.extra);
const buf = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer;
const ta = new Uint16Array(buf, 2, 2);
const dv = new DataView(buf, 1, 3);
const [bc, tc, vc] = structuredClone([buf, ta, dv]);
show('buffer', bc !== buf, bc.byteLength, new Uint8Array(bc).join());
show('views share the copied buffer', tc.buffer === bc, vc.buffer === bc, tc.byteOffset, tc.length, vc.byteOffset, vc.byteLength, Array.from(tc).join());
const rab = new ArrayBuffer(4, { maxByteLength: 16 });
const rabc = structuredClone(rab);
show('resizable', rabc.resizable, rabc.maxByteLength, rabc.byteLength);
const tr = new Uint8Array([9, 8, 7]).buffer;
const trc = structuredClone({ b: tr }, { transfer: [tr] });
show('transfer', tr.byteLength, trc.b.byteLength, new Uint8Array(trc.b).join());
const m = new Map([[1, { a: 1 }], ['k', [1, 2]]]);
const s = new Set(['x', m]);
const [mc, sc] = structuredClone([m, s]);
show('map', mc instanceof Map, mc.size, mc.get(1), mc.get('k'), mc !== m);
show('set', sc instanceof Set, sc.size, sc.has('x'), [...sc][1] === mc);
const e = new TypeError('bad', { cause: { n: 1 } }); e.extra = 2;
const ec = structuredClone(e);
show('error', ec instanceof TypeError, ec.name, ec.message, ec.cause, ec.extra, Object.keys(ec));
const ne = new Error('x'); ne.name = 'NotAStandardName';
show('error name', Object.getPrototypeOf(structuredClone(ne)) === Error.prototype);
const ae = new AggregateError([], 'agg');
show('aggregate', structuredClone(ae).constructor.name, structuredClone(ae).message);
const o = { a: 1, nested: { b: [1, 2] } }; o.self = o; o.twice = [o.nested, o.nested];
const oc = structuredClone(o);
show('cycle', oc.self === oc, oc.twice[0] === oc.twice[1], oc.twice[0] === oc.nested, oc.nested !== o.nested);
const sparse = [1, , 3]; sparse[10] = 'x'; sparse.prop = 'p';
const spc = structuredClone(sparse);
show('sparse', spc.length, 1 in spc, spc[10], spc.prop, spc);
class Point { constructor() { this.x = 1; } get y() { return 2; } }
const pc = structuredClone(new Point());
show('class instance', Object.getPrototypeOf(pc) === Object.prototype, pc);
const withGetter = { get g() { return 'computed'; }, [Symbol('s')]: 1 };
Object.defineProperty(withGetter, 'hidden', { value: 1, enumerable: false });
show('getter and skipped keys', structuredClone(withGetter));
const order = [];
structuredClone({ get a() { order.push('a'); return 1; }, get b() { order.push('b'); return 2; } });
show('getter order', order.join());
for (const bad of [() => 1, Symbol('s'), { f() {} }, new WeakMap(), Promise.resolve(), [function named() {}]]) {
  try { structuredClone(bad); show('no error?'); }
  catch (err) { show('error', err instanceof DOMException, err.name, err.code, err.constructor === DOMException); }
}
try { structuredClone(); } catch (err) { show('no args', err instanceof TypeError); }
const dup = new ArrayBuffer(1);
try { structuredClone(1, { transfer: [dup, dup] }); } catch (err) { show('duplicate transfer', err.name); }
try { structuredClone(1, { transfer: 5 }); } catch (err) { show('transfer not iterable', err instanceof TypeError); }
try { structuredClone(1, 5); } catch (err) { show('options not object', err instanceof TypeError); }
const detached = new ArrayBuffer(2); structuredClone(detached, { transfer: [detached] });
try { structuredClone(detached); } catch (err) { show('detached', err.name); }
