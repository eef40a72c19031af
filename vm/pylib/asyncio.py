# asyncio: the MicroPython-compatible subset of CPython 3.11's asyncio, frozen into the VM
# (vm/src/modules/asyncio_image.rs is generated from this file; see vm/pylib/README.md).
#
# One event loop per VM, its state in this module's globals, shaped like CPython's
# BaseEventLoop so that programs whose timing is deterministic print what CPython prints:
# - `_ready` is a flat list of (callback, argument) pairs, never tuples, so scheduling
#   allocates nothing; one pass of the loop runs the pairs present when it began (FIFO).
# - `_timers` is a flat list of (deadline, callback, argument) triples sorted by deadline
#   (`time.ticks_ms`), ties in the order they were added. A sleeping task is such a triple:
#   it costs no heap object (`sleep` returns one shared awaitable, as MicroPython's does).
# - A Future wakes what waits on it one pass later, as CPython's call_soon does: a waiting
#   Task is stepped, a waiting Future (wait_for's waiter) is released, a function is called.
# When nothing is ready the loop idles through `time._idle_us` until the next deadline
# (or, with a ThreadSafeFlag waited on, until an interrupt schedules a callback).

from time import ticks_ms as _ticks, ticks_add as _tadd, ticks_diff as _tdiff, _idle_us


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


TimeoutError = TimeoutError

_ready = []  # callback, argument, callback, argument, ...
_timers = []  # deadline, callback, argument, ...
_tasks = []  # tasks not yet done (asyncio.run cancels what is left)
_flags = []  # ThreadSafeFlags being waited on
_cur = None  # the task being stepped
_loop = None  # the event loop object
_running = False
_stopping = False
_NO = []  # `Task._mc` when no cancellation is pending (else the message)
# The longest timer: a quarter of the ticks period (3.1 days). Two pending deadlines are
# compared by their ticks difference, which is right only while they are less than 2**29 ms
# apart; with timers of at most 2**28 ms that holds for any two set less than 2**28 ms apart
# (a timer of 2**29 - 1 ms set a few ms after a short one sorted before it).
_MAXMS = (1 << 28) - 1


def _call_at(when, fn, arg):
    t = _timers
    i = len(t)
    while i and _tdiff(t[i - 3], when) > 0:
        i -= 3
    t.insert(i, arg)
    t.insert(i, fn)
    t.insert(i, when)


def _cancel_timer(fn, arg):
    t = _timers
    for i in range(0, len(t), 3):
        if t[i + 1] is fn and t[i + 2] is arg:
            del t[i : i + 3]
            return


def _ms(s):
    # Seconds to whole milliseconds, rounded up (a sleep never ends early).
    if type(s) is int:
        return s * 1000
    m = s * 1000
    i = int(m)
    return i + 1 if m - i > 1e-6 else i


def _cancelled_error(msg):
    return CancelledError() if msg is None else CancelledError(msg)


# Future states: pending, result, exception, cancelled.
class Future:
    def __init__(self):
        self._state = 0
        self._val = None  # the result, the exception, or the cancellation message/error
        self._cbs = None  # what waits: Tasks, Futures (released) and functions fn(fut)

    def done(self):
        return self._state != 0

    def cancelled(self):
        return self._state == 3

    def result(self):
        s = self._state
        if s == 1:
            return self._val
        if s == 2:
            raise self._val
        if s == 3:
            v = self._val
            raise v if isinstance(v, CancelledError) else _cancelled_error(v)
        raise InvalidStateError("Result is not ready.")

    def exception(self):
        s = self._state
        if s == 0:
            raise InvalidStateError("Exception is not set.")
        if s == 3:
            self.result()
        return self._val if s == 2 else None

    def set_result(self, value):
        if self._state:
            raise InvalidStateError("invalid state")
        self._val = value
        self._state = 1
        self._wake()

    def set_exception(self, exc):
        if self._state:
            raise InvalidStateError("invalid state")
        if isinstance(exc, type):
            exc = exc()
        if type(exc) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._val = exc
        self._state = 2
        self._wake()

    def cancel(self, msg=None):
        if self._state:
            return False
        self._val = msg
        self._state = 3
        self._wake()
        return True

    def add_done_callback(self, fn):
        if self._state:
            _schedule(fn, self)
        elif self._cbs is None:
            self._cbs = [fn]
        else:
            self._cbs.append(fn)

    def remove_done_callback(self, fn):
        cbs = self._cbs
        n = 0
        if cbs:
            i = 0
            while i < len(cbs):
                if cbs[i] is fn or cbs[i] == fn:
                    del cbs[i]
                    n += 1
                else:
                    i += 1
        return n

    def _wake(self):
        cbs = self._cbs
        if cbs:
            self._cbs = None
            for cb in cbs:
                _schedule(cb, self)

    def __await__(self):
        if not self._state:
            yield self
        if not self._state:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _schedule(cb, fut):
    # A waiting Task is stepped, a waiting Future released, a function called with `fut`.
    r = _ready
    if isinstance(cb, Task):
        r.append(_step)
    elif isinstance(cb, Future):
        r.append(_release)
    else:
        r.append(cb)
        cb = fut
    r.append(cb)


def _release(waiter):
    if not waiter._state:
        waiter.set_result(None)


class Task(Future):
    def __init__(self, coro):
        coro = _coro(coro)
        self._state = 0
        self._val = None
        self._cbs = None
        self._coro = coro
        self._fw = None  # what it waits on: a Future, True (a timer), None; or an error to throw in
        self._mc = _NO  # a pending cancellation's message
        _tasks.append(self)
        _ready.append(_step)
        _ready.append(self)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self._state:
            return False
        fw = self._fw
        if fw is True:
            # Asleep: CPython cancels the sleep's future, which wakes the task one pass later.
            _cancel_timer(_wake_sleeper, self)
            self._fw = None
            _ready.append(_step)
            _ready.append(self)
        elif isinstance(fw, Future) and fw.cancel(msg):
            return True
        self._mc = msg
        return True


def _wake_sleeper(t):
    if t._fw is True:
        t._fw = None
        _ready.append(_step)
        _ready.append(t)


def _finish(t):
    _tasks.remove(t)


def _step(t):
    global _cur
    if t._state:
        return
    exc = t._fw
    if t._mc is not _NO:
        exc = _cancelled_error(t._mc)
        t._mc = _NO
    elif not isinstance(exc, BaseException):
        exc = None
    t._fw = None
    _cur = t
    try:
        if exc is None:
            r = t._coro.send(None)
        else:
            r = t._coro.throw(exc)
    except StopIteration as e:
        _cur = None
        _finish(t)
        if t._mc is not _NO:
            m = t._mc
            t._mc = _NO
            Future.cancel(t, m)
        else:
            Future.set_result(t, e.value)
        return
    except CancelledError as e:
        _cur = None
        _finish(t)
        Future.cancel(t, e)
        return
    except BaseException as e:
        _cur = None
        _finish(t)
        Future.set_exception(t, e)
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        return
    _cur = None
    if r is None:
        if t._fw is None:
            # A bare yield (sleep(0)): one pass of the loop.
            _ready.append(_step)
            _ready.append(t)
        elif t._mc is not _NO:
            # Asleep but cancelled while running: wake up now.
            _cancel_timer(_wake_sleeper, t)
            t._fw = None
            _ready.append(_step)
            _ready.append(t)
    elif isinstance(r, Future):
        if r is t:
            # Thrown in at the next step, as CPython does.
            t._fw = RuntimeError("Task cannot await on itself: " + repr(t))
            _ready.append(_step)
            _ready.append(t)
            return
        r.add_done_callback(t)
        t._fw = r
        if t._mc is not _NO and r.cancel(t._mc):
            t._mc = _NO
    else:
        t._fw = RuntimeError("Task got bad yield: " + repr(r))
        _ready.append(_step)
        _ready.append(t)


class _Sleep:
    # The awaitable `sleep` returns, shared by every task: awaiting it puts the current task
    # on the timer list and yields once; resumed, it stops with a StopIteration kept here.
    def __init__(self):
        self.ms = None
        self.stop = StopIteration()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        ms = self.ms
        if ms is not None:
            self.ms = None
            if ms > 0:
                t = _cur
                if t is None:
                    raise RuntimeError("no running event loop")
                _call_at(_tadd(_ticks(), ms), _wake_sleeper, t)
                t._fw = True
            return None
        s = self.stop
        s.__traceback__ = None
        raise s


_sleeper = _Sleep()


async def _sleep_coro(ms, result):
    # A sleep that is not awaited at once (a `sleep(...)` given to gather, create_task or
    # wait_for, or made while the shared one is still unawaited) gets its own awaitable.
    s = _Sleep()
    s.ms = ms
    await s
    return result


async def _long_sleep(ms, result):
    # Longer than a ticks difference can say: in steps.
    while ms > _MAXMS:
        await _sleep_coro(_MAXMS, None)
        ms -= _MAXMS
    return await _sleep_coro(ms, result)


def sleep_ms(ms, result=None):
    s = _sleeper
    if ms > _MAXMS:
        return _long_sleep(ms, result)
    if result is not None or s.ms is not None:
        return _sleep_coro(ms, result)
    s.ms = ms
    return s


def sleep(delay, result=None):
    return sleep_ms(_ms(delay) if delay > 0 else 0, result)


def _coro(aw):
    # The coroutine a Task runs for `aw`.
    if aw is _sleeper and aw.ms is not None:
        ms = aw.ms
        aw.ms = None
        return _sleep_coro(ms, None)
    if type(aw) is not _CoroutineType:
        raise TypeError("a coroutine was expected, got " + repr(aw))
    return aw


def _running_loop():
    if not _running:
        raise RuntimeError("no running event loop")
    return _loop


def create_task(coro):
    _running_loop()
    return Task(coro)


def ensure_future(aw):
    if isinstance(aw, Future):
        return aw
    if type(aw) is _CoroutineType or aw is _sleeper:
        return Task(aw)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


def current_task():
    _running_loop()
    return _cur


def all_tasks():
    _running_loop()
    return set(_tasks)


def get_running_loop():
    return _running_loop()


class _Gather(Future):
    def __init__(self, children):
        Future.__init__(self)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self._state:
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*aws, return_exceptions=False):
    if not aws:
        outer = Future()
        outer.set_result([])
        return outer
    nfuts = 0
    nfinished = 0
    outer = None
    children = []
    seen = {}

    def done(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer._state:
            return
        if not return_exceptions:
            if fut._state == 3:
                v = fut._val
                outer.set_exception(v if isinstance(v, CancelledError) else _cancelled_error(v))
                return
            if fut._state == 2:
                outer.set_exception(fut._val)
                return
        if nfinished == nfuts:
            res = []
            for f in children:
                if f._state == 3:
                    v = f._val
                    if isinstance(v, CancelledError):
                        v = v.args[0] if v.args else None
                    res.append(CancelledError("" if v is None else v))
                else:
                    res.append(f._val)
            if outer._cancel_requested:
                v = fut._val if fut._state == 3 else None
                outer.set_exception(v if isinstance(v, CancelledError) else _cancelled_error(v))
            else:
                outer.set_result(res)

    for aw in aws:
        if aw in seen:
            fut = seen[aw]
        else:
            fut = ensure_future(aw)
            nfuts += 1
            seen[aw] = fut
            fut.add_done_callback(done)
        children.append(fut)
    outer = _Gather(children)
    return outer


async def _cancel_and_wait(fut):
    waiter = Future()
    fut.add_done_callback(waiter)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(waiter)


async def wait_for(aw, timeout):
    if timeout is None:
        return await aw
    return await wait_for_ms(aw, _ms(timeout) if timeout > 0 else 0)


async def wait_for_ms(aw, timeout):
    _running_loop()
    if timeout > _MAXMS:
        # Over 3.1 days: no timer (see _MAXMS).
        return await aw
    if timeout <= 0:
        fut = ensure_future(aw)
        if fut._state:
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = Future()
    _call_at(_tadd(_ticks(), timeout), _release, waiter)
    fut = ensure_future(aw)
    fut.add_done_callback(waiter)
    try:
        try:
            await waiter
        except CancelledError:
            if fut._state:
                return fut.result()
            fut.remove_done_callback(waiter)
            await _cancel_and_wait(fut)
            raise
        if fut._state:
            return fut.result()
        fut.remove_done_callback(waiter)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        _cancel_timer(_release, waiter)


class Event:
    def __init__(self):
        self._value = False
        self._waiters = []

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut._state:
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = Future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w._state == 3 for w in self._waiters):
            self._locked = True
            return True
        fut = Future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_first()
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        self._wake_first()

    def _wake_first(self):
        if self._waiters:
            fut = self._waiters[0]
            if not fut._state:
                fut.set_result(True)

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, t, v, tb):
        self.release()


def _wake_next(waiters):
    while waiters:
        w = waiters.pop(0)
        if not w._state:
            w.set_result(None)
            break


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._queue = []
        self._getters = []
        self._putters = []
        self._unfinished = 0
        self._finished = Event()
        self._finished.set()

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= len(self._queue)

    async def put(self, item):
        while self.full():
            putter = Future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    _wake_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished += 1
        self._finished.clear()
        _wake_next(self._getters)

    async def get(self):
        while not self._queue:
            getter = Future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if self._queue and not getter.cancelled():
                    _wake_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if not self._queue:
            raise QueueEmpty
        item = self._queue.pop(0)
        _wake_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished > 0:
            await self._finished.wait()


class ThreadSafeFlag:
    # MicroPython's: `set` may be called from an interrupt's scheduled callback (it only
    # sets a word); the loop polls the flags being waited on after every idle.
    def __init__(self):
        self._state = 0
        self._fut = None

    def set(self):
        self._state = 1

    def clear(self):
        self._state = 0

    async def wait(self):
        if not self._state:
            f = self._fut = Future()
            _flags.append(self)
            try:
                await f
            finally:
                self._fut = None
                if self in _flags:
                    _flags.remove(self)
        self._state = 0


def _poll_flags():
    i = 0
    while i < len(_flags):
        fl = _flags[i]
        if fl._state:
            del _flags[i]
            f = fl._fut
            if f is not None and not f._state:
                f.set_result(None)
        else:
            i += 1


def _run_once():
    r = _ready
    t = _timers
    if _flags:
        _poll_flags()
    if not r:
        if t:
            dt = _tdiff(t[0], _ticks())
            if dt > 0:
                # At most 1,000 s at a time: the argument stays a small int.
                _idle_us(dt * 1000 if dt < 1000000 else 1000000000)
        else:
            _idle_us(-1)
        if _flags:
            _poll_flags()
    if t:
        now = _ticks()
        while t and _tdiff(t[0], now) <= 0:
            r.append(t[1])
            r.append(t[2])
            del t[:3]
    n = len(r)
    i = 0
    try:
        while i < n:
            fn = r[i]
            a = r[i + 1]
            i += 2
            try:
                fn(a)
            except Exception as e:
                # A done-callback of the program's failed (a task's own errors stay in it):
                # report it and go on, as CPython's loop does.
                import sys

                print("Exception in callback", fn, file=sys.stderr)
                print(type(e).__name__ + ":", e, file=sys.stderr)
    finally:
        del r[:i]


def _stop_cb(fut):
    global _stopping
    _stopping = True


class Loop:
    def __init__(self):
        self._closed = False

    def time(self):
        return _ticks() / 1000

    def is_running(self):
        return _running and _loop is self

    def is_closed(self):
        return self._closed

    def create_task(self, coro):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        return Task(coro)

    def run_forever(self):
        global _running, _stopping
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if _running:
            raise RuntimeError("This event loop is already running")
        _running = True
        try:
            while True:
                _run_once()
                if _stopping:
                    break
        finally:
            _stopping = False
            _running = False

    def run_until_complete(self, aw):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if _running:
            raise RuntimeError("This event loop is already running")
        fut = ensure_future(aw)
        fut.add_done_callback(_stop_cb)
        try:
            self.run_forever()
        finally:
            fut.remove_done_callback(_stop_cb)
        if not fut._state:
            raise RuntimeError("Event loop stopped before Future completed.")
        return fut.result()

    def stop(self):
        global _stopping
        _stopping = True

    def close(self):
        if _running:
            raise RuntimeError("Cannot close a running event loop")
        self._closed = True


def new_event_loop():
    global _loop, _ready, _timers, _tasks, _flags
    _loop = Loop()
    _ready = []
    _timers = []
    _tasks = []
    _flags = []
    return _loop


def get_event_loop():
    if _loop is None or _loop._closed:
        return new_event_loop()
    return _loop


def run(main):
    if _running:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if type(main) is not _CoroutineType and main is not _sleeper:
        raise ValueError("a coroutine was expected, got " + repr(main))
    loop = new_event_loop()
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            left = _tasks[:]
            if left:
                for t in left:
                    t.cancel()
                loop.run_until_complete(gather(*left, return_exceptions=True))
        finally:
            loop.close()


async def _a():
    pass


_c = _a()
_CoroutineType = type(_c)
_c.close()
del _a, _c
