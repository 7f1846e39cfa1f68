eps = 1e-8
avogadro = 6.02e23
tiny = .5E-3
whole = 1.E2
print(eps, avogadro, tiny, whole)
