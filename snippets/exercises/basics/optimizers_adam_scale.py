import numpy as np

from neuralnlp.training import SGD, Adam, optimisation_path, rosenbrock

start, steps = (0.0, 2.0), 300
for name, optimizer_class, options in (("Adam", Adam, {"lr": 0.05}), ("SGD", SGD, {"lr": 1e-3})):
    paths = {scale: optimisation_path(lambda p, s=scale: s * rosenbrock(p), optimizer_class, start, steps, **options)
             for scale in (1.0, 1000.0)}
    print(f"{name:4s} loss × 1: ends at {paths[1.0][-1].round(4)};   loss × 1000: ends at {paths[1000.0][-1].round(4)}")
    if np.isfinite(paths[1000.0]).all():
        print(f"     largest difference between the two paths: {np.abs(paths[1.0] - paths[1000.0]).max():.1e}")
