# import math: constants, sqrt, floor, ceil, exp, log (base), log2, log10, trig, tanh, inf, nan
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, math.floor(5), math.ceil(5.0))
print(math.exp(0), math.exp(1), math.exp(-1))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1))
print(math.log2(1024), math.log10(1000), math.log2(3))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.sin(1.0), math.cos(1.0), math.tanh(0.5), math.tanh(-100))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isfinite(1e308))
print(math.fabs(-3), math.fabs(2.5), math.pow(2, 10), math.pow(2, 0.5))
print(math.factorial(0), math.factorial(10), math.factorial(20))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6))
print(math.hypot(3, 4), math.hypot(1, 1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.atan2(1, 1), math.asin(1), math.acos(0), math.atan(1))
print(math.degrees(math.pi), math.radians(180))
print(math.trunc(-3.7), math.copysign(3, -0.0), math.exp(710 - 1) > 1e300)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
