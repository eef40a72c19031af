print("beta: start")
import gamma
import alpha
gamma.ORDER.append("beta")
ORDER = gamma.ORDER
print("beta: end")
