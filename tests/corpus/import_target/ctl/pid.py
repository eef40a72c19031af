"""A PID controller with output limits and anti-windup."""

from .vec import clamp

class Pid:
    def __init__(self, kp, ki=0.0, kd=0.0, lo=-1.0, hi=1.0):
        self.kp, self.ki, self.kd = kp, ki, kd
        self.lo, self.hi = lo, hi
        self.reset()

    def reset(self):
        self.integral = 0.0
        self.last = None

    def step(self, error, dt):
        self.integral += error * dt
        deriv = 0.0 if self.last is None else (error - self.last) / dt
        self.last = error
        out = self.kp * error + self.ki * self.integral + self.kd * deriv
        limited = clamp(out, self.lo, self.hi)
        if limited != out:
            self.integral -= error * dt  # anti-windup: undo this step's integration
        return limited

    def tune(self, kp=None, ki=None, kd=None):
        if kp is not None:
            self.kp = kp
        if ki is not None:
            self.ki = ki
        if kd is not None:
            self.kd = kd

def settle(pid, target, steps, dt=0.1):
    """Drive a first-order plant toward `target`; return the trajectory."""
    y, out = 0.0, []
    for _ in range(steps):
        y += pid.step(target - y, dt) * dt
        out.append(round(y, 3))
    return out
