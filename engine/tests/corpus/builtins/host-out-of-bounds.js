// Host APIs on out-of-bounds views of a shrunk resizable buffer: empty input, no writes, DataCloneError.
const rab = new ArrayBuffer(8, { maxByteLength: 16 });
const ta = new Uint8Array(rab, 4, 4);
rab.resize(2);
console.log(JSON.stringify(new TextDecoder().decode(ta)));
console.log(JSON.stringify(new TextEncoder().encodeInto('abc', ta)));
try { structuredClone(ta) } catch (e) { console.log(e.name) }
const dv = new DataView(rab, 1);
rab.resize(0);
console.log(JSON.stringify(new TextDecoder().decode(dv)));
try { structuredClone(dv) } catch (e) { console.log(e.name) }
