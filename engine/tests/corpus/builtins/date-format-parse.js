// Date: string formats (toISOString, toUTCString, toJSON), Date.parse of ISO and legacy forms
// with explicit zones, the constructor's overloads, and @@toPrimitive.
function p(s) {
  console.log(JSON.stringify(s) + " -> " + Date.parse(s));
}
[
  "1970-01-01",
  "1970-01",
  "1970",
  "2019-02-29T00:00Z",
  "2000-01-01T00:00:00.000Z",
  "2000-01-01T00:00:00.5Z",
  "2000-01-01T00:00:00.123456Z",
  "2000-01-01T12:30+05:30",
  "2000-01-01T12:30:15-08:00",
  "2000-01-01T24:00Z",
  "2000-01-01T24:00:00.001Z",
  "2000-01-01T25:00Z",
  "2000-13-01",
  "2000-00-01",
  "2000-01-32",
  "+002000-01-01T00:00Z",
  "-000001-01-01T00:00Z",
  "-000000-01-01T00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "+275760-09-13T00:00:00.001Z",
  "-271821-04-20T00:00:00.000Z",
  "-271821-04-19T23:59:59.999Z",
  "2000-01-01T00:00:00.Z",
  "2000-01-01T10Z",
  "Thu, 01 Jan 1970 00:00:00 GMT",
  "Tue, 01 Feb 2022 10:20:30 GMT",
  "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)",
  "Tue Feb 01 2022 10:00:00 GMT+0100 (Central European Standard Time)",
  "Feb 1 2022 10:00:00 GMT+0100",
  "Feb 1 2022 10:00 UTC",
  "1 February 2022 10:00 PM GMT",
  "February 1, 2022 12:15 AM UTC",
  "Jan 1 2000 00:00 EST",
  "Jan 1 2000 00:00 -0330",
  "not a date",
  "",
].forEach(p);

var d = new Date(Date.UTC(2022, 1, 1, 10, 20, 30, 400));
console.log(d.toISOString());
console.log(d.toUTCString());
console.log(d.toGMTString());
console.log(d.toJSON());
console.log(JSON.stringify({ when: d, bad: new Date(NaN) }));
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString);
console.log(Date.parse(d.toISOString()) === d.getTime());
console.log(Date.parse(d.toUTCString()) === Math.floor(d.getTime() / 1000) * 1000);
console.log(Date.parse(d.toString()) === Math.floor(d.getTime() / 1000) * 1000);

var invalid = new Date(NaN);
console.log(String(invalid), invalid.toUTCString(), invalid.toDateString(), invalid.toTimeString());
try {
  invalid.toISOString();
} catch (e) {
  console.log(e instanceof RangeError);
}
console.log(invalid.toJSON());
console.log(Date.prototype.toJSON.call({ toISOString: function () { return "custom"; }, valueOf: function () { return 1; } }));
console.log(Date.prototype.toJSON.call({ valueOf: function () { return Infinity; } }));

// The constructor's overloads.
console.log(new Date("1970-01-02").getTime());
console.log(new Date(new Date(123)).getTime());
console.log(new Date({ valueOf: function () { return 42; }, toString: function () { return "1970"; } }).getTime());
console.log(new Date({ [Symbol.toPrimitive]: function (h) { console.log("hint " + h); return "2000-01-01"; } }).getTime());
console.log(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime());
console.log(typeof Date(), typeof Date(0), Date(0) === Date());
console.log(Object.prototype.toString.call(new Date(0)), Object.prototype.toString.call(Date.prototype));
try {
  new Date(Symbol());
} catch (e) {
  console.log(e instanceof TypeError);
}
class MyDate extends Date {
  year() {
    return this.getUTCFullYear();
  }
}
var md = new MyDate(0);
console.log(md instanceof Date, md instanceof MyDate, md.year(), md.toISOString());

// @@toPrimitive.
var tp = Date.prototype[Symbol.toPrimitive];
console.log(tp.length, tp.name, typeof Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive).writable);
var z = new Date(0);
console.log(z[Symbol.toPrimitive]("number"), typeof z[Symbol.toPrimitive]("default"), typeof (z + 1), z - 1, z == z.toString());
try {
  z[Symbol.toPrimitive]("bogus");
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  tp.call(1, "number");
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(tp.call({ valueOf: function () { return 7; } }, "number"));

// Receivers.
try {
  Date.prototype.getTime.call({});
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  Date.prototype.valueOf.call(Date.prototype);
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(Date.length, Date.name, Date.UTC.length, Date.parse.length, Date.prototype.setHours.length, Date.prototype.setUTCFullYear.length);
console.log(typeof Date.now(), Date.now() > 1.6e12);

// console.log shows Dates as ISO strings.
console.log(new Date(0));
console.log(new Date(NaN));
console.log([new Date(0)], { d: new Date(0) });
console.log(Object.assign(new Date(0), { a: 1 }));
class SubDate extends Date {}
console.log(new SubDate(0));
