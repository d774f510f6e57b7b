// deltablue.js: an incremental dataflow constraint solver in the style of the DeltaBlue
// algorithm (Freeman-Benson, Maloney and Borning). Variables are linked by one-way constraints
// of different strengths; adding or removing a constraint re-plans incrementally by walking
// strengths. Exercises class hierarchies with overridden methods, polymorphic calls
// (`execute`, `recalculate`, `chooseMethod`) and arrays of objects.

class Strength {
  constructor(value, name) {
    this.value = value;
    this.name = name;
  }

  static stronger(a, b) {
    return a.value < b.value;
  }

  static weaker(a, b) {
    return a.value > b.value;
  }

  static weakest(a, b) {
    return Strength.weaker(a, b) ? a : b;
  }

  nextWeaker() {
    return STRENGTHS[this.value + 1];
  }
}

const REQUIRED = new Strength(0, "required");
const STRONG_PREFERRED = new Strength(1, "strongPreferred");
const PREFERRED = new Strength(2, "preferred");
const STRONG_DEFAULT = new Strength(3, "strongDefault");
const NORMAL = new Strength(4, "normal");
const WEAK_DEFAULT = new Strength(5, "weakDefault");
const WEAKEST = new Strength(6, "weakest");
const STRENGTHS = [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST];

const NONE = 0;
const FORWARD = 1;
const BACKWARD = 2;

// The planner all constraints of the current test register with.
let planner = null;

class Variable {
  constructor(name, value = 0) {
    this.name = name;
    this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
  }

  addConstraint(c) {
    this.constraints.push(c);
  }

  removeConstraint(c) {
    const i = this.constraints.indexOf(c);
    if (i >= 0) this.constraints.splice(i, 1);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Constraint {
  constructor(strength) {
    this.strength = strength;
  }

  install() {
    this.addToGraph();
    planner.incrementalAdd(this);
  }

  // Tries to satisfy this constraint; returns the constraint it overrode, if any.
  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) throw new Error("could not satisfy a required constraint");
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) throw new Error("cycle encountered");
    out.mark = mark;
    return overridden;
  }

  destroy() {
    if (this.isSatisfied()) planner.incrementalRemove(this);
    else this.removeFromGraph();
  }

  isInput() {
    return false;
  }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) {
    super(strength);
    this.myOutput = v;
    this.satisfied = false;
    this.install();
  }

  addToGraph() {
    this.myOutput.addConstraint(this);
    this.satisfied = false;
  }

  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark && Strength.stronger(this.strength, this.myOutput.walkStrength);
  }

  isSatisfied() {
    return this.satisfied;
  }

  markInputs(mark) {}

  output() {
    return this.myOutput;
  }

  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }

  markUnsatisfied() {
    this.satisfied = false;
  }

  inputsKnown(mark) {
    return true;
  }

  removeFromGraph() {
    this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

// Keeps a variable at its current value.
class StayConstraint extends UnaryConstraint {
  execute() {}
}

// Marks a variable as changed by the user (an input of the plan).
class EditConstraint extends UnaryConstraint {
  isInput() {
    return true;
  }

  execute() {}
}

class BinaryConstraint extends Constraint {
  constructor(v1, v2, strength) {
    super(strength);
    this.v1 = v1;
    this.v2 = v2;
    this.direction = NONE;
  }

  chooseMethod(mark) {
    const { v1, v2 } = this;
    if (v1.mark === mark) {
      this.direction = v2.mark !== mark && Strength.stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
      return;
    }
    if (v2.mark === mark) {
      this.direction = v1.mark !== mark && Strength.stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
      return;
    }
    if (Strength.weaker(v1.walkStrength, v2.walkStrength)) {
      this.direction = Strength.stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = Strength.stronger(this.strength, v2.walkStrength) ? FORWARD : BACKWARD;
    }
  }

  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = NONE;
  }

  isSatisfied() {
    return this.direction !== NONE;
  }

  markInputs(mark) {
    this.input().mark = mark;
  }

  input() {
    return this.direction === FORWARD ? this.v1 : this.v2;
  }

  output() {
    return this.direction === FORWARD ? this.v2 : this.v1;
  }

  recalculate() {
    const input = this.input();
    const out = this.output();
    out.walkStrength = Strength.weakest(this.strength, input.walkStrength);
    out.stay = input.stay;
    if (out.stay) this.execute();
  }

  markUnsatisfied() {
    this.direction = NONE;
  }

  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }

  removeFromGraph() {
    this.v1.removeConstraint(this);
    this.v2.removeConstraint(this);
    this.direction = NONE;
  }
}

// v2 = v1
class EqualityConstraint extends BinaryConstraint {
  constructor(v1, v2, strength) {
    super(v1, v2, strength);
    this.install();
  }

  execute() {
    this.output().value = this.input().value;
  }
}

// dest = src * scale + offset
class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dest, strength) {
    super(src, dest, strength);
    this.scale = scale;
    this.offset = offset;
    this.install();
  }

  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }

  removeFromGraph() {
    super.removeFromGraph();
    this.scale.removeConstraint(this);
    this.offset.removeConstraint(this);
  }

  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = mark;
    this.offset.mark = mark;
  }

  execute() {
    if (this.direction === FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
    }
  }

  recalculate() {
    const input = this.input();
    const out = this.output();
    out.walkStrength = Strength.weakest(this.strength, input.walkStrength);
    out.stay = input.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class Plan {
  constructor() {
    this.steps = [];
  }

  add(c) {
    this.steps.push(c);
  }

  execute() {
    const steps = this.steps;
    for (let i = 0; i < steps.length; i++) steps[i].execute();
  }
}

class Planner {
  constructor() {
    this.currentMark = 0;
  }

  newMark() {
    return ++this.currentMark;
  }

  incrementalAdd(c) {
    const mark = this.newMark();
    let overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }

  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    for (let strength = REQUIRED; strength !== WEAKEST; strength = strength.nextWeaker()) {
      for (const u of unsatisfied) {
        if (u.strength === strength) this.incrementalAdd(u);
      }
    }
  }

  // Builds a plan executing, in order, the constraints downstream of `sources`.
  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources.slice();
    for (let head = 0; head < todo.length; head++) {
      const c = todo[head];
      const out = c.output();
      if (out.mark !== mark && c.inputsKnown(mark)) {
        plan.add(c);
        out.mark = mark;
        this.addConstraintsConsumingTo(out, todo);
      }
    }
    return plan;
  }

  extractPlanFromConstraints(constraints) {
    return this.makePlan(constraints.filter((c) => c.isInput() && c.isSatisfied()));
  }

  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length > 0) {
      const d = todo.pop();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    const unsatisfied = [];
    const todo = [out];
    while (todo.length > 0) {
      const v = todo.pop();
      for (const c of v.constraints) {
        if (!c.isSatisfied()) unsatisfied.push(c);
      }
      const determining = v.determinedBy;
      for (const next of v.constraints) {
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.push(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, into) {
    const determining = v.determinedBy;
    for (const c of v.constraints) {
      if (c !== determining && c.isSatisfied()) into.push(c);
    }
  }
}

// A chain of n equality constraints; editing the first variable must reach the last.
function chainTest(n) {
  planner = new Planner();
  let prev = null;
  let first = null;
  let last = null;
  for (let i = 0; i <= n; i++) {
    const v = new Variable("v" + i);
    if (prev !== null) new EqualityConstraint(prev, v, REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(last, STRONG_DEFAULT);
  const edit = new EditConstraint(first, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value !== i) throw new Error(`chain test failed: ${last.value} !== ${i}`);
  }
  return last.value;
}

function change(v, value) {
  const edit = new EditConstraint(v, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 10; i++) {
    v.value = value;
    plan.execute();
  }
  edit.destroy();
}

// n variables projected through a shared scale and offset; edits flow both ways.
function projectionTest(n) {
  planner = new Planner();
  const scale = new Variable("scale", 10);
  const offset = new Variable("offset", 1000);
  let src = null;
  let dst = null;
  const dests = [];
  for (let i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED);
  }
  change(src, 17);
  if (dst.value !== 1170) throw new Error("projection test 1 failed");
  change(dst, 1050);
  if (src.value !== 5) throw new Error("projection test 2 failed");
  change(scale, 5);
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 1000) throw new Error("projection test 3 failed");
  }
  change(offset, 2000);
  let sum = 0;
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 2000) throw new Error("projection test 4 failed");
    sum += dests[i].value;
  }
  return sum;
}

const ROUNDS = 80;
let checksum = 0;
for (let i = 0; i < ROUNDS; i++) {
  checksum += chainTest(100);
  checksum += projectionTest(100);
}
if (checksum !== ROUNDS * (99 + 222255)) throw new Error(`deltablue: bad checksum ${checksum}`);
console.log(`deltablue: ${ROUNDS} rounds, checksum ${checksum}`);
