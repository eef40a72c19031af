# Assorted string operations: concatenation, repetition, comparison.
a = "abc"
b = "abd"
print(a + b, a * 3, 3 * a, a * 0, repr(a * -1))
print(a < b, a == "abc", a != b, "Z" < "a", "abc" < "abcd", "" < "a")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(max("hello"), min("hello"), len("hello"))
s = ""
for ch in "python":
    s = ch + s
print(s)
print(str(123) + "4", str([1, 'a']), str((1,)), str({'k': 'v'}))
print("a" "b" 'c', """triple
quoted""")
print('it\'s', "say \"hi\"", 'back\\slash', 'tab\tend')
print(len("\n"), len("\\n"), len(r"\n"), r"raw\t")
x = "hello"
x += " world"
print(x, x.upper(), x.lower())
