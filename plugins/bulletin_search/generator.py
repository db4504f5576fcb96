"""Writes the search page and the lemma map of the site's words."""
import gc
import logging
import sys
import time
from pathlib import Path

from pelican.generators import Generator

from bulletin_contract.beside import beside
from bulletin_contract.cache import shared_cache
from bulletin_contract.reader import STATE
from bulletin_contract.render import plain_text
from bulletin_i18n import translator_for
from bulletin_incremental import REUSE
from bulletin_incremental.memo import source_digest
from bulletin_incremental.reuse import site_key
from bulletin_i18n.languages import primary

from .days import READER_DAYS
from .indexer import INDEXER
from .kept_files import KeptSets
from .records import series_text
from .lemmas import Lemmatizer, build_lemma_map, count_found, save_lemmas, write_files
from .spelling import build_vocabulary
from .texts import NoticeWords
from .types import search_types

log = logging.getLogger(__name__)
LEMMA_CACHE = "lemmas.pickle"
WORDS_CACHE = "notice-words.pickle"
FILES_CACHE = "search-word-files.pickle"


# The texts below are what Pagefind indexes of each page: the part of the
# template in data-pagefind-body without data-pagefind-ignore, and the
# <meta> of _search.html (Pagefind searches metadata too). The lemma map
# says from them which words only the present or only the archive has,
# and the search page trusts it: a word the map leaves out of the present
# is not asked of it (tests/test_search_lemmas.py compares them with
# Pagefind's own fragments).


def notice_text(article, t):
    """The words of a notice page that Pagefind indexes and that its file
    alone decides (with the site's code and settings): kept by texts.py."""
    notice, dates = article.notice, t.dates
    # the body as read: `content` would resolve the links of every notice,
    # which changes attributes only, not the text
    parts = [notice.title, notice.summary or "", plain_text(article._content), *notice.tags,
             t("search_type_ilmoitus"), article.category_label]
    event = notice.event
    if event:
        if event.status:
            parts += [t(f"status_banner_{event.status}"), event.status_note or ""]
        if event.is_series:
            parts += dates.series_lines(event)
        else:
            parts.append(dates.when_long(event))
        parts += [event.location, event.price or "", event.registration or "", event.accessibility or ""]
        if event.registration_deadline:
            parts.append(dates.deadline(event.registration_deadline))
    else:
        parts.append(f"{t('notice_published')} {dates.short_date(article.date)}")
    if notice.hire:
        hire = notice.hire
        parts += [t.count("hire_hours_value", hire.hours_per_week),
                  t("hire_pay_subsidy_yes") if hire.pay_subsidy else t("hire_pay_subsidy_no"), hire.tasks]
    parts += [title for title, _ in notice.materials or ()]
    contact = notice.contact
    if contact:
        parts += [contact.name or ""] + ([contact.email or "", contact.phone or ""] if contact.consent else [])
    return " ".join(filter(None, parts))


def notice_extra(article, t):
    """The rest of a notice page's indexed words: what other files (its
    association's name, its partners') and the day (past or not, a
    series' next time) decide, drawn in every build."""
    notice, dates = article.notice, t.dates
    parts = [article.association_profile.name]
    if notice.hire:
        parts += [STATE.associations[slug].name for slug in notice.partners or () if slug in STATE.associations]
    parts.append(t("expired_label") if article.expired else "")
    event = notice.event
    if event:
        if event.status:
            parts.append(t(f"status_{event.status}"))
        parts.append(dates.when_short(article.shown_occurrence))
        if event.is_series:
            parts.append(dates.rule(event, short=True))
            parts.append(t("series_next", when=dates.in_series(article.next_occurrence)) if article.next_occurrence
                         else t("series_over", day=dates.short_date(event.last_day)))
    return " ".join(filter(None, parts))


def association_text(profile, t):
    # the offers and needs are records of their own (records.py), searched
    # too, whose titles name the association
    items = [*profile.offers, t("search_type_tarjous")] if profile.offers else []
    items += [*profile.needs, t("search_type_tarve")] if profile.needs else []
    return " ".join([profile.name, plain_text(getattr(profile, "description_html", "") or ""), *profile.groups,
                     t("search_type_yhdistys"), *(items if profile.active else [])])


def space_text(space, t, settings):
    """The words of a space's page that search finds: its name, text and
    facts (the page's space_facts, their labels left out)."""
    owner = STATE.associations.get(space.association)
    labels = [settings[f"BULLETIN_SPACE_{kind.upper()}"][slug]
              for kind in ("purposes", "equipment", "accessibility") for slug in getattr(space, kind)]
    return " ".join(filter(None, [space.name, plain_text(space.description_html or ""),
                                  t("search_type_tila"), owner.name if owner else "",
                                  t.count("space_persons", space.capacity), space.district or "",
                                  space.address, space.price or "", t("space_free") if space.free else "",
                                  space.entry or "", *labels]))


def series_record_text(series, t):
    names = [STATE.associations[a].name for a in series.organisers if a in STATE.associations]
    return " ".join([series_text(series), t("search_type_sarja"), *names])


def lemma_map(found, cache, archived=(), word=None, kept=None, dictionaries=None):
    """The lemma map files of the documents' words, the vocabulary files
    for typing errors, and how many words there are; `found` has each
    document's distinct words and language (lemmas.count_found, `word`
    naming a word); `cache` keeps lemmas between builds, and `kept`
    (kept_files.KeptSets) the files, and `dictionaries` (a folder)
    simplemma's; `archived` says which documents are in the archive's bundles."""
    # Its tables make no reference cycles, and the cycle collector walking
    # them as they grew was half their time (0.7 s at 20,000 notices): paused.
    enabled = gc.isenabled()
    gc.disable()
    try:
        counts, apart = count_found(found, archived, word)
        changed = kept.changed(counts, apart) if kept else None
        same = kept.unchanged() if kept else None
        if same:
            return same["lemmas"], same["vocabulary"], len(counts)
        lemmatize = Lemmatizer.kept_in(cache, dictionaries)
        files = build_lemma_map(counts, lemmatize, is_word=lemmatize.is_word, apart=apart,
                                kept=kept and kept["lemmas"], changed=changed, spoken=lemmatize.forms)
        spelling = build_vocabulary(counts, lemmatize, kept=kept and kept["vocabulary"], changed=changed)
    finally:
        if enabled:
            gc.enable()
    if cache:
        save_lemmas(cache, lemmatize)
    if kept:
        kept.save()
    return files, spelling, len(counts)


class SearchGenerator(Generator):
    def generate_context(self):
        self.url = self.settings["BULLETIN_URLS"]["search"]
        # Templates show the header search form when the site has search.
        self.context["search_url"] = self.url
        self.start_lemma_map()

    def start_lemma_map(self):
        """The lemma map is made in a second process while this one writes
        the pages, as its dictionary look-ups were a quarter of a build on
        one core. That process, forked, draws the documents' texts from its
        copy of the notices too: drawn here and sent over, they held this
        one up (0.5 s at 20,000 notices). It starts as soon as what it
        draws from is there: the notices, their associations and series,
        and which notices are past (bulletin_pages, before this generator).
        Started after the checks across files, which do not change any of
        it, this process waited for it at the end of a rebuild (0.4 s at
        100,000 notices). A file with problems refuses the build at those
        checks: no map is made. A build that only they refuse (two notices
        at one address, say) ends once the map is made."""
        if STATE.problems:
            return
        self.started = time.monotonic()
        self.lemma_map = beside(self.lemma_map_of_site)

    def lemma_map_of_site(self):
        cache = Path(self.settings["CACHE_PATH"], LEMMA_CACHE) if self.settings.get("CACHE_CONTENT") else None
        # a notice's text is made by the site's code from its file alone (see texts.py)
        version = f"{sys.version}\0{site_key(self.settings)}"
        known = NoticeWords(cache.with_name(WORDS_CACHE) if cache else None, version)
        found = self.found_words(known)
        archived = [getattr(a, "expired", False) for a in self.context["articles"]]
        # associations and series, after the notices, count as the present (lemmas.count_found)
        # the files are a function of the words' entries, by the site's code and settings
        kept = KeptSets(cache.with_name(FILES_CACHE), version, ("lemmas", "vocabulary")) if cache else None
        result = lemma_map(found, cache, archived, known.word, kept, shared_cache(self.settings))
        known.save()
        return result

    def found_words(self, known):
        """[(the distinct words, as `known` numbers them, language)] of every
        notice, then of every association, space and series; a notice's
        with a third item, the words of its page that each build draws anew."""
        language = self.settings["BULLETIN_LANGUAGE"]
        t = translator_for(self.settings)
        found = []
        for article in self.context["articles"]:
            digest = source_digest(article.source_path)
            key = None if digest is None else (article.source_path, digest)
            # by the language's dictionary: plain Finnish (fi-x-selko) is Finnish, sv-FI Swedish
            own = known(key, lambda: notice_text(article, t))
            found.append((own, primary(article.notice.lang), known.drawn_anew(notice_extra(article, t))))
        found += [(known(None, lambda: association_text(p, t)), language) for p in STATE.associations.values()]
        found += [(known(None, lambda: space_text(s, t, self.settings)), language) for s in STATE.spaces.values()]
        found += [(known(None, lambda: series_record_text(s, t)), language) for s in STATE.series.values()]
        return found

    def _write(self, files, folder):
        """The files of the lemma map or vocabulary; a file whose content is
        the previous build's is left in place (keyed by its content, which
        is all it shows)."""
        return write_files(Path(self.output_path) / self.url / folder, files,
                           lambda name, data: REUSE.take_made(self.url + folder + name, f"search-words\0{data}"))

    def generate_output(self, writer):
        files, spelling, words = self.lemma_map.result()
        version = self._write(files, "lemmat/")
        spelling_version = self._write(spelling, "sanasto/")
        log.info("Lemma map of %d words in %d files and vocabulary in %d files written in %.1f s (beside the pages)",
                 words, len(files), len(spelling), time.monotonic() - self.started)
        used = {g for p in STATE.associations.values() for g in p.groups}
        plan = INDEXER.plan
        groups = [g for g in self.settings["BULLETIN_GROUPS"] if g in used]
        writer.write_file(self.url + "index.html", self.get_template("search"), self.context,
                          relative_urls=False, page_url=self.url, lemma_files=sorted(files),
                          lemma_version=version, vocabulary_files=sorted(spelling),
                          vocabulary_version=spelling_version, search_groups=groups,
                          search_types=search_types(self.settings), search_day_words=READER_DAYS,
                          search_delta=plan.present if plan and plan.has_delta else None,
                          search_archive=plan.archive if plan else [],
                          search_archive_delta=plan.past if plan and plan.has_archive_delta else None)
