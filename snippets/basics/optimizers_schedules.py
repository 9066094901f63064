import matplotlib.pyplot as plt
import torch
from torch.optim import lr_scheduler

from neuralnlp.plotting import save_themed
from neuralnlp.training import SGD, CosineDecay, LinearWarmup, StepDecay, WarmupCosine


def rates(make_schedule, optimizer_class, steps=100):
    """The learning rate at steps 0 … steps − 1, read as a training loop would use it."""
    optimizer = optimizer_class([torch.zeros(1, requires_grad=True)], lr=0.1)
    schedule = make_schedule(optimizer)
    seen = []
    for _ in range(steps):
        seen.append(optimizer.param_groups[0]["lr"])
        optimizer.step()  # a real loop updates the weights here
        schedule.step()
    return seen


ours = {
    "step decay": lambda o: StepDecay(o, step_size=30, gamma=0.5),
    "cosine": lambda o: CosineDecay(o, total_steps=100, min_lr=0.001),
    "warm-up": lambda o: LinearWarmup(o, warmup_steps=10, start_factor=0.1),
    "warm-up + cosine": lambda o: WarmupCosine(o, warmup_steps=10, total_steps=100, start_factor=0.1, min_lr=0.001),
}
theirs = {
    "step decay": lambda o: lr_scheduler.StepLR(o, step_size=30, gamma=0.5),
    "cosine": lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=100, eta_min=0.001),
    "warm-up": lambda o: lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=10),
    "warm-up + cosine": lambda o: lr_scheduler.SequentialLR(o, [lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=10),
                                                                lr_scheduler.CosineAnnealingLR(o, T_max=90, eta_min=0.001)],
                                                            milestones=[10]),
}
curves = {}
for name in ours:
    curves[name] = rates(ours[name], SGD)
    difference = max(abs(a - b) for a, b in zip(curves[name], rates(theirs[name], torch.optim.SGD)))
    values = ", ".join(f"{curves[name][t]:.4f}" for t in (0, 5, 10, 30, 50, 99))
    print(f"{name:17s} steps 0, 5, 10, 30, 50, 99: {values}   vs torch: {difference:.1e}")


NAMES_ZH = {"step decay": "阶梯衰减", "cosine": "余弦衰减", "warm-up": "线性预热", "warm-up + cosine": "预热 + 余弦衰减"}


def draw(language):
    fig, ax = plt.subplots(figsize=(7, 3.6))
    for name, lr in curves.items():
        ax.plot(range(100), lr, label=NAMES_ZH[name] if language == "zh" else name)
    ax.set(xlabel="步" if language == "zh" else "step", ylabel="学习率" if language == "zh" else "learning rate")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


save_themed(draw, "optimizers-schedules", languages=("zh", "en"))
