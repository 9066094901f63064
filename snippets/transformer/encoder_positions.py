"""Where a token is: sinusoidal encodings (original Transformer) and MiniLM's learned position embeddings."""

import matplotlib.pyplot as plt
import torch

from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.plotting import save_themed
from neuralnlp.transformer.positional import sinusoidal_positional_encoding
from neuralnlp.transformer.safetensors import read_safetensors
from neuralnlp.transformer.sentence_encoder import minilm_directory

pe = sinusoidal_positional_encoding(512, 384, dtype=torch.float64)  # MiniLM's sizes: 512 positions, d_model 384
print("sinusoidal: every row has norm", round(pe[0].norm().item(), 2), "= √(384 / 2);",
      "PE[10]·PE[11] =", round((pe[10] @ pe[11]).item(), 2), " PE[200]·PE[201] =", round((pe[200] @ pe[201]).item(), 2))

learned = torch.from_numpy(read_safetensors(minilm_directory() / "model.safetensors")[
    "embeddings.position_embeddings.weight"])  # (512, 384), trained with the rest of the model
similarity = cosine_similarity(learned[:, None], learned[None])  # (512, 512)
for a, b in ((10, 11), (10, 20), (10, 100), (300, 301)):
    print(f"learned: cosine of positions {a} and {b}: {similarity[a, b]:.2f}")

TITLES = {"zh": ["正弦位置编码 PE（前 128 个位置，前 128 维）", "MiniLM 学到的位置嵌入：两两余弦相似度"],
          "en": ["sinusoidal encoding PE (128 positions, 128 features)", "MiniLM's learned positions: pairwise cosine"]}
LABELS = {"zh": ("特征", "位置"), "en": ("feature", "position")}


def draw(language):
    fig, (left, right) = plt.subplots(1, 2, figsize=(11.5, 5.2))
    image = left.imshow(pe[:128, :128].numpy(), cmap="RdBu_r", vmin=-1, vmax=1)
    left.set_xlabel(LABELS[language][0])
    left.set_ylabel(LABELS[language][1])
    fig.colorbar(image, ax=left, shrink=0.8)
    image = right.imshow(similarity.numpy(), cmap="RdBu_r", vmin=-1, vmax=1)
    right.set_xlabel(LABELS[language][1])
    right.set_ylabel(LABELS[language][1])
    fig.colorbar(image, ax=right, shrink=0.8)
    for ax, title in zip((left, right), TITLES[language]):
        ax.set_title(title, fontsize=10)
        ax.grid(False)
    fig.tight_layout()
    return fig


save_themed(draw, "transformer-positions", languages=("zh", "en"))
