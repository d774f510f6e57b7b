// strings.js: text processing on generated prose: word wrapping and full justification,
// ROT13, run-length encoding and decoding, a padded report table built with template
// literals, and substring search. Exercises string concatenation (+= and join), charCodeAt /
// fromCharCode, slice/indexOf/split/padStart/padEnd/repeat/toUpperCase and string hashing.

function makeRng(seed) {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zen", "qua", "bel", "dor", "an", "ex", "oo"];

function makeText(words, rand) {
  let text = "";
  for (let i = 0; i < words; i++) {
    let w = "";
    const n = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < n; j++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (i % 12 === 0) w = w[0].toUpperCase() + w.slice(1);
    text += (i === 0 ? "" : " ") + w;
    if (i % 12 === 11) text += ".";
  }
  return text;
}

function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? line + " " + word : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

// Pads the gaps between words so that the line is exactly `width` characters.
function justify(line, width) {
  const words = line.split(" ");
  if (words.length === 1) return line.padEnd(width);
  let missing = width - line.length;
  const gaps = words.length - 1;
  let out = words[0];
  for (let i = 1; i < words.length; i++) {
    const extra = Math.ceil(missing / (gaps - i + 1));
    missing -= extra;
    out += " ".repeat(1 + extra) + words[i];
  }
  return out;
}

function rot13(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c = ((c - 65 + 13) % 26) + 65;
    else if (c >= 97 && c <= 122) c = ((c - 97 + 13) % 26) + 97;
    out.push(String.fromCharCode(c));
  }
  return out.join("");
}

function rleEncode(s) {
  let out = "";
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i] && j - i < 9) j++;
    out += j - i > 1 ? `${j - i}${s[i]}` : s[i];
    i = j;
  }
  return out;
}

function rleDecode(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 49 && c <= 57) {
      out += s[i + 1].repeat(c - 48);
      i++;
    } else {
      out += s[i];
    }
  }
  return out;
}

function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

function report(lines) {
  let table = `${"#".padStart(5)} | ${"len".padStart(4)} | first word\n`;
  table += `${"-".repeat(5)}-+-${"-".repeat(4)}-+-${"-".repeat(12)}\n`;
  lines.forEach((line, i) => {
    const first = line.slice(0, line.indexOf(" ") >>> 0);
    table += `${String(i + 1).padStart(5)} | ${String(line.trimEnd().length).padStart(4)} | ${first.toUpperCase().padEnd(12, ".")}\n`;
  });
  return table;
}

function countOccurrences(haystack, needle) {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
  return count;
}

const ROUNDS = 2;
let digest = "";
for (let round = 0; round < ROUNDS; round++) {
  const text = makeText(20000, makeRng(2024));
  const lines = wrap(text, 72).map((l, i, all) => (i === all.length - 1 ? l : justify(l, 72)));
  if (lines.some((l, i) => i < lines.length - 1 && l.length !== 72)) throw new Error("strings: bad justification");
  if (lines.map((l) => l.split(" ").filter((w) => w !== "").join(" ")).join(" ") !== text) throw new Error("strings: wrap lost text");
  const secret = rot13(text);
  if (rot13(secret) !== text) throw new Error("strings: rot13 is not an involution");
  const packed = rleEncode(lines.join("\n"));
  if (rleDecode(packed) !== lines.join("\n")) throw new Error("strings: RLE round trip failed");
  const table = report(lines);
  digest = `${lines.length} ${packed.length} ${countOccurrences(text, "zen")} ${hash(table)} ${hash(secret)}`;
}
if (digest !== "1933 140433 3270 ae131b65 4d71be8") throw new Error(`strings: digest ${digest}`);
console.log(`strings: ${ROUNDS} rounds, digest ${digest}`);
