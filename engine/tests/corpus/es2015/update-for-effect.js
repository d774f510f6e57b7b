// `x++` whose value is unused is compiled as `++x`: the conversion still happens, and the
// completion value of scripts and eval code is still the old value.
function f() {
  let s = '5';
  s++;
  let t = '7';
  t--;
  let o = { valueOf() { return 41; } };
  o++;
  let n = null;
  n++;
  const out = [typeof s, s, t, o, n];
  for (let i = '0'; i < 3; i++) out.push(typeof i);
  let u;
  u++;
  out.push(u);
  return out;
}
console.log(JSON.stringify(f()), JSON.stringify(f()));
console.log(eval('var e = 1; e++'), eval('var e2 = "3"; e2--;'), e, e2);
var g = 10;
g++;
console.log(g);
