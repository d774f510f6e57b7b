class Account {
  static #count = 0;
  static #registry = new Map();
  #balance = 0;
  #id;
  constructor(owner) {
    this.owner = owner;
    this.#id = ++Account.#count;
    Account.#registry.set(this.#id, this);
  }
  #validate(amount) {
    if (typeof amount !== "number" || amount <= 0) throw new RangeError("invalid amount " + amount);
  }
  get #formatted() { return this.owner + ":" + this.#balance.toFixed(2); }
  set #audit(msg) { Account.#log.push(this.#id + " " + msg); }
  static #log = [];
  deposit(amount) { this.#validate(amount); this.#balance += amount; this.#audit = "deposit " + amount; return this; }
  withdraw(amount) {
    this.#validate(amount);
    if (amount > this.#balance) { this.#audit = "rejected " + amount; return false; }
    this.#balance -= amount;
    this.#audit = "withdraw " + amount;
    return true;
  }
  toString() { return this.#formatted; }
  static #find(id) { return Account.#registry.get(id); }
  static transfer(fromId, toId, amt) {
    const from = Account.#find(fromId), to = Account.#find(toId);
    if (from.withdraw(amt)) { to.deposit(amt); return true; }
    return false;
  }
  static get count() { return Account.#count; }
  static history() { return Account.#log.join("; "); }
  static isAccount(o) { return #balance in o; }
  static hasValidate(o) { return #validate in o; }
}
const a = new Account("ann").deposit(100);
const b = new Account("bob").deposit(20);
console.log("accounts: " + a + " " + b + " count " + Account.count);
console.log("transfer ok: " + Account.transfer(1, 2, 30) + " then " + a + " " + b);
console.log("transfer too much: " + Account.transfer(2, 1, 500));
try { a.deposit(-1); } catch (e) { console.log("validation: " + e.name + " " + e.message); }
console.log("history: " + Account.history());
console.log("brand checks: " + Account.isAccount(a) + " " + Account.isAccount({}) + " methods too: " + Account.hasValidate(b) + " " + Account.hasValidate({}));
console.log("private names hidden: " + Object.getOwnPropertyNames(Account).sort().join(",") + " | " + Object.getOwnPropertyNames(Account.prototype).join(","));
// private methods are not writable
class Fixed {
  #m() { return "m"; }
  tryOverwrite() { try { this.#m = () => "new"; return "overwritten"; } catch (e) { return e.name; } }
  call() { return this.#m(); }
  same(other) { return this.#m === other.#m; }
}
const f = new Fixed();
console.log("assign to private method: " + f.tryOverwrite() + " still " + f.call());
console.log("private methods shared across instances: " + f.same(new Fixed()));
// getter-only private accessor
class RO {
  get #v() { return "ro"; }
  write() { try { this.#v = 1; return "written"; } catch (e) { return e.name; } }
}
console.log("write to getter-only private accessor: " + new RO().write());
// static private on subclass access throws (static privates are not inherited)
class Parent {
  static #secret = "parent secret";
  static read() { return this.#secret; }
}
class Child extends Parent {}
console.log("static private via Parent: " + Parent.read());
try { Child.read(); } catch (e) { console.log("static private via subclass this: " + e.name); }
// private method referencing this and calling other private methods
class Chain {
  #v = 1;
  #double() { this.#v *= 2; return this; }
  #addOne() { this.#v += 1; return this; }
  run() { return this.#double().#addOne().#double().#v; }
}
console.log("private method chain: " + new Chain().run());
// private in arrow functions and nested functions
class Nested {
  #x = "nx";
  arrow() { return [1].map(() => this.#x)[0]; }
  inner() { const self = this; return (function () { return self.#x; })(); }
}
console.log("nested access: " + new Nested().arrow() + " " + new Nested().inner());
// private static method called via class name in static block
class Init {
  static #compute() { return 6 * 7; }
  static answer;
  static { Init.answer = Init.#compute(); }
}
console.log("static block uses private static method: " + Init.answer);
