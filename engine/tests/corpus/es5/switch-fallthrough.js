function sw(x) {
  var out = [];
  switch (x) {
    case 1:
      out.push("one");
    case 2:
      out.push("two");
      break;
    default:
      out.push("default");
    case 3:
      out.push("three");
    case 4:
      out.push("four");
      break;
    case 5:
      out.push("five");
  }
  return out.join(",");
}
for (var i = 0; i <= 6; i++) console.log(i + ": " + sw(i));
console.log("'1': " + sw("1"));

// strict equality matching
function kind(v) {
  switch (v) {
    case null: return "null";
    case undefined: return "undefined";
    case 0: return "zero";
    case "": return "empty";
    case false: return "false";
    default: return "other";
  }
}
console.log([kind(null), kind(undefined), kind(0), kind(-0), kind(""), kind(false), kind(NaN), kind("0")].join(" "));

// case expressions evaluated lazily in order
var evaluated = [];
function c(n) { evaluated.push(n); return n; }
switch (3) {
  case c(1): break;
  case c(2): break;
  case c(3): break;
  case c(4): break;
}
console.log("evaluated: " + evaluated.join(","));

// default evaluated last even when in middle
evaluated = [];
switch (9) {
  case c(1): evaluated.push("body1");
  default: evaluated.push("bodyD");
  case c(2): evaluated.push("body2"); break;
  case c(3): evaluated.push("body3");
}
console.log("default-middle: " + evaluated.join(","));

// no match no default
var touched = false;
switch (42) { case 1: touched = true; }
console.log("touched: " + touched);

// switch on strings with return in function
function day(n) {
  switch (n) {
    case "sat":
    case "sun":
      return "weekend";
    case "mon": case "tue": case "wed": case "thu": case "fri":
      return "weekday";
  }
  return "unknown";
}
console.log(day("sun") + " " + day("wed") + " " + day("xyz"));

// var declared in switch is function scoped
function scoped() {
  switch (1) { case 1: var inner = "set"; }
  return inner;
}
console.log(scoped());

// continue inside switch inside loop
var r = [];
for (var j = 0; j < 5; j++) {
  switch (j % 2) {
    case 0: continue;
    case 1: r.push(j);
  }
  r.push("x");
}
console.log(r.join(""));
// empty switch
switch (1) {}
console.log("empty switch ok");
