# String comparison is lexicographic by code point.
words = ["b", "a", "B", "A", "é", "e", "ab", "aB", "", "日", "😀", "Z", "z1", "z"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print("a" < "b" < "c", "abc" > "abd", "é" > "z", "😀" > "日")
print(min(words), max(words), "apple" == "apple", words is not None)
print(["x", "y"] < ["x", "z"], ("a", 1) < ("a", 2), ("b",) > ("a", 99))
