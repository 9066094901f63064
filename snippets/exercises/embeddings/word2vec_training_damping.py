import math

# A row that occurs n times in a batch, each occurrence a step of size x / n on a loss with curvature h
# (x = eta * n * h): one after another, each step shrinks what is left by (1 - x/n); summed, they cover x.
n = 100
print(f"{'x':>6} {'sequential':>11} {'1 - e^-x':>9} {'summed':>7} {'damping factor':>15}")
for x in (0.01, 0.1, 1.0, 3.0, 10.0):
    sequential = 1 - (1 - x / n) ** n
    factor = (1 - math.exp(-x)) / x
    print(f"{x:>6} {sequential:>11.4f} {1 - math.exp(-x):>9.4f} {x:>7.2f} {factor:>15.4f}")
