// benches/scaling/workloads.js: the workloads of the scaling check (benches/scaling/run.sh).
// Each entry is `name: [n, workload]`. The driver prepends `var OP = "name";` (and optionally
// `var SCALE = k;`, which multiplies n) and runs this file in each engine; it prints one line:
// n, then the milliseconds sizes n, 4n and 16n took (inside the engine, so start-up
// is excluded). Every workload depends on n only through its size, so a linear operation's
// time grows about 4x per step, a quadratic one's about 16x.
"use strict";

function numbers(n) {
    var a = new Array(n);
    var x = 12345;
    for (var i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        a[i] = x % 1000003;
    }
    return a;
}
function range(n) {
    var a = [];
    for (var i = 0; i < n; i++) a.push(i);
    return a;
}
function text(n) {
    var parts = [];
    for (var i = 0; parts.length * 10 < n; i++) parts.push("abcab" + (i % 97 + 10000).toString(36).slice(-5));
    return parts.join("").slice(0, n);
}
function nested(n) {
    var out = [n];
    for (var i = 0; i < n; i++) {
        out.push({ id: i, name: "item" + i, tags: ["a", "b" + (i % 7)], pos: { x: i * 0.5, y: -i, ok: i % 3 === 0 }, note: null });
    }
    return { version: 1, items: out };
}

var W = {
    "array.push": [200000, function (n) { var a = []; for (var i = 0; i < n; i++) a.push(i); return a.length; }],
    "array.pop": [200000, function (n) { var a = range(n), s = 0; while (a.length) s += a.pop(); return s; }],
    "array.shift": [5000, function (n) { var a = range(n), s = 0; while (a.length) s += a.shift(); return s; }],
    "array.unshift": [5000, function (n) { var a = []; for (var i = 0; i < n; i++) a.unshift(i); return a[0]; }],
    "array.splice-end": [100000, function (n) { var a = range(n); for (var i = 0; i < n; i++) a.splice(a.length - 1, 1, i, i); return a.length; }],
    "array.splice-big": [100000, function (n) { var s = 0; for (var k = 0; k < 10; k++) { var a = range(n); var r = a.splice(n >> 2, n >> 1); s += r.length + a.length; } return s; }],
    "array.indexOf": [100000, function (n) { var a = range(n), s = 0; for (var k = 0; k < 20; k++) s += a.indexOf(-1) + a.indexOf(n - 1 - k); return s; }],
    "array.includes": [100000, function (n) { var a = range(n), s = 0; for (var k = 0; k < 20; k++) s += a.includes(-1) ? 1 : 0; return s; }],
    "array.sort-num": [20000, function (n) { var a = numbers(n); a.sort(function (x, y) { return x - y; }); return a[n >> 1]; }],
    "array.sort-default": [20000, function (n) { var a = numbers(n); a.sort(); return a[n >> 1]; }],
    "array.join": [100000, function (n) { var a = range(n); return a.join(",").length; }],
    "array.concat": [100000, function (n) { var a = range(n), b = range(n), s = 0; for (var k = 0; k < 10; k++) s += a.concat(b, a).length; return s; }],
    "array.slice": [100000, function (n) { var a = range(n), s = 0; for (var k = 0; k < 10; k++) s += a.slice(1).length; return s; }],
    "array.map": [100000, function (n) { var a = range(n); return a.map(function (x) { return x * 2; }).length; }],
    "array.filter": [100000, function (n) { var a = range(n); return a.filter(function (x) { return x & 1; }).length; }],
    "array.reduce": [100000, function (n) { var a = range(n); return a.reduce(function (s, x) { return s + x; }, 0); }],
    "array.flat": [100000, function (n) { var a = []; for (var i = 0; i < n; i += 4) a.push([i, [i + 1, i + 2], i + 3]); return a.flat(2).length; }],
    "string.concat-loop": [100000, function (n) { var s = ""; for (var i = 0; i < n; i++) s += "ab"; return s.length + s.charCodeAt(n); }],
    "string.concat-index": [100000, function (n) { var s = ""; for (var i = 0; i < n; i++) s += "ab"; var c = 0; for (var i = 0; i < s.length; i += 7) c += s.charCodeAt(i); return c; }],
    "string.array-join": [100000, function (n) { var p = []; for (var i = 0; i < n; i++) p.push("ab" + i); return p.join("").length; }],
    "string.template": [100000, function (n) { var s = ""; for (var i = 0; i < n; i++) s = `${s}x${i & 7}`; return s.length + s.charCodeAt(n); }],
    "string.repeat": [100000, function (n) { var s = 0; for (var k = 0; k < 10; k++) s += "abc".repeat(n).length; return s; }],
    "string.padStart": [100000, function (n) { var s = 0; for (var k = 0; k < 10; k++) s += "x".padStart(n, "abc").length; return s; }],
    "string.replaceAll": [100000, function (n) { var t = text(n), s = 0; for (var k = 0; k < 5; k++) s += t.replaceAll("ab", "xyz").length; return s; }],
    "string.split": [100000, function (n) { var t = text(n), s = 0; for (var k = 0; k < 5; k++) s += t.split("a").length + t.split("").length; return s; }],
    "json.stringify": [10000, function (n) { var d = nested(n); return JSON.stringify(d).length; }],
    "json.parse": [10000, function (n) { var t = JSON.stringify(nested(n)); return JSON.parse(t).items.length; }],
    "regexp.exec-g": [100000, function (n) { var t = text(n), re = /a(b)c/g, m, c = 0; while ((m = re.exec(t)) !== null) c += m.index & 1; return c; }],
    "regexp.replace-g": [100000, function (n) { var t = text(n); return t.replace(/b(c)/g, "[$1]").length; }],
    "regexp.replace-fn": [100000, function (n) { var t = text(n); return t.replace(/ab/g, function (m) { return m.toUpperCase(); }).length; }],
    "regexp.match-g": [100000, function (n) { var t = text(n); return t.match(/ca/g).length; }],
    "map.int-keys": [50000, function (n) { var m = new Map(), s = 0; for (var i = 0; i < n; i++) m.set(i * 7, i); for (var i = 0; i < n; i++) s += m.get(i * 7); for (var i = 0; i < n; i++) m.delete(i * 7); return s + m.size; }],
    "map.string-keys": [50000, function (n) { var m = new Map(), s = 0; for (var i = 0; i < n; i++) m.set("k" + i, i); for (var i = 0; i < n; i++) s += m.get("k" + i); for (var i = 0; i < n; i++) m.delete("k" + i); return s + m.size; }],
    "map.object-keys": [50000, function (n) { var m = new Map(), ks = [], s = 0; for (var i = 0; i < n; i++) { ks.push({ i: i }); m.set(ks[i], i); } for (var i = 0; i < n; i++) s += m.get(ks[i]); for (var i = 0; i < n; i++) m.delete(ks[i]); return s + m.size; }],
    "map.delete-iterating": [50000, function (n) { var m = new Map(), s = 0; for (var i = 0; i < n; i++) m.set(i, i); for (var e of m) { m.delete(e[0]); s += e[1]; } return s + m.size; }],
    "map.churn": [50000, function (n) { var m = new Map(), s = 0; for (var i = 0; i < n; i++) { m.set(i, i); if (i >= 100) m.delete(i - 100); } for (var e of m) s += e[1]; return s; }],
    "set.int-keys": [50000, function (n) { var m = new Set(), s = 0; for (var i = 0; i < n; i++) m.add(i * 3); for (var i = 0; i < n; i++) s += m.has(i * 3) ? 1 : 0; for (var i = 0; i < n; i++) m.delete(i * 3); return s + m.size; }],
    "set.delete-iterating": [50000, function (n) { var m = new Set(), s = 0; for (var i = 0; i < n; i++) m.add("k" + i); m.forEach(function (k) { m.delete(k); s++; }); return s + m.size; }],
    "set.delete-first": [20000, function (n) { var m = new Set(), s = 0; for (var i = 0; i < n; i++) m.add(i); for (var i = 0; i < n; i++) { var it = m.values().next(); m.delete(it.value); s += it.value; } return s; }],
};

if (typeof OP === "undefined") {
    console.log(Object.keys(W).join("\n"));
} else {
    var n = W[OP][0] * (typeof SCALE === "number" ? SCALE : 1), f = W[OP][1];
    var SIZES = [n, 4 * n, 16 * n];
    f(n >> 2); // warm-up at a quarter of the smallest size
    var out = [n];
    for (var j = 0; j < SIZES.length; j++) {
        var t0 = Date.now();
        f(SIZES[j]);
        out.push(Date.now() - t0);
    }
    console.log(out.join(" "));
}
