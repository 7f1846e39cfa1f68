try:
    raise ValueError("bad")
except ValueError as e:
    try:
        raise RuntimeError("wrapped") from e
    except RuntimeError:
        pass
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise
except KeyError:
    pass
