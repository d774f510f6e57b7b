// Host-API behaviour where node differs from browsers and the standards (this file's
// .expected is written by hand from the HTML/WebIDL specs and Chrome, not produced by node):
// `self`, structuredClone's transfer checks and DOMException serialization, WebIDL lengths.
console.log(typeof self, self === globalThis, self.self === self);
const d = Object.getOwnPropertyDescriptor(globalThis, 'self');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
self = 5;
console.log(self, Object.getOwnPropertyDescriptor(globalThis, 'self').value);
const tr = new Uint8Array([1]).buffer;
structuredClone(tr, { transfer: [tr] });
try { structuredClone(1, { transfer: [{}] }); } catch (err) { console.log('not transferable', err.name, err.code); }
try { structuredClone(1, { transfer: [tr] }); } catch (err) { console.log('detached transfer', err.name); }
const de = structuredClone(new DOMException('m', 'AbortError'));
console.log('DOMException clone', de instanceof DOMException, de.name, de.message, de.code);
console.log(structuredClone.length, setTimeout.length, clearTimeout.length, queueMicrotask.length, atob.length, btoa.length);
console.log(DOMException.length, TextEncoder.length, TextDecoder.length, TextEncoder.prototype.encodeInto.length);
// The "latin1" label is windows-1252 (node decodes it as ISO-8859-1).
const l1 = new TextDecoder('latin1');
console.log(l1.encoding, JSON.stringify(l1.decode(new Uint8Array([0x41, 0x80, 0x9F, 0xE9, 0xFF]))));
// Timer ids are positive integers and a string handler runs as global code (node throws).
globalThis.fromString = 0;
const id = setTimeout('fromString += 1; console.log("string handler", fromString, typeof id)', 0);
console.log(typeof id, id > 0);
