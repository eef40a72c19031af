# Building padded columns with format specs and string multiplication.
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for name, qty, price in rows:
    print("{:<12}|{:>4}|{:>7.2f}".format(name, qty, price))
    print(name + " " * (12 - len(name)) + "|" + " " * (4 - len(str(qty))) + str(qty))
for name, qty, price in rows:
    print(f"{name:.<12}{qty:_>5}{price:>8.3f}")
width = 20
print("=" * width)
print(f"{'title':^{width}}")
print("-" * width)
