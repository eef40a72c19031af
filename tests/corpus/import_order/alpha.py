print("alpha: start")
import gamma
gamma.ORDER.append("alpha")
ORDER = gamma.ORDER
print("alpha: end")
