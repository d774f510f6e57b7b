function InsufficientFunds(account, amount) {
  this.name = "InsufficientFunds";
  this.message = account.owner + " cannot withdraw " + amount.toFixed(2) + " (balance " + account.balance.toFixed(2) + ")";
}
InsufficientFunds.prototype = Object.create(Error.prototype);
InsufficientFunds.prototype.constructor = InsufficientFunds;

var nextId = 1;
function Account(owner, initial) {
  this.id = nextId++;
  this.owner = owner;
  this.balance = 0;
  this.history = [];
  if (initial) this.deposit(initial);
}
Account.prototype.deposit = function (amount) {
  if (amount <= 0) throw new RangeError("deposit must be positive");
  this.balance += amount;
  this.history.push("+" + amount);
  return this;
};
Account.prototype.withdraw = function (amount) {
  if (amount > this.balance) throw new InsufficientFunds(this, amount);
  this.balance -= amount;
  this.history.push("-" + amount);
  return this;
};
Account.prototype.toString = function () {
  return "#" + this.id + " " + this.owner + ": " + this.balance.toFixed(2);
};
Account.prototype.monthEnd = function () {};

function SavingsAccount(owner, initial, rate) {
  Account.call(this, owner, initial);
  this.rate = rate;
}
SavingsAccount.prototype = Object.create(Account.prototype);
SavingsAccount.prototype.constructor = SavingsAccount;
SavingsAccount.prototype.monthEnd = function () {
  var interest = Math.round(this.balance * this.rate / 12 * 100) / 100;
  if (interest > 0) this.deposit(interest);
};
SavingsAccount.prototype.toString = function () {
  return Account.prototype.toString.call(this) + " (savings " + (this.rate * 100) + "%)";
};

function CheckingAccount(owner, initial, overdraft) {
  Account.call(this, owner, initial);
  this.overdraft = overdraft;
}
CheckingAccount.prototype = Object.create(Account.prototype);
CheckingAccount.prototype.constructor = CheckingAccount;
CheckingAccount.prototype.withdraw = function (amount) {
  if (amount > this.balance + this.overdraft) throw new InsufficientFunds(this, amount);
  this.balance -= amount;
  this.history.push("-" + amount);
  return this;
};
CheckingAccount.prototype.monthEnd = function () {
  if (this.balance < 0) this.balance -= 5;
};

function Bank() { this.accounts = {}; this.log = []; }
Bank.prototype.open = function (acct) { this.accounts[acct.id] = acct; return acct; };
Bank.prototype.transfer = function (fromId, toId, amount) {
  var from = this.accounts[fromId], to = this.accounts[toId];
  try {
    from.withdraw(amount);
    to.deposit(amount);
    this.log.push("ok " + fromId + "->" + toId + " " + amount);
    return true;
  } catch (e) {
    this.log.push("fail " + e.name + ": " + e.message);
    return false;
  }
};
Bank.prototype.total = function () {
  var t = 0;
  for (var id in this.accounts) t += this.accounts[id].balance;
  return Math.round(t * 100) / 100;
};

var bank = new Bank();
var alice = bank.open(new SavingsAccount("alice", 1000, 0.06));
var bob = bank.open(new CheckingAccount("bob", 100, 50));
var carol = bank.open(new Account("carol", 10));

console.log(String(alice));
console.log(String(bob));
console.log(String(carol));
console.log("transfer 1: " + bank.transfer(alice.id, bob.id, 250));
console.log("transfer 2: " + bank.transfer(bob.id, carol.id, 380));
console.log("transfer 3: " + bank.transfer(bob.id, carol.id, 400));
console.log("transfer 4: " + bank.transfer(carol.id, alice.id, 1000));
try { carol.deposit(-5); } catch (e) { console.log("deposit error: " + e.name + " " + (e instanceof RangeError)); }
for (var month = 1; month <= 3; month++) {
  for (var id in bank.accounts) bank.accounts[id].monthEnd();
  console.log("month " + month + " total " + bank.total());
}
for (var id2 in bank.accounts) console.log(String(bank.accounts[id2]) + " history " + bank.accounts[id2].history.join(","));
console.log(bank.log.join("\n"));
console.log("chained: " + new Account("dave").deposit(5).deposit(10).withdraw(3).balance);
console.log("instanceof: " + (alice instanceof Account) + " " + (bob instanceof SavingsAccount) + " " + (new InsufficientFunds(carol, 1) instanceof Error));
