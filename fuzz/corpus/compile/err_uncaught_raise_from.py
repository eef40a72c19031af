# Uncaught exception chained explicitly with raise ... from.
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("invalid port setting") from e
print("loading")
port = load("eighty")
print(port)
