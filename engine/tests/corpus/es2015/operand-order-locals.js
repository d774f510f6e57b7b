// A binary operator's left operand is read before its right operand runs, also when the
// left operand is a local the right operand assigns (the compiler may read locals in place
// only when the right side cannot assign them).
function f(x) {
  const out = [];
  out.push(x + (x = 10));
  out.push(x - x++);
  out.push(x * (x += 2, x));
  let y = 3;
  y += (y = 100);
  out.push(y);
  let z = 1;
  z -= ++z;
  out.push(z);
  let w = 2;
  out.push(w ** (w = 3), w);
  const [a] = [5];
  let b = 1;
  out.push(b + ([b] = [a], b));
  let c = 4;
  out.push(c < (c = 1), c > c--);
  let s = 'a';
  s += s += 'b';
  out.push(s);
  return out;
}
function g(n) {
  let k = 7;
  const inner = () => { k = 1; return 2; };
  return [n + inner(), k + inner(), k];
}
function h(v) {
  return [v + eval('v = 50'), v];
}
function tdz() {
  try { return q + 1; let q = 2; } catch (e) { return e.constructor.name; }
}
function loop(n) {
  let sum = 0, i = 0;
  while (i < n) { sum += i * i - (i & 3); i++; }
  return sum;
}
for (let round = 0; round < 3; round++) {
  console.log(JSON.stringify([f(1), g(1), h(1), tdz(), loop(1000)]));
}
