#!/usr/bin/env python3
"""Independent synthetic Kyrgyz registry generator (stdlib only).

python3 gen.py --people N --seed S --out reg.csv --truth truth.csv

Written without looking at kgpin's own generator or matcher.
"""
import argparse
import bisect
import csv
import datetime as dt
import itertools
import random
import sys

import names as NM

D = dt.date
TODAY = D(2026, 12, 6)
MIN_DATE = D(1930, 1, 1)
MAX_DATE = D(2024, 12, 31)


def uniq(seq):
    seen = set()
    out = []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


class Zipf:
    """Sample from a list with weights 1/(rank+k)^s."""

    def __init__(self, items, s=1.0, k=1.5, weights=None):
        self.items = list(items)
        if weights is None:
            weights = [1.0 / (i + k) ** s for i in range(len(self.items))]
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng):
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.total)]


# ------------------------------------------------------------------ grammar
VOWELS = set("аеёиоуыэюяүө")
HUSHING = set("жшчщц")


def surname_forms(stem):
    """Kyrgyz/Uzbek stem -> (male, female) Russian-style surname."""
    last = stem[-1]
    if last == "й":
        m = stem[:-1] + "ев"
    elif last in "ыи":
        m = stem[:-1] + "иев"
    elif last in VOWELS:
        m = stem + "ев"
    elif last in HUSHING:
        m = stem + "ев"
    else:
        m = stem + "ов"
    return m, m + "а"


def ru_patronymic(father, female):
    """Father's name -> Russian-style patronymic: the surname's stem rules."""
    return surname_forms(father)[0] + ("на" if female else "ич")


def kg_patronymic(father, female):
    return father + (" кызы" if female else " уулу")


def ru_female_surname(m):
    if m.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return m + "а"
    if m.endswith("ский"):
        return m[:-4] + "ская"
    return m


def delete_kg_letters(s, rng, o_to_e=0.2, ng=0.3):
    out = []
    for ch in s:
        lo = ch.lower()
        up = ch != lo
        if lo == "ү":
            r = "у"
        elif lo == "ө":
            r = "е" if rng.random() < o_to_e else "о"
        elif lo == "ң":
            r = "нг" if rng.random() < ng else "н"
        else:
            out.append(ch)
            continue
        out.append(r[0].upper() + r[1:] if up else r)
    return "".join(out)


# ------------------------------------------------------------------ names
PREFIX_ONLY = {"Ак", "Эр", "Бек", "Кул", "Ала", "Кара", "Сары", "Чоң", "Абды", "Абдыл",
               "Бакт", "Таза", "Бай", "Алы", "Иса", "Каба", "Жаны", "Ойчу", "Төлө"}


class Pools:
    def __init__(self, rng):
        self.rng = rng
        # first names by era (0 old, 1 mid, 2 new)
        self.kg_m = [Zipf(uniq(NM.KG_MALE_OLD), 1.05), Zipf(uniq(NM.KG_MALE_MID), 1.05),
                     Zipf(uniq(NM.KG_MALE_NEW), 1.05)]
        self.kg_f = [Zipf(uniq(NM.KG_FEMALE_OLD), 1.05), Zipf(uniq(NM.KG_FEMALE_MID), 1.05),
                     Zipf(uniq(NM.KG_FEMALE_NEW), 1.05)]
        self.ru_m = Zipf(uniq(NM.RU_MALE), 0.9)
        self.ru_f = Zipf(uniq(NM.RU_FEMALE), 0.9)
        self.uz_m = Zipf(uniq(NM.UZ_MALE), 0.9)
        self.uz_f = Zipf(uniq(NM.UZ_FEMALE), 0.9)
        self.du_m = Zipf(uniq(NM.DU_MALE), 0.9)
        self.du_f = Zipf(uniq(NM.DU_FEMALE), 0.9)
        # Kyrgyz surname stems: grandfathers' names, then root+suffix compounds
        r = random.Random(12345)  # fixed vocabulary independent of the seed
        base = uniq(NM.KG_MALE_OLD + NM.KG_MALE_MID)
        roots = uniq(NM.KG_SURNAME_ROOTS)
        combos = []
        for root in roots:
            for suf in uniq(NM.KG_SURNAME_SUFFIXES):
                if not suf:
                    if root in PREFIX_ONLY:
                        continue
                    combos.append(root)
                    continue
                if suf in ("кул", "гул"):
                    suf = "гул" if root[-1] in VOWELS | set("лрнмйң") else "кул"
                if root.endswith(suf) or (root[-1] in VOWELS and suf[0] in VOWELS):
                    continue
                combos.append(root + suf)
        combos = uniq(combos)
        r.shuffle(combos)
        stems = uniq(base + combos[:2800])
        head = stems[:len(base)]
        r.shuffle(head)
        stems = head + stems[len(base):]
        self.kg_stems = stems
        self.kg_stem_z = Zipf(stems, 0.85, k=3)
        self.ru_sur = Zipf(uniq(NM.RU_SURNAMES + NM.RU_INVARIANT), 0.8, k=3)
        self.uz_sur = Zipf(uniq(NM.UZ_SURNAMES), 0.9, k=2)
        self.du_sur = Zipf(uniq(NM.DU_SURNAMES), 1.0, k=1)

    def era_of(self, year):
        rng = self.rng
        if year < 1955:
            return 0
        if year < 1965:
            return 0 if rng.random() < (1965 - year) / 10 else 1
        if year < 1988:
            return 1
        if year < 2000:
            return 1 if rng.random() < (2000 - year) / 12 else 2
        return 2

    def first(self, eth, female, year):
        rng = self.rng
        if eth == "kg":
            pool = self.kg_f if female else self.kg_m
            return pool[self.era_of(year)](rng)
        if eth == "ru":
            return (self.ru_f if female else self.ru_m)(rng)
        if eth == "uz":
            return (self.uz_f if female else self.uz_m)(rng)
        return (self.du_f if female else self.du_m)(rng)

    def male_first(self, eth, year):
        return self.first(eth, False, year)

    def surname_male(self, eth):
        rng = self.rng
        if eth == "kg":
            return surname_forms(self.kg_stem_z(rng))[0]
        if eth == "ru":
            return self.ru_sur(rng)
        if eth == "uz":
            return self.uz_sur(rng)
        return self.du_sur(rng)


def female_of(male_surname, eth):
    if eth == "ru":
        return ru_female_surname(male_surname)
    if male_surname.endswith(("ов", "ев")):
        return male_surname + "а"
    return male_surname


# ------------------------------------------------------------------ dates / PINs
YEAR_W = []
for y in range(1930, 2025):
    if y < 1950:
        w = 0.35 + (y - 1930) * 0.03
    elif y < 1990:
        w = 1.0 + (y - 1950) * 0.045
    elif y < 2000:
        w = 2.6
    else:
        w = 2.9 + (y - 2000) * 0.03
    YEAR_W.append(w)
YEAR_Z = Zipf(list(range(1930, 2025)), weights=YEAR_W)


def rand_date_in_year(rng, y):
    start = D(y, 1, 1).toordinal()
    end = D(y, 12, 31).toordinal()
    return D.fromordinal(rng.randint(start, end))


def ddmmyyyy(d):
    return f"{d.day:02d}{d.month:02d}{d.year:04d}"


def parse_ddmmyyyy(s):
    try:
        return D(int(s[4:8]), int(s[2:4]), int(s[0:2]))
    except ValueError:
        return None


def date_slip(rng, d, kind):
    """A plausible typing slip of a date: 'digit', 'adjacent', 'swap'. None if impossible."""
    s = ddmmyyyy(d)
    for _ in range(40):
        if kind == "swap":
            if d.day > 12 or d.day == d.month:
                return None
            nd = D(d.year, d.day, d.month)
            return nd
        if kind == "digit":
            i = rng.randrange(8)
            # years: mostly last two digits
            if i in (4, 5):
                i = rng.choice([6, 7, 7, 0, 1, 2, 3])
            c = str(rng.randrange(10))
            if c == s[i]:
                continue
            t = s[:i] + c + s[i + 1:]
        else:  # adjacent transposition
            i = rng.choice([0, 2, 6, 1, 3, 5, 6, 6])
            if s[i] == s[i + 1]:
                continue
            t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        nd = parse_ddmmyyyy(t)
        if nd and nd != d and D(1920, 1, 1) <= nd <= MAX_DATE:
            return nd
    return None


class PinBook:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def serial(self):
        rng = self.rng
        if rng.random() < 0.85:
            return rng.randint(10000, 99999)
        return rng.randint(1, 9999)

    def issue(self, female, d, serial=None):
        head = ("1" if female else "2") + ddmmyyyy(d)
        for _ in range(1000):
            s = serial if serial is not None else self.serial()
            pin = head + f"{s:05d}"
            if pin not in self.used:
                self.used.add(pin)
                return pin
            serial = None
        raise RuntimeError("serial space exhausted")


# ------------------------------------------------------------------ people
class Person:
    __slots__ = ("eid", "eth", "female", "birth", "last", "first", "father", "patr",
                 "pstyle", "pin", "kg_surname", "village", "src", "hn_kind", "hn_rel")

    def __init__(self, **kw):
        self.hn_kind = None
        self.hn_rel = ""
        for k, v in kw.items():
            setattr(self, k, v)


ETH_Z = Zipf(["kg", "uz", "ru", "du"], weights=[77, 14, 6, 3])


def make_population(n_base, rng, pools, pins):
    people = []
    eid = 0
    # villages: local pools of surname stems and fathers' names
    n_vill = max(5, n_base // 500)
    villages = []
    for _ in range(n_vill):
        dom = ETH_Z(rng)
        sur = [pools.surname_male(dom) for _ in range(rng.randint(15, 45))]
        villages.append((dom, Zipf(sur, 1.1, k=1)))
    while len(people) < n_base:
        vdom, vsur = rng.choice(villages)
        eth = vdom if rng.random() < 0.85 else ETH_Z(rng)
        # children born in a window
        first_child = YEAR_Z(rng)
        father_year = first_child - rng.randint(20, 38)
        father = pools.male_first(eth, max(1900, father_year))
        if eth == vdom:
            lineage = vsur(rng)
        else:
            lineage = pools.surname_male(eth)
        # Kyrgyz: surname sometimes formed from the father's own name
        sur_type = "lineage"
        if eth == "kg":
            r = rng.random()
            if first_child >= 1995 and r < 0.22:
                sur_type = "uulu"
            elif r < 0.30:
                sur_type = "father"
        if eth in ("kg", "uz", "du"):
            kids = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6]) if first_child < 1990 else rng.choice([1, 2, 2, 3, 3, 4])
        else:
            kids = rng.choice([1, 1, 2, 2, 3])
        y = first_child
        style_kg = rng.random() < (0.45 if first_child >= 1991 else 0.08) if eth == "kg" else (
            rng.random() < 0.08 if eth == "uz" and first_child >= 1991 else False)
        russify = eth == "kg" and rng.random() < (0.30 if first_child < 1991 else 0.08)
        dzh = russify and rng.random() < 0.3
        for k in range(kids):
            if len(people) >= n_base or y > 2024:
                break
            female = rng.random() < 0.5
            birth = rand_date_in_year(rng, y)
            first = pools.first(eth, female, y)
            if sur_type == "uulu":
                last = kg_patronymic(father, female)
            elif sur_type == "father":
                m, f = surname_forms(father)
                last = f if female else m
            else:
                last = female_of(lineage, eth) if female else lineage
            if eth == "ru":
                patr = ru_patronymic(father, female)
                pstyle = "ru"
            elif sur_type == "uulu":
                patr = "" if rng.random() < 0.8 else kg_patronymic(father, female)
                pstyle = "kg"
            elif style_kg:
                if eth == "uz":
                    patr = father + (" кизи" if female else " угли")
                else:
                    patr = kg_patronymic(father, female)
                pstyle = "kg"
            else:
                patr = ru_patronymic(father, female)
                pstyle = "ru"
            if russify:
                last = delete_kg_letters(last, rng, 0.0, 0.0)
                patr = delete_kg_letters(patr, rng, 0.0, 0.0)
                if dzh and last.startswith("Ж"):
                    last = "Дж" + last[1:]
                if first.endswith("гүл") and rng.random() < 0.5:
                    first = first[:-3] + "гуль"
            eid += 1
            p = Person(eid=eid, eth=eth, female=female, birth=birth, last=last,
                       first=first, father=father, patr=patr, pstyle=pstyle,
                       pin=pins.issue(female, birth), kg_surname=sur_type, village=None,
                       src=None)
            people.append(p)
            y += rng.choice([1, 2, 2, 2, 3, 3, 4, 5])
    return people, eid


def sibling_patronymic(p, female, rng):
    """Patronymic a sibling of p of the given sex would carry, in p's style."""
    if not p.patr:
        return ""
    if p.pstyle == "kg":
        if p.patr.endswith((" угли", " кизи")):
            patr = p.father + (" кизи" if female else " угли")
        else:
            patr = kg_patronymic(p.father, female)
    else:
        patr = ru_patronymic(p.father, female)
    if delete_kg_letters(p.patr, rng, 0, 0) == p.patr:
        patr = delete_kg_letters(patr, rng, 0, 0)
    return patr


def sibling_surname(p, female):
    if p.kg_surname == "uulu":
        return kg_patronymic(p.father, female)
    if female == p.female:
        return p.last
    if p.female:
        m = p.last[:-1] if p.last.endswith(("ова", "ева", "ина")) else p.last
    else:
        m = p.last
    return female_of(m, p.eth) if female else m


def twin_first_name(p, female, rng, pools):
    if p.eth == "kg" and rng.random() < 0.45:
        if female == p.female:
            pairs = NM.KG_TWIN_PAIRS_F if female else NM.KG_TWIN_PAIRS_M
        else:
            pairs = NM.KG_TWIN_PAIRS_X
        for a_, b_ in pairs:
            for x, y in ((a_, b_), (b_, a_)):
                if p.first == x:
                    return y
    for _ in range(30):
        f = pools.first(p.eth, female, p.birth.year)
        if f != p.first:
            return f
    return f


def add_hard_negatives(people, n_hn, rng, pools, pins, eid):
    out = []
    kinds = Zipf(["twin", "namesake", "namesake_near_date", "shared_pin"],
                 weights=[35, 22, 28, 15])
    for _ in range(n_hn):
        kind = kinds(rng)
        p = rng.choice(people)
        while kind == "namesake" and p.kg_surname == "uulu":
            p = rng.choice(people)
        eid += 1
        if kind == "twin":
            r = rng.random()
            female = p.female if r < 0.66 else (not p.female)
            first = twin_first_name(p, female, rng, pools)
            serial = int(p.pin[9:])
            if rng.random() < 0.7:
                serial = serial + 1 if serial < 99999 else serial - 1
            else:
                serial = None
            q = Person(eid=eid, eth=p.eth, female=female, birth=p.birth,
                       last=sibling_surname(p, female), first=first, father=p.father,
                       patr=sibling_patronymic(p, female, rng), pstyle=p.pstyle,
                       pin=pins.issue(female, p.birth, serial), kg_surname=p.kg_surname,
                       village=None, src=None)
        elif kind == "namesake":
            for _ in range(30):
                father = pools.male_first(p.eth, p.birth.year - 28)
                if father != p.father:
                    break
            if not p.patr:
                patr = ""
            elif p.pstyle == "kg":
                patr = kg_patronymic(father, p.female)
            else:
                patr = ru_patronymic(father, p.female)
            q = Person(eid=eid, eth=p.eth, female=p.female, birth=p.birth, last=p.last,
                       first=p.first, father=father, patr=patr, pstyle=p.pstyle,
                       pin=pins.issue(p.female, p.birth), kg_surname=p.kg_surname,
                       village=None, src=None)
        elif kind == "namesake_near_date":
            r = rng.random()
            if r < 0.4:
                delta = rng.randint(1, 9)
            elif r < 0.7:
                delta = rng.randint(10, 100)
            else:
                delta = rng.randint(100, 730)
            delta *= rng.choice([-1, 1])
            bd = p.birth + dt.timedelta(days=delta)
            if bd > MAX_DATE:
                bd = p.birth - dt.timedelta(days=abs(delta))
            q = Person(eid=eid, eth=p.eth, female=p.female, birth=bd, last=p.last,
                       first=p.first, father=p.father, patr=p.patr, pstyle=p.pstyle,
                       pin=pins.issue(p.female, bd), kg_surname=p.kg_surname,
                       village=None, src=None)
        else:  # shared_pin
            eth = p.eth if rng.random() < 0.8 else ETH_Z(rng)
            if rng.random() < 0.75:
                bd, female = p.birth, p.female
            else:
                bd = rand_date_in_year(rng, YEAR_Z(rng))
                female = rng.random() < 0.5
            father = pools.male_first(eth, bd.year - 28)
            last_m = pools.surname_male(eth)
            last = female_of(last_m, eth) if female else last_m
            if eth == "kg" and bd.year >= 1991 and rng.random() < 0.4:
                patr, pstyle = kg_patronymic(father, female), "kg"
            else:
                patr, pstyle = ru_patronymic(father, female), "ru"
            q = Person(eid=eid, eth=eth, female=female, birth=bd, last=last,
                       first=pools.first(eth, female, bd.year), father=father, patr=patr,
                       pstyle=pstyle, pin=p.pin, kg_surname="lineage", village=None,
                       src=None)
        q.hn_kind = kind
        q.hn_rel = p.eid
        out.append(q)
    return out, eid


# ------------------------------------------------------------------ damage
ROWS = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
NEIGH = {}
for r, row in enumerate(ROWS):
    for i, ch in enumerate(row):
        nb = set()
        if i > 0:
            nb.add(row[i - 1])
        if i + 1 < len(row):
            nb.add(row[i + 1])
        if r == 0:
            for j in (i - 1, i):
                if 0 <= j < len(ROWS[1]):
                    nb.add(ROWS[1][j])
        elif r == 1:
            for j in (i, i + 1):
                if 0 <= j < len(ROWS[0]):
                    nb.add(ROWS[0][j])
            for j in (i - 1, i):
                if 0 <= j < len(ROWS[2]):
                    nb.add(ROWS[2][j])
        else:
            for j in (i, i + 1):
                if 0 <= j < len(ROWS[1]):
                    nb.add(ROWS[1][j])
        NEIGH[ch] = sorted(nb)
# Kyrgyz letters: typed on the keys of their base letters (or next to them)
NEIGH["ү"] = ["у"] + NEIGH["у"]
NEIGH["ө"] = ["о"] + NEIGH["о"]
NEIGH["ң"] = ["н"] + NEIGH["н"]
NEIGH["ё"] = ["е"]


def typo(rng, s, edits=1):
    if not s:
        return s
    orig = s
    for _ in range(edits):
        cap = s[:1].isupper()
        low = s.lower()
        letters = [i for i, c in enumerate(low) if c.isalpha()]
        if not letters:
            return s
        op = rng.choices(["sub", "del", "dbl", "swap", "ins"], [40, 22, 15, 15, 8])[0]
        i = rng.choice(letters)
        c = low[i]
        if op == "sub":
            nb = NEIGH.get(c)
            if not nb:
                op = "del"
            else:
                low = low[:i] + rng.choice(nb) + low[i + 1:]
        if op == "del":
            if len(letters) <= 2:
                op = "dbl"
            else:
                low = low[:i] + low[i + 1:]
        if op == "dbl":
            low = low[:i] + c + low[i:]
        if op == "swap":
            if i + 1 < len(low) and low[i + 1].isalpha() and low[i + 1] != c:
                low = low[:i] + low[i + 1] + low[i] + low[i + 2:]
            else:
                nb = NEIGH.get(c, ["а"])
                low = low[:i] + rng.choice(nb) + low[i + 1:]
        if op == "ins":
            nb = NEIGH.get(c, ["а"])
            low = low[:i + 1] + rng.choice(nb) + low[i + 1:]
        s = low[:1].upper() + low[1:] if cap else low
        # keep inner capitals of multiword (e.g. "Асан уулу") roughly
    return s if s != orig else typo(rng, orig, edits)


TR = {
    "A": dict(ж="zh", х="kh", ц="ts", ч="ch", ш="sh", щ="shch", ы="y", й="i", ю="iu", я="ia",
              ү="u", ө="o", ң="n", е="e", ё="e", э="e"),
    "B": dict(ж="zh", х="kh", ц="ts", ч="ch", ш="sh", щ="shch", ы="y", й="y", ю="yu", я="ya",
              ү="ü", ө="ö", ң="ng", е="e", ё="yo", э="e"),
    "C": dict(ж="j", х="h", ц="ts", ч="ç", ш="ş", щ="şç", ы="ı", й="y", ю="yu", я="ya",
              ү="ü", ө="ö", ң="ñ", е="e", ё="yo", э="e"),
    "D": dict(ж="j", х="h", ц="ts", ч="ch", ш="sh", щ="sch", ы="i", й="i", ю="yu", я="ya",
              ү="u", ө="o", ң="ng", е="e", ё="yo", э="e"),
}
TR_BASE = dict(а="a", б="b", в="v", г="g", д="d", з="z", и="i", к="k", л="l", м="m", н="n",
               о="o", п="p", р="r", с="s", т="t", у="u", ф="f", ъ="", ь="")
ALT = dict(ж=["zh", "j", "dj"], х=["kh", "h", "x"], ы=["y", "i", "ı"], й=["i", "y", "j"],
           ү=["u", "ü", "ue", "y"], ө=["o", "ö", "oe"], ң=["ng", "n", "ñ"], ч=["ch", "ç", "tch"],
           ш=["sh", "ş"], ю=["yu", "iu", "ju"], я=["ya", "ia", "ja"], е=["e", "ye"])


def translit(rng, s, scheme, upper):
    t = dict(TR_BASE)
    t.update(TR[scheme])
    out = []
    low = s.lower()
    for i, c in enumerate(low):
        if c in t:
            r = t[c]
            if c in ALT and rng.random() < 0.08:
                r = rng.choice(ALT[c])
            if c == "е" and (i == 0 or not low[i - 1].isalpha()) and rng.random() < 0.5:
                r = "ye"
            out.append(r)
        else:
            out.append(c)
    res = "".join(out)
    if upper:
        return res.upper()
    return " ".join(w[:1].upper() + w[1:] for w in res.split(" "))


def russify_spelling(rng, s):
    """Kyrgyz spelling -> the Russian-document spelling of the same name."""
    r = s
    if r.endswith("гүл"):
        r = r[:-3] + "гуль"
    elif r.endswith("ел") and rng.random() < 0.6:
        r = r + "ь"
    elif r.endswith("ля") is False and r.endswith("ия") and rng.random() < 0.3:
        r = r[:-2] + "ья"
    r = r.replace("ыңг", "инг").replace("Чыңгыз", "Чингиз")
    if r.startswith("Ж") and rng.random() < 0.7:
        r = "Дж" + r[1:]
    if "ээ" in r and rng.random() < 0.5:
        r = r.replace("ээ", "ей")
    r = delete_kg_letters(r, rng, 0.35, 0.0)
    return r


# weights of single damages
DAMAGE_W = {
    "exact": 6, "typo_first": 6, "typo_last": 5, "typo_patronymic": 2.5,
    "typo2_first": 1.5, "typo2_last": 1.5,
    "second_pin": 10, "second_pin_date_digit": 3, "second_pin_wrong_date": 3,
    "married_surname": 6, "missing_patronymic": 6, "patronymic_marker": 3,
    "patronymic_cut": 3, "patronymic_initial": 1.2, "patronymic_style": 4,
    "translit": 6, "surname_suffix_dropped": 3, "case_spaces": 4, "names_swapped": 3,
    "full_name_one_field": 2, "date_typo_digit": 2.5, "date_typo_adjacent": 2,
    "date_day_month_swap": 1.5, "kyrgyz_letters_lost": 5, "russified_spelling": 3,
    "pin_13_digits": 1.5, "pin_spreadsheet": 2, "pin_letter_o": 1.5, "pin_missing": 4,
    "date_missing": 1.5,
    # beyond the brief: other things real registries do
    "first_name_variant": 3, "surname_uulu_switch": 3, "pin_typo": 3, "pin_sex_digit": 1,
    "date_jan1": 1.5, "sex_wrong": 1.5,
}
EXTRAS = ["first_name_variant", "surname_uulu_switch", "pin_typo", "pin_sex_digit",
          "date_jan1", "sex_wrong"]
GROUPS = [
    {"second_pin", "second_pin_date_digit", "second_pin_wrong_date", "pin_missing", "pin_typo",
     "pin_sex_digit"},
    {"pin_13_digits", "pin_spreadsheet", "pin_letter_o", "pin_missing", "pin_typo"},
    {"date_typo_digit", "date_typo_adjacent", "date_day_month_swap", "second_pin_wrong_date",
     "date_missing", "date_jan1"},
    {"surname_uulu_switch", "married_surname", "surname_suffix_dropped", "patronymic_style"},
    {"first_name_variant", "typo_first", "typo2_first"},
    {"names_swapped", "full_name_one_field"},
    {"missing_patronymic", "patronymic_marker", "patronymic_cut", "patronymic_initial",
     "patronymic_style", "typo_patronymic"},
    {"translit", "kyrgyz_letters_lost", "russified_spelling"},
    {"typo_first", "typo2_first"}, {"typo_last", "typo2_last"},
]
DAMAGE_Z = None
# order in which damages are applied
ORDER = ["surname_uulu_switch", "first_name_variant", "married_surname", "surname_suffix_dropped", "patronymic_style", "missing_patronymic",
         "patronymic_marker", "patronymic_cut", "patronymic_initial", "russified_spelling",
         "kyrgyz_letters_lost", "typo_first", "typo2_first", "typo_last", "typo2_last",
         "typo_patronymic", "translit", "second_pin", "second_pin_date_digit",
         "second_pin_wrong_date", "pin_sex_digit", "date_jan1", "date_typo_digit", "date_typo_adjacent",
         "date_day_month_swap", "date_missing", "pin_typo", "sex_wrong", "pin_13_digits", "pin_spreadsheet",
         "pin_letter_o", "pin_missing", "names_swapped", "full_name_one_field",
         "case_spaces", "exact"]


def compatible(a, chosen):
    if a == "exact" or "exact" in chosen:
        return False
    for g in GROUPS:
        if a in g and chosen & g:
            return False
    return True


def has_kg_letters(p):
    return any(c in (p.last + p.first + p.patr).lower() for c in "үөң")


def applicable(a, p):
    if a == "married_surname":
        return p.female and p.birth.year <= 2005
    if a in ("second_pin", "second_pin_date_digit", "second_pin_wrong_date"):
        return p.birth.year < 2016
    if a in ("missing_patronymic", "typo_patronymic"):
        return bool(p.patr)
    if a == "patronymic_style":
        return p.eth != "ru" and (bool(p.patr) or p.kg_surname == "uulu")
    if a == "patronymic_marker":
        return (" уулу" in p.patr or " кызы" in p.patr or " уулу" in p.last or " кызы" in p.last)
    if a in ("patronymic_cut", "patronymic_initial"):
        return p.patr.endswith(("ич", "на"))
    if a == "surname_suffix_dropped":
        return p.last.endswith(("ов", "ев", "ова", "ева")) and len(p.last) > 4
    if a == "date_day_month_swap":
        return p.birth.day <= 12 and p.birth.day != p.birth.month
    if a == "kyrgyz_letters_lost":
        return has_kg_letters(p)
    if a == "russified_spelling":
        s = p.first + p.last
        return has_kg_letters(p) or s.endswith("гүл") or "Ж" in s or p.first.endswith("ел")
    if a == "pin_letter_o":
        return "0" in p.pin
    if a == "first_name_variant":
        return name_variant(p, random.Random(0)) is not None
    if a == "surname_uulu_switch":
        return p.eth == "kg" and p.birth.year >= 1950
    if a == "date_jan1":
        return p.birth.year < 1965 and not (p.birth.day == 1 and p.birth.month == 1)
    return True


FEMALE_VARIANTS = {"Асел": "Асель", "Асель": "Асел", "Аселя": "Асел", "Жамиля": "Жамийла",
                   "Жамийла": "Жамиля", "Мээрим": "Мейрим", "Айпери": "Айпари",
                   "Наталья": "Наталия", "Алёна": "Алена", "Дарья": "Дария", "Софья": "София",
                   "Мадина": "Мадинахон", "Гулноза": "Гулнозахон", "Зуура": "Зура",
                   "Бүбүсара": "Бибисара", "Бүбүжан": "Бибижан", "Калыйча": "Калича",
                   "Нуриза": "Нурийза", "Айжамал": "Айжамалы", "Венера": "Винера",
                   "Элмира": "Эльмира", "Эльмира": "Элмира", "Эльвира": "Элвира",
                   "Айсулуу": "Айсулу", "Нурсулуу": "Нурсулу", "Мариям": "Марьям",
                   "Фатима": "Патима", "Зейнеп": "Зейнап", "Салтанат": "Салтанаат"}


def name_variant(p, rng):
    """Another form of the same first name, as different documents write it."""
    f = p.first
    if p.female:
        if f in FEMALE_VARIANTS:
            return FEMALE_VARIANTS[f]
        if f.endswith("гүл"):
            return f[:-3] + rng.choice(["гуль", "гул"])
        return None
    if p.eth == "uz" or p.eth == "du":
        if f.endswith("жон") and len(f) > 5:
            return f[:-3]
        return f + "жон"
    if p.eth == "kg":
        if f.endswith("бек") and len(f) > 6:
            return f[:-3]
        if f[-1] not in VOWELS and len(f) >= 4 and not f.endswith(("бай", "бек")):
            return f + "бек"
        return None
    return None


def choose_damages(rng, p):
    global DAMAGE_Z
    if DAMAGE_Z is None:
        DAMAGE_Z = Zipf(list(DAMAGE_W), weights=list(DAMAGE_W.values()))
    r = rng.random()
    k = 1 if r < 0.70 else (2 if r < 0.92 else 3)
    chosen = []
    tries = 0
    while len(chosen) < k and tries < 200:
        tries += 1
        a = DAMAGE_Z(rng)
        if a in chosen:
            continue
        if chosen and not compatible(a, set(chosen)):
            continue
        if not applicable(a, p):
            continue
        chosen.append(a)
    return sorted(chosen, key=ORDER.index)


def excel_number(pin, rng):
    v = float(int(pin))
    s = "%.5E" % v  # 1.02022E+13
    if rng.random() < 0.25:
        s = s.replace(".", ",")
    return s


class Rec:
    __slots__ = ("last", "first", "patr", "pin", "date", "date_blank", "sex", "src")


def base_rec(p):
    r = Rec()
    r.last, r.first, r.patr = p.last, p.first, p.patr
    r.pin = p.pin
    r.date = p.birth
    r.date_blank = False
    r.sex = "F" if p.female else "M"
    r.src = p.src
    return r


def apply_damage(rng, p, r, a, pools, pins, extra_pin_cache):
    if a == "married_surname":
        eth = p.eth if rng.random() < 0.85 else ETH_Z(rng)
        for _ in range(20):
            h = pools.surname_male(eth)
            if h.endswith(("ов", "ев", "ин")) and h != r.last and h + "а" != r.last:
                break
        r.last = female_of(h, eth)
        if rng.random() < 0.3:
            r.src = "passport"
    elif a == "surname_suffix_dropped":
        for suf in ("ова", "ева", "ов", "ев"):
            if r.last.endswith(suf):
                stem = r.last[: -len(suf)]
                if suf.startswith("е") and stem.endswith("и") and rng.random() < 0.5:
                    stem = stem[:-1] + "ы"  # Сатыбалдиев -> Сатыбалды
                r.last = stem
                break
    elif a == "patronymic_style":
        if p.pstyle == "kg" or " уулу" in r.patr or " кызы" in r.patr:
            r.patr = ru_patronymic(p.father, p.female)
        else:
            r.patr = kg_patronymic(p.father, p.female)
        if p.kg_surname == "uulu" and not p.patr:
            r.patr = ru_patronymic(p.father, p.female)
    elif a == "missing_patronymic":
        r.patr = ""
    elif a == "patronymic_marker":
        repl = {" кызы": [" кзы", " ызы", " кыз", "кызы", " к."],
                " уулу": [" уул", " улу", " уулы", "уулу", " у."]}
        field = "patr" if (" уулу" in r.patr or " кызы" in r.patr) else "last"
        v = getattr(r, field)
        for k_, opts in repl.items():
            if k_ in v:
                v = v.replace(k_, rng.choices(opts, [30, 30, 15, 15, 10])[0])
        setattr(r, field, v)
    elif a == "patronymic_cut":
        n = rng.choice([1, 1, 2, 3])
        if len(r.patr) > 5:
            r.patr = r.patr[:-n]
    elif a == "patronymic_initial":
        if r.patr:
            r.patr = r.patr[0] + "."
    elif a == "russified_spelling":
        r.first = russify_spelling(rng, r.first)
        r.last = russify_spelling(rng, r.last)
        r.patr = delete_kg_letters(r.patr, rng, 0.35, 0.0)
    elif a == "kyrgyz_letters_lost":
        if rng.random() < 0.7:
            r.last = delete_kg_letters(r.last, rng)
            r.first = delete_kg_letters(r.first, rng)
            r.patr = delete_kg_letters(r.patr, rng)
        else:
            f = rng.choice([x for x in ("last", "first", "patr")
                            if any(c in getattr(r, x).lower() for c in "үөң")] or ["first"])
            setattr(r, f, delete_kg_letters(getattr(r, f), rng))
    elif a == "typo_first":
        r.first = typo(rng, r.first, 1)
    elif a == "typo2_first":
        r.first = typo(rng, r.first, 2)
    elif a == "typo_last":
        r.last = typo(rng, r.last, 1)
    elif a == "typo2_last":
        r.last = typo(rng, r.last, 2)
    elif a == "typo_patronymic":
        r.patr = typo(rng, r.patr, 1)
    elif a == "translit":
        scheme = rng.choice("AABBCD")
        upper = rng.random() < 0.55
        which = rng.choices(["all", "last", "first", "lastfirst"], [50, 20, 15, 15])[0]
        if which in ("all", "last", "lastfirst"):
            r.last = translit(rng, r.last, scheme, upper)
        if which in ("all", "first", "lastfirst"):
            r.first = translit(rng, r.first, scheme, upper)
        if which == "all":
            r.patr = translit(rng, r.patr, scheme, upper)
        r.src = "passport"
    elif a in ("second_pin", "second_pin_date_digit", "second_pin_wrong_date"):
        key = (p.eid, a)
        if a == "second_pin":
            d = p.birth
        elif a == "second_pin_date_digit":
            d = date_slip(rng, p.birth, "digit") or p.birth
        else:
            d = date_slip(rng, p.birth, rng.choice(["digit", "digit", "adjacent", "swap"])) \
                or date_slip(rng, p.birth, "digit") or p.birth
            r.date = d
        if key not in extra_pin_cache:
            extra_pin_cache[key] = pins.issue(p.female, d)
        r.pin = extra_pin_cache[key]
        r.src = "social_fund" if p.src == "tax" else ("tax" if p.src == "social_fund" else rng.choice(["tax", "social_fund"]))
    elif a in ("date_typo_digit", "date_typo_adjacent", "date_day_month_swap"):
        kind = {"date_typo_digit": "digit", "date_typo_adjacent": "adjacent",
                "date_day_month_swap": "swap"}[a]
        nd = date_slip(rng, p.birth, kind) or date_slip(rng, p.birth, "digit")
        if nd:
            r.date = nd
    elif a == "date_missing":
        r.date_blank = True
    elif a == "pin_13_digits":
        i = rng.randrange(len(r.pin))
        r.pin = r.pin[:i] + r.pin[i + 1:]
    elif a == "pin_spreadsheet":
        r.pin = excel_number(r.pin, rng)
    elif a == "pin_letter_o":
        zeros = [i for i, c in enumerate(r.pin) if c == "0"]
        if zeros:
            for i in rng.sample(zeros, rng.choice([1, 1, len(zeros)]) if len(zeros) > 1 else 1):
                r.pin = r.pin[:i] + rng.choice("OOО") + r.pin[i + 1:]
        else:
            r.pin = r.pin[:-1]
    elif a == "pin_missing":
        r.pin = ""
    elif a == "names_swapped":
        r.last, r.first = r.first, r.last
    elif a == "full_name_one_field":
        full = " ".join(x for x in (r.last, r.first, r.patr) if x)
        if rng.random() < 0.7:
            r.last, r.first, r.patr = full, "", ""
        else:
            r.last, r.first, r.patr = "", full, ""
    elif a == "case_spaces":
        c = rng.choice(["upper", "upper", "lower", "spaces", "spaces"])
        if c == "upper":
            r.last, r.first, r.patr = r.last.upper(), r.first.upper(), r.patr.upper()
        elif c == "lower":
            r.last, r.first, r.patr = r.last.lower(), r.first.lower(), r.patr.lower()
        else:
            r.last = "  " + r.last + " " if rng.random() < 0.5 else r.last + "  "
            r.first = r.first + " "
            r.patr = r.patr.replace(" ", "  ")
    elif a == "exact":
        pass
    elif a == "first_name_variant":
        v = name_variant(p, rng)
        if v:
            r.first = v
    elif a == "surname_uulu_switch":
        if p.kg_surname == "uulu":
            m, f = surname_forms(p.father)
            r.last = f if p.female else m
            if rng.random() < 0.5:
                r.patr = ru_patronymic(p.father, p.female)
        else:
            r.last = kg_patronymic(p.father, p.female)
            if rng.random() < 0.7:
                r.patr = ""
    elif a == "pin_typo":
        s = r.pin
        for _ in range(50):
            x = rng.random()
            if x < 0.6:
                i = rng.randrange(9, 14)
            else:
                i = rng.randrange(1, 9)
            if rng.random() < 0.75:
                c = str(rng.randrange(10))
                t = s[:i] + c + s[i + 1:]
            else:
                i = min(i, 12)
                t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
            if t != s:
                r.pin = t
                break
    elif a == "pin_sex_digit":
        r.pin = ("2" if r.pin[0] == "1" else "1") + r.pin[1:]
    elif a == "date_jan1":
        d = D(p.birth.year, 1, 1)
        r.date = d
        if rng.random() < 0.4:
            key = (p.eid, a)
            if key not in extra_pin_cache:
                extra_pin_cache[key] = pins.issue(p.female, d)
            r.pin = extra_pin_cache[key]
    elif a == "sex_wrong":
        r.sex = "M" if r.sex == "F" else "F"


def render_date(rng, r):
    if r.date_blank:
        return ""
    d = r.date
    x = rng.random()
    if x < 0.74:
        return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"
    if x < 0.93:
        return d.isoformat()
    if x < 0.97:
        return f"{d.day:02d}.{d.month:02d}.{d.year:04d} 0:00:00"
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def render_pin(rng, pin):
    x = rng.random()
    if x < 0.01 and pin.isdigit() and len(pin) == 14:
        return f"{pin[0]} {pin[1:5]} {pin[5:9]} {pin[9:]}"
    if x < 0.015 and pin.isdigit():
        return "'" + pin
    return pin


def pick_source(rng, p):
    age = (TODAY - p.birth).days / 365.25
    if age < 14:
        return rng.choices(["civil_registry", "social_fund", "tax", "passport"], [65, 20, 5, 10])[0]
    return rng.choices(["tax", "social_fund", "passport", "civil_registry"], [33, 32, 25, 10])[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--dup-rate", type=float, default=0.09, help="share of people with duplicates")
    ap.add_argument("--hn-rate", type=float, default=0.04, help="hard-negative people share")
    ap.add_argument("--no-extras", action="store_true",
                    help="only the damages of the brief (no name variants, uulu switch, ...)")
    a = ap.parse_args()
    if a.no_extras:
        for x in EXTRAS:
            del DAMAGE_W[x]
    rng = random.Random(a.seed)
    pools = Pools(rng)
    pins = PinBook(rng)
    n_hn = int(round(a.people * a.hn_rate))
    people, eid = make_population(a.people - n_hn, rng, pools, pins)
    hn, eid = add_hard_negatives(people, n_hn, rng, pools, pins, eid)
    people.extend(hn)
    rows = []  # (fields..., truth)
    extra_pin_cache = {}
    for p in people:
        p.src = pick_source(rng, p)
        r = base_rec(p)
        kind = p.hn_kind or "original"
        rows.append((p, r, kind, p.hn_rel))
        if rng.random() < a.dup_rate:
            k = rng.choices([1, 2, 3], [80, 15, 5])[0]
            for _ in range(k):
                dmg = choose_damages(rng, p)
                r2 = base_rec(p)
                r2.src = rng.choice(["tax", "social_fund", "passport", "civil_registry"]) \
                    if rng.random() < 0.6 else p.src
                for d in dmg:
                    apply_damage(rng, p, r2, d, pools, pins, extra_pin_cache)
                rows.append((p, r2, "+".join(dmg), ""))
    # global random blanks (also on originals)
    order = list(range(len(rows)))
    rng.shuffle(order)
    with open(a.out, "w", newline="", encoding="utf-8") as fo, \
            open(a.truth, "w", newline="", encoding="utf-8") as ft:
        wo = csv.writer(fo, lineterminator="\n")
        wt = csv.writer(ft, lineterminator="\n")
        wo.writerow(["record_id", "pin", "last_name", "first_name", "patronymic", "birth_date",
                     "sex", "source"])
        wt.writerow(["record_id", "entity_id", "kind", "related_entity"])
        for n, idx in enumerate(order, 1):
            p, r, kind, rel = rows[idx]
            if not r.date_blank and rng.random() < 0.02:
                r.date_blank = True
                if kind not in ("original", "twin", "namesake", "namesake_near_date", "shared_pin"):
                    kind += "+date_missing"
            sex = r.sex if rng.random() > 0.04 else ""
            rid = f"X{n:07d}"
            wo.writerow([rid, render_pin(rng, r.pin), r.last, r.first, r.patr,
                         render_date(rng, r), sex, r.src])
            wt.writerow([rid, f"E{p.eid:07d}", kind, f"E{rel:07d}" if rel != "" else ""])
    print(f"people={len(people)} records={len(rows)} hard_negatives={len(hn)}", file=sys.stderr)


if __name__ == "__main__":
    main()
