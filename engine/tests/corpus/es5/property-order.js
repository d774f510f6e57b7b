var o = {};
o.b = 1;
o[2] = 1;
o.a = 1;
o[1] = 1;
o["10"] = 1;
o["01"] = 1;
o[-1] = 1;
o["1.5"] = 1;
o.z = 1;
o[4294967294] = 1;
o[4294967295] = 1;
o[0] = 1;
console.log("keys: " + Object.keys(o).join(","));
var forin = [];
for (var k in o) forin.push(k);
console.log("for-in: " + forin.join(","));
console.log("names: " + Object.getOwnPropertyNames(o).join(","));
console.log("json: " + JSON.stringify(o));

// literal order
var lit = { z: 1, y: 2, 3: "three", x: 3, 1: "one" };
console.log("literal: " + Object.keys(lit).join(","));

// deleting and re-adding moves to end
var re = { a: 1, b: 2, c: 3 };
delete re.a;
re.a = 4;
console.log("re-added: " + Object.keys(re).join(","));
// overwriting keeps position
re.b = 20;
console.log("overwrite keeps: " + Object.keys(re).join(","));

// arrays with extra props
var arr = ["x", "y"];
arr.prop = "p";
arr[5] = "five";
console.log("array keys: " + Object.keys(arr).join(","));

// prototype keys come after own in for-in
function C() { this.own2 = 1; this.own1 = 1; }
C.prototype.p2 = 1;
C.prototype.p1 = 1;
C.prototype[0] = 1;
var inst = new C();
inst[1] = 1;
var seen = [];
for (var key in inst) seen.push(key);
console.log("for-in with proto: " + seen.join(","));

// string object indices
var so = new String("ab");
so.extra = 1;
console.log("string object keys: " + Object.keys(so).join(","));
// many keys
var big = {};
for (var i = 20; i > 0; i--) big["k" + i] = i;
for (var j = 20; j > 0; j--) big[j] = j;
console.log("many: " + Object.keys(big).join(","));
