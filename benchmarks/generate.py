"""Generated content for benchmarks: many valid notices in the content contract.

`generate(folder, n, seed)` writes a content folder (the example's associations
and pages, and `n` notices made of sentences, titles, tags and places of the
example notices), so sizes and timings come from real Finnish text. The
example's few thousand words would make a small vocabulary, so each notice
also gets `extra_words` words drawn from simplemma's Finnish word forms (a pool
of ten per notice, commonest first by a Zipf-like weight), as a large site
would use ever more words. The same seed gives the same folder.
"""
import json
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content"
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


def _notice(rng, number, material, associations, pool, extra_words):
    sentences, titles, places, tags = material
    category = rng.choice(CATEGORIES)
    published = date(2025, 1, 1) + timedelta(days=rng.randrange(800))
    front = {
        "title": f"{rng.choice(titles)[:100]} {number}",
        "association": rng.choice(associations),
        "category": category,
        "date": published.isoformat(),
        "tags": rng.sample(tags, k=rng.randint(0, 3)),
    }
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
    if category == "tapahtumat":
        start = published + timedelta(days=rng.randint(1, 60))
        lines += ["event:", f'  start: "{start.isoformat()} {rng.randint(9, 19):02d}:00"',
                  f"  location: {json.dumps(rng.choice(places), ensure_ascii=False)}"]
    paragraphs = [" ".join(rng.sample(sentences, k=rng.randint(2, 4))) for _ in range(rng.randint(1, 3))]
    if extra_words:
        weights = [1 / (rank + 1) for rank in range(len(pool))]
        paragraphs.append(" ".join(rng.choices(pool, weights, k=extra_words)).capitalize() + ".")
    return "---\n" + "\n".join(lines) + "\n---\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder, n, seed=0, extra_words=8):
    """Write a content folder with `n` notices into `folder`; returns it."""
    folder = Path(folder)
    rng = random.Random(seed)
    shutil.copytree(EXAMPLE / "associations", folder / "associations")
    shutil.copytree(EXAMPLE / "pages", folder / "pages")
    associations = sorted(p.stem for p in (folder / "associations").glob("*.yml"))
    material = _example_material()
    pool = _word_pool(rng, 10 * n) if extra_words else []
    notices = folder / "notices"
    for number in range(1, n + 1):
        path = notices / f"{1 + (number - 1) // 1000:02d}" / f"ilmoitus-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_notice(rng, number, material, associations, pool, extra_words), encoding="utf-8")
    return folder


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extra-words", type=int, default=8)
    args = parser.parse_args()
    print(generate(args.folder, args.n, args.seed, args.extra_words))
