# Bound methods, calling via class, methods calling methods, method chaining.
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
    def build(self):
        return "-".join(self.parts)
print(Builder().add("a").add("b").add("c").build())
b = Builder()
add = b.add
add("x")
add("y")
print(b.build(), Builder.build(b))
class Account:
    def __init__(self, balance=0):
        self.balance = balance
    def deposit(self, amt):
        self.balance += amt
        return self.balance
    def withdraw(self, amt):
        if amt > self.balance:
            return "insufficient"
        self.balance -= amt
        return self.balance
    def transfer(self, other, amt):
        r = self.withdraw(amt)
        if r != "insufficient":
            other.deposit(amt)
        return r
x, y = Account(100), Account()
print(x.deposit(50), x.withdraw(500), x.transfer(y, 30), y.balance)
fs = [x.deposit, y.deposit]
print([f(1) for f in fs])
