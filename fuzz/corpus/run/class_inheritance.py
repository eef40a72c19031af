# Single inheritance, overriding and super().
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (tiny)"
a = Animal("generic")
d = Dog("Rex", "lab")
p = Puppy("Bit", "pug")
for x in [a, d, p]:
    print(x.speak(), x.kind(), type(x).__name__)
print(p.breed, p.name, Puppy.sound)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), isinstance(a, object))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(Dog.__name__, Puppy.__name__)
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
