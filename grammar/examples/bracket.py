values = [
    1,
    2,
]
pairs = {
  "a": (1,
        2),
}
print(len(values),
      pairs)
