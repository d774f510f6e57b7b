// TextEncoder / TextDecoder (WHATWG Encoding) and atob / btoa (forgiving-base64).
const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join(' ');
const enc = new TextEncoder();
console.log(enc.encoding, Object.prototype.toString.call(enc), hex(enc.encode('aé€😀')));
console.log('lone surrogates', hex(enc.encode('a\uD800b\uDC00')), enc.encode().length, hex(enc.encode(12)));
const dst = new Uint8Array(5);
console.log('encodeInto', JSON.stringify(enc.encodeInto('a€😀', dst)), hex(dst));
console.log('encodeInto fits', JSON.stringify(enc.encodeInto('😀x', new Uint8Array(4))), JSON.stringify(enc.encodeInto('\uD800', new Uint8Array(3))));
const sub = new Uint8Array(new ArrayBuffer(8), 2, 3);
console.log('subarray target', JSON.stringify(enc.encodeInto('xyzw', sub)), hex(new Uint8Array(sub.buffer)));
try { enc.encodeInto('a', new Uint16Array(2)); } catch (e) { console.log('encodeInto type', e instanceof TypeError); }
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM, Object.prototype.toString.call(dec));
const bytes = enc.encode('\uFEFFhé😀');
console.log(JSON.stringify(dec.decode(bytes)), JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)));
console.log('views', dec.decode(bytes.buffer).length, dec.decode(new DataView(bytes.buffer, 1)), dec.decode(), JSON.stringify(dec.decode(new Uint16Array([0x6968]))));
const bad = new Uint8Array([0x61, 0xF0, 0x9F, 0x62, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xE2, 0x82]);
console.log('replacement', JSON.stringify(dec.decode(bad)));
try { new TextDecoder('utf-8', { fatal: true }).decode(bad); } catch (e) { console.log('fatal', e instanceof TypeError); }
const sd = new TextDecoder();
const euro = enc.encode('€😀');
let out = '';
for (const b of euro) out += sd.decode(new Uint8Array([b]), { stream: true });
out += sd.decode();
console.log('stream', out, out.length);
console.log('stream tail flushed', JSON.stringify(sd.decode(new Uint8Array([0xE2, 0x82]), { stream: true })), JSON.stringify(sd.decode()));
console.log('labels', new TextDecoder(' UTF8 ').encoding, new TextDecoder('unicode-1-1-utf-8').encoding);
for (const label of ['utf-7', 'replacement', '']) {
  try { new TextDecoder(label); console.log('accepted', label); } catch (e) { console.log('label', JSON.stringify(label), e.constructor.name); }
}
try { dec.decode('string'); } catch (e) { console.log('decode string', e instanceof TypeError); }
try { TextDecoder(); } catch (e) { console.log('no new', e instanceof TypeError); }
try { TextEncoder.prototype.encode.call({}, 'x'); } catch (e) { console.log('brand', e instanceof TypeError); }
console.log(btoa(''), btoa('f'), btoa('fo'), btoa('foo'), btoa('foob'), btoa('\xff\xfe\x00'), btoa(12));
console.log(JSON.stringify([atob('Zm9vYg=='), atob('Zm9vYg'), atob(' Zm9v\nYmFy '), atob(''), atob('/+8=')]));
for (const s of ['Zm9vY', 'Zm9vYg=', 'Zm9v=Yg', '!!!!', 'Zg===', 'YQ=']) {
  try { console.log('decoded', JSON.stringify(atob(s))); } catch (e) { console.log('atob', JSON.stringify(s), e.name, e.code, e instanceof DOMException); }
}
try { btoa('\u0100'); } catch (e) { console.log('btoa', e.name, e.code, e.message); }
try { atob(); } catch (e) { console.log('atob no args', e instanceof TypeError); }
const round = btoa(String.fromCharCode(...enc.encode('héllo wörld')));
console.log(round, new TextDecoder().decode(Uint8Array.from(atob(round), (c) => c.charCodeAt(0))));
const le = new TextDecoder('utf-16le');
console.log(le.encoding, JSON.stringify(le.decode(new Uint8Array([0xFF, 0xFE, 0x68, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0x00, 0xD8, 0x41, 0x00, 0x42]))));
const be = new TextDecoder('utf-16be');
console.log(be.encoding, JSON.stringify(be.decode(new Uint8Array([0xFE, 0xFF, 0x00, 0x68, 0xDC, 0x00, 0x00, 0x69]))));
try { new TextDecoder('utf-16le', { fatal: true }).decode(new Uint8Array([0x00, 0xD8])); } catch (e) { console.log('fatal utf-16', e instanceof TypeError); }
