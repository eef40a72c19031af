# Objects with __hash__/__eq__ as dict keys; mutation-safe identity keys.
class Cell:
    def __init__(self, r, c):
        self.r, self.c = r, c
    def __hash__(self):
        return self.r * 100 + self.c
    def __eq__(self, other):
        return (self.r, self.c) == (other.r, other.c)
    def __repr__(self):
        return f"C{self.r}{self.c}"
board = {}
for r in range(2):
    for c in range(2):
        board[Cell(r, c)] = r + c
print(board)
print(board[Cell(1, 1)], Cell(0, 1) in board, Cell(5, 5) in board)
print(hash(Cell(3, 4)), hash(Cell(3, 4)) == hash(Cell(3, 4)))
class Ident:
    pass
i1, i2 = Ident(), Ident()
reg = {i1: "one", i2: "two"}
print(reg[i1], reg[i2], len(reg))
