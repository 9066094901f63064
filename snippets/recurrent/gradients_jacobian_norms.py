import matplotlib.pyplot as plt
import torch

from neuralnlp.recurrent.gradient_flow import hidden_state_jacobian_norms
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)
steps, hidden = 50, 32
rnn = RNN(4, hidden, dtype=torch.float64)
x = torch.randn(steps, 4, dtype=torch.float64)
q, _ = torch.linalg.qr(torch.randn(hidden, hidden, dtype=torch.float64))  # orthogonal: every singular value 1

norms = {}
for scale in (0.5, 1.0, 2.0):
    with torch.no_grad():
        rnn.weight_hh.copy_(scale * q)  # spectral radius and every singular value = scale
    norms[scale] = hidden_state_jacobian_norms(rnn, x).flip(0)  # entry d is ‖∂h_T/∂h_(T−d)‖

distances = [1, 10, 25, 50]
print(" " * 16 + "".join(f"{f'T-t={d}':>11}" for d in distances))
for scale, n in norms.items():
    print(f"s={scale}  norm    " + "".join(f"{n[d].item():>11.2e}" for d in distances))
    print(f"s={scale}  s^(T-t) " + "".join(f"{scale**d:>11.2e}" for d in distances))


def draw(language):
    words = {"zh": ("往回的时间步数 T − t", "虚线：sᵀ⁻ᵗ"),  # no $…$ around Chinese: mathtext has no CJK glyphs
             "en": ("$T - t$ (time steps back)", "dotted: $s^{T-t}$")}[language]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for scale, n in norms.items():
        line, = ax.plot(n.numpy(), label=f"$s = {scale}$")
        ax.plot([scale**d for d in range(steps + 1)], linestyle=":", color=line.get_color())
    ax.set(xlabel=words[0], ylabel=r"$\|\partial h_T / \partial h_t\|_2$", yscale="log", ylim=(1e-18, 1e8))
    ax.legend(title=r"$W_{hh} = s\,Q$", fontsize=9, title_fontsize=9, loc="lower left")
    ax.text(0.98, 0.35, words[1], transform=ax.transAxes, ha="right", fontsize=9)
    return fig


save_themed(draw, "gradients-jacobian-norms", languages=("zh", "en"))
