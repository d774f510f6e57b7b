var a = [0, 1, 2, 3, 4, 5];
console.log("slice(2): " + a.slice(2).join(","));
console.log("slice(1,3): " + a.slice(1, 3).join(","));
console.log("slice(-2): " + a.slice(-2).join(","));
console.log("slice(-4,-1): " + a.slice(-4, -1).join(","));
console.log("slice(4,2): '" + a.slice(4, 2).join(",") + "'");
console.log("slice(): " + a.slice().join(",") + " copy: " + (a.slice() !== a));
console.log("slice(100): " + a.slice(100).length);
console.log("slice('1','3'): " + a.slice("1", "3").join(","));
console.log("slice(1.7): " + a.slice(1.7).join(","));

var s = [0, 1, 2, 3, 4, 5];
var removed = s.splice(2, 2);
console.log("splice(2,2) removed " + removed.join(",") + " left " + s.join(","));
removed = s.splice(1, 0, "a", "b");
console.log("insert removed '" + removed.join(",") + "' now " + s.join(","));
removed = s.splice(-2);
console.log("splice(-2) removed " + removed.join(",") + " now " + s.join(","));
removed = s.splice(1, 1, "X", "Y", "Z");
console.log("replace removed " + removed.join(",") + " now " + s.join(","));
removed = s.splice(0);
console.log("splice(0) removed " + removed.join(",") + " now len " + s.length);
var t = [1, 2, 3];
removed = t.splice();
console.log("splice() removed " + removed.length + " t " + t.join(","));
removed = t.splice(1, undefined);
console.log("splice(1, undefined) removed " + removed.length);
removed = t.splice(1, 100);
console.log("splice(1,100) removed " + removed.join(",") + " t " + t.join(","));
removed = t.splice(-100, 1);
console.log("splice(-100,1) removed " + removed.join(",") + " t len " + t.length);
// splice on holey arrays
var h = [1, , 3, , 5];
var hr = h.splice(1, 2);
console.log("holey removed len " + hr.length + " 0 in removed: " + (0 in hr) + " h " + JSON.stringify(h));
// splice while iterating backwards
var nums = [1, 2, 3, 4, 5, 6, 7, 8];
for (var i = nums.length - 1; i >= 0; i--) if (nums[i] % 3 === 0) nums.splice(i, 1);
console.log("filtered by splice: " + nums.join(","));
// slice on arguments and strings via call
console.log("slice call string: " + Array.prototype.slice.call("hey", 1).join("|"));
// splice many inserts
var many = [];
for (var j = 0; j < 50; j++) many.splice(j >> 1, 0, j);
console.log("many: " + many.join(","));
