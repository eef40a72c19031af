# A small ray tracer: spheres and a plane, one point light, diffuse and specular shading,
# shadows and one level of reflection, rendered to a grid of grey levels whose checksum is
# printed. Written for Frostbyte's benchmarks.
# Stresses: classes with __init__, vector methods returning new objects, float arithmetic,
# method calls, attribute loads, isinstance-free dynamic dispatch.

WIDTH = 80
HEIGHT = 60


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def norm(self):
        return self.scale(1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin.add(self.direction.scale(t))


class Sphere:
    def __init__(self, centre, radius, colour, shine):
        self.centre = centre
        self.radius = radius
        self.colour = colour
        self.shine = shine

    def hit(self, ray):
        oc = ray.origin.sub(self.centre)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        if t > 1e-6:
            return t
        return None

    def normal(self, p):
        return p.sub(self.centre).norm()


class Plane:
    def __init__(self, point, normal_, colour, shine):
        self.point = point
        self.n = normal_
        self.colour = colour
        self.shine = shine

    def hit(self, ray):
        d = self.n.dot(ray.direction)
        if -1e-9 < d < 1e-9:
            return None
        t = self.point.sub(ray.origin).dot(self.n) / d
        if t > 1e-6:
            return t
        return None

    def normal(self, p):
        return self.n


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.9, 0.6),
            Sphere(Vec(-2.2, 0.7, 6.5), 0.7, 0.6, 0.2),
            Sphere(Vec(2.0, 0.5, 4.2), 0.5, 0.8, 0.9),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.5, 0.1),
        ]
        self.light = Vec(-4.0, 6.0, -1.0)
        self.eye = Vec(0.0, 1.2, -1.0)

    def closest(self, ray):
        best = None
        best_t = 1e30
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < best_t:
                best = obj
                best_t = t
        return best, best_t

    def shade(self, ray, depth):
        obj, t = self.closest(ray)
        if obj is None:
            return 0.1
        p = ray.at(t)
        n = obj.normal(p)
        to_light = self.light.sub(p)
        dist = to_light.length()
        l = to_light.scale(1.0 / dist)
        level = 0.05
        blocker, bt = self.closest(Ray(p, l))
        if blocker is None or bt > dist:
            diffuse = n.dot(l)
            if diffuse > 0.0:
                level += diffuse * obj.colour
            h = l.sub(ray.direction).norm()
            spec = n.dot(h)
            if spec > 0.0:
                level += obj.shine * spec ** 16
        if depth > 0 and obj.shine > 0.3:
            r = ray.direction.sub(n.scale(2.0 * n.dot(ray.direction)))
            level += 0.3 * self.shade(Ray(p, r), depth - 1)
        return level


def render(scene, width, height):
    rows = []
    for y in range(height):
        row = []
        for x in range(width):
            dx = (x - width / 2) / height
            dy = (height / 2 - y) / height
            ray = Ray(scene.eye, Vec(dx, dy, 1.0).norm())
            level = scene.shade(ray, 2)
            g = int(level * 255.0)
            if g > 255:
                g = 255
            row.append(g)
        rows.append(row)
    return rows


scene = Scene()
total = 0
for frame in range(3):
    scene.light = Vec(-4.0 + frame, 6.0, -1.0)
    image = render(scene, WIDTH, HEIGHT)
    frame_sum = 0
    for row in image:
        for g in row:
            frame_sum = (frame_sum * 33 + g) % 1000000007
    print("frame", frame, frame_sum, image[HEIGHT // 2][WIDTH // 2])
    total += frame_sum
print("checksum", total % 1000000007)
