# Exception raised inside a method, called from another method.
class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0
    def expect(self, ch):
        if self.text[self.pos] != ch:
            raise ValueError(f"expected {ch!r} at {self.pos}, got {self.text[self.pos]!r}")
        self.pos += 1
    def parse_pair(self):
        self.expect("(")
        self.expect(")")
        return "pair"
print(Parser("()").parse_pair())
Parser("(]").parse_pair()
