// closures.js: a small order-analytics pipeline written in functional style. Generated orders
// flow through map/filter/reduce/flatMap/sort/some/every/find, composed and curried helper
// functions, memoisation and an event emitter whose listeners close over counters; the
// result is cross-checked against a plain imperative loop. Exercises closure creation and
// calls, higher-order array built-ins and callback-heavy code.

function makeRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const pipe = (...fns) => (x) => fns.reduce((acc, f) => f(acc), x);
const curry = (f) => (a) => (b) => f(a, b);
const by = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
const sumBy = (f) => (xs) => xs.reduce((acc, x) => acc + f(x), 0);

function memoize(f) {
  const cache = new Map();
  return (x) => {
    if (cache.has(x)) return cache.get(x);
    const v = f(x);
    cache.set(x, v);
    return v;
  };
}

class Emitter {
  constructor() {
    this.listeners = {};
  }
  on(event, fn) {
    (this.listeners[event] ||= []).push(fn);
    return () => {
      this.listeners[event] = this.listeners[event].filter((g) => g !== fn);
    };
  }
  emit(event, payload) {
    const ls = this.listeners[event];
    if (ls) ls.forEach((fn) => fn(payload));
  }
}

const CATEGORIES = ["books", "games", "garden", "kitchen", "music", "tools", "toys"];

function generateOrders(count, rand) {
  return Array.from({ length: count }, (_, id) => {
    const lines = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ({
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
      cents: 100 + Math.floor(rand() * 9900),
      quantity: 1 + Math.floor(rand() * 3),
    }));
    return { id, customer: Math.floor(rand() * 500), lines, express: rand() < 0.2 };
  });
}

function analyse(orders) {
  const lineTotal = (l) => l.cents * l.quantity;
  const orderTotal = pipe((o) => o.lines, sumBy(lineTotal));
  const taxed = curry((rate, cents) => Math.round(cents * (1 + rate)));
  const withVat = taxed(0.2);
  const shipping = memoize((n) => (n <= 1 ? 499 : 499 + (n - 1) * 150));

  const emitter = new Emitter();
  let bigOrders = 0;
  let expressCents = 0;
  emitter.on("order", (o) => {
    if (o.total > 20000) bigOrders++;
  });
  const stopExpress = emitter.on("order", (o) => {
    if (o.express) expressCents += o.total;
  });

  const priced = orders.map((o) => {
    const total = withVat(orderTotal(o)) + shipping(o.lines.length);
    const priced = { ...o, total };
    emitter.emit("order", priced);
    if (priced.id === orders.length >> 1) stopExpress();
    return priced;
  });

  const byCategory = priced
    .flatMap((o) => o.lines)
    .reduce((acc, l) => {
      acc[l.category] = (acc[l.category] || 0) + lineTotal(l);
      return acc;
    }, {});
  const topCategory = Object.entries(byCategory).sort((a, b) => b[1] - a[1])[0][0];

  const perCustomer = new Map();
  priced.forEach((o) => perCustomer.set(o.customer, (perCustomer.get(o.customer) || 0) + o.total));
  const best = [...perCustomer.entries()].map(([customer, total]) => ({ customer, total })).sort(by("total")).at(-1);

  const top100 = priced.slice().sort((a, b) => b.total - a.total || a.id - b.id).slice(0, 100);
  const everyPositive = priced.every((o) => o.total > 0);
  const anyHuge = priced.some((o) => o.total > 100000);
  const firstExpressBig = priced.find((o) => o.express && o.total > 30000);

  return {
    revenue: sumBy((o) => o.total)(priced),
    bigOrders,
    expressCents,
    topCategory,
    best,
    top100Sum: sumBy((o) => o.total)(top100),
    everyPositive,
    anyHuge,
    firstExpressBig: firstExpressBig ? firstExpressBig.id : -1,
  };
}

// The same revenue with plain loops, as a cross-check.
function imperativeRevenue(orders) {
  let revenue = 0;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    let cents = 0;
    for (let j = 0; j < o.lines.length; j++) cents += o.lines[j].cents * o.lines[j].quantity;
    revenue += Math.round(cents * 1.2) + (o.lines.length <= 1 ? 499 : 499 + (o.lines.length - 1) * 150);
  }
  return revenue;
}

const ROUNDS = 6;
let r = null;
for (let round = 0; round < ROUNDS; round++) {
  const orders = generateOrders(6000, makeRng(12345));
  r = analyse(orders);
  if (r.revenue !== imperativeRevenue(orders)) throw new Error("closures: revenue mismatch");
}
const summary = `${r.revenue} ${r.bigOrders} ${r.expressCents} ${r.topCategory} ${r.best.customer}:${r.best.total} ${r.top100Sum} ${r.everyPositive} ${r.anyHuge} ${r.firstExpressBig}`;
if (summary !== "185785518 4018 19588178 music 148:807261 8563559 true true 10") throw new Error(`closures: ${summary}`);
console.log(`closures: ${ROUNDS} rounds of 6000 orders, revenue ${r.revenue}, top category ${r.topCategory}`);
