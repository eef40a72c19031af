# Closures created in methods and class bodies.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def make(self):
        def f(x):
            return x * self.k
        return f
m = Multiplier(3)
f = m.make()
print(f(5))
m.k = 10
print(f(5))
def class_factory(greeting):
    class Greeter:
        def greet(self, name):
            return greeting + ", " + name
    return Greeter
G = class_factory("Howdy")
print(G().greet("pardner"), class_factory("Hi")().greet("you"))
