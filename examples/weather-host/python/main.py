# A weather station over a simulated I2C bus: the bme280 package comes from the driver crate
# frostbyte-example-bme280, frozen into this image by build.rs.
import bme280


class FakeBus:
    """Registers of a BME280 holding the datasheet's example calibration and readings."""

    def __init__(self, chip_id=0x60):
        self.regs = {bme280.REG_ID: chip_id}
        words = [27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000]
        for i, w in enumerate(words):
            w &= 0xFFFF
            self.regs[bme280.REG_CALIB + 2 * i] = w & 0xFF
            self.regs[bme280.REG_CALIB + 2 * i + 1] = w >> 8
        self.set_raw(519888, 415148)

    def set_raw(self, adc_t, adc_p):
        data = [adc_p >> 12, (adc_p >> 4) & 0xFF, (adc_p & 0xF) << 4, adc_t >> 12, (adc_t >> 4) & 0xFF, (adc_t & 0xF) << 4]
        for i, b in enumerate(data):
            self.regs[bme280.REG_DATA + i] = b

    def read(self, address, register, count):
        return bytes(self.regs.get(register + i, 0) for i in range(count))


bus = FakeBus()
sensor = bme280.BME280(bus)
print("calibration:", sensor.cal.t1, sensor.cal.t2, sensor.cal.t3, sensor.cal.p[0])
for adc_t, adc_p in [(519888, 415148), (530000, 400000), (500000, 430000)]:
    bus.set_raw(adc_t, adc_p)
    centi, q8 = sensor.read()
    print("T = %d.%02d C, p = %d Pa" % (centi // 100, centi % 100, q8 // 256))

try:
    bme280.BME280(FakeBus(chip_id=0x58))
except OSError as e:
    print(type(e).__name__, e)

try:
    bme280.Calibration(b"\x00" * 3)
except ValueError as e:
    print(type(e).__name__, e)
