# __getitem__ receiving ints, tuples and slice objects.
class Show:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return ("key", key)
s = Show()
print(s[1], s["a"], s[1, 2], s[1:2], s[::3], s[:], s[1:2, 3])
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, rc):
        r, c = rc
        return self.rows[r][c]
    def __setitem__(self, rc, v):
        r, c = rc
        self.rows[r][c] = v
m = Matrix([[1, 2], [3, 4]])
m[0, 1] += 10
print(m[0, 1], m[1, 0], m.rows)
