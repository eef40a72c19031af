import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


objs = [Obj(i) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd["k%d" % o.n] = o
print(len(wvd), sorted(wvd.keys()), wvd["k2"], "k3" in wvd, "zz" in wvd)
print(wvd.get("k1"), wvd.get("nope", "dflt"))
del objs[1:3]
o = None
gc.collect()
print(len(wvd), sorted(wvd.keys()), "k1" in wvd, wvd.get("k1"))
try:
    wvd["k1"]
except KeyError as e:
    print("KeyError", e)
print(sorted(v.n for v in wvd.values()), sorted(k for k, v in wvd.items()))
print(wvd.pop("k0"), len(wvd), wvd.pop("k0", "gone"))
print(wvd.setdefault("k3", None), len(wvd.copy()))
del wvd["k3"]
print(sorted(wvd))
try:
    wvd["k1"] = 5
except TypeError as e:
    print(type(e).__name__, e)

wkd = weakref.WeakKeyDictionary()
keys = [Obj(i) for i in range(4)]
for k in keys:
    wkd[k] = k.n * 10
print(len(wkd), wkd[keys[2]], keys[1] in wkd, Obj(9) in wkd, 5 in wkd)
del keys[0]
gc.collect()
print(len(wkd), sorted(v for v in wkd.values()), sorted(k.n for k in wkd.keys()))
print(wkd.get(keys[0]), wkd.pop(keys[0]), len(wkd), wkd.setdefault(keys[1], 99))
wkd[keys[1]] = 7
print(wkd[keys[1]], len(wkd))
try:
    wkd[1] = 2
except TypeError as e:
    print(type(e).__name__, e)

ws = weakref.WeakSet()
members = [Obj(i) for i in range(3)]
for m in members:
    ws.add(m)
ws.add(members[0])
print(len(ws), members[1] in ws, Obj(7) in ws, 3 in ws)
members.pop()
gc.collect()
print(len(ws), sorted(m.n for m in ws))
ws.discard(members[0])
print(len(ws), sorted(m.n for m in ws))
try:
    ws.remove(Obj(8))
except KeyError as e:
    print("KeyError")
print(ws == weakref.WeakSet(members[1:]), len(ws | weakref.WeakSet(members)))
