# Richards-style operating-system scheduler: a run queue of task control blocks with
# priorities, packets passed between an idle task, a worker, two handlers and two devices.
# Written for Frostbyte's benchmarks; object attributes, method calls, linked lists.

COUNT = 60

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE = 0
KIND_WORK = 1


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = waiting
        self.held = False
        self.next = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def add_packet(self, p, current):
        if self.queue is None:
            self.queue = p
            if self.priority > current.priority:
                return self
        else:
            self.queue = p.append_to(self.queue)
        return current


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, queue is not None)
        self.control = 1
        self.left = 0

    def step(self, packet):
        self.left -= 1
        if self.left == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, queue is not None)
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.count = 0
        for i in range(4):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.sched.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, queue is not None)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            n = work.count
            if n < 4:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.count = work.data[n]
                    work.count = n + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, queue is not None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = packet
        self.sched.written += packet.count
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.hold_count = 0
        self.queue_count = 0
        self.written = 0

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        t = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return t.add_packet(packet, self.current)

    def schedule(self):
        t = self.tasks
        while t is not None:
            if t.held or (t.waiting and t.queue is None):
                t = t.next
                continue
            self.current = t
            packet = None
            if t.waiting:
                packet = t.queue
                t.queue = packet.link
                t.waiting = False
            t = t.step(packet)


def run(idle_count):
    s = Scheduler()
    idle = IdleTask(s, IDLE, 0, None)
    idle.left = idle_count
    q = Packet(None, 0, KIND_WORK)
    q = Packet(q, 0, KIND_WORK)
    WorkTask(s, WORKER, 1000, q)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000, None).waiting = True
    DeviceTask(s, DEVICE_B, 5000, None).waiting = True
    s.schedule()
    return s.queue_count, s.hold_count, s.written


total = 0
for i in range(COUNT):
    qc, hc, w = run(1000 + 7 * i)
    total = (total * 31 + qc * 7 + hc * 3 + w) % 1000000007
    if i % 20 == 0:
        print(i, qc, hc, w)
print("checksum", total)
