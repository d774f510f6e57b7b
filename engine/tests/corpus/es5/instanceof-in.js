function Animal(name) { this.name = name; }
function Dog(name) { Animal.call(this, name); }
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
function Cat() {}

var d = new Dog("rex");
console.log("d instanceof Dog: " + (d instanceof Dog));
console.log("d instanceof Animal: " + (d instanceof Animal));
console.log("d instanceof Object: " + (d instanceof Object));
console.log("d instanceof Cat: " + (d instanceof Cat));
console.log("[] instanceof Array: " + ([] instanceof Array));
console.log("[] instanceof Object: " + ([] instanceof Object));
console.log("fn instanceof Function: " + (function () {} instanceof Function));
console.log("1 instanceof Number: " + (1 instanceof Number));
console.log("new Number(1) instanceof Number: " + (new Number(1) instanceof Number));
console.log("'s' instanceof String: " + ("s" instanceof String));
console.log("null instanceof Object: " + (null instanceof Object));
console.log("Object.create(null) instanceof Object: " + (Object.create(null) instanceof Object));

// changing prototype after construction
function Foo() {}
var foo = new Foo();
console.log("foo instanceof Foo: " + (foo instanceof Foo));
Foo.prototype = {};
console.log("after proto swap: " + (foo instanceof Foo));

// instanceof with non-callable right side throws
try {
  ({}) instanceof {};
} catch (e) {
  console.log("non-callable rhs: " + e.name);
}

// in operator
var obj = { a: 1, b: undefined };
console.log("'a' in obj: " + ("a" in obj));
console.log("'b' in obj: " + ("b" in obj));
console.log("'c' in obj: " + ("c" in obj));
console.log("'toString' in obj: " + ("toString" in obj));
console.log("'name' in d: " + ("name" in d));
console.log("'constructor' in d: " + ("constructor" in d));
var arr = [10, 20, , 40];
console.log("0 in arr: " + (0 in arr));
console.log("2 in arr: " + (2 in arr));
console.log("'3' in arr: " + ("3" in arr));
console.log("4 in arr: " + (4 in arr));
console.log("'length' in arr: " + ("length" in arr));
try {
  "x" in "string";
} catch (e) {
  console.log("in on primitive: " + e.name);
}
delete obj.a;
console.log("after delete 'a' in obj: " + ("a" in obj));
