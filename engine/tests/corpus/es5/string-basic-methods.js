var s = "Hello, World";
console.log("charAt(4): " + s.charAt(4) + " charAt(99): '" + s.charAt(99) + "' charAt(-1): '" + s.charAt(-1) + "'");
console.log("charCodeAt(0): " + s.charCodeAt(0) + " charCodeAt(99): " + s.charCodeAt(99));
console.log("bracket: " + s[7] + " missing: " + s[50]);
console.log("indexOf('o'): " + s.indexOf("o") + " from 5: " + s.indexOf("o", 5) + " missing: " + s.indexOf("z"));
console.log("indexOf(''): " + s.indexOf("") + " indexOf('', 100): " + s.indexOf("", 100));
console.log("lastIndexOf('o'): " + s.lastIndexOf("o") + " from 5: " + s.lastIndexOf("o", 5) + " lastIndexOf('l', 0): " + s.lastIndexOf("l", 0));
console.log("slice(7): " + s.slice(7) + " slice(-5): " + s.slice(-5) + " slice(3, -3): " + s.slice(3, -3) + " slice(5,2): '" + s.slice(5, 2) + "'");
console.log("substring(7): " + s.substring(7) + " substring(5,2): " + s.substring(5, 2) + " substring(-3, 2): " + s.substring(-3, 2) + " substring(NaN, 3): " + s.substring(NaN, 3));
console.log("substr(7,3): " + s.substr(7, 3) + " substr(-5,2): " + s.substr(-5, 2) + " substr(3): " + s.substr(3) + " substr(1,-1): '" + s.substr(1, -1) + "'");
console.log("concat: " + "a".concat("b", 1, null));
console.log("length: " + s.length + " empty: " + "".length);
console.log("lastIndexOf(''): " + s.lastIndexOf(""));
console.log("indexOf number arg: " + "a1b2".indexOf(2));
// immutability
var t = "abc";
t[0] = "z";
console.log("immutable: " + t);
t.length = 10;
console.log("length immutable: " + t.length);
// String object
var so = new String("xyz");
console.log("String object: " + typeof so + " len " + so.length + " [1] " + so[1] + " valueOf " + typeof so.valueOf());
console.log("String(): '" + String() + "' String(null): " + String(null) + " String(123): " + String(123));
// methods on primitives via wrappers
console.log("number toString chain: " + (255).toString(16).toUpperCase());
// localeCompare is locale-sensitive: compare sign only for ASCII equal strings
console.log("localeCompare equal: " + "abc".localeCompare("abc"));
// charAt with surrogate pair
var emoji = "a\uD83D\uDE00b";
console.log("surrogates: len " + emoji.length + " charCodeAt(1) " + emoji.charCodeAt(1) + " charCodeAt(2) " + emoji.charCodeAt(2) + " charAt(3) " + emoji.charAt(3));
// comparing strings built differently
var built = ["He", "llo"].join("");
console.log("built equal: " + (built === "Hello") + " " + (built === s.slice(0, 5)));
// repeat via loop & search
var hay = "";
for (var i = 0; i < 50; i++) hay += "ab";
hay += "needle";
console.log("needle at: " + hay.indexOf("needle") + " count ab: " + hay.split("ab").length);
