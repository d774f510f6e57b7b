function tag(strings, ...values) {
  return JSON.stringify({ strings: [...strings], raw: [...strings.raw], values });
}
console.log(tag`hello ${1} world ${2}`);
console.log(tag`${"start"}middle${"end"}`);
console.log(tag``);
console.log(tag`\n\t\u0041`);
const raw = (s) => s.raw[0];
console.log(raw`C:\new\table\u{41}`);
function invalidEscape(s) { return String(s[0]) + " | " + s.raw[0]; }
console.log(invalidEscape`\unicode and \xerror`);
console.log(String.raw`a\nb${1 + 1}c\t`);
console.log(String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3, 4));
// strings array is frozen
function frozen(s) { return Object.isFrozen(s) + " " + Object.isFrozen(s.raw) + " " + Array.isArray(s); }
console.log("frozen: " + frozen`a${0}b`);
// identity of strings array per call site
const seen = [];
function capture(s) { seen.push(s); return s; }
function callSite() { return capture`same site ${1}`; }
callSite();
callSite();
capture`same site ${1}`;
console.log("same call site twice: " + (seen[0] === seen[1]));
console.log("different call site same text: " + (seen[0] === seen[2]));
for (let i = 0; i < 2; i++) capture`loop`;
console.log("loop site: " + (seen[3] === seen[4]));
// tag receives evaluated values, not strings
function types(s, ...v) { return v.map((x) => typeof x).join(","); }
console.log(types`${1}${"s"}${{}}${null}${() => 0}`);
// tag can return anything
function makeObj(s, ...v) { return { count: v.length, joined: s.join("|") }; }
const o = makeObj`a${1}b${2}c`;
console.log("returned object: " + o.count + " " + o.joined);
// member expression tags and this
const formatter = {
  prefix: "> ",
  fmt(s, ...v) { return this.prefix + s.reduce((acc, str, i) => acc + str + (i < v.length ? "[" + v[i] + "]" : ""), ""); }
};
console.log(formatter.fmt`x=${10}, y=${20}`);
// chained tags
const chain = (s) => (s2) => s[0] + "+" + s2[0];
console.log(chain`first``second`);
// html escaping tag
function html(strings, ...vals) {
  const esc = (x) => String(x).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let out = strings[0];
  vals.forEach((v, i) => { out += esc(v) + strings[i + 1]; });
  return out;
}
console.log(html`<p>${"<script>&"}</p>`);
// tag that is the result of a call
const makeTag = (label) => (s, ...v) => label + ":" + s.join("_") + ":" + v.join("_");
console.log(makeTag("L")`a${1}b${2}`);
