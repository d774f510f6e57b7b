// Function.prototype.toString of a class is the class's whole source text, whether its
// constructor is written out or implicit.
class A /* a */ extends Object {
    constructor(x) {
        super();
        this.x = x;
    }
    m() {}
}
class B {
    m() {}
}
const C = class /* c */ {
    constructor() {}
};
console.log(A.toString());
console.log(B.toString());
console.log(C.toString());
console.log(String(new A(1).m), String(A.prototype.constructor === A));
