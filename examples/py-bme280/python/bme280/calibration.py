"""The calibration words stored in the sensor, and the pressure compensation."""


def _u16(b, i):
    return b[i] | (b[i + 1] << 8)


def _s16(b, i):
    v = _u16(b, i)
    return v - 0x10000 if v & 0x8000 else v


class Calibration:
    def __init__(self, raw):
        if len(raw) != 24:
            raise ValueError("expected 24 calibration bytes, got %d" % len(raw))
        self.t1 = _u16(raw, 0)
        self.t2 = _s16(raw, 2)
        self.t3 = _s16(raw, 4)
        self.p = [_u16(raw, 6)] + [_s16(raw, i) for i in range(8, 24, 2)]

    def pressure(self, adc_p, t_fine):
        """Bosch's 64-bit integer formula: Pa in Q24.8 (divide by 256)."""
        p1, p2, p3, p4, p5, p6, p7, p8, p9 = self.p
        var1 = t_fine - 128000
        var2 = var1 * var1 * p6
        var2 += (var1 * p5) << 17
        var2 += p4 << 35
        var1 = ((var1 * var1 * p3) >> 8) + ((var1 * p2) << 12)
        var1 = (((1 << 47) + var1) * p1) >> 33
        if var1 == 0:
            raise ZeroDivisionError("BME280 calibration gives a zero divisor")
        p = 1048576 - adc_p
        p = (((p << 31) - var2) * 3125) // var1
        var1 = (p9 * (p >> 13) * (p >> 13)) >> 25
        var2 = (p8 * p) >> 19
        return ((p + var1 + var2) >> 8) + (p7 << 4)
