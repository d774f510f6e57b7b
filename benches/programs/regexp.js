// regexp.js: parses a generated web-server access log with regular expressions: a line
// pattern with named capture groups, per-status and per-path tallies, user-agent
// classification with alternations, e-mail validation, IP anonymisation with a replace
// callback, date rewriting with numbered groups, matchAll over query strings and split on a
// pattern. Exercises the RegExp engine (exec/test/match/matchAll/replace/split) and the
// strings it produces.

function makeRng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

const METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"];
const PATHS = ["/", "/index.html", "/api/users", "/api/orders", "/static/app.js", "/static/style.css", "/login", "/search"];
const AGENTS = [
  "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0",
  "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36",
  "curl/8.4.0",
  "Googlebot/2.1 (+http://www.google.com/bot.html)",
  "Mozilla/5.0 (Macintosh) Version/17.1 Safari/605.1.15",
];
const STATUSES = [200, 200, 200, 200, 301, 304, 404, 500];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const USERS = ["alice", "bob", "carol", "dave", "eve", "-"];

function generateLog(lines, rand) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const ip = `${10 + rand(200)}.${rand(256)}.${rand(256)}.${1 + rand(254)}`;
    const day = String(1 + rand(28)).padStart(2, "0");
    const time = [rand(24), rand(60), rand(60)].map((n) => String(n).padStart(2, "0")).join(":");
    const date = `${day}/${MONTHS[rand(12)]}/2023:${time} +0000`;
    let path = PATHS[rand(PATHS.length)];
    if (path === "/search") path += `?q=term${rand(50)}&page=${1 + rand(9)}&sort=${rand(2) ? "asc" : "desc"}`;
    const user = USERS[rand(USERS.length)];
    const email = user === "-" ? "-" : rand(10) === 0 ? `${user}@@broken` : `${user}.${rand(100)}@example.${rand(2) ? "org" : "com"}`;
    const line = `${ip} - ${user} [${date}] "${METHODS[rand(METHODS.length)]} ${path} HTTP/1.1" ${STATUSES[rand(STATUSES.length)]} ${rand(50000)} "${AGENTS[rand(AGENTS.length)]}" ${email}`;
    out.push(line);
  }
  return out.join("\n");
}

const LINE = /^(?<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?<user>\S+) \[(?<date>[^\]]+)\] "(?<method>[A-Z]+) (?<path>[^ ?"]+)(?:\?(?<query>[^ "]*))? HTTP\/1\.[01]" (?<status>\d{3}) (?<bytes>\d+) "(?<agent>[^"]*)" (?<email>\S+)$/;
const BOT = /bot|crawler|spider|curl|wget/i;
const BROWSER = /(Firefox|Chrome|Safari)\/(\d+)/;
const EMAIL = /^[a-z][a-z0-9._-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net)$/;
const IP = /\b(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}\b/g;
const DATE = /(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}:\d{2}:\d{2})/g;
const PARAM = /([a-z]+)=([^&]*)/g;

function analyse(log) {
  const status = {};
  const paths = new Map();
  const browsers = {};
  let bots = 0;
  let bytes = 0;
  let validEmails = 0;
  let invalidEmails = 0;
  let searchPages = 0;
  let lines = 0;
  for (const line of log.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m === null) throw new Error(`regexp: unparsed line ${line}`);
    const g = m.groups;
    lines++;
    status[g.status] = (status[g.status] || 0) + 1;
    paths.set(g.path, (paths.get(g.path) || 0) + 1);
    bytes += Number(g.bytes);
    if (BOT.test(g.agent)) {
      bots++;
    } else {
      const b = g.agent.match(BROWSER);
      if (b) browsers[b[1]] = (browsers[b[1]] || 0) + 1;
    }
    if (g.email !== "-") {
      if (EMAIL.test(g.email)) validEmails++;
      else invalidEmails++;
    }
    if (g.query !== undefined) {
      for (const [, key, value] of g.query.matchAll(PARAM)) {
        if (key === "page") searchPages += Number(value);
      }
    }
  }
  return { lines, status, paths, browsers, bots, bytes, validEmails, invalidEmails, searchPages };
}

function anonymise(log) {
  return log.replace(IP, (all, a, b) => `${a}.${b}.0.0`).replace(DATE, (all, d, mon, y, t) => `${y}-${String(MONTHS.indexOf(mon) + 1).padStart(2, "0")}-${d}T${t}`);
}

const ROUNDS = 3;
let summary = "";
for (let round = 0; round < ROUNDS; round++) {
  const log = generateLog(3000, makeRng(7));
  const r = analyse(log);
  const clean = anonymise(log);
  const r2 = analyse(clean.replace(/T(\d\d:\d\d:\d\d)/g, (all, t) => `:${t}`).replace(/(\d{4})-(\d\d)-(\d\d)/g, (all, y, m, d) => `${d}/${MONTHS[m - 1]}/${y}`));
  if (r2.bytes !== r.bytes || r2.bots !== r.bots || r2.validEmails !== r.validEmails) throw new Error("regexp: anonymised log differs");
  const zeroed = (clean.match(/\.0\.0 - /g) || []).length;
  const topPath = [...r.paths].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  summary = `${r.lines} ${r.status["200"]}/${r.status["404"]}/${r.status["500"]} ${r.bots} ${r.browsers.Firefox}/${r.browsers.Chrome}/${r.browsers.Safari} ${r.bytes} ${r.validEmails}/${r.invalidEmails} ${r.searchPages} ${zeroed} ${topPath}`;
}
if (summary !== "3000 1511/332/372 1201 595/592/612 74807940 2267/244 1917 3000 /static/app.js") throw new Error(`regexp: ${summary}`);
console.log(`regexp: ${ROUNDS} rounds of 3000 log lines, summary ${summary.split(" ").slice(-4).join(" ")}`);
