"""Module globals: order, rebinding, deletion, names added from outside, non-str keys."""

import gc
import keys_mod
import plain_mod

print(keys_mod.user_names(vars(plain_mod)))
print(plain_mod.A, plain_mod.B, plain_mod.f(), plain_mod.K.attr, round(plain_mod.PI, 3))

keys_mod.make_global()
print(keys_mod.made, keys_mod.user_names(vars(keys_mod))[-2:])

plain_mod.added = "added"
setattr(plain_mod, "B", "B rebound")
print(keys_mod.user_names(vars(plain_mod)))
del plain_mod.K
print(keys_mod.user_names(vars(plain_mod)), hasattr(plain_mod, "K"))
plain_mod.K = "K again"
print(keys_mod.user_names(vars(plain_mod)))

g = vars(keys_mod)
print(g.get("late"), g.get("gone", "no gone"), "third" in g, g["counter"])
print(g.setdefault("third", 99), g.setdefault("fourth", 4), keys_mod.fourth)
g.update({"first": 111, "fifth": 5})
print(keys_mod.user_names(g)[-3:], keys_mod.first)
print(g.pop("fifth"), g.pop("fifth", "popped already"))

# This module: names bound as it runs.
x = 1
y = 2
del x
x = 3
globals()[7] = "int key"
print(keys_mod.user_names(globals())[-4:])
print(globals()[7], 7 in globals())
del globals()[7]
print(7 in globals(), keys_mod.user_names(globals())[-3:])

def reader():
    return x + y

gc.collect()
print(reader(), keys_mod.late, keys_mod.first, plain_mod.f(1))
snapshot = dict(vars(plain_mod))
print([k for k in snapshot if not k.startswith("__")] == keys_mod.user_names(vars(plain_mod)))
print(len(keys_mod.user_names(vars(keys_mod))), sorted(keys_mod.user_names(vars(keys_mod))))

try:
    print(missing_name)
except NameError as e:
    print("NameError:", e)
missing_name = "bound late"
print(missing_name)

import pkg
print(keys_mod.user_names(vars(pkg)), pkg.B, pkg.alpha.A, pkg.gamma.G)
import pkg.delta
print(keys_mod.user_names(vars(pkg)), pkg.delta.D, pkg.delta.beta.B)
