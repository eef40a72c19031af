# A formatted report table mixing alignments and number formats.
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 1234.5678), ("Ünïcode", 100, 0.333)]
print(f"{'Item':<12}|{'Qty':>5}|{'Price':>10}|{'Total':>12}")
print("-" * 42)
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12}|{qty:>5d}|{price:>10.2f}|{total:>12,.2f}")
print("=" * 42)
print(f"{'Grand total':<29}{grand:>13,.2f}")
print("%-12s|%5d|%10.2f" % rows[0])
for i, (name, _, _) in enumerate(rows):
    print("{:>2}. {}".format(i + 1, name))
