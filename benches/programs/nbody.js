// nbody.js: a symplectic-Euler simulation of the Sun and the four gas giants. Each body is an
// object with double-valued fields; the inner loop is pairwise gravity on doubles.
// Exercises floating-point arithmetic, Math.sqrt and property loads/stores on plain objects.

const PI = Math.PI;
const SOLAR_MASS = 4 * PI * PI;
const DAYS_PER_YEAR = 365.24;

function body(x, y, z, vx, vy, vz, mass) {
  return { x, y, z, vx: vx * DAYS_PER_YEAR, vy: vy * DAYS_PER_YEAR, vz: vz * DAYS_PER_YEAR, mass: mass * SOLAR_MASS };
}

function makeSystem() {
  return [
    body(0, 0, 0, 0, 0, 0, 1),
    // Jupiter
    body(4.84143144246472090e0, -1.16032004402742839e0, -1.03622044471123109e-1,
      1.66007664274403694e-3, 7.69901118419740425e-3, -6.90460016972063023e-5, 9.54791938424326609e-4),
    // Saturn
    body(8.34336671824457987e0, 4.12479856412430479e0, -4.03523417114321381e-1,
      -2.76742510726862411e-3, 4.99852801234917238e-3, 2.30417297573763929e-5, 2.85885980666130812e-4),
    // Uranus
    body(1.28943695621391310e1, -1.51111514016986312e1, -2.23307578892655734e-1,
      2.96460137564761618e-3, 2.37847173959480950e-3, -2.96589568540237556e-5, 4.36624404335156298e-5),
    // Neptune
    body(1.53796971148509165e1, -2.59193146099879641e1, 1.79258772950371181e-1,
      2.68067772490389322e-3, 1.62824170038242295e-3, -9.51592254519715870e-5, 5.15138902046611451e-5),
  ];
}

// Gives the Sun the momentum that makes the system's total momentum zero.
function offsetMomentum(bodies) {
  let px = 0;
  let py = 0;
  let pz = 0;
  for (const b of bodies) {
    px += b.vx * b.mass;
    py += b.vy * b.mass;
    pz += b.vz * b.mass;
  }
  bodies[0].vx = -px / SOLAR_MASS;
  bodies[0].vy = -py / SOLAR_MASS;
  bodies[0].vz = -pz / SOLAR_MASS;
}

function advance(bodies, dt) {
  const n = bodies.length;
  for (let i = 0; i < n; i++) {
    const a = bodies[i];
    for (let j = i + 1; j < n; j++) {
      const b = bodies[j];
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const dz = a.z - b.z;
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = dt / (d2 * Math.sqrt(d2));
      a.vx -= dx * b.mass * mag;
      a.vy -= dy * b.mass * mag;
      a.vz -= dz * b.mass * mag;
      b.vx += dx * a.mass * mag;
      b.vy += dy * a.mass * mag;
      b.vz += dz * a.mass * mag;
    }
  }
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    b.x += dt * b.vx;
    b.y += dt * b.vy;
    b.z += dt * b.vz;
  }
}

function energy(bodies) {
  let e = 0;
  const n = bodies.length;
  for (let i = 0; i < n; i++) {
    const a = bodies[i];
    e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz);
    for (let j = i + 1; j < n; j++) {
      const b = bodies[j];
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const dz = a.z - b.z;
      e -= (a.mass * b.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

const STEPS = 70000;
const bodies = makeSystem();
offsetMomentum(bodies);
const before = energy(bodies).toFixed(9);
for (let i = 0; i < STEPS; i++) advance(bodies, 0.01);
const after = energy(bodies).toFixed(9);
if (before !== "-0.169075164" || after !== "-0.169087137") {
  throw new Error(`nbody: energy ${before} -> ${after}`);
}
console.log(`nbody: ${STEPS} steps, energy ${before} -> ${after}`);
