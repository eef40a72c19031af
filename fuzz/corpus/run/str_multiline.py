# Multi-line strings, escapes and splitting lines.
poem = """roses are red
violets are blue
  indented line
"""
print(poem)
lines = poem.split("\n")
print(len(lines), lines)
for n, line in enumerate(lines, 1):
    if line.strip():
        print(n, repr(line.strip()))
print("a\nb\n", end="")
print("col1\tcol2")
print("no newline", end="|")
print("after")
print("x", "y", "z", sep="")
print("x", "y", "z", sep=", ", end=".\n")
print()
print("", end="")
print("done")
