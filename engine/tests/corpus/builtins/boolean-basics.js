// Boolean constructor and prototype.
var vals = [undefined, null, 0, -0, NaN, 1, '', 'false', {}, [], Symbol('s')];
var out = '';
for (var i = 0; i < vals.length; i++) out += Boolean(vals[i]) ? 'T' : 'F';
console.log('Boolean(x): ' + out);
console.log('Boolean() = ' + Boolean());
var b = new Boolean(false);
console.log('typeof new Boolean(false) = ' + typeof b + ', truthy: ' + (b ? 'yes' : 'no'));
console.log('valueOf ' + b.valueOf() + ' toString ' + b.toString() + ' concat ' + (b + ''));
console.log('true.toString() = ' + true.toString() + ', false.valueOf() = ' + false.valueOf());
console.log('proto tag: ' + Object.prototype.toString.call(Boolean.prototype));
console.log('Boolean.prototype.valueOf() = ' + Boolean.prototype.valueOf());
console.log('Boolean.prototype.toString() = ' + Boolean.prototype.toString());
console.log('lengths ' + Boolean.length + ' ' + Boolean.prototype.toString.length + ' ' + Boolean.prototype.valueOf.length);
console.log('constructor ok ' + (Boolean.prototype.constructor === Boolean));
try { Boolean.prototype.toString.call(1); } catch (e) { console.log('toString.call(1) throws ' + e.name); }
try { Boolean.prototype.valueOf.call('true'); } catch (e) { console.log('valueOf.call("true") throws ' + e.name); }
try { Boolean.prototype.valueOf.call({}); } catch (e) { console.log('valueOf.call({}) throws ' + e.name); }
console.log('valueOf.call(new Boolean(true)) = ' + Boolean.prototype.valueOf.call(new Boolean(true)));
class B extends Boolean {}
var sb = new B(1);
console.log('subclass ' + (sb instanceof B) + ' ' + sb.valueOf() + ' ' + (Object.getPrototypeOf(sb) === B.prototype));
