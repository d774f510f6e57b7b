// The Function, GeneratorFunction, AsyncFunction and AsyncGeneratorFunction constructors take
// the new function's prototype from new.target (subclasses, Reflect.construct).
class MyFn extends Function {
    hello() {
        return "hello from " + this.name;
    }
}
const f = new MyFn("a", "b", "return a + b");
console.log(Object.getPrototypeOf(f) === MyFn.prototype, f instanceof MyFn, f instanceof Function, f(2, 3), f.hello());

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
class G extends GeneratorFunction {}
const g = new G("yield 1; yield 2;");
console.log(Object.getPrototypeOf(g) === G.prototype, [...g()].join(","));
console.log(Object.getPrototypeOf(Object.getPrototypeOf(g()))=== GeneratorFunction.prototype.prototype);

const proto = { tag: "custom" };
function C() {}
C.prototype = proto;
const r = Reflect.construct(Function, ["return 7"], C);
console.log(Object.getPrototypeOf(r) === proto, r.tag, Function.prototype.call.call(r));

C.prototype = 42;
for (const [name, F] of [["Function", Function], ["GeneratorFunction", GeneratorFunction], ["AsyncFunction", AsyncFunction], ["AsyncGeneratorFunction", AsyncGeneratorFunction]]) {
    const x = Reflect.construct(F, [], C);
    console.log(name, Object.getPrototypeOf(x) === F.prototype, typeof x);
}
const plain = Function("return 1");
console.log(Object.getPrototypeOf(plain) === Function.prototype, Object.getPrototypeOf(new AsyncFunction("")) === AsyncFunction.prototype);
const bound = function () {}.bind(null);
Object.defineProperty(bound, "prototype", {
    get() {
        console.log("prototype read");
        return MyFn.prototype;
    },
});
const viaBound = Reflect.construct(Function, ["return 9"], bound);
console.log(Object.getPrototypeOf(viaBound) === MyFn.prototype, viaBound());
try {
    Reflect.construct(Function, ["}"], bound);
} catch (e) {
    console.log(e.name, "before reading prototype");
}
