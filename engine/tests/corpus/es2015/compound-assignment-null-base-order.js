// `base[key] op= value` and `++base[key]`: the key expression is evaluated, then a null
// or undefined base fails (TypeError) before the key is converted to a property key and
// before the right-hand side runs.
function attempt(label, f) {
  var log = [];
  try {
    f(log);
    log.push("no error");
  } catch (e) {
    log.push(e.name === "TypeError" ? "TypeError" : "other: " + e.message);
  }
  console.log(label + ": " + log.join(", "));
}
function keyObject(log) {
  return { toString: function () { log.push("tostring"); return "k"; } };
}
function rhs(log) {
  log.push("rhs");
  return 1;
}

attempt("null += ", function (log) { var base = null; base[keyObject(log)] += rhs(log); });
attempt("undefined *=", function (log) { var base; base[keyObject(log)] *= rhs(log); });
attempt("null ??=", function (log) { var base = null; base[keyObject(log)] ??= rhs(log); });
attempt("null ||=", function (log) { var base = null; base[keyObject(log)] ||= rhs(log); });
attempt("null &&=", function (log) { var base = null; base[keyObject(log)] &&= rhs(log); });
attempt("++null[k]", function (log) { var base = null; ++base[keyObject(log)]; });
attempt("undefined[k]--", function (log) { var base; base[keyObject(log)]--; });
attempt("null[k] read", function (log) { var base = null; return base[keyObject(log)]; });
attempt("null[k] = v", function (log) { var base = null; base[keyObject(log)] = rhs(log); });
attempt("key expression throws first", function (log) {
  var base = null;
  base[(function () { log.push("key expr"); throw new Error("key"); })()] += rhs(log);
});
attempt("literal key", function (log) {
  var base = null;
  base["k"] += rhs(log);
});
