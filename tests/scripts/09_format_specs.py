# f-string format specs: precision, alignment, fill, zero pad, thousands, exponent, percent, hex
x = 3.14159265
n = 42
big = 1234567
print(f"{x:.4f}|{x:.0f}|{x:.2f}|{-x:.3f}")
print(f"{n:>8}|{n:<5}|{n:^7}|")
print(f"{'ab':>8}|{'ab':<5}|{'ab':^7}|")
print(f"{n:d}|{n:05d}|{-n:05d}|{n:+d}")
print(f"{big:,}|{big:,.2f}|{1234.5:,}")
print(f"{x:e}|{x:.2e}|{12345.678:.3e}|{0.000123:.1e}")
print(f"{0.256:%}|{0.256:.1%}|{1:.0%}")
print(f"{255:x}|{255:X}|{255:08b}|{8:o}|{255:#x}")
print(f"{x:10.3f}|{x:<10.3f}|{x:^10.3f}|")
print(f"{n:*^9}|{n:-<6}|{n:0>4}")
print(f"{'hi'!r:>6}|")
print(f"{2.5:g}|{1e20:g}|{0.0001:g}|{100000.0:g}")
print(f"{1.5:.0f}|{2.5:.0f}|{0.125:.2f}")
print(f"{True}|{None}|{[1, 2]}")
print(f"{7:3d}|{-7:3d}|{7.0:6.1f}")
vals = [1.0, 22.25, 333.125]
for v in vals:
    print(f"[{v:8.2f}]")
print(f"{float('inf'):.2f}|{float('nan'):.3f}")
print(f"{1e-7:.2e}|{123:e}")
print(format(3.14159, ".2f"), format(42, ">5"), format(255, "x"))
