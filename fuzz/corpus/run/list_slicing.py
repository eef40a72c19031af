# List slicing: reads, steps, negative indices.
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[:-7], l[::3], l[::-1], l[7:2:-2])
print(l[100:], l[-100:2], l[5:5], l[9:0:-3], l[-1:-4:-1])
c = l[:]
c[0] = "changed"
print(l[0], c[0])
print(l[slice(1, 8, 3)], l[slice(None)], l[slice(-2, None, -1)])
s = slice(1, 9, 2)
print(s.start, s.stop, s.step, l[s])
print([[1, 2], [3, 4]][1][::-1], l[::-1][::-1] == l)
