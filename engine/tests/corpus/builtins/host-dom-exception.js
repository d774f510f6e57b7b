// DOMException (WebIDL): constructor defaults, name/message/code accessors, legacy codes,
// constants, prototype chain, brand checks and subclassing.
const e = new DOMException('went wrong', 'NotFoundError');
console.log(e.name, e.message, e.code, e instanceof DOMException, e instanceof Error);
console.log(String(e), Object.prototype.toString.call(e), Object.prototype.toString.call(DOMException.prototype));
const d = new DOMException();
console.log(JSON.stringify(d.name), JSON.stringify(d.message), d.code);
console.log(new DOMException('m', 'MadeUpName').code, new DOMException(undefined, undefined).name, new DOMException(1, 2).name);
for (const n of ['IndexSizeError', 'HierarchyRequestError', 'InvalidCharacterError', 'SyntaxError', 'AbortError', 'TimeoutError', 'DataCloneError', 'QuotaExceededError', 'NetworkError', 'EncodingError', 'OperationError']) {
  console.log(n, new DOMException('', n).code);
}
console.log(DOMException.INDEX_SIZE_ERR, DOMException.DATA_CLONE_ERR, e.ABORT_ERR, DOMException.VALIDATION_ERR);
const c = Object.getOwnPropertyDescriptor(DOMException, 'NOT_FOUND_ERR');
console.log(c.value, c.writable, c.enumerable, c.configurable);
for (const k of ['name', 'message', 'code']) {
  const p = Object.getOwnPropertyDescriptor(DOMException.prototype, k);
  console.log(k, typeof p.get, p.set, p.enumerable, p.configurable, p.get.name);
  try { p.get.call({}); } catch (err) { console.log('brand', err instanceof TypeError); }
}
console.log(Object.getPrototypeOf(DOMException.prototype) === Error.prototype, DOMException.length, DOMException.name);
const pd = Object.getOwnPropertyDescriptor(DOMException, 'prototype');
console.log(pd.writable, pd.enumerable, pd.configurable);
try { DOMException('x'); } catch (err) { console.log('call without new', err instanceof TypeError); }
class MyException extends DOMException { constructor() { super('sub', 'AbortError'); } }
const m = new MyException();
console.log(m instanceof MyException, m instanceof DOMException, m.name, m.code, m.constructor.name);
try { throw new DOMException('thrown', 'SecurityError'); } catch (err) { console.log(err.name, err.code); }
console.log(Object.keys(e).length, 'stack' in e || true);
