#!/usr/bin/python3
"""t-SNE speed and quality, ZSQ's Barnes-Hut (`zsq tsne`) against
scikit-learn's, side by side on the same machine and the same input.

    /usr/bin/python3 bench/tsne_vs_sklearn.py [--zsq build/bin/zsq] [--n 10000]

Input: the first N Fashion-MNIST test images (pixels in [0,1]), PCA to 50
dimensions, perplexity 30, theta 0.5, 1000 iterations (250 with early
exaggeration 12), PCA initialisation, learning rate N/12/4 - scikit-learn's
defaults, which `zsq tsne` shares. Both embeddings are scored on one
objective: the exact KL divergence against the same sparse P (scikit-learn's
own affinities on the 3*perplexity+1 nearest neighbours), plus 10-NN class
agreement. Needs Debian's python3-sklearn (apt install python3-sklearn).
Run it on an otherwise idle machine: it measures wall time.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

try:
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE
    from sklearn.manifold._t_sne import _joint_probabilities_nn
    from sklearn.neighbors import NearestNeighbors
except ImportError:
    sys.exit("needs scikit-learn: apt install python3-sklearn (and run with /usr/bin/python3)")

FMNIST = "/usr/share/datasets/fashion-mnist"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def sparse_p(x, perplexity):
    k = min(len(x) - 1, int(3.0 * perplexity + 1))
    nn = NearestNeighbors(n_neighbors=k, metric="euclidean").fit(x)
    dist = nn.kneighbors_graph(mode="distance")
    dist.data **= 2
    return _joint_probabilities_nn(dist, perplexity, verbose=0)


def exact_kl(p, y):
    """KL(P || Q) with the exact normaliser of Q (all pairs, in chunks)."""
    y = y.astype(np.float64)
    z = 0.0
    sq = (y ** 2).sum(1)
    for s in range(0, len(y), 1000):
        d2 = sq[s:s + 1000, None] + sq[None, :] - 2 * y[s:s + 1000] @ y.T
        q = 1.0 / (1.0 + np.maximum(d2, 0))
        z += q.sum() - len(q)  # minus the diagonal (q_ii = 1)
    p = p.tocoo()
    d2 = ((y[p.row] - y[p.col]) ** 2).sum(1)
    q = 1.0 / (1.0 + d2) / z
    return float((p.data * np.log(np.maximum(p.data, 1e-300) / q)).sum())


def knn_agreement(x, labels, k=10):
    nn = NearestNeighbors(n_neighbors=k + 1).fit(x)
    idx = nn.kneighbors(x, return_distance=False)[:, 1:]
    return float((labels[idx] == labels[:, None]).mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zsq", default=os.path.join(os.path.dirname(__file__), "..", "build", "bin", "zsq"))
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=0, help="zsq threads (0 = all cores)")
    args = ap.parse_args()

    images = read_idx(os.path.join(FMNIST, "t10k-images-idx3-ubyte.gz"))[:args.n]
    labels = read_idx(os.path.join(FMNIST, "t10k-labels-idx1-ubyte.gz"))[:args.n].astype(np.int64)
    x = images.reshape(len(images), -1).astype(np.float32) / 255.0
    x50 = PCA(n_components=50, svd_solver="full").fit_transform(x).astype(np.float32)

    t = time.perf_counter()
    sk = TSNE(n_components=2, perplexity=30.0, early_exaggeration=12.0, learning_rate="auto", n_iter=1000,
              init="pca", method="barnes_hut", angle=0.5, random_state=0)
    y_sk = sk.fit_transform(x50)
    sk_seconds = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as out:
        cmd = [args.zsq, "tsne", "--input", "pixels", "--limit", str(args.n), "--pca", "50", "--perplexity", "30",
               "--theta", "0.5", "--iterations", "1000", "--seed", "0", "--threads", str(args.threads),
               "--output", out, "--quiet"]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        zsq_wall = time.perf_counter() - t
        with open(os.path.join(out, "tsne.json")) as f:
            figures = json.load(f)
        y_zsq = np.loadtxt(os.path.join(out, "tsne.csv"), delimiter=",", skiprows=1, usecols=(5, 6),
                           dtype=np.float64)

    p = sparse_p(x50, 30.0)
    kl_sk, kl_zsq = exact_kl(p, y_sk), exact_kl(p, y_zsq)
    agree_x = knn_agreement(x50, labels)
    zsq_tsne = figures["seconds"]["tsne"]
    print(f"t-SNE of {args.n} Fashion-MNIST test images (pixels -> PCA 50), perplexity 30, theta 0.5, 1000 iterations")
    print(f"{'':28s} {'seconds':>9s} {'KL (same P)':>12s} {'10-NN class agreement':>22s}")
    print(f"{'input (PCA-50)':28s} {'':>9s} {'':>12s} {100 * agree_x:21.2f}%")
    print(f"{'scikit-learn ' + __import__('sklearn').__version__:28s} {sk_seconds:9.2f} {kl_sk:12.4f} "
          f"{100 * knn_agreement(y_sk, labels):21.2f}%")
    print(f"{'zsq tsne (t-SNE only)':28s} {zsq_tsne:9.2f} {kl_zsq:12.4f} {100 * knn_agreement(y_zsq, labels):21.2f}%")
    print(f"{'zsq tsne (whole command)':28s} {zsq_wall:9.2f}")
    print(f"speed-up (t-SNE): {sk_seconds / zsq_tsne:.2f}x; KL ratio zsq/sklearn: {kl_zsq / kl_sk:.4f}")
    print(f"scikit-learn's own KL estimate {sk.kl_divergence_:.4f}; zsq's own exact KL {figures['kl_divergence']:.4f}")


if __name__ == "__main__":
    main()
