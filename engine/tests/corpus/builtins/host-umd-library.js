// A small library written in the style of npm's UMD browser builds (ramda, moment, chroma-js,
// d3-array, js-beautify): an IIFE that feature-detects `define`, `exports`/`module`, `self`
// and `globalThis`, prototypes and closures, Babel-style helpers that reassign their own
// declaration, `Object.defineProperty` exports, and use of host APIs when present.
(function (root, factory) {
  var lib;
  if (typeof define === 'function' && define.amd) {
    define('minilib', [], factory);
  } else if (typeof exports === 'object' && typeof module !== 'undefined') {
    module.exports = factory();
  } else {
    lib = factory();
    root.MiniLib = lib;
  }
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  function _typeof(o) {
    "@babel/helpers - typeof";
    return _typeof = 'function' == typeof Symbol && 'symbol' == typeof Symbol.iterator ? function (o) {
      return typeof o;
    } : function (o) {
      return o && 'function' == typeof Symbol && o.constructor === Symbol && o !== Symbol.prototype ? 'symbol' : typeof o;
    }, _typeof(o);
  }

  function _classCallCheck(instance, Constructor) {
    if (!(instance instanceof Constructor)) throw new TypeError('Cannot call a class as a function');
  }

  var hasOwn = Object.prototype.hasOwnProperty;
  var toStr = Object.prototype.toString;
  var version = '1.2.3';
  var counter = 0;

  function curry(fn) {
    return function curried() {
      var args = Array.prototype.slice.call(arguments);
      if (args.length >= fn.length) return fn.apply(this, args);
      return function () { return curried.apply(this, args.concat(Array.prototype.slice.call(arguments))); };
    };
  }

  var Matrix = (function () {
    function Matrix(rows, cols, fill) {
      _classCallCheck(this, Matrix);
      this.rows = rows;
      this.cols = cols;
      this.data = new Float64Array(rows * cols).fill(fill || 0);
      this.id = ++counter;
    }
    Matrix.prototype.get = function (r, c) { return this.data[r * this.cols + c]; };
    Matrix.prototype.set = function (r, c, v) { this.data[r * this.cols + c] = v; return this; };
    Matrix.prototype.mul = function (o) {
      var out = new Matrix(this.rows, o.cols);
      for (var i = 0; i < this.rows; i++)
        for (var j = 0; j < o.cols; j++) {
          var s = 0;
          for (var k = 0; k < this.cols; k++) s += this.get(i, k) * o.get(k, j);
          out.set(i, j, s);
        }
      return out;
    };
    Matrix.prototype.toString = function () {
      var rows = [];
      for (var i = 0; i < this.rows; i++) rows.push(Array.prototype.slice.call(this.data, i * this.cols, (i + 1) * this.cols).join(' '));
      return '[' + rows.join('; ') + ']';
    };
    Matrix.identity = function (n) {
      var m = new Matrix(n, n);
      for (var i = 0; i < n; i++) m.set(i, i, 1);
      return m;
    };
    return Matrix;
  })();

  function Emitter() { this._events = Object.create(null); }
  Emitter.prototype.on = function (name, fn) { (this._events[name] || (this._events[name] = [])).push(fn); return this; };
  Emitter.prototype.emit = function (name) {
    var args = Array.prototype.slice.call(arguments, 1), list = this._events[name] || [];
    for (var i = 0; i < list.length; i++) list[i].apply(this, args);
    return list.length;
  };

  function typeName(v) {
    var t = _typeof(v);
    if (t !== 'object') return t;
    if (v === null) return 'null';
    return toStr.call(v).slice(8, -1).toLowerCase();
  }

  function deepClone(v) {
    if (typeof structuredClone === 'function') return structuredClone(v);
    return JSON.parse(JSON.stringify(v));
  }

  function encode(s) {
    if (typeof TextEncoder !== 'undefined' && typeof btoa === 'function') {
      var bytes = new TextEncoder().encode(s), bin = '';
      for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
      return btoa(bin);
    }
    return null;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)(?::(\w+))?\}/g, function (m, key, fmt) {
      if (!hasOwn.call(values, key)) return m;
      var v = values[key];
      if (fmt === 'upper') return String(v).toUpperCase();
      if (fmt === 'fixed') return Number(v).toFixed(2);
      return String(v);
    });
  }

  var api = { version: version, curry: curry, Matrix: Matrix, Emitter: Emitter, typeName: typeName, deepClone: deepClone, encode: encode, format: format };
  Object.defineProperty(api, '__esModule', { value: true });
  Object.defineProperty(api, 'count', { enumerable: true, get: function () { return counter; } });
  return api;
});

// The library as loaded here (the global in a browser or jolt, `module.exports` in node).
var L = typeof module !== 'undefined' && module.exports && module.exports.version ? module.exports : globalThis.MiniLib;
var add3 = L.curry(function (a, b, c) { return a + b + c; });
console.log(L.version, add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3));
var m = new L.Matrix(2, 2).set(0, 0, 1).set(0, 1, 2).set(1, 0, 3).set(1, 1, 4);
console.log(String(m.mul(L.Matrix.identity(2))), String(m.mul(m)), L.count, m instanceof L.Matrix);
try { L.Matrix(1, 1); } catch (e) { console.log(e.constructor.name, e.message); }
var em = new L.Emitter(), got = [];
em.on('x', function (a, b) { got.push(a + b); }).on('x', function (a) { got.push(a * 10); });
console.log(em.emit('x', 2, 3), em.emit('none'), got.join());
console.log([1, 'a', null, [], {}, new Date(0), /r/, Symbol('s'), function () {}].map(L.typeName).join());
var orig = { a: [1, { b: 2 }], d: new Date(0) }, copy = L.deepClone(orig);
console.log(copy !== orig, copy.a[1].b, copy.d instanceof Date, copy.d.getTime());
console.log(L.encode('héllo'), L.format('{name:upper} has {n:fixed} of {missing}', { name: 'jolt', n: 3.14159 }));
console.log(Object.keys(L).join(), L.__esModule);

// The same wrapper under each module system, with shims standing in for the environment.
function umd(env) {
  return (function (root, factory) {
    if (typeof env.define === 'function' && env.define.amd) env.define('m', [], factory);
    else if (typeof env.exports === 'object' && typeof env.module !== 'undefined') env.module.exports = factory();
    else root.Lib = factory();
  })(env.root, function () { return { made: true }; });
}
var amdDefined = [];
var define1 = function (name, deps, f) { amdDefined.push(name + ':' + f().made); };
define1.amd = {};
umd({ define: define1, root: {} });
var mod = { exports: {} };
umd({ exports: mod.exports, module: mod, root: {} });
var root = {};
umd({ root: root });
console.log(amdDefined.join(), mod.exports.made, root.Lib.made);
