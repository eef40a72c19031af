# hash and id are only compared, never printed (except deterministic int hashes).
a = (1, 2, 3)
b = (1, 2, 3)
print(hash(a) == hash(b), hash(42), hash(-42), hash(0) == hash(0.0) == hash(False))
print(hash("s") == hash("s"), hash(b"b") == hash(b"b"), hash(1.5) == hash(1.5))
x = [1]
y = x
z = [1]
print(id(x) == id(y), id(x) == id(z), id(None) == id(None))
class K:
    pass
k = K()
print(hash(k) == hash(k), id(k) == id(k), hash(K()) == hash(k))
try:
    hash({"d": 1})
except TypeError as e:
    print("TypeError", e)
