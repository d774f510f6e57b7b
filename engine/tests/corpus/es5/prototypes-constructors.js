function Shape(name) {
  this.name = name;
}
Shape.prototype.describe = function () { return this.name + " with area " + this.area(); };
Shape.prototype.area = function () { return 0; };

function Rect(w, h) {
  Shape.call(this, "rect");
  this.w = w; this.h = h;
}
Rect.prototype = Object.create(Shape.prototype);
Rect.prototype.constructor = Rect;
Rect.prototype.area = function () { return this.w * this.h; };

function Square(s) {
  Rect.call(this, s, s);
  this.name = "square";
}
Square.prototype = Object.create(Rect.prototype);
Square.prototype.constructor = Square;

var shapes = [new Shape("blob"), new Rect(2, 3), new Square(4)];
for (var i = 0; i < shapes.length; i++) console.log(shapes[i].describe());

var sq = shapes[2];
console.log("proto chain: " + (Object.getPrototypeOf(sq) === Square.prototype) + " " +
  (Object.getPrototypeOf(Object.getPrototypeOf(sq)) === Rect.prototype) + " " +
  (Object.getPrototypeOf(Shape.prototype) === Object.prototype) + " " +
  (Object.getPrototypeOf(Object.prototype) === null));
console.log("constructor: " + (sq.constructor === Square));
console.log("hasOwn area: " + sq.hasOwnProperty("area") + " own w: " + sq.hasOwnProperty("w"));
console.log("isPrototypeOf: " + Shape.prototype.isPrototypeOf(sq) + " " + Square.prototype.isPrototypeOf(new Rect(1, 1)));

// constructor returning object overrides this
function Weird() { this.a = 1; return { b: 2 }; }
var w = new Weird();
console.log("Weird: a=" + w.a + " b=" + w.b + " instanceof: " + (w instanceof Weird));
// constructor returning primitive is ignored
function Prim() { this.a = 1; return 5; }
var p = new Prim();
console.log("Prim: a=" + p.a + " instanceof: " + (p instanceof Prim));

// default prototype has constructor
function Plain() {}
console.log("Plain.prototype.constructor === Plain: " + (Plain.prototype.constructor === Plain));
console.log("new Plain().constructor === Plain: " + (new Plain().constructor === Plain));

// shadowing prototype properties
Plain.prototype.x = "proto-x";
var a = new Plain(), b = new Plain();
a.x = "own-x";
console.log(a.x + " " + b.x);
Plain.prototype.x = "changed";
console.log(a.x + " " + b.x);

// prototype function shared
console.log("shared method: " + (new Rect(1, 2).area === new Rect(3, 4).area));

// new without parens
function NoArgs() { this.made = true; }
var na = new NoArgs;
console.log("new without parens: " + na.made);

// Object.create with property descriptors
var created = Object.create(Shape.prototype, { name: { value: "created", enumerable: true } });
console.log(created.describe());

// calling constructor as function in sloppy mode sets global-ish this; use a guard pattern instead
function Safe(v) {
  if (!(this instanceof Safe)) return new Safe(v);
  this.v = v;
}
console.log("Safe without new: " + Safe(3).v + " " + (Safe(3) instanceof Safe));

// __proto__-free prototype mutation
var protoA = { hello: function () { return "A"; } };
var protoB = { hello: function () { return "B"; } };
var obj = Object.create(protoA);
console.log(obj.hello());
// method borrowing
var borrowed = protoB.hello.call(obj);
console.log("borrowed: " + borrowed);
// toString override
Rect.prototype.toString = function () { return "[Rect " + this.w + "x" + this.h + "]"; };
console.log("str: " + new Rect(5, 6) + " / " + String(new Square(2)));
