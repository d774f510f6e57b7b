var text = "It was the best of times, it was the worst of times, it was the age of wisdom, " +
  "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.";
var words = text.toLowerCase().match(/[a-z]+/g);
console.log("word count: " + words.length);
var freq = {};
for (var i = 0; i < words.length; i++) freq[words[i]] = (freq[words[i]] || 0) + 1;
var entries = [];
for (var w in freq) entries.push([w, freq[w]]);
entries.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
console.log("top 5: " + entries.slice(0, 5).map(function (e) { return e[0] + "=" + e[1]; }).join(" "));
console.log("unique: " + entries.length);
var longest = words.reduce(function (a, b) { return b.length > a.length ? b : a; });
console.log("longest: " + longest);
function wrap(str, width) {
  var ws = str.split(" "), lines = [], line = "";
  for (var i = 0; i < ws.length; i++) {
    if (line.length && line.length + 1 + ws[i].length > width) { lines.push(line); line = ws[i]; }
    else line = line ? line + " " + ws[i] : ws[i];
  }
  if (line) lines.push(line);
  return lines;
}
var wrapped = wrap(text, 30);
for (var j = 0; j < wrapped.length; j++) console.log("|" + wrapped[j] + "|");
function capitalizeSentences(s) {
  return s.replace(/(^|[.!?]\s+)([a-z])/g, function (m, pre, ch) { return pre + ch.toUpperCase(); });
}
console.log(capitalizeSentences("hello there. how are you? fine! ok."));
function isPalindrome(s) {
  var clean = s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return clean === clean.split("").reverse().join("");
}
console.log("palindromes: " + isPalindrome("A man, a plan, a canal: Panama") + " " + isPalindrome("jolt"));
function caesar(s, k) {
  return s.replace(/[a-z]/gi, function (c) {
    var base = c <= "Z" ? 65 : 97;
    return String.fromCharCode((c.charCodeAt(0) - base + k + 26) % 26 + base);
  });
}
var enc = caesar("Hello, World!", 3);
console.log("caesar: " + enc + " -> " + caesar(enc, -3));
function rle(s) {
  return s.replace(/(.)\1*/g, function (m, c) { return m.length + c; });
}
console.log("rle: " + rle("aaabccddddde"));
function pad(s, n) { while (s.length < n) s = " " + s; return s; }
var table = [["name", "qty"], ["apple", "3"], ["kiwi", "12"]];
for (var r = 0; r < table.length; r++) console.log(pad(table[r][0], 8) + " |" + pad(table[r][1], 4));
var csv = "id,name,score\n1,ann,90\n2,bob,85\n3,cy,77";
var rows = csv.split("\n").slice(1).map(function (line) { var c = line.split(","); return { id: +c[0], name: c[1], score: +c[2] }; });
console.log("csv avg: " + (rows.reduce(function (a, r) { return a + r.score; }, 0) / rows.length).toFixed(2) + " json " + JSON.stringify(rows[1]));
