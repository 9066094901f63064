"""Training, validation and test sets: one shuffled data set cut in three, and what each part is for.

The widths are the sizes ``train_validation_test_split`` returns for 100 samples with its default
fractions (0.2 and 0.2).
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.training import train_validation_test_split

sizes = [len(part) for part in train_validation_test_split(100)]
assert sizes == [60, 20, 20]

WORDS = {"zh": {"names": ["训练集", "验证集", "测试集"],
                "uses": ["优化器用它更新权重", "用它做选择：超参数、\n在哪一轮停止", "最后只用一次：\n报告选定模型的成绩"],
                "data": "打乱后的全部数据"},
         "en": {"names": ["training set", "validation set", "test set"],
                "uses": ["the optimiser fits\nthe weights to it", "choices are made on it:\nhyper-parameters,\nwhen to stop",
                         "used once, at the end:\nthe chosen model's score"],
                "data": "all the data, shuffled"}}
ROLES = ["input", "gate", "output"]


def draw(language):
    words = WORDS[language]
    d = Diagram(17.6, 5.2, scale=0.5)
    left, unit = 1.0, 0.15  # 100 samples over 15 units
    d.text(left + 50 * unit, 4.85, words["data"], fontsize=10)
    x = left
    for name, size, use, role, box_x in zip(words["names"], sizes, words["uses"], ROLES, (5.5, 10.8, 15.3)):
        bar = d.box(x + size * unit / 2, 3.75, size * unit, 1.1, f"{name}\n{size}", role=role, rounded=False, fontsize=10)
        x += size * unit
        d.arrow(bar, d.box(box_x, 1.1, 4.2, 1.4, use, role="plain", fontsize=9.5))
    return d.figure


save_themed(draw, "regularisation-data-splits", languages=("zh", "en"))
