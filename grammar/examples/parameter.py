def f(x, y: float = 1.0, *rest: int, scale: float = 2.0, **opts: str) -> float:
    return (x + y) * scale
print(f(1))
