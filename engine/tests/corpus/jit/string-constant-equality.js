// `===` against a string constant (a `case` label, a `typeof` result) is decided inline by
// the optimizing tier: the same string, anything but a string, another interned string and a
// string of another length are told apart without a call; only a string built at run time
// with the constant's length is compared by contents. Every kind of operand, on both sides.
const built = (s) => s.split('').join('');
const values = ['let', 'fn', 'if', built('let'), built('fn'), 'l' + 'et', 'le', 'lets', '',
  'LET', built('tel'), 3, 3.5, null, undefined, true, {}, [], ['let'], Symbol.iterator,
  { toString() { return 'let'; } }, new String('let'), 'é', built('é'), '\u{1F600}', built('\u{1F600}')];
function kind(x) {
  switch (x) {
    case 'let': return 1;
    case 'fn': return 2;
    case 'if': return 3;
    case 'é': return 4;
    case '\u{1F600}': return 5;
    case '': return 6;
    default: return 0;
  }
}
function flipped(x) {
  let s = '';
  s += 'let' === x ? 'a' : '-';
  s += 'fn' !== x ? 'b' : '-';
  s += (typeof x === 'string') ? 'c' : '-';
  s += (typeof x === 'object') ? 'd' : '-';
  s += x === 'LET' ? 'e' : '-';
  return s;
}
const rows = [];
for (let round = 0; round < 6; round++) {
  const row = [];
  for (const v of values) row.push(kind(v) + flipped(v));
  rows.push(row.join(' '));
}
console.log(rows.every((r) => r === rows[0]));
console.log(rows[0]);
