// Timers and queueMicrotask: ordering against promise jobs, delays, arguments, intervals and
// cancellation (timers far apart so that the order does not depend on machine load).
const log = [];
setTimeout(() => log.push('timeout 200'), 200);
setTimeout((a, b) => log.push('timeout 0 args ' + a + b), 0, 'x', 'y');
setTimeout(() => log.push('timeout 100'), 100);
const cancelled = setTimeout(() => log.push('never'), 1);
clearTimeout(cancelled);
queueMicrotask(() => log.push('micro 1'));
Promise.resolve().then(() => log.push('promise'));
queueMicrotask(() => {
  log.push('micro 2');
  queueMicrotask(() => log.push('micro nested'));
});
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  log.push('interval ' + ticks);
  if (ticks === 3) clearInterval(iv);
}, 1);
setTimeout(() => {
  Promise.resolve().then(() => log.push('promise inside timer'));
  setTimeout(() => log.push('timer inside timer'), 0);
  log.push('timer body');
}, 300);
setTimeout(() => console.log(log.join('\n')), 400);
clearTimeout(); clearTimeout('nope'); clearInterval(null);
try { queueMicrotask('x'); } catch (e) { console.log('queueMicrotask non-callable', e instanceof TypeError); }
try { queueMicrotask(); } catch (e) { console.log('queueMicrotask no args', e instanceof TypeError); }
console.log('sync end');
