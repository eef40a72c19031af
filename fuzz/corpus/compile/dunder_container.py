# __len__, __getitem__, __setitem__, __contains__, __delitem__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, val):
        self.cells[pos] = val
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, val):
        return val in self.cells.values()
g = Grid(3, 2)
g[0, 0] = "#"
g[(2, 1)] = "@"
print(len(g), g[0, 0], g[1, 1], "@" in g, "x" in g, bool(g))
del g[0, 0]
print(g[0, 0], "#" in g)
for y in range(g.h):
    print("".join(g[x, y] for x in range(g.w)))
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return "slice"
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * 10
s = Seq(4)
print(s[0], s[3], s[-1], s[1:2], list(s), 20 in s, 25 in s)
for v in s:
    print(v, end=" ")
print()
