import torch
from scipy import stats  # the Kolmogorov–Smirnov test; scipy is installed with gensim (the examples)
from torch import nn

from neuralnlp.training import kaiming_normal_, kaiming_uniform_, xavier_normal_, xavier_uniform_

fan_out, fan_in = 256, 512  # a weight of nn.Linear(512, 256)
expected = {"xavier_uniform_": (2 / (fan_in + fan_out)) ** 0.5, "xavier_normal_": (2 / (fan_in + fan_out)) ** 0.5,
            "kaiming_uniform_": (2 / fan_in) ** 0.5, "kaiming_normal_": (2 / fan_in) ** 0.5}
ours = {"xavier_uniform_": xavier_uniform_, "xavier_normal_": xavier_normal_,
        "kaiming_uniform_": kaiming_uniform_, "kaiming_normal_": kaiming_normal_}
torch.manual_seed(0)
print(f"{'':17s} expected std   ours: mean      std   largest |w|   torch: std   largest |w|   two-sample KS p-value")
for name, fill in ours.items():
    mine = fill(torch.empty(fan_out, fan_in, dtype=torch.float64), generator=torch.Generator().manual_seed(1))
    theirs = getattr(nn.init, name)(torch.empty(fan_out, fan_in, dtype=torch.float64))  # ReLU's gain √2 by default
    p_value = stats.ks_2samp(mine.flatten().numpy(), theirs.flatten().numpy()).pvalue
    print(f"{name:17s} {expected[name]:12.4f}   {mine.mean():+.5f}   {mine.std():.4f}   {mine.abs().max():11.4f}"
          f"   {theirs.std():10.4f}   {theirs.abs().max():11.4f}   {p_value:.2f}")
