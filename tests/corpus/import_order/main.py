# Execution order of nested imports: depth first, each module once.
print("main: before imports")
import alpha
print("main: between imports")
import beta
print("main: after imports")
print(alpha.ORDER is beta.ORDER, alpha.ORDER)
