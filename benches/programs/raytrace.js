// raytrace.js: a small recursive ray tracer: spheres and a checkerboard plane behind a common
// `intersect`/`normalAt` interface, point lights with shadows, diffuse and specular shading and
// mirror reflections, rendered into an array of RGB pixels and hashed. Exercises object-oriented
// double arithmetic with many short-lived vector objects, polymorphic calls and Math.sqrt.

class Vec {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }
  add(v) {
    return new Vec(this.x + v.x, this.y + v.y, this.z + v.z);
  }
  sub(v) {
    return new Vec(this.x - v.x, this.y - v.y, this.z - v.z);
  }
  scale(k) {
    return new Vec(this.x * k, this.y * k, this.z * k);
  }
  mul(v) {
    return new Vec(this.x * v.x, this.y * v.y, this.z * v.z);
  }
  dot(v) {
    return this.x * v.x + this.y * v.y + this.z * v.z;
  }
  cross(v) {
    return new Vec(this.y * v.z - this.z * v.y, this.z * v.x - this.x * v.z, this.x * v.y - this.y * v.x);
  }
  length() {
    return Math.sqrt(this.dot(this));
  }
  normalize() {
    return this.scale(1 / this.length());
  }
}

const BLACK = new Vec(0, 0, 0);
const EPSILON = 1e-6;

class Ray {
  constructor(origin, direction) {
    this.origin = origin;
    this.direction = direction;
  }
  at(t) {
    return this.origin.add(this.direction.scale(t));
  }
}

class Material {
  constructor(color, diffuse, specular, shininess, reflect) {
    this.color = color;
    this.diffuse = diffuse;
    this.specular = specular;
    this.shininess = shininess;
    this.reflect = reflect;
  }
  colorAt(point) {
    return this.color;
  }
}

class Checker extends Material {
  constructor(a, b) {
    super(a, 0.8, 0.1, 4, 0.25);
    this.other = b;
  }
  colorAt(point) {
    return (Math.floor(point.x) + Math.floor(point.z)) % 2 === 0 ? this.color : this.other;
  }
}

class Sphere {
  constructor(center, radius, material) {
    this.center = center;
    this.radius = radius;
    this.material = material;
  }
  intersect(ray) {
    const oc = ray.origin.sub(this.center);
    const b = oc.dot(ray.direction);
    const c = oc.dot(oc) - this.radius * this.radius;
    const disc = b * b - c;
    if (disc < 0) return Infinity;
    const s = Math.sqrt(disc);
    const t1 = -b - s;
    if (t1 > EPSILON) return t1;
    const t2 = -b + s;
    return t2 > EPSILON ? t2 : Infinity;
  }
  normalAt(point) {
    return point.sub(this.center).normalize();
  }
}

class Plane {
  constructor(normal, offset, material) {
    this.normal = normal.normalize();
    this.offset = offset;
    this.material = material;
  }
  intersect(ray) {
    const denom = this.normal.dot(ray.direction);
    if (Math.abs(denom) < EPSILON) return Infinity;
    const t = -(this.normal.dot(ray.origin) + this.offset) / denom;
    return t > EPSILON ? t : Infinity;
  }
  normalAt(point) {
    return this.normal;
  }
}

class Scene {
  constructor() {
    this.objects = [
      new Plane(new Vec(0, 1, 0), 1, new Checker(new Vec(0.9, 0.9, 0.9), new Vec(0.1, 0.1, 0.1))),
      new Sphere(new Vec(0, 0, 4), 1, new Material(new Vec(0.9, 0.2, 0.2), 0.7, 0.5, 32, 0.3)),
      new Sphere(new Vec(-2.2, 0.2, 5), 1.2, new Material(new Vec(0.2, 0.9, 0.3), 0.8, 0.3, 16, 0.1)),
      new Sphere(new Vec(2, -0.4, 3.2), 0.6, new Material(new Vec(0.3, 0.4, 1), 0.6, 0.8, 64, 0.5)),
      new Sphere(new Vec(0.6, 1.6, 6), 0.8, new Material(new Vec(1, 0.85, 0.3), 0.7, 0.6, 32, 0.4)),
    ];
    this.lights = [
      { position: new Vec(-5, 6, -3), color: new Vec(1, 1, 1) },
      { position: new Vec(4, 3, 0), color: new Vec(0.4, 0.4, 0.5) },
    ];
    this.ambient = new Vec(0.08, 0.08, 0.1);
  }

  nearest(ray) {
    let best = Infinity;
    let hit = null;
    for (const obj of this.objects) {
      const t = obj.intersect(ray);
      if (t < best) {
        best = t;
        hit = obj;
      }
    }
    return hit === null ? null : { obj: hit, t: best };
  }

  shadowed(point, toLight, distance) {
    const ray = new Ray(point, toLight);
    for (const obj of this.objects) {
      if (obj.intersect(ray) < distance) return true;
    }
    return false;
  }

  trace(ray, depth) {
    const hit = this.nearest(ray);
    if (hit === null) return new Vec(0.2, 0.3, 0.5).scale(0.5 + 0.5 * ray.direction.y);
    const point = ray.at(hit.t);
    const normal = hit.obj.normalAt(point);
    const m = hit.obj.material;
    const base = m.colorAt(point);
    let color = base.mul(this.ambient);
    const reflected = ray.direction.sub(normal.scale(2 * ray.direction.dot(normal)));
    for (const light of this.lights) {
      const toLight = light.position.sub(point);
      const distance = toLight.length();
      const dir = toLight.scale(1 / distance);
      if (this.shadowed(point, dir, distance)) continue;
      const lambert = normal.dot(dir);
      if (lambert > 0) color = color.add(base.mul(light.color).scale(lambert * m.diffuse));
      let spec = reflected.dot(dir);
      if (spec > 0) {
        let p = 1;
        for (let i = 0; i < m.shininess; i++) p *= spec;
        color = color.add(light.color.scale(p * m.specular));
      }
    }
    if (depth > 0 && m.reflect > 0) {
      color = color.add(this.trace(new Ray(point, reflected), depth - 1).scale(m.reflect));
    }
    return color;
  }
}

function render(scene, width, height) {
  const eye = new Vec(0, 0.5, -3);
  const forward = new Vec(0, -0.05, 1).normalize();
  const right = new Vec(0, 1, 0).cross(forward).normalize();
  const up = forward.cross(right);
  const pixels = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width - 0.5;
      const v = 0.5 - (y + 0.5) / height;
      const dir = forward.add(right.scale(u * (width / height))).add(up.scale(v)).normalize();
      const c = scene.trace(new Ray(eye, dir), 3);
      pixels.push(Math.min(255, Math.floor(c.x * 255)), Math.min(255, Math.floor(c.y * 255)), Math.min(255, Math.floor(c.z * 255)));
    }
  }
  return pixels;
}

const WIDTH = 160;
const HEIGHT = 120;
const pixels = render(new Scene(), WIDTH, HEIGHT);
let hash = 0;
let brightness = 0;
for (const p of pixels) {
  hash = (Math.imul(hash, 31) + p) | 0;
  brightness += p;
}
const summary = `${(hash >>> 0).toString(16)} ${brightness}`;
if (summary !== "366b1385 4953929") throw new Error(`raytrace: ${summary}`);
console.log(`raytrace: ${WIDTH}x${HEIGHT}, pixel hash ${summary}`);
