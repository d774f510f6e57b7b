// Date: Date.UTC and the UTC getters/setters, MakeDay/MakeTime edge cases, TimeClip.
function show(label, v) {
  console.log(label + ": " + String(v));
}
function iso(t) {
  var d = new Date(t);
  return isNaN(d.getTime()) ? "Invalid Date" : d.toISOString();
}

show("UTC()", Date.UTC());
show("UTC(2000)", Date.UTC(2000));
show("UTC(99, 11, 31)", iso(Date.UTC(99, 11, 31)));
show("UTC(100, 0)", iso(Date.UTC(100, 0)));
show("UTC(-1, 0)", iso(Date.UTC(-1, 0)));
show("UTC(2020, 1, 29, 23, 59, 59, 999)", iso(Date.UTC(2020, 1, 29, 23, 59, 59, 999)));
show("UTC month overflow", iso(Date.UTC(2020, 13, 1)));
show("UTC month underflow", iso(Date.UTC(2020, -1, 1)));
show("UTC day zero", iso(Date.UTC(2021, 2, 0)));
show("UTC fractional", Date.UTC(1970, 0.9, 1.9, 0.9, 0.9, 0.9, 0.9));
show("UTC negative fractional", Date.UTC(1970, 0, 1, -0.5, 0, 0, -0.5));
show("UTC Infinity", Date.UTC(Infinity, 0));
show("UTC NaN month", Date.UTC(2000, NaN));
show("UTC fp order", Date.UTC(1970, 0, 213503982336, 0, 0, 0, -18446744073709552000));
show("UTC max", Date.UTC(275760, 8, 13));
show("UTC max+1", Date.UTC(275760, 8, 13, 0, 0, 0, 1));
show("UTC min", Date.UTC(-271821, 3, 20));
show("UTC min-1", Date.UTC(-271821, 3, 19, 23, 59, 59, 999));

var edges = [0, -1, 1, 8.64e15, -8.64e15, 951782400000, -62198755200000, 253402300799999, 253402300800000, -62167219200001];
for (var i = 0; i < edges.length; i++) {
  var d = new Date(edges[i]);
  console.log(
    edges[i],
    d.toISOString(),
    d.toUTCString(),
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCDay(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds()
  );
}

show("8.64e15+1", new Date(8.64e15 + 1).getTime());
show("-0 clip", 1 / new Date(-0).getTime());
show("fraction clip", new Date(1.9).getTime());
show("negative fraction clip", new Date(-1.9).getTime());

var d = new Date(0);
show("setUTCMonth(14)", iso(d.setUTCMonth(14)));
show("setUTCHours(25, 61, 61, 1001)", iso(d.setUTCHours(25, 61, 61, 1001)));
show("setUTCFullYear(2000, 1, 30)", iso(d.setUTCFullYear(2000, 1, 30)));
show("setUTCDate(0)", iso(d.setUTCDate(0)));
show("setUTCMinutes(-1)", iso(d.setUTCMinutes(-1)));
show("setUTCSeconds(3600)", iso(d.setUTCSeconds(3600)));
show("setUTCMilliseconds(-1)", iso(d.setUTCMilliseconds(-1)));
show("setUTCMonth(1, 31)", iso(d.setUTCMonth(1, 31)));
show("setUTCHours(NaN)", d.setUTCHours(NaN));
show("after NaN", d.getTime());
show("setUTCMinutes on NaN", d.setUTCMinutes(5));
show("setUTCFullYear on NaN", iso(d.setUTCFullYear(2001)));
show("setTime(1e20)", d.setTime(1e20));
show("setTime('12')", d.setTime("12"));
show("setUTCFullYear huge", d.setUTCFullYear(1e10));
d = new Date(0);
show("setUTCDate(1e300)", d.setUTCDate(1e300));
d = new Date(8.64e15);
show("max + 1ms", d.setUTCMilliseconds(1));
d = new Date(-8.64e15);
show("min - 1ms", d.setUTCMilliseconds(-1));

// Arguments are all coerced, in order, even when the date is NaN.
var log = [];
function arg(name, v) {
  return { valueOf: function () { log.push(name); return v; } };
}
var good = new Date(0);
show("setUTCHours coerces all", iso(good.setUTCHours(arg("h", 1), arg("m", 2), arg("s", 3), arg("ms", 4))));
show("order", log.join());
log = [];
show("Date.UTC order", iso(Date.UTC(arg("y", 2000), arg("mo", 0), arg("d", 2), arg("h", 3), arg("mi", 4), arg("s", 5), arg("ms", 6))));
show("order", log.join());
log = [];
var late = new Date(0);
show(
  "setUTCMinutes reads this first",
  iso(late.setUTCMinutes(arg("m", 1), { valueOf: function () { late.setTime(1e12); log.push("s"); return 2; } }))
);
show("order", log.join());
