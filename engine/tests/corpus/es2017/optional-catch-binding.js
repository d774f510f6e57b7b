function tryParse(s) {
  try {
    return JSON.parse(s);
  } catch {
    return "invalid";
  }
}
console.log(tryParse("[1,2]").length + " " + tryParse("{bad"));
let finallyRan = false;
try {
  throw new Error("ignored");
} catch {
  console.log("caught without binding");
} finally {
  finallyRan = true;
}
console.log("finally ran: " + finallyRan);
function nested() {
  try {
    try { throw 1; } catch { throw 2; }
  } catch {
    return "outer caught without binding";
  }
}
console.log(nested());
const e = "outer e";
try { throw "x"; } catch { console.log("no binding shadows nothing: " + e); }
const results = ["1", "x", "3"].map((s) => { try { if (isNaN(s)) throw 0; return Number(s); } catch { return -1; } });
console.log("in map: " + results.join(","));
async function asyncCatch() {
  try { await Promise.reject(new Error("async")); } catch { return "async caught"; }
}
asyncCatch().then((v) => console.log(v));
function* genCatch() {
  try { yield 1; } catch { yield "gen caught"; }
}
const g = genCatch();
g.next();
console.log(g.throw(new Error("into gen")).value);
