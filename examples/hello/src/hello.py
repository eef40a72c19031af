def greet(names):
    for i, name in enumerate(names, 1):
        yield f"{i}. hello, {name}!"

for line in greet(["flash", "rodata", "frostbyte"]):
    print(line)
print("squares:", [n * n for n in range(8)])
