import numpy as np
import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel, train_language_model
from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.embeddings.vocab import Vocabulary

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
rng = np.random.default_rng(0)
pick = rng.choice


def fruit():  # 苹果 the fruit: "Mum washed an apple, it is sweet."
    return f"{pick(['我', '他', '妈妈', '小明'])} {pick(['吃了', '洗了', '切了', '买了'])} 一个 苹果 ， {pick(['很 甜', '很 脆', '有点 酸'])} 。"


def company():  # 苹果 the company: "The analyst likes Apple's shares."
    return f"{pick(['我', '他', '分析师', '投资者'])} {pick(['看好', '关注', '买了'])} 苹果 的 {pick(['股票', '新 手机', '财报'])} 。"


text = " ".join((fruit if rng.random() < 0.5 else company)() for _ in range(600)).split()
vocab = Vocabulary.build(text)
model = RNNLanguageModel(len(vocab), embedding_dim=16, hidden_size=32, cell="gru")

# Three sentences per sense, each ending at 苹果; 他 买了 … is in both.
examples = ["妈妈 洗了 一个 苹果", "他 买了 一个 苹果", "我 吃了 一个 苹果", "分析师 看好 苹果", "他 买了 苹果", "我 关注 苹果"]


def vectors_of_apple():
    """Row k: (static embedding, GRU hidden state) of 苹果 at the end of examples[k]."""
    with torch.no_grad():
        pairs = [model.embedding(torch.tensor(vocab.encode(s.split()))) for s in examples]
        return torch.stack([x[-1] for x in pairs]), torch.stack([model.recurrent(x)[0][-1] for x in pairs])


def report(name):
    static, hidden = vectors_of_apple()
    cos = cosine_similarity(hidden[:, None], hidden[None])  # (6, 6)
    same = (cos[:3, :3].sum() + cos[3:, 3:].sum() - 6) / 12  # the off-diagonal pairs within a sense
    print(f"{name}: static rows identical: {bool((static == static[0]).all())}; hidden states: "
          f"same sense {same:.2f}, different senses {cos[:3, 3:].mean():.2f}")
    return cos


report("untrained")
train_language_model(model, torch.tensor(vocab.encode(text)), steps=150, batch_size=16, seq_len=16,
                     generator=torch.Generator().manual_seed(0))
print(np.array2string(report("trained").numpy(), precision=2))
