// for (let ...): closures created by the initialiser see the initial bindings; the test,
// body and update of each iteration share that iteration's copy.
var probes = {};
var run = 0;
for (
  let x = "outside", _ = (probes.before = function () { return x; });
  run < 2 && ((x = "inside " + run), (probes["test" + run] = function () { return x; }));
  probes["update" + run] = function () { return x; }
) {
  probes["body" + run] = function () { return x; };
  run++;
}
var names = Object.keys(probes);
for (var i = 0; i < names.length; i++) {
  console.log(names[i] + ": " + probes[names[i]]());
}

var fs = [];
for (let i = 0, f = () => i; i < 3; i++) {
  fs.push(f);
}
console.log("initializer closure: " + fs.map(function (f) { return f(); }).join(","));

var gs = [];
for (let i = 0; i < 3; i++) {
  gs.push(() => i);
}
console.log("body closures: " + gs.map(function (g) { return g(); }).join(","));
