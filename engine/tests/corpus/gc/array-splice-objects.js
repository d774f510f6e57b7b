// Arrays of objects being spliced: removed elements become garbage, remaining must stay valid.
const items = [];
for (let i = 0; i < 60; i++) items.push({ id: i, data: [i, i * 2], label: "item" + i });
// remove every third element from the end
for (let i = items.length - 1; i >= 0; i -= 3) items.splice(i, 1);
console.log("after removal: " + items.length + " first " + items[0].label + " last " + items[items.length - 1].label);
// insert replacements in the middle
items.splice(10, 5, ...Array.from({ length: 3 }, (_, k) => ({ id: 1000 + k, data: [k], label: "new" + k })));
console.log("after replace: " + items.length + " ids 8..14: " + items.slice(8, 14).map((o) => o.id).join(","));
// repeatedly rotate through splice/unshift/shift
for (let r = 0; r < 50; r++) {
  const [removed] = items.splice(r % items.length, 1);
  removed.data.push(r);
  items.unshift({ id: removed.id, data: removed.data.slice(), label: removed.label + "*" });
  items.push(items.shift());
}
const checksum = items.reduce((acc, o) => acc + o.id + o.data.length, 0);
console.log("checksum: " + checksum + " length " + items.length);
console.log("sample: " + items.slice(0, 3).map((o) => o.label + "[" + o.data.join(".") + "]").join(" "));
// truncation by length assignment releases tail objects
items.length = 5;
console.log("truncated: " + items.map((o) => o.id).join(","));
// filter creating new arrays, old arrays dropped
let arr = Array.from({ length: 40 }, (_, i) => ({ v: i }));
for (let pass = 0; pass < 4; pass++) arr = arr.filter((o) => o.v % (pass + 2) !== 0).map((o) => ({ v: o.v }));
console.log("filtered: " + arr.map((o) => o.v).join(","));
