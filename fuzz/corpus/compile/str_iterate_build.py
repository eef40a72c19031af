# Iterating over strings and building them up.
word = "Mississippi"
counts = {}
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([c for c in word if c in "aeiou"])
print("".join(c.upper() if i % 2 == 0 else c for i, c in enumerate(word)))
vowels = 0
for ch in "Unicode: é à ü":
    if ch.lower() in "aeiouéàü":
        vowels += 1
print(vowels)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts))
s = "abc"
print(list(s), tuple(s), list(reversed(s)), list(enumerate(s)))
print(list(zip("abc", "xyz")), dict(zip("ab", "12")))
print(sum(ord(c) for c in "abc"), "".join(chr(ord(c) + 1) for c in "HAL"))
