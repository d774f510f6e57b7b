class EventEmitter {
  constructor() { this.listeners = new Map(); }
  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push({ fn, once: false });
    return () => this.off(event, fn);
  }
  once(event, fn) {
    this.on(event, fn);
    const list = this.listeners.get(event);
    list[list.length - 1].once = true;
    return this;
  }
  off(event, fn) {
    const list = this.listeners.get(event);
    if (!list) return false;
    const idx = list.findIndex((l) => l.fn === fn);
    if (idx >= 0) list.splice(idx, 1);
    if (list.length === 0) this.listeners.delete(event);
    return idx >= 0;
  }
  emit(event, ...args) {
    const list = this.listeners.get(event);
    if (!list) return 0;
    let count = 0;
    for (const l of [...list]) {
      if (l.once) this.off(event, l.fn);
      l.fn.apply(this, args);
      count++;
    }
    return count;
  }
  eventNames() { return [...this.listeners.keys()]; }
}

class Store extends EventEmitter {
  constructor(initial = {}) {
    super();
    this.state = { ...initial };
    this.history = [];
  }
  dispatch({ type, payload = null }) {
    const prev = this.state;
    switch (type) {
      case "add": this.state = { ...prev, items: [...(prev.items ?? []), payload] }; break;
      case "remove": this.state = { ...prev, items: (prev.items ?? []).filter((i) => i !== payload) }; break;
      case "rename": this.state = { ...prev, name: payload }; break;
      default: this.emit("error", new TypeError(`unknown action ${type}`)); return;
    }
    this.history.push(type);
    this.emit("change", prev, this.state, type);
  }
}

const log = [];
const store = new Store({ name: "cart", items: [] });
const unsubscribe = store.on("change", (prev, next, type) => {
  log.push(`${type}: ${prev.items.length} -> ${next.items.length}`);
});
store.once("change", function (prev, next) { log.push("once saw name " + next.name + " this is store: " + (this === store)); });
store.on("error", (e) => log.push("error " + e.name + ": " + e.message));

store.dispatch({ type: "add", payload: "apple" });
store.dispatch({ type: "add", payload: "pear" });
store.dispatch({ type: "rename", payload: "basket" });
store.dispatch({ type: "explode" });
unsubscribe();
store.dispatch({ type: "remove", payload: "apple" });
console.log(log.join("\n"));
console.log("state: " + JSON.stringify(store.state));
console.log("history: " + store.history.join(","));
console.log("events: " + store.eventNames().join(","));
console.log("emit with no listeners: " + store.emit("nothing"));
const counter = new EventEmitter();
let total = 0;
const add = (n) => { total += n; };
counter.on("n", add);
counter.on("n", (n) => { total += n * 100; });
console.log("emit count: " + counter.emit("n", 2) + " total " + total);
console.log("off: " + counter.off("n", add) + " " + counter.off("n", add));
counter.emit("n", 1);
console.log("after off total " + total);
