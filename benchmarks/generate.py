"""Generated content for benchmarks: many valid notices in the content contract.

`generate(folder, n, seed)` writes a content folder (the example's associations
and pages, and `n` notices made of sentences, titles, tags and places of the
example notices), so sizes and timings come from real Finnish text. The
example's few thousand words would make a small vocabulary, so each notice
also gets `extra_words` words drawn from simplemma's Finnish word forms (a pool
of ten per notice, commonest first by a Zipf-like weight), as a large site
would use ever more words. A town with thousands of notices has more
associations than the example's, so one more association is added for every
40 notices; and notices carry the optional fields as real ones do (summary,
contact, expiry, an event's end, price, registration and accessibility), as
they change the size of pages, feeds and calendars. The notices are
published over the `days` days up to LAST_DAY, a little after the
benchmarks' build day (by default 800: a town's bulletin in its third year;
a region's ten-year archive is `days=3653`). The same seed gives the same
folder.
"""
import json
import random
from itertools import accumulate
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content"
LAST_DAY = date(2027, 3, 10)
DAYS = 800
CATEGORIES = ["tapahtumat", "tilat", "rahoitus", "vapaaehtoiset", "yhteistyo", "tiedotteet"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_FIELD = re.compile(r"^ *(title|location): (.+)$", re.MULTILINE)
_TAGS = re.compile(r"^tags: \[(.*)\]$", re.MULTILINE)


def _example_material():
    sentences, titles, places, tags = [], [], [], set()
    for path in sorted((EXAMPLE / "notices").rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        for key, value in _FIELD.findall(front):
            (titles if key == "title" else places).append(value.strip().strip('"'))
        for found in _TAGS.findall(front):
            tags.update(t.strip() for t in found.split(",") if t.strip())
        for paragraph in body.split("\n\n"):
            if paragraph.strip() and not paragraph.lstrip().startswith(("-", "|", "#")):
                sentences += [s for s in _SENTENCE.split(paragraph.replace("\n", " ").strip()) if len(s) > 20]
    return sentences, titles, places, sorted(tags)


def _word_pool(rng, count):
    """`count` lower-case Finnish word forms from simplemma's dictionary."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = DefaultDictionaryFactory().get_dictionary("fi")
    wanted = set(rng.sample(range(len(forms)), min(len(forms), count * 3)))
    pool = [w for i, w in enumerate(forms) if i in wanted and w.isalpha() and w.islower()][:count]
    rng.shuffle(pool)
    return pool


def _association(rng, number, material):
    """A made-up association's file: (slug, YAML)."""
    sentences, _, places, _ = material
    slug = f"yhdistys-{number:04d}"
    values = {
        "name": f"Yhdistys {number} ry",
        "description": " ".join(rng.sample(sentences, k=3)),
        "groups": rng.sample(["eläkeläiset", "vammaiset", "nuoret", "lapset ja perheet", "urheilu",
                              "kulttuuri", "asukkaat", "maahanmuuttajat"], k=rng.randint(1, 3)),
        "website": f"https://{slug}.example.org",
        "email": f"info@{slug}.example.org",
        "address": rng.choice(places)[:200],
    }
    return slug, "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in values.items())


def _optional(rng, chance, lines):
    return lines if rng.random() < chance else []


def _notice(rng, number, material, associations, pool, cum_weights, extra_words, days):
    sentences, titles, places, tags = material
    category = rng.choice(CATEGORIES)
    published = LAST_DAY - timedelta(days=rng.randrange(days))
    front = {
        "title": f"{rng.choice(titles)[:100]} {number}",
        "association": rng.choice(associations),
        "category": category,
        "date": published.isoformat(),
        "tags": rng.sample(tags, k=rng.randint(0, 3)),
    }
    if rng.random() < 0.7:
        front["summary"] = rng.choice(sentences)[:300]
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
    if category == "tapahtumat":
        start = published + timedelta(days=rng.randint(1, 60))
        hour = rng.randint(9, 19)
        lines += ["event:", f'  start: "{start.isoformat()} {hour:02d}:00"',
                  f"  location: {json.dumps(rng.choice(places), ensure_ascii=False)}"]
        lines += _optional(rng, 0.7, [f'  end: "{hour + 2:02d}:00"'])
        lines += _optional(rng, 0.6, ['  price: "Vapaa pääsy, kahvi 2 €"'])
        lines += _optional(rng, 0.4, ['  registration: "Ilmoittaudu viikkoa ennen sähköpostilla."'])
        lines += _optional(rng, 0.5, ['  accessibility: "Esteetön sisäänkäynti ja induktiosilmukka."'])
    else:
        lines += _optional(rng, 0.3, [f'expires: "{published + timedelta(days=rng.randint(20, 120))}"'])
    lines += _optional(rng, 0.6, ["contact:", "  name: Aila Esimerkki", f"  email: aila.{number}@example.org",
                                  f'  phone: "040 000 {number % 10000:04d}"', "  consent: true"])
    paragraphs = [" ".join(rng.sample(sentences, k=rng.randint(2, 4))) for _ in range(rng.randint(1, 3))]
    if extra_words:
        paragraphs.append(" ".join(rng.choices(pool, cum_weights=cum_weights, k=extra_words)).capitalize() + ".")
    return "---\n" + "\n".join(lines) + "\n---\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder, n, seed=0, extra_words=8, days=DAYS):
    """Write a content folder with `n` notices into `folder`; returns it."""
    folder = Path(folder)
    rng = random.Random(seed)
    shutil.copytree(EXAMPLE / "associations", folder / "associations")
    shutil.copytree(EXAMPLE / "pages", folder / "pages")
    material = _example_material()
    for number in range(1, n // 40 + 1):
        slug, text = _association(rng, number, material)
        (folder / "associations" / f"{slug}.yml").write_text(text, encoding="utf-8")
    # a retired association (active: false) takes no new notices
    associations = sorted(p.stem for p in (folder / "associations").glob("*.yml")
                          if "\nactive: false" not in p.read_text(encoding="utf-8"))
    pool = _word_pool(rng, 10 * n) if extra_words else []
    # summed once: random.choices would sum the weights again for every notice
    cum_weights = list(accumulate(1 / (rank + 1) for rank in range(len(pool))))
    notices = folder / "notices"
    for number in range(1, n + 1):
        path = notices / f"{1 + (number - 1) // 1000:02d}" / f"ilmoitus-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_notice(rng, number, material, associations, pool, cum_weights, extra_words, days),
                        encoding="utf-8")
    return folder


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extra-words", type=int, default=8)
    parser.add_argument("--days", type=int, default=DAYS, help="the days over which the notices were published")
    args = parser.parse_args()
    print(generate(args.folder, args.n, args.seed, args.extra_words, args.days))
