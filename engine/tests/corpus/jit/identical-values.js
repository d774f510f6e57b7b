// `===` and `==` of one value with itself are true without looking at it (unless NaN):
// the compiled tiers decide that from the bits. Strings equal by contents but built apart,
// NaN, -0 and 0, and objects whose valueOf must not run all keep their meaning.
function same(a, b) {
  let n = 0;
  for (let i = 0; i < 20; i++) {
    if (a === b) n += 1;
    if (a == b) n += 10;
    if (a !== b) n += 100;
    if (a != b) n += 1000;
  }
  return n;
}
let calls = 0;
const tricky = { valueOf() { calls++; return 1; } };
const built = ['ab', 'a' + 'b', ['a', 'b'].join(''), String.fromCharCode(97, 98)];
const values = [NaN, 0 / 0, -0, 0, 1.5, 2 ** 40, 'ab', built[1], built[2], built[3], '', tricky, null, undefined, true, Symbol.iterator, [1]];
const out = [];
for (let round = 0; round < 3; round++) {
  for (const a of values) {
    out.push(same(a, a));
    for (const b of built) out.push(same(a, b));
  }
}
console.log(out.slice(0, out.length / 3).join(' '));
console.log(calls, out.length);
