# Output before an uncaught exception appears before the traceback (stdout and stderr share a pipe).
for i in range(3):
    print("line", i)
print("no newline yet", end="")
print()
print(undefined_name_here)
