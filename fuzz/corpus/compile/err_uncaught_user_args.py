# Uncaught user exception class with several args.
class InsufficientFunds(Exception):
    pass
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds("balance too low", balance, amount)
    return balance - amount
b = withdraw(100, 30)
print("left", b)
withdraw(b, 500)
