#!/usr/bin/env python3
"""Missed true pairs and false merges of kgpin dedupe against gen.py's truth.

python3 misses.py reg.csv truth.csv clusters.csv pairs.csv [--per-kind 4] [--seed 1]
"""
import argparse
import collections
import csv
import random

HN = ("twin", "namesake", "namesake_near_date", "shared_pin")
FIELDS = ("pin", "last_name", "first_name", "patronymic", "birth_date", "sex", "source")


class UF:
    def __init__(self):
        self.p = {}

    def find(self, x):
        p = self.p
        p.setdefault(x, x)
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[a] = b


def fmt(r):
    return " | ".join(r[k] for k in FIELDS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reg")
    ap.add_argument("truth")
    ap.add_argument("clusters")
    ap.add_argument("pairs")
    ap.add_argument("--per-kind", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-false", type=int, default=40)
    a = ap.parse_args()
    rnd = random.Random(a.seed)

    reg = {r["record_id"]: r for r in csv.DictReader(open(a.reg, encoding="utf-8"))}
    truth = {t["record_id"]: t for t in csv.DictReader(open(a.truth, encoding="utf-8"))}
    cl = {}
    for row in csv.DictReader(open(a.clusters, encoding="utf-8")):
        cl[row["record_id"]] = row["cluster_id"]
    pairs = {}
    band = UF()
    for rid, c in cl.items():
        band.union(rid, "C:" + c)
    for row in csv.DictReader(open(a.pairs, encoding="utf-8")):
        x, y = row["record_id_a"], row["record_id_b"]
        pairs[frozenset((x, y))] = row
        if row["kind"] == "possible_same_person":
            band.union(x, y)

    def cid(r):
        return cl.get(r, "S:" + r)

    ents = collections.defaultdict(list)
    first = {}
    for rid, t in truth.items():
        ents[t["entity_id"]].append(rid)
        if t["kind"] == "original" or t["kind"] in HN:
            first[t["entity_id"]] = rid

    # duplicates vs their person's first row (as kgpin eval counts them)
    by_label = collections.Counter()
    tot_label = collections.Counter()
    band_label = collections.Counter()
    missed = collections.defaultdict(list)
    for e, rids in ents.items():
        o = first[e]
        for d in rids:
            if d == o:
                continue
            labels = truth[d]["kind"].split("+")
            for lab in labels:
                tot_label[lab] += 1
            if cid(d) == cid(o):
                continue
            joined = band.find(d) == band.find(o)
            for lab in labels:
                if joined:
                    band_label[lab] += 1
                else:
                    by_label[lab] += 1
            if not joined:
                for lab in labels:
                    missed[lab].append((o, d))

    print("== duplicates not clustered with their first row, by single damage label ==")
    print(f"{'label':28s} {'total':>6s} {'band':>5s} {'missed':>6s}  recall(clusters)  recall(+band)")
    for lab in sorted(tot_label, key=lambda x: -(by_label[x] + band_label[x])):
        t = tot_label[lab]
        b, m = band_label[lab], by_label[lab]
        print(f"{lab:28s} {t:6d} {b:5d} {m:6d}  {1 - (b + m) / t:.4f}           {1 - m / t:.4f}")

    # all true pairs (any two records of one entity): missed = not joined even with band
    tp_all = tp_miss = 0
    for e, rids in ents.items():
        for i in range(len(rids)):
            for j in range(i + 1, len(rids)):
                tp_all += 1
                if band.find(rids[i]) != band.find(rids[j]):
                    tp_miss += 1
    print(f"\nall true pairs: {tp_all}; not joined even with the band: {tp_miss}")

    print("\n== samples of missed duplicates (not even in the review band), per label ==")
    print("   (first row = person's first record; second = the duplicate; then the pair's line if any)")
    for lab in sorted(missed, key=lambda x: -len(missed[x])):
        xs = missed[lab]
        print(f"\n--- {lab}: {len(xs)} missed")
        for o, d in rnd.sample(xs, min(a.per_kind, len(xs))):
            print(f"  [{truth[d]['kind']}]")
            print(f"    {o}: {fmt(reg[o])}")
            print(f"    {d}: {fmt(reg[d])}")
            pr = pairs.get(frozenset((o, d)))
            if pr:
                print(f"    pair: {pr['score']} {pr['kind']} {pr['reasons']} {pr['settle']}")

    # hard negatives
    print("\n== hard negatives joined to the person they resemble ==")
    hn_tot = collections.Counter()
    hn_cl = collections.Counter()
    hn_band = collections.Counter()
    hn_examples = []
    for rid, t in truth.items():
        if t["kind"] in HN:
            k = t["kind"]
            hn_tot[k] += 1
            other = set(ents[t["related_entity"]])
            mine = ents[t["entity_id"]]
            in_cl = any(cid(x) == cid(y) for x in mine for y in other)
            in_band = any(band.find(x) == band.find(y) for x in mine for y in other)
            hn_cl[k] += in_cl
            hn_band[k] += in_band
    for k in HN:
        print(f"  {k:20s} {hn_tot[k]:5d}  clustered {hn_cl[k]:4d}  clustered-or-band {hn_band[k]:4d}")

    # false merges: records of different entities in one cluster
    print("\n== false merges (different entities in one cluster) ==")
    groups = collections.defaultdict(list)
    for rid, c in cl.items():
        groups[c].append(rid)
    fm = []
    for c, rids in groups.items():
        for i in range(len(rids)):
            for j in range(i + 1, len(rids)):
                x, y = rids[i], rids[j]
                if truth[x]["entity_id"] != truth[y]["entity_id"]:
                    fm.append((x, y))
    import re

    def fold(s):
        return " ".join(s.lower().replace("ү", "у").replace("ө", "о").replace("ң", "н").split())

    def father(p):
        p = fold(p)
        p = re.sub(r" (уулу|кызы|угли|кизи)$", "", p)
        p = re.sub(r"(иевич|иевна)$", "ы", p)
        p = re.sub(r"(ович|овна|евич|евна)$", "", p)
        return p

    def canon(e):
        r = reg[first[e]]
        return (fold(r["last_name"]), fold(r["first_name"]), father(r["patronymic"]),
                r["pin"].replace(" ", "").lstrip("'")[1:9])

    lookalike = collections.Counter()
    interesting = []
    for x, y in fm:
        a_, b_ = canon(truth[x]["entity_id"]), canon(truth[y]["entity_id"])
        diff = [n for n, u, v in zip(("surname", "first", "father", "pin_date"), a_, b_) if u != v]
        key = "identical (only the serial differs)" if not diff else "differ in: " + "+".join(diff)
        lookalike[key] += 1
        if diff:
            interesting.append((x, y))
    print("false pairs by how the two people's first rows differ (names folded, patronymic style ignored):")
    for k, v in lookalike.most_common():
        print(f"  {v:6d}  {k}")
    kinds = collections.Counter()
    for x, y in fm:
        tx, ty = truth[x], truth[y]
        rel = "related(" + (tx["kind"] if tx["related_entity"] == ty["entity_id"] else ty["kind"]) + ")" \
            if tx["related_entity"] == ty["entity_id"] or ty["related_entity"] == tx["entity_id"] \
            else "unrelated"
        kinds[rel] += 1
    print(f"false pairs in clusters: {len(fm)}  by relation: {dict(kinds)}")
    print("samples (people whose first rows differ):")
    for x, y in rnd.sample(interesting, min(a.max_false, len(interesting))):
        tx, ty = truth[x], truth[y]
        print(f"  {x} {tx['entity_id']} [{tx['kind']}] rel={tx['related_entity']}: {fmt(reg[x])}")
        print(f"  {y} {ty['entity_id']} [{ty['kind']}] rel={ty['related_entity']}: {fmt(reg[y])}")
        pr = pairs.get(frozenset((x, y)))
        if pr:
            print(f"    pair: {pr['score']} {pr['kind']} {pr['reasons']}")
        else:
            print("    (no direct pair line: joined through other records)")


if __name__ == "__main__":
    main()
