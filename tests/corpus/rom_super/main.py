# Frozen class namespaces whose methods use zero-argument super() or __class__: the class
# cell comes from the VM's side table (frozen run) or a closure (module run again).
import gc

import kin
from kin import Base, Mid, Leaf, Other


class Here(Leaf):
    "defined in the main module"

    def __init__(self, name, n=2):
        super().__init__(name)
        self.n = n

    def describe(self):
        return "Here(%s) %d" % (super().describe(), self.n)


print(Base("b").describe(), Mid("m").describe(), Leaf("l").describe())
print(list(Leaf("g").items()), Leaf("h").home(), Other().uses() is Other)
print(Here("z").describe(), Here("w", 5).n, Here.__doc__)
print(Mid.__init__.__defaults__, Mid("d", 7).size, Leaf("e").extra)

# The class cell follows the class object, not the module global that named it.
Orig = kin.Leaf
kin.Leaf = None
print(Orig("o").describe(), Orig("p").home())
kin.Leaf = Orig


# A method moved to an unrelated class keeps its own __class__.
class Stranger:
    describe = Mid.describe


try:
    Stranger().describe()
except TypeError as e:
    print("TypeError:", e)

gc.collect()
print(Leaf("after").describe(), Here("gc").describe(), Other().uses().__name__)

if __name__ == "__main__":
    import main as again
    print(again.Here is Here, again.Here("again").describe(), again.Here.__module__)
    print(isinstance(again.Here("i"), Leaf), again.Here.__init__ is Here.__init__)
    gc.collect()
    print(again.Here("x", 9).describe(), Here("y", 8).describe())
