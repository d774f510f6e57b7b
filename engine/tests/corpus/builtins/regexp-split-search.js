// `@@split` searches with the RegExp itself when no script can tell (a built-in splitter
// with the built-in exec, no unicode flags, no sticky flag); the rest runs exec per position.
const cases = [
  ["a,b,,c", /,/], ["a1b22c333", /\d+/], ["abc", /(?:)/], ["abc", /$/], ["a\r\nb\nc\r\n", /\r?\n/],
  ["aXbxc", /x/i], ["a-b_c", /([-_])/], ["test", /(t)?e/], ["", /x/], ["", /(?:)/], ["abab", /(?=b)/],
  ["a,b,c,d", /,/g], ["😀a😀", /(?:)/], ["x1y2z", /(\d)/], ["aaa", /a*?/], ["aaa", /a*/], ["ab", /(?<=a)/],
];
for (const [s, re] of cases) console.log(JSON.stringify(s.split(re)), JSON.stringify(s.split(re, 2)));
// Observable cases stay on the slow path.
let n = 0;
const saved = RegExp.prototype.exec;
RegExp.prototype.exec = function (s) { n++; return saved.call(this, s); };
console.log(JSON.stringify("a,b".split(/,/)), n > 0);
RegExp.prototype.exec = saved;
class R extends RegExp {}
console.log(JSON.stringify("a,b,c".split(new R(","))));
const y = /,/y; console.log(JSON.stringify("a,b,c".split(y)));
const u = /(?:)/u; console.log(JSON.stringify("😀a😀".split(u)));
