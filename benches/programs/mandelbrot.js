// mandelbrot.js: renders the Mandelbrot set on a size x size grid as a 1-bit bitmap (eight
// pixels a byte, like a PBM image), then hashes the bytes. Exercises double arithmetic in a
// tight escape-time loop, integer bit operations and array stores.

function render(size, maxIter) {
  const bytesPerRow = (size + 7) >> 3;
  const bitmap = new Array(bytesPerRow * size).fill(0);
  for (let y = 0; y < size; y++) {
    const ci = (2 * y) / size - 1;
    for (let x = 0; x < size; x++) {
      const cr = (2 * x) / size - 1.5;
      let zr = 0;
      let zi = 0;
      let zr2 = 0;
      let zi2 = 0;
      let i = 0;
      while (i < maxIter && zr2 + zi2 <= 4) {
        zi = 2 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        zr2 = zr * zr;
        zi2 = zi * zi;
        i++;
      }
      if (i === maxIter) bitmap[y * bytesPerRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

// FNV-1a over the bitmap bytes, and the number of set bits.
function summarize(bitmap) {
  let hash = 0x811c9dc5;
  let inside = 0;
  for (const byte of bitmap) {
    hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    for (let b = byte; b !== 0; b &= b - 1) inside++;
  }
  return { hash: hash.toString(16).padStart(8, "0"), inside };
}

const SIZE = 400;
const { hash, inside } = summarize(render(SIZE, 50));
if (hash !== "58cd5646" || inside !== 63572) throw new Error(`mandelbrot: hash ${hash}, ${inside} points inside`);
console.log(`mandelbrot: ${SIZE}x${SIZE}, ${inside} points inside, hash ${hash}`);
