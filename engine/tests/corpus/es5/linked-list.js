function ListNode(value, next) { this.value = value; this.next = next || null; }
function LinkedList() { this.head = null; this.size = 0; }
LinkedList.prototype.push = function (v) {
  var node = new ListNode(v);
  if (!this.head) this.head = node;
  else {
    var cur = this.head;
    while (cur.next) cur = cur.next;
    cur.next = node;
  }
  this.size++;
  return this;
};
LinkedList.prototype.unshift = function (v) { this.head = new ListNode(v, this.head); this.size++; return this; };
LinkedList.prototype.toArray = function () {
  var out = [];
  for (var cur = this.head; cur; cur = cur.next) out.push(cur.value);
  return out;
};
LinkedList.prototype.reverse = function () {
  var prev = null, cur = this.head;
  while (cur) { var next = cur.next; cur.next = prev; prev = cur; cur = next; }
  this.head = prev;
  return this;
};
LinkedList.prototype.remove = function (v) {
  if (!this.head) return false;
  if (this.head.value === v) { this.head = this.head.next; this.size--; return true; }
  for (var cur = this.head; cur.next; cur = cur.next) {
    if (cur.next.value === v) { cur.next = cur.next.next; this.size--; return true; }
  }
  return false;
};
LinkedList.prototype.map = function (fn) {
  var out = new LinkedList();
  for (var cur = this.head; cur; cur = cur.next) out.push(fn(cur.value));
  return out;
};
LinkedList.prototype.find = function (pred) {
  for (var cur = this.head; cur; cur = cur.next) if (pred(cur.value)) return cur.value;
  return undefined;
};
LinkedList.prototype.sort = function () {
  function merge(a, b) {
    var dummy = new ListNode(null), tail = dummy;
    while (a && b) {
      if (a.value <= b.value) { tail.next = a; a = a.next; } else { tail.next = b; b = b.next; }
      tail = tail.next;
    }
    tail.next = a || b;
    return dummy.next;
  }
  function sort(h) {
    if (!h || !h.next) return h;
    var slow = h, fast = h.next;
    while (fast && fast.next) { slow = slow.next; fast = fast.next.next; }
    var mid = slow.next;
    slow.next = null;
    return merge(sort(h), sort(mid));
  }
  this.head = sort(this.head);
  return this;
};
var list = new LinkedList();
list.push(5).push(3).push(8).unshift(1).push(7);
console.log("list: " + list.toArray().join(" -> ") + " size " + list.size);
console.log("reversed: " + list.reverse().toArray().join(","));
console.log("remove 8: " + list.remove(8) + " remove 42: " + list.remove(42) + " -> " + list.toArray().join(","));
console.log("remove head: " + list.remove(7) + " -> " + list.toArray().join(",") + " size " + list.size);
console.log("mapped: " + list.map(function (v) { return v * 10; }).toArray().join(","));
console.log("find > 2: " + list.find(function (v) { return v > 2; }) + " find > 100: " + list.find(function (v) { return v > 100; }));
var big = new LinkedList();
var seed = 7;
for (var i = 0; i < 200; i++) { seed = (seed * 31 + 11) % 1009; big.unshift(seed); }
big.sort();
var arr = big.toArray();
var ok = true;
for (var j = 1; j < arr.length; j++) if (arr[j - 1] > arr[j]) ok = false;
console.log("sorted 200: " + ok + " min " + arr[0] + " max " + arr[arr.length - 1] + " size " + big.size);
// cycle detection
var a = new ListNode("a"), b = new ListNode("b"), c = new ListNode("c");
a.next = b; b.next = c; c.next = b;
function hasCycle(h) {
  var slow = h, fast = h;
  while (fast && fast.next) {
    slow = slow.next; fast = fast.next.next;
    if (slow === fast) return true;
  }
  return false;
}
console.log("cycle: " + hasCycle(a) + " no cycle: " + hasCycle(list.head));
