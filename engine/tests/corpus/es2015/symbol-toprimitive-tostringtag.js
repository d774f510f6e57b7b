const money = {
  amount: 42,
  currency: "EUR",
  [Symbol.toPrimitive](hint) {
    console.log("  hint: " + hint);
    if (hint === "number") return this.amount;
    if (hint === "string") return this.amount + " " + this.currency;
    return "default:" + this.amount;
  }
};
console.log("unary plus: " + +money);
console.log("template: " + `${money}`);
console.log("String(): " + String(money));
console.log("binary plus: " + (money + 1));
console.log("equality: " + (money == "default:42"));
console.log("multiply: " + money * 2);
console.log("less than: " + (money < 100));
const arrKey = {};
arrKey[money] = "x";
console.log("property key: " + Object.keys(arrKey)[0]);
const bad = { [Symbol.toPrimitive]() { return {}; } };
try { +bad; } catch (e) { console.log("non-primitive result: " + e.name); }
const notFn = { [Symbol.toPrimitive]: 5 };
try { +notFn; } catch (e) { console.log("non-callable toPrimitive: " + e.name); }
const undef = { [Symbol.toPrimitive]: undefined, valueOf() { return 7; } };
console.log("undefined toPrimitive falls back: " + (undef * 2));

class Tagged { get [Symbol.toStringTag]() { return "CustomTag"; } }
console.log(Object.prototype.toString.call(new Tagged()));
console.log(String(new Tagged()));
const plainTagged = { [Symbol.toStringTag]: "Plain" };
console.log(Object.prototype.toString.call(plainTagged));
console.log(Object.prototype.toString.call(new Map()) + " " + Object.prototype.toString.call(new Set()) + " " + Object.prototype.toString.call(Symbol()));
console.log(Object.prototype.toString.call(JSON) + " " + Object.prototype.toString.call(Math));
console.log(Object.prototype.toString.call([]) + " " + Object.prototype.toString.call(function () {}) + " " + Object.prototype.toString.call(null));
const arrTag = [];
arrTag[Symbol.toStringTag] = "NotArray";
console.log("tag on array: " + Object.prototype.toString.call(arrTag));
const numTag = { [Symbol.toStringTag]: 42 };
console.log("non-string tag ignored: " + Object.prototype.toString.call(numTag));
console.log("Symbol.prototype tag: " + Symbol.prototype[Symbol.toStringTag]);
// Symbol.hasInstance
class Even {
  static [Symbol.hasInstance](n) { return n % 2 === 0; }
}
console.log("hasInstance: " + (2 instanceof Even) + " " + (3 instanceof Even));
// Symbol.isConcatSpreadable
const spreadable = { length: 2, 0: "a", 1: "b", [Symbol.isConcatSpreadable]: true };
console.log("isConcatSpreadable: " + JSON.stringify([1].concat(spreadable)));
const notSpread = [3, 4];
notSpread[Symbol.isConcatSpreadable] = false;
console.log("array not spread: " + [1].concat(notSpread).length);
// Symbol.prototype[Symbol.toPrimitive]
console.log("symbol toPrimitive exists: " + typeof Symbol.prototype[Symbol.toPrimitive]);
