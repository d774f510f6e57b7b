const TRANSITIONS = {
  idle: { start: "running" },
  running: { pause: "paused", stop: "idle", fail: "error" },
  paused: { resume: "running", stop: "idle" },
  error: { reset: "idle" },
};
class Machine {
  constructor(transitions, initial = "idle") {
    this.transitions = transitions;
    this.state = initial;
    this.visits = new Map([[initial, 1]]);
    this.log = [];
  }
  can(event) { return event in (this.transitions[this.state] ?? {}); }
  send(event) {
    const next = this.transitions[this.state]?.[event];
    if (next === undefined) {
      this.log.push(`${this.state} --${event}--> (rejected)`);
      return false;
    }
    this.log.push(`${this.state} --${event}--> ${next}`);
    this.state = next;
    this.visits.set(next, (this.visits.get(next) ?? 0) + 1);
    return true;
  }
  get reachable() {
    const seen = new Set([this.state]);
    const queue = [this.state];
    while (queue.length) {
      const s = queue.shift();
      for (const t of Object.values(this.transitions[s] ?? {})) if (!seen.has(t)) { seen.add(t); queue.push(t); }
    }
    return [...seen].sort();
  }
}
const m = new Machine(TRANSITIONS);
const events = ["start", "pause", "start", "resume", "fail", "resume", "reset", "start", "stop"];
const results = events.map((e) => (m.send(e) ? "+" : "-"));
console.log(m.log.join("\n"));
console.log("results: " + results.join(""));
console.log("final: " + m.state + " can start: " + m.can("start") + " can stop: " + m.can("stop"));
console.log("visits: " + [...m.visits].map(([s, n]) => `${s}=${n}`).join(" "));
console.log("reachable: " + m.reachable.join(","));
const { idle, ...others } = TRANSITIONS;
console.log("states other than idle: " + Object.keys(others).join(","));
const eventCounts = events.reduce((acc, e) => ({ ...acc, [e]: (acc[e] ?? 0) + 1 }), {});
console.log("event counts: " + JSON.stringify(eventCounts));
const inverse = {};
for (const [from, edges] of Object.entries(TRANSITIONS)) {
  for (const [ev, to] of Object.entries(edges)) (inverse[to] ??= []).push(`${from}:${ev}`);
}
console.log("inverse: " + JSON.stringify(inverse));
