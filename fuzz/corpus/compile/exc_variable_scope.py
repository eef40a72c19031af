# The 'as' name is unbound after the except block.
e = "before"
try:
    raise ValueError("boom")
except ValueError as e:
    print("inside", e)
try:
    print(e)
except NameError as ne:
    print("NameError after except:", ne)
x = 1
try:
    pass
except Exception as x:
    pass
print("x still", x)
