defaults = {"lr": 0.1}
config = {**defaults, "epochs": 10, 1 + 1: "two"}
print(config)
