#!/usr/bin/env python3
"""Writes the app's PNG icons into public/icons/ (Python standard library only).

The mark is "10" (十件大事, the ten events) in white on the accent colour of style/tokens.css,
as in public/icon.svg.
Run it again only to change the icons; its output is committed.

  icon-192.png, icon-512.png   rounded square, transparent corners   (purpose "any")
  icon-maskable-512.png        full bleed, mark inside the safe zone  (purpose "maskable")
  apple-touch-icon.png         180 px, full bleed (iOS rounds the corners itself)
"""
import struct
import zlib
from pathlib import Path

ACCENT = (0xA8, 0x23, 0x1B)
WHITE = (0xFF, 0xFF, 0xFF)
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
SAMPLES = 4  # per axis: 16 samples a pixel for smooth edges


def draw(size, *, rounded, scale):
    """RGBA rows; the mark is drawn at `scale` (1 = its full size) around the centre."""
    radius = 0.22 if rounded else 0.0
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            inside = mark = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    u = (x + (sx + 0.5) / SAMPLES) / size
                    v = (y + (sy + 0.5) / SAMPLES) / size
                    if in_rounded_square(u, v, radius):
                        inside += 1
                        if in_ten(0.5 + (u - 0.5) / scale, 0.5 + (v - 0.5) / scale):
                            mark += 1
            total = SAMPLES * SAMPLES
            if inside == 0:
                row += bytes((0, 0, 0, 0))
                continue
            t = mark / inside
            rgb = [round(a + (w - a) * t) for a, w in zip(ACCENT, WHITE)]
            row += bytes(rgb + [round(255 * inside / total)])
        rows.append(bytes(row))
    return rows


def in_rounded_square(u, v, r):
    if r == 0:
        return True
    cu = min(max(u, r), 1 - r)
    cv = min(max(v, r), 1 - r)
    return (u - cu) ** 2 + (v - cv) ** 2 <= r * r


def in_ten(u, v):
    """"10" in a bold sans shape, as in public/icon.svg: a stem with a flag, and an oval ring."""
    u -= 0.0125  # centre the pair
    stem = 0.30 <= u <= 0.39 and 0.295 <= v <= 0.705
    flag = near_segment(u, v, (0.225, 0.385), (0.345, 0.31), 0.045)
    outer = ((u - 0.60) / 0.145) ** 2 + ((v - 0.50) / 0.205) ** 2 <= 1
    inner = ((u - 0.60) / 0.07) ** 2 + ((v - 0.50) / 0.135) ** 2 <= 1
    return stem or flag or (outer and not inner)


def near_segment(u, v, a, b, half_width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
    return (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 <= half_width**2


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    icons = {
        "icon-192.png": (192, dict(rounded=True, scale=1.15)),
        "icon-512.png": (512, dict(rounded=True, scale=1.15)),
        # The maskable safe zone is the centred circle of radius 0.4: the mark stays inside it.
        "icon-maskable-512.png": (512, dict(rounded=False, scale=1.0)),
        "apple-touch-icon.png": (180, dict(rounded=False, scale=1.1)),
    }
    for name, (size, style) in icons.items():
        (OUT / name).write_bytes(png(size, draw(size, **style)))
        print(f"{OUT / name}: {size}x{size}")


if __name__ == "__main__":
    main()
