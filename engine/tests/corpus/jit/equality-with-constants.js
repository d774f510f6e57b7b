// `===` and `==` against a constant just loaded (null, undefined, true, false, an int32):
// the baseline tier compares bits, or checks for an int32 first, without a call. Every kind
// of left operand, including -0 and doubles equal to the int32, and a comparison's result.
const values = [null, undefined, true, false, 0, -0, 3, 3.0, 3.5, -1, 2147483647, 2 ** 31, NaN,
  '', '3', 'null', {}, [], [3], Symbol.iterator, 1 < 2, () => 3, { valueOf() { return 3; } }];
function constants(x) {
  let s = '';
  s += x === null ? 'a' : '-';
  s += x === undefined ? 'b' : '-';
  s += x === true ? 'c' : '-';
  s += x === false ? 'd' : '-';
  s += x === 3 ? 'e' : '-';
  s += x === 0 ? 'f' : '-';
  s += x === -1 ? 'g' : '-';
  s += x == null ? 'h' : '-';
  s += x == undefined ? 'i' : '-';
  s += x !== null ? 'j' : '-';
  s += x != undefined ? 'k' : '-';
  s += (typeof x === 'number' && x < 1) === true ? 'l' : '-';
  s += (x === 3) === false ? 'm' : '-';
  return s;
}
const rows = [];
for (let round = 0; round < 4; round++) {
  const row = [];
  for (const v of values) row.push(constants(v));
  rows.push(row.join(' '));
}
console.log(rows.every((r) => r === rows[0]));
console.log(rows[0]);
