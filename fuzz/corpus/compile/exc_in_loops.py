# Exceptions used for control flow inside loops.
inputs = ["1", "x", "3", "", "-4", "5.5"]
total = 0
bad = []
for s in inputs:
    try:
        total += int(s)
    except ValueError as e:
        bad.append(s)
        continue
    finally:
        pass
print(total, bad)
d = {"a": 1}
for k in ["a", "b"]:
    try:
        print(d[k])
    except KeyError as e:
        print("missing", e)
results = []
for i in range(-2, 3):
    try:
        results.append(12 // i)
    except ZeroDivisionError:
        results.append("inf")
print(results)
