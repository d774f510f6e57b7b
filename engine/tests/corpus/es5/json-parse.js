var o = JSON.parse('{"a":1,"b":[true,false,null],"c":{"d":"text"},"e":-1.5e2}');
console.log("a=" + o.a + " b=" + o.b.join("/") + " c.d=" + o.c.d + " e=" + o.e);
console.log("typeof null entry: " + (o.b[2] === null));
console.log(JSON.parse("42") + " " + JSON.parse('"str"') + " " + JSON.parse("true") + " " + JSON.parse("null"));
console.log(JSON.parse(" \t\n [1 , 2 ] \n").length);
console.log(JSON.parse('"\\u0041\\n\\t\\"\\\\\\/"'));
console.log(JSON.parse('"\\ud83d\\ude00"').length);
console.log(JSON.parse("1e3") + " " + JSON.parse("-0.5") + " " + (1 / JSON.parse("-0")));
var bad = ["{a:1}", "[1,]", "'single'", "01", "1.", ".5", "+1", "NaN", "undefined", "{\"a\":1,}", "", "[1 2]", "\"\t\"", "tru", "{\"a\" 1}", "0x10"];
for (var i = 0; i < bad.length; i++) {
  try {
    JSON.parse(bad[i]);
    console.log("parsed unexpectedly: " + bad[i]);
  } catch (e) {
    console.log("bad " + JSON.stringify(bad[i]) + ": " + e.name);
  }
}
var revived = JSON.parse('{"a":1,"b":{"c":2,"d":[3,4]}}', function (k, v) {
  if (typeof v === "number") return v * 100;
  return v;
});
console.log("reviver: " + JSON.stringify(revived));
var order = [];
JSON.parse('{"x":{"y":1,"z":[5,6]},"w":2}', function (k, v) { order.push(k); return v; });
console.log("reviver order: " + order.join(","));
var removed = JSON.parse('{"keep":1,"drop":2}', function (k, v) { return k === "drop" ? undefined : v; });
console.log("reviver delete: " + JSON.stringify(removed) + " has drop: " + ("drop" in removed));
var dup = JSON.parse('{"k":1,"k":2}');
console.log("duplicate keys last wins: " + dup.k);
var keys = JSON.parse('{"b":1,"a":2,"1":3,"0":4}');
console.log("key order: " + Object.keys(keys).join(","));
var deep = "";
for (var d = 0; d < 100; d++) deep += "[";
for (d = 0; d < 100; d++) deep += "]";
var parsed = JSON.parse(deep);
var depth = 0;
while (Array.isArray(parsed)) { depth++; parsed = parsed[0]; }
console.log("depth: " + depth);
var roundTrip = { s: "quote\" back\\ nl\n", n: [0, -1, 3.25, 1e100], b: false, z: null };
console.log("round trip: " + (JSON.stringify(JSON.parse(JSON.stringify(roundTrip))) === JSON.stringify(roundTrip)));
console.log("proto key: " + Object.keys(JSON.parse('{"__proto__":1}')).join(","));
console.log("big number: " + JSON.parse("123456789012345678901234567890"));
