// An instruction's slow path may run JavaScript, which may collect, while it still needs the
// accumulator: the value being stored while the key converts, the right operand while the
// left converts, the object spread from while its getters run. (Array literals build into the
// accumulator only, so `obj - [2]` once read a freed array.)
function garbage() {
  let a = [];
  for (let i = 0; i < 50; i++) a.push({ i, s: 'x' + i });
  return a.length;
}
const key = { toString() { garbage(); return 'k'; } };
const num = { valueOf() { garbage(); return 7; } };
const out = [];
for (let i = 0; i < 10; i++) {
  const o = {};
  o[key] = [i, 'v' + i];
  const arr = [];
  arr[{ toString() { garbage(); return '0'; } }] = { n: i };
  out.push(o.k.join(':'), arr[0].n);
  out.push(num - [2], num * [3], num / [7], num % [4], num ** [2], num & [3], num | [8], num << [1]);
  out.push(num < [8], num >= [7], num == [7]);
  const src = { get a() { garbage(); return 1; }, b: [i], get c() { garbage(); return 'c' + i; } };
  const copy = { ...src };
  out.push(copy.a, copy.b[0], copy.c);
  const proto = { [Symbol.hasInstance](v) { garbage(); return Array.isArray(v); } };
  out.push([i] instanceof proto);
}
console.log(out.join(' '));
const inKey = { toString() { garbage(); return '0'; } };
const ins = [];
for (let i = 0; i < 10; i++) ins.push(inKey in [i], inKey in (() => ({ 0: i }))(), inKey in []);
console.log(ins.join(' '));
