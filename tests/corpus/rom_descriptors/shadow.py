"""`property` rebound at module level: the decorator is not the builtin here."""

def property(f):
    return "shadowed " + f.__name__

class Odd:
    @property
    def thing(self):
        return 1

class Local:
    def staticmethod(f):
        return "class-local " + f.__name__

    @staticmethod
    def helper():
        return 2
