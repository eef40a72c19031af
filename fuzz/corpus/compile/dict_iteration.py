# Iterating dicts with for loops and unpacking.
scores = {"ann": 90, "bob": 72, "cy": 85}
for name in scores:
    print(name, scores[name])
for name, s in scores.items():
    print(f"{name}: {s}")
for s in scores.values():
    print(s, end=" ")
print()
total = 0
for k in scores.keys():
    total += scores[k]
print(total)
best = max(scores, key=lambda k: scores[k])
print(best, min(scores.items(), key=lambda kv: kv[1]))
print(sorted(scores.items(), key=lambda kv: -kv[1]))
inverted = {v: k for k, v in scores.items()}
print(inverted)
print(list(enumerate(scores)), list(zip(scores, scores.values())))
print(sum(scores.values()) / len(scores))
