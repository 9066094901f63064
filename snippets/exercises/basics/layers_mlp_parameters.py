from neuralnlp.basics.feedforward import FeedForward, feedforward_parameter_count

sizes = (784, 256, 10)  # e.g. a 28×28 image, one hidden layer, 10 classes
total = feedforward_parameter_count(sizes)
first = feedforward_parameter_count(sizes[:2])
print(f"{sizes}: {total:,} parameters, {first:,} of them ({first / total:.1%}) in the first layer")
print("torch agrees:", total == sum(p.numel() for p in FeedForward(784, 256, 10).parameters()))
