def counter(start):
    n = start
    def bump(step=1):
        nonlocal n
        n += step
        return n
    return bump

class Base:
    pass

class Child(Base):
    def greet(self, name, *, loud=False):
        return super().greet(f"{name!r:>{8}}")
