// richards.js: an operating-system kernel simulation in the style of Martin Richards' classic
// benchmark. Six tasks (an idle task, a worker, two handlers and two devices) exchange packets
// through a priority scheduler. Exercises object-oriented code: a polymorphic `run` call on
// four task classes, property access on task control blocks, linked-list queues.

const ID_IDLE = 0;
const ID_WORKER = 1;
const ID_HANDLER_A = 2;
const ID_HANDLER_B = 3;
const ID_DEVICE_A = 4;
const ID_DEVICE_B = 5;
const TASK_COUNT = 6;

const KIND_DEVICE = 0;
const KIND_WORK = 1;
const PACKET_DATA_SIZE = 4;

// Task state bits.
const PENDING = 1; // a packet is waiting in the task's queue
const WAITING = 2; // the task waits for a packet
const HELD = 4; // the task is held and will not run

class Packet {
  constructor(link, destination, kind) {
    this.link = link;
    this.id = destination;
    this.kind = kind;
    this.count = 0;
    this.data = [0, 0, 0, 0];
  }

  // Appends this packet to the end of `queue` and returns the queue's head.
  appendTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let last = queue;
    while (last.link !== null) last = last.link;
    last.link = this;
    return queue;
  }
}

class TaskControlBlock {
  constructor(link, id, priority, queue, task) {
    this.link = link;
    this.id = id;
    this.priority = priority;
    this.queue = queue;
    this.task = task;
    this.state = queue === null ? WAITING : WAITING | PENDING;
  }

  isBlocked() {
    return (this.state & HELD) !== 0 || this.state === WAITING;
  }

  hold() {
    this.state |= HELD;
  }

  release() {
    this.state &= ~HELD;
  }

  suspend() {
    this.state |= WAITING;
  }

  // Hands the next queued packet (if the task was woken by one) to the task.
  run() {
    let packet = null;
    if (this.state === (WAITING | PENDING)) {
      packet = this.queue;
      this.queue = packet.link;
      this.state = this.queue === null ? 0 : PENDING;
    }
    return this.task.run(packet);
  }

  // Queues `packet` for this task; returns the task that should run next.
  enqueue(current, packet) {
    if (this.queue === null) {
      this.queue = packet;
      this.state |= PENDING;
      if (this.priority > current.priority) return this;
    } else {
      this.queue = packet.appendTo(this.queue);
    }
    return current;
  }
}

class Scheduler {
  constructor() {
    this.blocks = new Array(TASK_COUNT).fill(null);
    this.list = null;
    this.current = null;
    this.currentId = -1;
    this.queueCount = 0;
    this.holdCount = 0;
  }

  addTask(id, priority, queue, task) {
    this.current = new TaskControlBlock(this.list, id, priority, queue, task);
    this.list = this.current;
    this.blocks[id] = this.current;
  }

  run() {
    let tcb = this.list;
    while (tcb !== null) {
      if (tcb.isBlocked()) {
        tcb = tcb.link;
      } else {
        this.current = tcb;
        this.currentId = tcb.id;
        tcb = tcb.run();
      }
    }
  }

  release(id) {
    const tcb = this.blocks[id];
    if (tcb === null) return tcb;
    tcb.release();
    return tcb.priority > this.current.priority ? tcb : this.current;
  }

  holdCurrent() {
    this.holdCount++;
    this.current.hold();
    return this.current.link;
  }

  suspendCurrent() {
    this.current.suspend();
    return this.current;
  }

  send(packet) {
    const target = this.blocks[packet.id];
    if (target === null) return target;
    this.queueCount++;
    packet.link = null;
    packet.id = this.currentId;
    return target.enqueue(this.current, packet);
  }
}

class IdleTask {
  constructor(scheduler, seed, count) {
    this.scheduler = scheduler;
    this.seed = seed;
    this.count = count;
  }

  run(packet) {
    this.count--;
    if (this.count === 0) return this.scheduler.holdCurrent();
    if ((this.seed & 1) === 0) {
      this.seed >>= 1;
      return this.scheduler.release(ID_DEVICE_A);
    }
    this.seed = (this.seed >> 1) ^ 0xd008;
    return this.scheduler.release(ID_DEVICE_B);
  }
}

class DeviceTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.pending = null;
  }

  run(packet) {
    if (packet === null) {
      if (this.pending === null) return this.scheduler.suspendCurrent();
      const p = this.pending;
      this.pending = null;
      return this.scheduler.send(p);
    }
    this.pending = packet;
    return this.scheduler.holdCurrent();
  }
}

class WorkerTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.destination = ID_HANDLER_A;
    this.letter = 0;
  }

  run(packet) {
    if (packet === null) return this.scheduler.suspendCurrent();
    this.destination = this.destination === ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
    packet.id = this.destination;
    packet.count = 0;
    for (let i = 0; i < PACKET_DATA_SIZE; i++) {
      this.letter++;
      if (this.letter > 26) this.letter = 1;
      packet.data[i] = this.letter;
    }
    return this.scheduler.send(packet);
  }
}

class HandlerTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.work = null;
    this.devices = null;
  }

  run(packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.work = packet.appendTo(this.work);
      else this.devices = packet.appendTo(this.devices);
    }
    if (this.work !== null) {
      const work = this.work;
      const n = work.count;
      if (n < PACKET_DATA_SIZE) {
        if (this.devices !== null) {
          const device = this.devices;
          this.devices = device.link;
          device.count = work.data[n];
          work.count = n + 1;
          return this.scheduler.send(device);
        }
      } else {
        this.work = work.link;
        return this.scheduler.send(work);
      }
    }
    return this.scheduler.suspendCurrent();
  }
}

function runSimulation(idleCount) {
  const s = new Scheduler();
  s.addTask(ID_IDLE, 0, null, new IdleTask(s, 1, idleCount));
  s.current.state = 0; // the idle task starts running

  let queue = new Packet(null, ID_WORKER, KIND_WORK);
  queue = new Packet(queue, ID_WORKER, KIND_WORK);
  s.addTask(ID_WORKER, 1000, queue, new WorkerTask(s));

  queue = new Packet(null, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  s.addTask(ID_HANDLER_A, 2000, queue, new HandlerTask(s));

  queue = new Packet(null, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  s.addTask(ID_HANDLER_B, 3000, queue, new HandlerTask(s));

  s.addTask(ID_DEVICE_A, 4000, null, new DeviceTask(s));
  s.addTask(ID_DEVICE_B, 5000, null, new DeviceTask(s));

  s.run();
  return s;
}

const ITERATIONS = 100;
let queued = 0;
let held = 0;
for (let i = 0; i < ITERATIONS; i++) {
  const s = runSimulation(1000);
  // The well-known counts for an idle count of 1000.
  if (s.queueCount !== 2322 || s.holdCount !== 928) {
    throw new Error(`richards: queueCount ${s.queueCount}, holdCount ${s.holdCount}`);
  }
  queued += s.queueCount;
  held += s.holdCount;
}
console.log(`richards: ${ITERATIONS} runs, ${queued} packets queued, ${held} holds`);
