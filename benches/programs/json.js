// json.js: builds a catalogue document (nested objects and arrays; strings with quotes,
// escapes and non-ASCII text; integers, decimals, booleans and nulls), serialises it with
// JSON.stringify (compact, indented, and with a replacer), parses it back with JSON.parse
// (plain and with a reviver), and checks the round trip with a structural comparison.
// Exercises the JSON built-ins, property enumeration order and object/array allocation.

function makeRng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"];
const NOTES = ['say "hi"', "line\nbreak", "tab\there", "back\\slash", "café", "naïve", "Ωmega", "日本", "emoji 🎉", "plain"];

function makeDocument(rand, products) {
  const doc = { version: 3, generated: "2023-11-05T10:00:00Z", currency: "EUR", products: [], tags: {} };
  for (let i = 0; i < products; i++) {
    const name = `${WORDS[rand(WORDS.length)]}-${WORDS[rand(WORDS.length)]} ${i}`;
    const variants = [];
    for (let v = 0, n = rand(4); v < n; v++) {
      variants.push({ sku: `SKU-${i}-${v}`, price: (100 + rand(100000)) / 100, stock: rand(3) === 0 ? null : rand(500), colors: WORDS.slice(0, rand(4)) });
    }
    const product = {
      id: i,
      name,
      active: rand(5) !== 0,
      rating: rand(50) / 10,
      note: NOTES[rand(NOTES.length)],
      dimensions: { w: rand(1000) / 10, h: rand(1000) / 10, d: rand(1000) / 10, unit: "cm" },
      variants,
      related: Array.from({ length: rand(5) }, () => rand(products)),
    };
    if (rand(4) === 0) product.discount = { percent: 5 + rand(40), until: null };
    doc.products.push(product);
    const tag = WORDS[i % WORDS.length];
    (doc.tags[tag] ||= []).push(i);
  }
  return doc;
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !deepEqual(a[ka[i]], b[kb[i]])) return false;
  }
  return true;
}

function checksum(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

const ROUNDS = 3;
let summary = "";
for (let round = 0; round < ROUNDS; round++) {
  const doc = makeDocument(makeRng(99), 1000);
  const compact = JSON.stringify(doc);
  const pretty = JSON.stringify(doc, null, 2);
  const parsed = JSON.parse(compact);
  if (!deepEqual(doc, parsed) || !deepEqual(doc, JSON.parse(pretty))) throw new Error("json: round trip changed the document");
  if (JSON.stringify(parsed) !== compact) throw new Error("json: re-serialisation differs");

  // A replacer that drops out-of-stock variants' stock and rounds prices; a reviver that counts.
  const slim = JSON.stringify(doc, (key, value) => (key === "stock" && value === null ? undefined : key === "price" ? Math.round(value) : value));
  let numbers = 0;
  const revived = JSON.parse(slim, (key, value) => {
    if (typeof value === "number") numbers++;
    return value;
  });
  const active = revived.products.filter((p) => p.active).length;
  summary = `${compact.length} ${pretty.length} ${slim.length} ${numbers} ${active} ${checksum(compact)} ${checksum(pretty)}`;
}
if (summary !== "283508 589106 272478 10663 811 1f21e2e8 fe70fd92") throw new Error(`json: ${summary}`);
console.log(`json: ${ROUNDS} rounds, ${summary}`);
