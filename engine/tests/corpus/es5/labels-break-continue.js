var out = [];
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(i + "" + j);
  }
}
console.log("nested: " + out.join(" "));

out = [];
loop1: for (var a = 0; a < 3; a++) {
  loop2: for (var b = 0; b < 3; b++) {
    loop3: for (var c = 0; c < 3; c++) {
      if (c === 1) continue loop2;
      if (b === 2) continue loop1;
      if (a === 2) break loop1;
      out.push("" + a + b + c);
    }
  }
}
console.log("triple: " + out.join(" "));

// labelled block with break
out = [];
block: {
  out.push("start");
  if (out.length > 0) break block;
  out.push("never");
}
out.push("after");
console.log("block: " + out.join(","));

// label on while and do-while
var n = 0;
out = [];
w: while (true) {
  n++;
  var k = 0;
  do {
    k++;
    if (k === 2) continue w;
    if (n === 4) break w;
    out.push(n + "." + k);
  } while (k < 5);
}
console.log("while/do: " + out.join(" ") + " n=" + n);

// continue in for-in with label
out = [];
var objs = { x: [1, 2, 3], y: [4, 5, 6] };
keys: for (var key in objs) {
  for (var q = 0; q < objs[key].length; q++) {
    if (objs[key][q] % 2 === 0) continue keys;
    out.push(key + objs[key][q]);
  }
}
console.log("for-in: " + out.join(" "));

// break out of switch inside loop vs labelled break
out = [];
lp: for (var m = 0; m < 5; m++) {
  switch (m) {
    case 1:
      break;
    case 3:
      break lp;
    default:
      out.push("d" + m);
  }
  out.push("m" + m);
}
console.log("switch-in-loop: " + out.join(" "));

// break with finally
out = [];
fl: for (var z = 0; z < 3; z++) {
  try {
    if (z === 1) break fl;
    out.push("try" + z);
  } finally {
    out.push("fin" + z);
  }
}
console.log("finally: " + out.join(" "));

// same label name reused sequentially
same: for (var s1 = 0; s1 < 2; s1++) { if (s1) break same; }
same: for (var s2 = 0; s2 < 5; s2++) { if (s2 === 3) break same; }
console.log("reuse: " + s1 + " " + s2);
