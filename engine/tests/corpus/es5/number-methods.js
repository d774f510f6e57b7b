function p(label, v) { console.log(label + " = " + v); }
p("(3.14159).toFixed(2)", (3.14159).toFixed(2));
p("(2.5).toFixed(0)", (2.5).toFixed(0));
p("(1.005).toFixed(2)", (1.005).toFixed(2));
p("(1.45).toFixed(1)", (1.45).toFixed(1));
p("(0).toFixed(3)", (0).toFixed(3));
p("(-1.5).toFixed(0)", (-1.5).toFixed(0));
p("(123.456).toFixed()", (123.456).toFixed());
p("(1e21).toFixed(2)", (1e21).toFixed(2));
p("(0.000001).toFixed(7)", (0.000001).toFixed(7));
p("(-0).toFixed(2)", (-0).toFixed(2));
p("(1234.5678).toFixed(10)", (1234.5678).toFixed(10));
p("(255).toString(2)", (255).toString(2));
p("(255).toString(16)", (255).toString(16));
p("(255).toString(8)", (255).toString(8));
p("(-255).toString(36)", (-255).toString(36));
p("(35).toString(36)", (35).toString(36));
p("(0.5).toString(2)", (0.5).toString(2));
p("(0.1).toString(2)", (0.1).toString(2));
p("(3.75).toString(16)", (3.75).toString(16));
p("(2147483648).toString(2)", (2147483648).toString(2));
p("(1e21).toString(16)", (1e21).toString(16));
p("(10).toString(10)", (10).toString(10));
p("(123.456).toPrecision(4)", (123.456).toPrecision(4));
p("(0.000123).toPrecision(2)", (0.000123).toPrecision(2));
p("(123456).toPrecision(2)", (123456).toPrecision(2));
p("(1.5).toPrecision(1)", (1.5).toPrecision(1));
p("(2.5).toPrecision(1)", (2.5).toPrecision(1));
p("(99.99).toPrecision(3)", (99.99).toPrecision(3));
p("(1).toPrecision(5)", (1).toPrecision(5));
p("(1e-7).toPrecision(3)", (1e-7).toPrecision(3));
p("(5).toPrecision()", (5).toPrecision());
p("(123.456).toExponential(2)", (123.456).toExponential(2));
p("(0).toExponential()", (0).toExponential());
p("(0.00015).toExponential(1)", (0.00015).toExponential(1));
p("(12345).toExponential()", (12345).toExponential());
p("NaN.toFixed(2)", NaN.toFixed(2));
p("Infinity.toString(2)", Infinity.toString(2));
p("(-Infinity).toPrecision(3)", (-Infinity).toPrecision(3));
try { (1).toFixed(101); } catch (e) { p("toFixed(101)", e.name); }
try { (1).toPrecision(0); } catch (e) { p("toPrecision(0)", e.name); }
try { (1).toString(1); } catch (e) { p("toString(1)", e.name); }
try { (1).toString(37); } catch (e) { p("toString(37)", e.name); }
try { Number.prototype.toFixed.call("1", 1); } catch (e) { p("toFixed on string", e.name); }
p("Number('')", Number(""));
p("Number('  42  ')", Number("  42  "));
p("Number('0x1F')", Number("0x1F"));
p("Number('1_000')", Number("1_000"));
p("Number('Infinity')", Number("Infinity"));
p("Number('-infinity')", Number("-infinity"));
p("Number(null)", Number(null));
p("Number([])", Number([]));
p("Number(['7'])", Number(["7"]));
p("Number({})", Number({}));
p("Number(false)", Number(false));
p("Number('1e-7')", Number("1e-7"));
p("Number('.5')", Number(".5"));
p("Number('5.')", Number("5."));
p("Number('-0') sign", 1 / Number("-0"));
p("MAX_VALUE", Number.MAX_VALUE);
p("MIN_VALUE", Number.MIN_VALUE);
p("POSITIVE_INFINITY", Number.POSITIVE_INFINITY);
p("NaN", Number.NaN);
p("new Number(5) + 1", new Number(5) + 1);
p("(5).valueOf()", (5).valueOf());
p("1..toString()", 1..toString());
p("1 .toString()", 1 .toString());
