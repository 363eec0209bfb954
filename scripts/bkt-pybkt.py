"""Fit pyBKT on the ASSISTments 2009 train split and evaluate on the test split.

Prints one JSON line: {"tool": "pyBKT", "forgets", "restarts", "seed", "auc", "rmse",
"accuracy", "fitSeconds", "evaluateSeconds"}. Used by scripts/bkt-vs-pybkt.sh to compare
with `evident bkt-eval` on the same data, restarts and seed.
"""
import argparse
import json
import time

from pyBKT.models import Model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--forgets", action="store_true")
    parser.add_argument("--restarts", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    model = Model(seed=args.seed, num_fits=args.restarts)
    started = time.perf_counter()
    model.fit(data_path=args.train, forgets=args.forgets)
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    auc, rmse, accuracy = model.evaluate(data_path=args.test, metric=["auc", "rmse", "accuracy"])
    evaluate_seconds = time.perf_counter() - started
    print(json.dumps({
        "tool": "pyBKT", "forgets": args.forgets, "restarts": args.restarts, "seed": args.seed,
        "auc": auc, "rmse": rmse, "accuracy": accuracy,
        "fitSeconds": round(fit_seconds, 3), "evaluateSeconds": round(evaluate_seconds, 3),
    }))


if __name__ == "__main__":
    main()
