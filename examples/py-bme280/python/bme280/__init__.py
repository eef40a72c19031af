"""BME280 temperature and pressure sensor: the register protocol in Python, the temperature
compensation in Rust (the native module _bme280 from the same crate)."""

import _bme280
from .calibration import Calibration

CHIP_ID = 0x60
REG_ID = 0xD0
REG_CALIB = 0x88
REG_DATA = 0xF7


class BME280:
    """One sensor on a bus: ``bus.read(address, register, count)`` returns bytes."""

    def __init__(self, bus, address=0x76):
        self.bus = bus
        self.address = address
        chip = bus.read(address, REG_ID, 1)[0]
        if chip != CHIP_ID:
            raise OSError("no BME280 at 0x%02x (chip id 0x%02x)" % (address, chip))
        self.cal = Calibration(bus.read(address, REG_CALIB, 24))

    def _raw(self):
        d = self.bus.read(self.address, REG_DATA, 6)
        adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        return adc_t, adc_p

    def read(self):
        """(temperature in hundredths of a degree C, pressure in Pa * 256)."""
        adc_t, adc_p = self._raw()
        c = self.cal
        fine = _bme280.t_fine(adc_t, c.t1, c.t2, c.t3)
        return (fine * 5 + 128) >> 8, c.pressure(adc_p, fine)
