# Set comprehensions and deduplication.
sq = {x * x % 7 for x in range(20)}
print(sq)
letters = {c.lower() for c in "Hello World" if c != " "}
print(sorted(letters))
nums = [5, 3, 5, 1, 3, 9, 1]
seen = set()
uniq = []
for n in nums:
    if n not in seen:
        seen.add(n)
        uniq.append(n)
print(uniq, seen)
pairs = {(i, j) for i in range(3) for j in range(3) if i < j}
print(sorted(pairs))
print(len({x % 3 for x in range(100)}))
