console.log(encodeURIComponent("hello world & friends/?#=+"));
console.log(encodeURI("http://example.com/a b?q=1&r=\u00e9#frag"));
console.log(encodeURIComponent("\u00e9\u4e2d\uD83D\uDE00"));
console.log(decodeURIComponent("%E4%B8%AD%20%C3%A9%F0%9F%98%80"));
console.log(decodeURI("%2Fpath%20with%20space%3F"));
console.log(decodeURIComponent("%2Fpath%20with%20space%3F"));
console.log(encodeURIComponent("-_.!~*'()") + " " + encodeURI(";,/?:@&=+$#"));
var bad = ["%", "%zz", "%E4%B8", "%C0%80"];
for (var i = 0; i < bad.length; i++) {
  try {
    decodeURIComponent(bad[i]);
    console.log("decoded " + bad[i]);
  } catch (e) {
    console.log("bad " + bad[i] + ": " + e.name);
  }
}
try {
  encodeURIComponent("\uD800");
} catch (e) {
  console.log("lone surrogate encode: " + e.name);
}
var round = "key=val&list=a,b;c ü";
console.log("round trip: " + (decodeURIComponent(encodeURIComponent(round)) === round));
function buildQuery(params) {
  var parts = [];
  for (var k in params) parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(params[k]));
  return parts.join("&");
}
console.log(buildQuery({ name: "J\u00f6lt Engine", "a&b": "1+1=2", empty: "" }));
function parseQuery(q) {
  var out = {};
  var pairs = q.split("&");
  for (var i = 0; i < pairs.length; i++) {
    var kv = pairs[i].split("=");
    out[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1].replace(/\+/g, " "));
  }
  return out;
}
console.log(JSON.stringify(parseQuery("x=1&y=hello+world&z=%26%3D")));
