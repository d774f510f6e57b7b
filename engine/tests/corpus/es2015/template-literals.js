const name = "jolt";
const n = 3;
console.log(`hello ${name}`);
console.log(`sum: ${1 + 2} product: ${n * 4}`);
console.log(`nested: ${`inner ${name.toUpperCase()}`}`);
console.log(`ternary: ${n > 2 ? "big" : "small"}`);
console.log(`multi
line`);
console.log(`escapes: \t|\n|\`|\${not interpolated}|\u0041|\x42|\u{1F600}`.length);
console.log(`backtick \` and dollar $ and brace { }`);
console.log(`$${n}`);
console.log(`${"a"}${"b"}${"c"}`);
console.log(`empty: [${""}]`);
console.log(`types: ${null} ${undefined} ${true} ${[1, 2]} ${{}}`);
const obj = { toString() { return "custom"; }, valueOf() { return 42; } };
console.log(`ToString used: ${obj} vs concat: ${"" + obj}`);
try {
  `${Symbol("s")}`;
} catch (e) {
  console.log("symbol in template: " + e.name);
}
console.log(`function call: ${[1, 2, 3].map((x) => x * 2).join("-")}`);
console.log(`object literal: ${JSON.stringify({ a: 1 })}`);
const lines = `line1
line2
line3`.split("\n");
console.log("line count: " + lines.length);
console.log(`line continuation \
works`);
let count = 0;
const evaluated = `${count++}${count++}${count++}`;
console.log("evaluation order: " + evaluated + " count " + count);
console.log(`${n}${n}` === "33");
const table = [["a", 1], ["b", 22]].map(([k, v]) => `${k.padEnd(3)}|${String(v).padStart(4)}`).join("\n");
console.log(table);
console.log(typeof `x`);
console.log(`${1}${2}` + 3);
console.log(`deep ${`a ${`b ${`c`}`}`}`);
