# String indexing and slicing with steps and out-of-range bounds.
s = "abcdefghij"
print(s[0], s[9], s[-1], s[-10])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(repr(s[5:2]), repr(s[20:]), s[-100:3], s[3:100], repr(s[-1:-5]))
print(s[-5:-1], s[-1:-5:-1], s[100:0:-1], s[:100:4])
i = 4
print(s[i], s[i:i + 2], s[i - 1::-1])
t = "x"
print(t[0], t[-1], t[::-1], repr(t[1:]))
e = ""
print(repr(e[:]), repr(e[::-1]), len(e[0:10]))
print(s[slice(2, 6)], s[slice(None, None, 3)], s[slice(-2, None)])
