# list.sort and sorted with key, reverse and stability.
nums = [5, 2, 9, -1, 0, 2, 7]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["pear", "Fig", "apple", "kiwi", "Banana", "date"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (3, "c"), (2, "c")]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs, key=lambda p: p[1]))
recs = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
by_age = sorted(recs, key=lambda r: r[1])
print(by_age)
print(sorted(by_age, key=lambda r: -r[1]))
r = nums.sort()
print(r)
e = []
e.sort()
print(e, sorted([]), sorted([1]), sorted("cba"), sorted((3, 1, 2)))
print(sorted([[2, 1], [1, 2], [1, 1, 1], [2]]))
print(sorted([-3, 1, -2, 4], key=abs), sorted([True, False, 0, 1]))
