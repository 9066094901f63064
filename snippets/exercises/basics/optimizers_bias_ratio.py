import numpy as np

beta1, beta2 = 0.9, 0.999
t = np.arange(1, 5001)
# With a constant gradient g: m = (1 − β₁ᵗ)g and v = (1 − β₂ᵗ)g², so η·m/√v = η·(1 − β₁ᵗ)/√(1 − β₂ᵗ)
ratio = (1 - beta1**t) / np.sqrt(1 - beta2**t)
for step in (1, 2, 3, 10, 100, 1000):
    print(f"t = {step:4d}: uncorrected step / corrected step = {ratio[step - 1]:.3f}")
print(f"largest at t = {t[np.argmax(ratio)]}: {ratio.max():.3f}; back within 1 % of 1 from t = {t[np.argmax(ratio < 1.01)]}")
