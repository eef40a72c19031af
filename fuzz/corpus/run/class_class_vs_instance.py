# Mutable class attributes are shared; instance attributes shadow class ones.
class Bag:
    shared = []
    label = "class"
    def __init__(self):
        self.own = []
a = Bag()
b = Bag()
a.shared.append(1)
a.own.append(2)
print(a.shared, b.shared, a.own, b.own, a.shared is b.shared)
a.label = "instance"
print(a.label, b.label, Bag.label)
del a.label
print(a.label)
Bag.label = "changed"
print(a.label, b.label)
