#!/usr/bin/env python3
"""NumPy peer of `descent bench`: the same three workloads, written the way the seed
reports write them, timed best of several runs. Prints one JSON object per line:
{"workload": ..., "seconds": ...}.

    python3 bench/numpy_peer.py [--runs N] [xor-mlp] [init-forward] [matmul-1000]
    python3 bench/numpy_peer.py --serve

With --serve it reads workload names from stdin, one per line, and answers each with one
timed run as a JSON line (a workload's first request also warms it up, untimed), so that
`descent bench` can alternate its own runs with NumPy's under the same machine load.
"""
import argparse
import json
import sys
import time

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x, grad_y):
    return grad_y * sigmoid(x) * (1 - sigmoid(x))


def xor_easy():
    inputs, labels = [], []
    for i in range(11):
        inputs.append([0.1 * i, 0.1 * i])
        labels.append(0)
        if i == 5:
            continue
        inputs.append([0.1 * i, 1 - 0.1 * i])
        labels.append(1)
    return np.array(inputs), np.array(labels).reshape(21, 1)


def xor_mlp():
    """2-10-10-1 sigmoid network, 10 000 full-batch epochs, BCE, summed gradients, lr 0.1."""
    x, y = xor_easy()
    n = x.shape[0]
    rng = np.random.default_rng(1)
    w1, w2, w3 = rng.uniform(0, 1, (2, 10)), rng.uniform(0, 1, (10, 10)), rng.uniform(0, 1, (10, 1))
    b1, b2, b3 = np.zeros(10), np.zeros(10), np.zeros(1)
    lr = 0.1
    for _ in range(10_000):
        z1 = x @ w1 + np.tile(b1, (n, 1))
        a1 = sigmoid(z1)
        z2 = a1 @ w2 + np.tile(b2, (n, 1))
        a2 = sigmoid(z2)
        z3 = a2 @ w3 + np.tile(b3, (n, 1))
        a3 = sigmoid(z3)
        loss = -(y.T @ np.log(a3) + (1 - y).T @ np.log(1 - a3)) / n
        grad_a3 = -(y / a3 - (1 - y) / (1 - a3))
        grad_z3 = sigmoid_derivative(z3, grad_a3)
        grad_w3, grad_b3 = a2.T @ grad_z3, np.sum(grad_z3, axis=0)
        grad_a2 = grad_z3 @ w3.T
        grad_z2 = sigmoid_derivative(z2, grad_a2)
        grad_w2, grad_b2 = a1.T @ grad_z2, np.sum(grad_z2, axis=0)
        grad_a1 = grad_z2 @ w2.T
        grad_z1 = sigmoid_derivative(z1, grad_a1)
        grad_w1, grad_b1 = x.T @ grad_z1, np.sum(grad_z1, axis=0)
        w1 -= lr * grad_w1
        b1 -= lr * grad_b1
        w2 -= lr * grad_w2
        b2 -= lr * grad_b2
        w3 -= lr * grad_w3
        b3 -= lr * grad_b3
    return float(loss[0][0])


def init_forward():
    """1000×500 N(0,1) inputs through 5 tanh layers of 500 units, weights N(0, 0.01²)."""
    x = np.random.randn(1000, 500)
    a = x
    for _ in range(5):
        w = np.random.randn(500, 500) * 0.01
        a = np.tanh(a @ w)
    return float(a.std())


def matmul_1000():
    a = np.random.randn(1000, 1000)
    b = np.random.randn(1000, 1000)

    def run():
        return float((a @ b)[0, 0])

    return run


WORKLOADS = {
    "xor-mlp": lambda: xor_mlp,
    "init-forward": lambda: init_forward,
    "matmul-1000": matmul_1000,
}


def timed(body):
    start = time.perf_counter()
    body()
    return time.perf_counter() - start


def best_of(body, runs):
    body()  # warm-up
    return min(timed(body) for _ in range(runs))


def serve():
    bodies = {}
    for line in sys.stdin:
        name = line.strip()
        if name not in bodies:
            bodies[name] = WORKLOADS[name]()
            bodies[name]()  # warm-up
        print(json.dumps({"workload": name, "seconds": timed(bodies[name])}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("workloads", nargs="*", default=list(WORKLOADS))
    args = parser.parse_args()
    np.random.seed(0)
    if args.serve:
        serve()
        return
    for name in args.workloads:
        body = WORKLOADS[name]()
        print(json.dumps({"workload": name, "seconds": best_of(body, args.runs)}), flush=True)


if __name__ == "__main__":
    main()
