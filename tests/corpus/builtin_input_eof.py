# input() with no more input: the prompt is written, then EOFError (CPython with stdin at
# its end; a VM without an input hook behaves the same).
import sys
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError", e)
try:
    input("a", "b")
except TypeError as e:
    print("TypeError", e)
print(sys.stdin.readline() == "")
print(repr(sys.stdin))
