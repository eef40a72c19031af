"""Framing for telemetry records: `id:len:payload:sum`."""

class Frame:
    def __init__(self, ident, payload):
        self.ident, self.payload = ident, payload

    def __eq__(self, other):
        return (self.ident, self.payload) == (other.ident, other.payload)

    def __repr__(self):
        return "Frame(%d, %r)" % (self.ident, self.payload)

def checksum(text):
    s = 0
    for ch in text:
        s = (s * 31 + ord(ch)) & 0xFFFF
    return s

def encode(frame):
    body = "%d:%d:%s" % (frame.ident, len(frame.payload), frame.payload)
    return "%s:%04x" % (body, checksum(body))

def decode(line):
    try:
        ident, n, rest = line.split(":", 2)
        payload, tail = rest[: int(n)], rest[int(n) + 1 :]
    except ValueError as e:
        raise ValueError("bad frame: %r" % line) from e
    body = "%s:%s:%s" % (ident, n, payload)
    if int(tail, 16) != checksum(body):
        raise ValueError("checksum mismatch in %r" % line)
    return Frame(int(ident), payload)

def split_stream(text):
    return [decode(l) for l in text.splitlines() if l.strip()]

class Link:
    """Counts what goes over a link."""

    def __init__(self, name):
        self.name, self.sent, self.bad = name, 0, 0

    def receive(self, line):
        try:
            return decode(line)
        except ValueError:
            self.bad += 1
            return None

def encode_all(frames):
    return "\n".join(encode(f) for f in frames)
