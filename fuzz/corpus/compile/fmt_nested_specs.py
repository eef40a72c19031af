# Nested/computed format specs in f-strings and str.format.
values = [3.14159, 2.71828, 1.41421]
for width in [6, 8, 10]:
    for prec in [1, 3]:
        print(f"[{values[0]:{width}.{prec}f}]", "[{:{}.{}f}]".format(values[1], width, prec))
for align in "<^>":
    print(f"[{'x':{align}5}]", "[{:{}5}]".format("y", align), f"[{7:{'*'}{align}5}]")
spec = ">8.2f"
print(f"{values[2]:{spec}}|", format(values[2], spec) + "|")
fill = "0"
print(f"{42:{fill}>6}", f"{-3:{fill}=6}")
