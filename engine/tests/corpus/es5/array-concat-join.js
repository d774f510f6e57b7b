var a = [1, 2];
var b = [3, [4, 5]];
var c = a.concat(b, 6, [7], [[8]]);
console.log("concat len: " + c.length + " json " + JSON.stringify(c));
console.log("a unchanged: " + a.join(","));
console.log("concat nothing copies: " + (a.concat() !== a) + " " + a.concat().join(","));
var holey = [1, , 3];
var ch = holey.concat([4, , 6]);
console.log("concat holes len " + ch.length + " 1 in: " + (1 in ch) + " 4 in: " + (4 in ch));
var like = { length: 2, 0: "x", 1: "y" };
var cl = [].concat(like);
console.log("array-like not spread: len " + cl.length + " first is obj: " + (cl[0] === like));
console.log("concat string: " + [].concat("ab", "cd").join("|"));

console.log("join default: " + [1, 2, 3].join());
console.log("join empty sep: " + [1, 2, 3].join(""));
console.log("join multi-char: " + ["a", "b"].join(" -- "));
console.log("join null/undefined: '" + [null, undefined, 1, null].join("-") + "'");
console.log("join holes: '" + [1, , , 4].join(",") + "'");
console.log("join nested: " + [1, [2, [3, 4]], 5].join(";"));
console.log("join objects: " + [{}, { toString: function () { return "T"; } }].join("&"));
console.log("join undefined sep: " + [1, 2].join(undefined));
console.log("join number sep: " + [1, 2, 3].join(0));
console.log("empty join: '" + [].join(",") + "' length " + [].join(",").length);
console.log("single: " + ["only"].join(","));
console.log("toString: " + [1, [2, 3], "x"].toString());
console.log("String(arr): " + String([true, false, null]));
// cyclic join yields empty for the cycle
var cyc = [1, 2];
cyc.push(cyc);
console.log("cyclic: '" + cyc.join(",") + "'");
// join with large count
var big = [];
for (var i = 0; i < 1000; i++) big.push(i % 10);
var joined = big.join("");
console.log("big join len: " + joined.length + " head " + joined.slice(0, 12));
// reverse
console.log("reverse: " + [1, 2, 3, 4, 5].reverse().join(","));
console.log("reverse even: " + ["a", "b", "c", "d"].reverse().join(""));
console.log("reverse single/empty: " + [1].reverse().join() + " '" + [].reverse().join() + "'");
var rs = "hello".split("").reverse().join("");
console.log("reverse string: " + rs);
