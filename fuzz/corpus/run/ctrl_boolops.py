# and/or return operand values and short-circuit.
def t(label, val):
    print("eval", label)
    return val
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "dflt", "" or [] or 0)
print([] and "x", [0] and "x", not [], not [0], not not 5)
print(t("a", 0) and t("b", 1))
print(t("c", 1) and t("d", 2))
print(t("e", 1) or t("f", 2))
print(t("g", 0) or t("h", 0))
print(t("i", 1) and t("j", 0) or t("k", 3))
x = None
name = x or "anonymous"
print(name)
print(1 < 2 and "yes" or "no", 1 > 2 and "yes" or "no")
print(None and None.missing)
print(True or undefined_name)
vals = [0, "", None, 3]
print([v or "-" for v in vals], [v and "+" for v in vals])
print(not 1 == 2, not (1 and 0))
