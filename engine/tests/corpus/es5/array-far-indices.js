// Element stores that grow by far indices stay small (a sparse store), and a store filled
// from its end returns to dense form with every element intact.
var x = [];
var k = 1;
for (var i = 0; i < 32; i++) {
  k = k * 2;
  x[k - 2] = k;
}
var ok = true;
k = 1;
for (i = 0; i < 32; i++) {
  k = k * 2;
  if (x[k - 2] !== k) ok = false;
}
console.log(ok, x.length, Object.keys(x).length);

var down = [];
for (i = 5000; i >= 0; i--) down[i] = i * 2;
var sum = 0;
for (i = 0; i < down.length; i++) sum += down[i];
console.log(down.length, sum, down.indexOf(3000), down.lastIndexOf(10000));
down.push('end');
console.log(down.length, down[5001], down.slice(4999).join());

var holes = [];
holes[3000] = 'last';
holes[0] = 'first';
console.log(holes.length, Object.keys(holes), 1500 in holes);
var far = [];
far[4294967294] = 'max';
console.log(far.length, far[4294967294], Object.keys(far));
