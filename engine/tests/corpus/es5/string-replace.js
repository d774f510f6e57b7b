var s = "the cat sat on the mat";
console.log(s.replace("at", "AT"));
console.log(s.replace(/at/, "AT"));
console.log(s.replace(/at/g, "AT"));
console.log(s.replace(/(\w)at/g, "$1og"));
console.log(s.replace(/(\w+) (\w+)/, "$2 $1"));
console.log(s.replace("cat", "[$&]"));
console.log(s.replace("sat", "<$`>"));
console.log(s.replace("sat", "<$'>"));
console.log(s.replace("cat", "$$"));
console.log(s.replace(/(c)(a)(t)/, "$3$2$1 $4 $0"));
console.log("abc".replace(/(b)/, "$01$1$10"));
console.log(s.replace(/the/gi, function (m, off, str) { return m.toUpperCase() + off + (str === s ? "" : "!"); }));
console.log("john smith".replace(/(\w+)\s(\w+)/, function (m, first, last) { return last.toUpperCase() + ", " + first; }));
console.log("a-b-c".replace(/-/g, function () { return "+"; }));
console.log("no match".replace(/xyz/g, "!"));
console.log("aaa".replace("a", "b"));
console.log("aaa".replace(/a/g, "b"));
console.log("x".replace(/x/, "$"));
console.log("empty pattern".replace("", "^"));
console.log("abc".replace(/(?:)/g, "-"));
console.log("1,234,567".replace(/,/g, ""));
console.log("camelCaseString".replace(/([A-Z])/g, "_$1").toLowerCase());
console.log("snake_case_here".replace(/_(\w)/g, function (m, c) { return c.toUpperCase(); }));
console.log("12-34".replace(/(\d+)-(\d+)/, function (m, a, b) { return String(Number(a) + Number(b)); }));
console.log("undefined group: " + "b".replace(/(a)?b/, function (m, g) { return typeof g; }));
console.log("undefined group $1: [" + "b".replace(/(a)?b/, "$1") + "]");
console.log("replacer returns non-string: " + "abc".replace("b", function () { return 42; }));
console.log("search value coerced: " + "a1b".replace(1, "one"));
// escaping special chars in html
var html = "<a href=\"x\">&</a>";
console.log(html.replace(/[<>&"]/g, function (c) {
  return { "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;" }[c];
}));
// lastIndex reset by global replace
var re = /o/g;
re.lastIndex = 5;
console.log("foo boo".replace(re, "0") + " lastIndex " + re.lastIndex);
// template-like substitution
var data = { name: "jolt", ver: 1 };
console.log("{name} v{ver} {missing}".replace(/\{(\w+)\}/g, function (m, k) { return k in data ? data[k] : m; }));
