// Stores to script-level `let` bindings from compiled code: once a site has seen the binding,
// the baseline tier stores into its cell inline. Also stores in the TDZ (before the `let` has
// run), which must stay ReferenceErrors in every tier, and stores to a `const`.
function bump(n) {
  for (let i = 0; i < n; i++) counter += i & 3;
  return counter;
}
function setLate(v) {
  late = v;
  return late;
}
const results = [];
for (let i = 0; i < 6; i++) {
  try {
    setLate(i);
    results.push("set");
  } catch (e) {
    results.push(e.constructor.name);
  }
}
let counter = 0;
for (let i = 0; i < 200; i++) bump(10);
console.log(counter);
let late = "initial";
console.log(late);
for (let i = 0; i < 6; i++) results.push(setLate(i * 2));
console.log(results.join(" "));
console.log(late);

const fixed = 1;
function setFixed(v) {
  fixed = v;
}
for (let i = 0; i < 5; i++) {
  try {
    setFixed(i);
  } catch (e) {
    console.log(e.constructor.name, fixed);
  }
}

// A closure storing to a binding that holds values of changing types.
let mixed = 0;
function store(v) {
  mixed = v;
  return typeof mixed;
}
const kinds = [];
for (let i = 0; i < 12; i++) kinds.push(store(i % 3 === 0 ? "s" + i : i % 3 === 1 ? i / 2 : { i }));
console.log(kinds.join(","), JSON.stringify(mixed));
