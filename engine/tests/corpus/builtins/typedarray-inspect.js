// console.log of TypedArrays (node's util.inspect format).
console.log(new Uint8Array([1,2,3]));
console.log([new Float64Array(2)]);
console.log(new Int16Array(30).map((x, i) => i * 37 - 500));
var t = new Int8Array(2); t.foo = 1; console.log(t);
console.log(new Float32Array(0), { a: { b: { c: new Uint8Array(1) } } });
console.log(new Uint8Array(120));
