const o = {}; const s = Symbol();
const vals = [0, 1, -0, NaN, "a", "a" + "", o, {}, s, null, undefined, true, false, 1.5];
let r = [];
for (const a of vals) for (const b of vals) r.push(a === b ? 1 : 0, a !== b ? 1 : 0, !a ? 1 : 0);
console.log(r.join(""));
