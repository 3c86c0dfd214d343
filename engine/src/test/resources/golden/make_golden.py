#!/usr/bin/env python3
"""Golden values for tune4j's engine, computed by PyTorch (the independent reference).

Writes golden.json beside this script: for each case, a small network like the tutorial's,
fixed weights, fixed inputs and labels, and what PyTorch computes from them: the logits, the
mean softmax cross-entropy and the gradient of that loss with respect to every parameter.
GoldenTest.java rebuilds the same networks with the same weights and must match.

Run (any PyTorch 2.x or 1.13):
    /work/torchvenv/bin/python engine/src/test/resources/golden/make_golden.py

Deterministic: weights and inputs come from numpy's PCG64 with fixed seeds (no torch RNG), are
rounded to float32 (so Java holds exactly the same values), and PyTorch then computes in float64,
so the golden values are exact to ~1e-15 and every difference the test sees is tune4j's float32
rounding.

Layout conversions (tune4j's conventions, docs/ARCHITECTURE.md):
  - activations are NCHW in both, and Flatten of (C, H, W) has the same order in both;
  - Conv2d weight (out, in, kh, kw) is tune4j's layout as is;
  - Linear weight is (out, in) in PyTorch, (in, out) in tune4j (as Keras): written transposed;
  - parameters are written layer by layer, kernel then bias, as tune4j's flat vector.
"SAME" padding for odd kernels at stride 1 is padding = (k - 1) / 2 on every side.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# Each case: input shape, layers as (kind, args), batch size. Conv: (filters, kernel, stride, padding).
CASES = [
    {
        "name": "tutorial_like_relu",
        "input": [1, 12, 12],
        "batch": 5,
        "classes": 10,
        "activation": "relu",
        "layers": [("conv", 4, 5, 1, "same"), ("act",), ("pool", 2), ("conv", 6, 3, 1, "same"), ("act",),
                   ("pool", 2), ("flatten",), ("dense", 8), ("act",), ("dense", 10)],
    },
    {
        "name": "sigmoid_stride2_valid",
        "input": [2, 10, 10],
        "batch": 3,
        "classes": 4,
        "activation": "sigmoid",
        "layers": [("conv", 3, 5, 1, "same"), ("act",), ("pool", 2), ("conv", 5, 3, 2, "valid"), ("act",),
                   ("flatten",), ("dense", 7), ("act",), ("dense", 7), ("act",), ("dense", 4)],
    },
    {
        "name": "tanh",
        "input": [1, 8, 8],
        "batch": 4,
        "classes": 3,
        "activation": "tanh",
        "layers": [("conv", 2, 3, 1, "same"), ("act",), ("pool", 2), ("flatten",), ("dense", 6), ("act",),
                   ("dense", 3)],
    },
]

ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}


def build(case):
    c, h, w = case["input"]
    modules, shape = [], (c, h, w)
    for spec in case["layers"]:
        kind = spec[0]
        if kind == "conv":
            _, filters, k, stride, padding = spec
            assert padding == "valid" or (stride == 1 and k % 2 == 1), "same padding only for odd k, stride 1"
            pad = (k - 1) // 2 if padding == "same" else 0
            modules.append(nn.Conv2d(shape[0], filters, k, stride=stride, padding=pad))
            out = lambda n: (n + 2 * pad - k) // stride + 1
            shape = (filters, out(shape[1]), out(shape[2]))
        elif kind == "act":
            modules.append(ACTIVATIONS[case["activation"]]())
        elif kind == "pool":
            modules.append(nn.MaxPool2d(spec[1], spec[1]))
            shape = (shape[0], shape[1] // spec[1], shape[2] // spec[1])
        elif kind == "flatten":
            modules.append(nn.Flatten())
            shape = (shape[0] * shape[1] * shape[2],)
        elif kind == "dense":
            modules.append(nn.Linear(shape[0], spec[1]))
            shape = (spec[1],)
    return nn.Sequential(*modules).double()


def parametrized(model):
    """Layers with parameters, in order."""
    return [m for m in model if isinstance(m, (nn.Conv2d, nn.Linear))]


def flat_in_tune4j_order(model, grads=False):
    parts = []
    for m in parametrized(model):
        weight = m.weight.grad if grads else m.weight
        bias = m.bias.grad if grads else m.bias
        weight = weight.detach().numpy()
        if isinstance(m, nn.Linear):
            weight = weight.T  # (out, in) -> (in, out)
        parts += [weight.reshape(-1), bias.detach().numpy().reshape(-1)]
    return np.concatenate(parts)


def run(case, seed):
    rng = np.random.default_rng(seed)
    model = build(case)
    with torch.no_grad():
        for m in parametrized(model):
            fan_in = m.weight[0].numel()
            for p, scale in ((m.weight, 1.0 / np.sqrt(fan_in)), (m.bias, 0.2)):
                values = rng.uniform(-scale, scale, size=tuple(p.shape)).astype(np.float32)
                p.copy_(torch.from_numpy(values.astype(np.float64)))
    n = case["batch"]
    x = rng.uniform(0.0, 1.0, size=(n, *case["input"])).astype(np.float32).astype(np.float64)
    labels = rng.integers(0, case["classes"], size=n)
    logits = model(torch.from_numpy(x))
    loss = F.cross_entropy(logits, torch.from_numpy(labels))
    loss.backward()
    layers = []
    for spec in case["layers"]:
        if spec[0] == "conv":
            layers.append({"type": "Conv2D", "filters": spec[1], "kernel_size": spec[2], "stride": spec[3],
                           "padding": spec[4]})
        elif spec[0] == "act":
            layers.append({"type": "Activation", "activation": case["activation"]})
        elif spec[0] == "pool":
            layers.append({"type": "MaxPool2D", "pool_size": spec[1], "stride": spec[1]})
        elif spec[0] == "flatten":
            layers.append({"type": "Flatten"})
        else:
            layers.append({"type": "Dense", "units": spec[1]})
    return {
        "name": case["name"],
        "input": case["input"],
        "batch": n,
        "layers": layers,
        "parameters": flat_in_tune4j_order(model).tolist(),
        "inputs": x.reshape(-1).tolist(),
        "labels": labels.tolist(),
        "logits": logits.detach().numpy().reshape(-1).tolist(),
        "loss": loss.item(),
        "gradients": flat_in_tune4j_order(model, grads=True).tolist(),
    }


def main():
    out = {
        "generator": "make_golden.py",
        "torch": torch.__version__,
        "note": "parameters and gradients in tune4j order: per layer kernel then bias; "
                "Conv2D kernel (out, in, kh, kw), Dense kernel (in, out); loss is the batch mean",
        "cases": [run(case, seed) for seed, case in enumerate(CASES, start=19)],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path}: {len(out['cases'])} cases, torch {torch.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
