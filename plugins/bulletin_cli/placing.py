"""Putting a new notice into content/notices/: a readable, unique name, checked
first and never written over an existing file. Shared by `from-issue`, `add`
and `new`."""
import sys
from pathlib import Path

from bulletin_contract.checks import (ASSOCIATIONS_DIR, NOTICES_DIR, all_files, context_for, foreign_spaces,
                                     load_profiles, load_spaces, retired)
from bulletin_contract.duplicates import duplicate_of
from bulletin_contract.fields import ASSOCIATION_FIELDS, Invalid, one_of_each
from bulletin_contract.people_dates import is_day_range, read_clock, read_when, weekday_values, wrong_weekday
from bulletin_contract.problems import ContentError, Problem
from bulletin_contract.slugs import NAMES_SEPARATOR, named_association, slugify
from bulletin_contract.validate import display_path, read_notice
from bulletin_contract.writer import notice_file_with_lines, quote
from bulletin_settings import today

TITLE_SLUG_LIMIT = 50


def title_slug(title):
    slug = slugify(title)
    if len(slug) > TITLE_SLUG_LIMIT:
        slug = slug[:TITLE_SLUG_LIMIT].rsplit("-", 1)[0]
    return slug or "ilmoitus"


def unique_path(content, date_text, title):
    """content/notices/<year>/<date>-<title>.md, with -2, -3... when the
    address is taken anywhere under notices/ (addresses are site-wide)."""
    notices = Path(content, NOTICES_DIR)
    taken = {slugify(path.stem) for path in all_files(notices)}
    base = f"{date_text[:10]}-{title_slug(title)}"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return notices / date_text[:4] / f"{name}.md"


def as_iso(text, today, recent=False):
    """A date or time as people write it (`la 5.12. klo 18–20`, `5.12.2026
    18.00`, or a time alone `18.00`) to (ISO, ISO end of a range or None);
    anything else as it is (the field rule then says what is wrong).
    `recent`: a publication date (people_dates.read_day)."""
    text = text.strip()
    clock = read_clock(text)
    if clock:
        return clock
    return read_when(text, today, recent) or (text, None)


def tags_written(text):
    """Tags as people write them, `kuoro, Kuoro, laulu`, as the file holds
    them: each once (fields.one_of_each)."""
    return one_of_each([word.strip() for word in text.split(",") if word.strip()])


def weekday_message(t, key, wrong):
    """What every door says of a date whose weekday is another day's
    (people_dates.wrong_weekday), naming the answer by `key`."""
    return t("err_wrong_weekday", key=key, **weekday_values(wrong))


def written_date_problems(t, key, texts, today, recent=False, range_allowed=False, times=True, days_off=False,
                          clock_alone=False):
    """What no rule of the file can say of `texts` (a date, or each day off
    of a series) as people wrote them, each text's: a weekday that is another
    day's, a text that is no day or time as people write one, or a range of
    times (`klo 10–12`) where one time is asked for, whose end would be lost. Only an event's start takes a range of times;
    no answer a range of days (`18.–20.12.`). `times`: whether the field's
    rule takes a time with its day (fields.When.times), which the message
    for a text that is no day then asks for. `days_off`: a series' days off,
    whose range (a summer break) is each of its days to write. `clock_alone`:
    whether a time alone is an answer (an event's end, on its start's day);
    elsewhere it is told as no day, not in the file's form the rule would ask for."""
    problems = []
    for text in texts:
        wrong = wrong_weekday(text, today, recent)
        if is_day_range(text):
            problems.append(t("err_day_range_days_off" if days_off else "err_day_range", key=key, value=text.strip()))
        elif wrong:
            problems.append(weekday_message(t, key, wrong))
        elif (read_clock(text) is None and read_when(text, today, recent) is None) or \
                (read_clock(text) and not clock_alone):  # a time alone is read as one (as_iso)
            # how these doors read a day, not the file's ISO form the field's rule would ask for
            problems.append(t("err_when_unread" if times else "err_day_unread", key=key, value=text.strip()[:80]))
        elif not range_allowed and as_iso(text, today, recent)[1]:
            problems.append(t("err_one_time", key=key, value=text.strip()))
    return problems


def event_end(range_end, end, written, key):
    """An event's end: its own answer, or the end of a range of times written
    in its start (`klo 18–20`). Both and different: which is meant is the
    person's to say, so Invalid naming `key`, with the end as `written`."""
    if range_end and end and end not in (range_end, range_end[11:]):
        raise Invalid("err_two_ends", key=key, first=range_end[11:], second=written)
    return end or range_end


def _names(text):
    """The names of a list of associations as people write it."""
    return [name for name in map(str.strip, NAMES_SEPARATOR.split(text)) if name]


class Site:
    """The content folder's associations and the rules' context."""

    def __init__(self, content, settings, t):
        self.content = Path(content)
        self.settings, self.t = settings, t
        self.associations, self.series, _problems, ctx = load_profiles(self.content, settings, t)
        self.refused = ctx.refused_associations  # slug -> path: there, but no new file may be made of it
        self.spaces = load_spaces(self.content, ctx)[0]  # by slug: which an offering notice may name

    @property
    def ctx(self):
        return context_for(self.settings, self.t, associations=self.names, series=set(self.series),
                           spaces=set(self.spaces), refused_associations=self.refused)

    def find_association(self, text):
        """A slug or a name as a person wrote it to a slug, or None
        (slugs.named_association: "Imatrankosken eläkeläiset" for
        "Imatrankosken Eläkeläiset ry")."""
        return named_association(text, self.names)

    @property
    def names(self):
        """slug -> the association's name (None: a new one, its file to come)."""
        return {slug: profile.name if profile else None for slug, profile in self.associations.items()}

    def find_associations(self, text):
        """A list of associations as people write it, `Laulukuoro ry, pallo`
        (a joint notice's partners): each to its slug as find_association
        finds it, or as written, for the field's rule to say what is wrong;
        each once, as the rule reads them (fields.Slugs)."""
        found = (self.find_association(name) or name for name in _names(text))
        return list(dict.fromkeys(found))

    def partner_notes(self, text):
        """What each partner's name that was not written exactly was taken to
        mean (find_associations): a name and a word more is one partner."""
        notes = (self.association_note(name, self.find_association(name), "partner_found") for name in _names(text))
        return [note for note in notes if note]

    def association_note(self, text, slug, key="association_found"):
        """What a name that was not written exactly was taken to mean, or None."""
        profile = self.associations.get(slug)
        if profile is None or slugify(text) in (slug, slugify(profile.name)):
            return None
        return self.t(key, written=text.strip(), name=profile.name, slug=slug)

    def add_association(self, slug, name):
        """A new association file with its name only, for the editors to fill in."""
        path = self.content / ASSOCIATIONS_DIR / f"{slug}.yml"
        name = ASSOCIATION_FIELDS["name"].parse(name, "name", self.ctx)
        with open(path, "x", encoding="utf-8") as out:
            out.write(f"name: {quote(name)}\n")
        self.associations[slug] = None  # known from now on; the file is read at build
        return path

    def check_name(self, name):
        """Raise Invalid if the text cannot be an association's name."""
        ASSOCIATION_FIELDS["name"].parse(name, "name", self.ctx)
        if not slugify(name):
            raise Invalid("err_name_no_letters", key="name", value=name.strip())


def scheduled_note(notice, t, day):
    """Said of a notice dated after `day`, by check and by every command
    that writes one: it waits for its day. None for any other."""
    if notice.is_scheduled(day):
        return t("check_scheduled", path=display_path(notice.path), day=t.dates.short_date(notice.date))
    return None


def place(site, values, body, labels=None, path=None, tell=None, answered=None, missing=None):
    """Write a notice with the given values to a new file (`path`, or a new
    unique name); returns its path. `tell` (default: standard error) is
    given what is to be known of the notice written (scheduled for later).

    Raises ContentError, with nothing written, when the notice breaks a rule;
    with `labels` (key path -> label) each problem names the field's label;
    with `answered` (key path or None -> (path, line)) it is placed where
    that field was answered, not in the file that was never written; with
    `missing` (key path -> message) a required value not given is asked for
    in the door's words (default: err_missing_answer with its label)."""
    text, line_keys = notice_file_with_lines(values, body)
    path = path or unique_path(site.content, values.get("date", ""), values.get("title", ""))
    try:
        notice = read_notice(path, text.encode("utf-8"), site.ctx)
        _refuse_retired(notice, site)
        _refuse_past_event(notice, site)
        _refuse_duplicate(notice, site)
    except ContentError as err:
        if not labels:
            raise
        raise ContentError([_relabel(p, line_keys, labels, site.t, answered, missing)
                            for p in err.problems]) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as out:
        out.write(text)
    note = scheduled_note(notice, site.t, today(site.settings))
    if note:
        (tell or to_stderr)(note)
    return path


def to_stderr(text):
    print(text, file=sys.stderr)  # standard output is for the written paths


def _refuse_past_event(notice, site):
    """A new notice of an event that is over is nearly always a typo in the
    year; `check` accepts it (notices age), a new submission does not."""
    if notice.event and notice.event.last_current_day < today(site.settings):
        line = notice.lines.get(("event", "start"), 1)
        day = site.t.dates.short_date(notice.event.last_day)
        key = "err_event_series_past" if notice.event.is_series else "err_event_past"
        raise Problem(notice.path, line, site.t(key, day=day)).as_error()


def _refuse_retired(notice, site):
    """A retired association takes no new notice, nor offers another's space:
    `check`'s own rules and messages, given before the file is written
    rather than at the build."""
    profiles = {slug: p for slug, p in site.associations.items() if p}  # None: new, its file follows
    day, expiry = today(site.settings), site.settings["BULLETIN_EXPIRY_DAYS"]
    problems = retired([notice], profiles, day, expiry, site.t) + foreign_spaces([notice], site.spaces, day, expiry,
                                                                                  site.t)
    if problems:
        raise ContentError(problems)


def existing_notices(site):
    """The valid notices already in the content folder."""
    found = []
    for path in all_files(site.content / NOTICES_DIR):
        try:
            found.append(read_notice(path, path.read_bytes(), site.ctx))
        except ContentError:
            continue  # check names its problems; it cannot be repeated meanwhile
    return found


def _refuse_duplicate(notice, site):
    """The same e-mail added twice, an issue sent again: one notice."""
    first = duplicate_of(notice, existing_notices(site))
    if first is not None:
        raise Problem(notice.path, 1, site.t("err_duplicate_notice", path=first.path)).as_error()


def _relabel(problem, line_keys, labels, t, answered=None, missing=None):
    key = problem.missing or line_keys.get(problem.line)
    path, line = answered(key) if answered else (problem.path, problem.line)
    # a question or flag not answered, not "add the line event.repeat.until"
    if problem.missing and problem.missing in labels:
        said = missing(key) if missing else t("err_missing_answer", label=labels[key])
        return Problem(path, line, said)
    label = labels.get(key)
    return Problem(path, line, f"{label}: {problem.message}" if label else problem.message)
