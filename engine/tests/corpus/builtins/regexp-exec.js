// RegExp construction, exec/test with lastIndex, flags, indices, named groups, sticky and unicode.
var r = /(\d+)-(?<word>[a-z]+)/g;
var m = r.exec("xx 12-ab 345-cde");
console.log(m, r.lastIndex);
m = r.exec("xx 12-ab 345-cde");
console.log(m[0], m.index, m.groups.word, r.lastIndex);
console.log(r.exec("xx 12-ab 345-cde"), r.lastIndex);
var d = /a(?<B>b)?(c)/d.exec("zac");
console.log(d.indices, d.indices.groups.B, d.indices[2]);
console.log(Object.keys(d), Object.keys(d.indices));
var y = /foo/y;
y.lastIndex = 3;
console.log(y.test("barfoo"), y.lastIndex, y.test("barfoo"), y.lastIndex);
y.lastIndex = 1;
console.log(y.exec("foofoo"), y.lastIndex);
var yalt = /a|ab/y;
yalt.lastIndex = 1;
console.log(yalt.exec("xab")[0], yalt.lastIndex);
var yg = /(x)?z/gy;
console.log("zzxz zz".replace(yg, "[$1]"));
var u = /./gu;
console.log(u.exec("\u{1F600}")[0].length, u.lastIndex);
var nu = /./g;
console.log(nu.exec("\u{1F600}")[0].length, nu.lastIndex);
console.log(/^.$/u.test("\u{1F600}"), /^.$/.test("\u{1F600}"), /\u{61}/u.test("a"));
console.log(/\p{Script=Greek}+/u.exec("abc αβγ def")[0], /[\p{L}--[a-z]]+/v.exec("abcDEF")[0]);
console.log(/a.c/s.test("a\nc"), /a.c/.test("a\nc"), /^b/m.test("a\nb"), /^b/.test("a\nb"), /ABC/i.test("abc"));
console.log(/(a)|b/.exec("b"), /(?:(a)|b)+/.exec("ab")[1]);
console.log(/(?<=\$)\d+/.exec("cost $42")[0], /(?<!\$)\b\d+/.exec("cost $42 or 17")[0]);
console.log(/(a)\1/.test("aa"), /\k<n>(?<n>x)/.test("x"), /(?<n>.)\k<n>/.exec("abccd").index);
var re2 = new RegExp(/ab+c/gi, "m");
console.log(re2.flags, re2.source, String(re2), re2.lastIndex);
var same = /x/;
console.log(RegExp(same) === same, new RegExp(same) === same, RegExp(same, "g") === same);
console.log(String(new RegExp("a/b\nc")), new RegExp("").source, String(new RegExp("[/]")), /\//.source);
console.log(new RegExp(undefined).source, new RegExp(null).source, new RegExp(123, undefined).source);
try { new RegExp("a", "gg"); } catch (e) { console.log(e.constructor.name); }
try { new RegExp("a", "uv"); } catch (e) { console.log(e.constructor.name); }
try { new RegExp("("); } catch (e) { console.log(e.constructor.name); }
try { new RegExp("\\p{Nope}", "u"); } catch (e) { console.log(e.constructor.name); }
var all = /x/dgimsuy;
console.log(all.flags, all.hasIndices, all.global, all.ignoreCase, all.multiline, all.dotAll, all.unicode, all.unicodeSets, all.sticky);
console.log(/x/v.flags, /x/v.unicodeSets, RegExp.prototype.global, RegExp.prototype.source, RegExp.prototype.flags === "");
try { RegExp.prototype.exec.call({}, "x"); } catch (e) { console.log(e.constructor.name); }
try { Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}); } catch (e) { console.log(e.constructor.name); }
var desc = Object.getOwnPropertyDescriptor(/x/, "lastIndex");
console.log(desc.writable, desc.enumerable, desc.configurable, Object.keys(/x/).length);
var frozen = Object.freeze(/a/g);
try { frozen.exec("a"); } catch (e) { console.log(e.constructor.name); }
var li = /a/g;
li.lastIndex = { valueOf: function () { return 2; } };
console.log(li.exec("aaaa").index, li.lastIndex);
li.lastIndex = -5;
console.log(li.exec("ab").index);
var nonGlobal = /a/;
nonGlobal.lastIndex = 7;
console.log(nonGlobal.exec("a").index, nonGlobal.lastIndex);
function lit() { return /abc/g; }
console.log(lit() === lit(), lit().lastIndex);
console.log(RegExp[Symbol.species] === RegExp, RegExp.length, RegExp.prototype.exec.length, RegExp.prototype[Symbol.replace].name);
var dup = "2024-05";
console.log(/(?:(?<y>\d{4})-(?<m>\d\d))|(?:(?<m2>\d\d)\/(?<y2>\d{4}))/.exec(dup).groups);
