// Objects with the same keys added in different orders, plus many distinct shapes.
const keys = ["a", "b", "c", "d"];
function permutations(arr) {
  if (arr.length <= 1) return [arr];
  const out = [];
  arr.forEach((x, i) => {
    for (const p of permutations([...arr.slice(0, i), ...arr.slice(i + 1)])) out.push([x, ...p]);
  });
  return out;
}
const objs = permutations(keys).map((order, idx) => {
  const o = {};
  for (const k of order) o[k] = k.charCodeAt(0) + idx;
  return o;
});
console.log("objects: " + objs.length);
console.log("key orders: " + objs.slice(0, 4).map((o) => Object.keys(o).join("")).join(" ") + " ... " + Object.keys(objs[23]).join(""));
let sum = 0;
for (const o of objs) sum += o.a + o.b + o.c + o.d;
console.log("sum via property access: " + sum);
// polymorphic access site
function getC(o) { return o.c; }
let total = 0;
for (let i = 0; i < 200; i++) total += getC(objs[i % objs.length]);
console.log("polymorphic total: " + total);
// distinct shapes: objects with unique property names
const distinct = [];
for (let i = 0; i < 60; i++) {
  const o = { base: i };
  o["p" + i] = i;
  if (i % 2) o.odd = true;
  if (i % 3 === 0) o["q" + (i % 7)] = "q";
  distinct.push(o);
}
console.log("distinct shapes sample: " + distinct.slice(0, 4).map((o) => Object.keys(o).join("+")).join(" | "));
let check = 0;
for (const o of distinct) check += o.base + o["p" + o.base] + (o.odd ? 1 : 0) + Object.keys(o).length;
console.log("distinct check: " + check);
// adding properties to existing objects transitions shapes; old shapes unused
for (const o of objs) { o.e = 1; delete o.a; o.a = 2; }
console.log("after transitions: " + Object.keys(objs[0]).join("") + " " + Object.keys(objs[5]).join("") + " sum a: " + objs.reduce((x, o) => x + o.a, 0));
// class instances vs literals with same layout
class P { constructor(x, y) { this.x = x; this.y = y; } }
const mixed = [];
for (let i = 0; i < 40; i++) mixed.push(i % 2 ? new P(i, -i) : { x: i, y: -i });
console.log("mixed: " + mixed.reduce((a, p) => a + p.x * 2 + p.y, 0) + " " + mixed.filter((p) => p instanceof P).length);
