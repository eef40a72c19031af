# KeyError: message is the repr of the missing key.
d = {"a": 1, 2: "two", (1, 2): "pair"}
for k in ["b", 3, (2, 1), None, "", 2.5, "it's"]:
    try:
        d[k]
    except KeyError as e:
        print("KeyError:", e, "| args:", e.args, "| repr:", repr(e))
try:
    del d["zz"]
except KeyError as e:
    print("del:", e)
try:
    d.pop("nope")
except LookupError as e:
    print("pop via LookupError:", type(e).__name__, e)
try:
    set().remove(5)
except KeyError as e:
    print("set.remove:", e)
print(d.get("b", "get avoids KeyError"))
