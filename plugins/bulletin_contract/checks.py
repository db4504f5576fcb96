"""Checks over a whole content folder, shared by `bulletin check` and the build."""
import os
from dataclasses import replace
from pathlib import Path

from .problems import ContentError, Problem
from .body_checks import SiteFiles
from .slugs import association_slug, without_legal_form
from .validate import Context, display_path, read_association, read_notice, read_page, read_series, read_space

NOTICES_DIR = "notices"
ASSOCIATIONS_DIR = "associations"
SPACES_DIR = "spaces"
PAGES_DIR = "pages"
SERIES_DIR = "series"


def context_for(settings, t, associations=None, series=None, spaces=None, refused_associations=None):
    return Context(
        t=t,
        categories=settings["BULLETIN_CATEGORIES"],
        groups=settings["BULLETIN_GROUPS"],
        associations=associations,
        refused_associations=refused_associations,
        series=series,
        space_purposes=settings["BULLETIN_SPACE_PURPOSES"],
        space_equipment=settings["BULLETIN_SPACE_EQUIPMENT"],
        space_accessibility=settings["BULLETIN_SPACE_ACCESSIBILITY"],
        districts=settings["BULLETIN_DISTRICTS"],
        spaces=spaces,
        languages=settings.get("BULLETIN_LANGUAGES"),
        # without Pelican's settings (the form's schema): the default folder, not looked up
        files=SiteFiles(tuple(settings["STATIC_PATHS"]), settings["PATH"]) if "PATH" in settings else SiteFiles(),
    )


def file_paths(folder, skip=()):
    """Every file under a folder, hidden ones included, in a stable order;
    not under the folder's subfolders named in `skip`. As strings: a Path
    per file was a noticeable part of a rebuild."""
    for dirpath, dirnames, filenames in os.walk(folder):
        if skip and dirpath == str(folder):
            dirnames[:] = [name for name in dirnames if name not in skip]
        dirnames.sort()
        for name in sorted(filenames):
            yield os.path.join(dirpath, name)


def all_files(folder, skip=()):
    """`file_paths` as Paths."""
    return [Path(path) for path in file_paths(folder, skip)]


def _symbolic_links(folder):
    # DirEntry knows a link from the directory listing, without a stat per file.
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                yield entry.path
            elif entry.is_dir():
                yield from _symbolic_links(entry.path)


def links(content, t):
    """Symbolic links in the content folder: a submitted link could make the
    build read and publish a file from anywhere on the building machine."""
    return [Problem(display_path(path), 1, t("err_symlink")) for path in _symbolic_links(content)]


def is_notice_file(path):
    return path.suffix == ".md" and not path.name.startswith(".")


def load_associations(content, ctx, reads=None):
    """Read content/associations/: returns (profiles by slug, problems)."""
    profiles, problems = _load_profiles(Path(content, ASSOCIATIONS_DIR), read_association, ctx, reads)
    return profiles, problems + _one_association_twice(profiles, ctx.t)


def _one_association_twice(profiles, t):
    """`kuoro.yml` and `kuoro-ry.yml`, or two files of the name "Kuoro ry":
    one association twice. A notice's "Kuoro ry" would find one of them,
    "Kuoro r.y." the other, and a name written in a form the first only.
    Said of both files, so that a check of either alone refuses it."""
    problems, by_name = [], {}
    for slug, profile in profiles.items():
        first = profiles.get(without_legal_form(slug))
        key = "err_same_association"
        if first is None or first is profile:
            first, key = by_name.setdefault(association_slug(profile.name), profile), "err_same_association_name"
        if first is not profile:
            message = t(key, first=first.path, second=profile.path, name=profile.name, kept=Path(first.path).name,
                        extra=Path(profile.path).name)
            problems.extend(Problem(path, 1, message) for path in (first.path, profile.path))
    return problems


def load_series(content, ctx, reads=None):
    """Read content/series/ (its organisers checked against `ctx.associations`):
    returns (series by slug, problems)."""
    return _load_profiles(Path(content, SERIES_DIR), read_series, ctx, reads)


def _load_profiles(folder, read, ctx, reads=None):
    """Read every file of a folder with `read`: (what it gives by slug, problems).
    `reads(read, path, raw, ctx)`, when given, reads each file in its stead
    (a build keeps what earlier builds read: bulletin_incremental)."""
    profiles, problems = {}, []
    for path in all_files(folder):
        try:
            raw = path.read_bytes()
            profile = reads(read, path, raw, ctx) if reads else read(path, raw, ctx)
        except ContentError as err:
            problems.extend(err.problems)
            continue
        first = profiles.get(profile.slug)
        if first is not None:
            # in another subfolder, a file of an existing slug would silently
            # take the place of its association, space or series; said of
            # both, so that a check of either file alone refuses it
            message = ctx.t("err_same_profile", first=first.path, second=profile.path, slug=profile.slug)
            problems.extend(Problem(path, 1, message) for path in (first.path, profile.path))
            continue
        profiles[profile.slug] = profile
    return profiles, problems


def load_profiles(content, settings, t, reads=None):
    """Associations and series, each checked: (associations, series, problems, context for notices)."""
    associations, problems = load_associations(content, context_for(settings, t), reads)
    # a notice or series of an association whose file is refused is told so, not "add the file"
    refused = {Path(p.path).stem: p.path for p in problems if Path(p.path).stem not in associations}
    names = {slug: profile.name for slug, profile in associations.items()}  # a partner is found by name too
    series, more = load_series(content, context_for(settings, t, associations=names, refused_associations=refused),
                               reads)
    ctx = context_for(settings, t, associations=names, series=set(series), refused_associations=refused)
    return associations, series, problems + more, ctx


def retired(notices, associations, today, expiry_days, t):
    """A retired association (`active: false`) takes no new notices: those
    still current on `today` are refused; its past ones stay in the archive.
    Nor is it a partner in a current one (a joint hiring would name it among
    the employers, and its page would list the notice)."""
    retired_slugs = {slug for slug, profile in associations.items() if not profile.active}
    if not retired_slugs:
        return []

    def is_retired(slug):
        return slug in retired_slugs

    problems = []
    for n in notices:
        if n.association not in retired_slugs and retired_slugs.isdisjoint(n.partners or ()):
            continue
        if not n.is_current(today, expiry_days):
            continue
        if is_retired(n.association):
            problems.append(Problem(n.path, n.lines.get(("association",), 1),
                                    t("err_association_retired", slug=n.association)))
        problems += [Problem(n.path, n.lines.get(("partners",), 1), t("err_partner_retired", slug=slug))
                     for slug in n.partners or () if is_retired(slug)]
    return problems


def foreign_spaces(notices, spaces, today, expiry_days, t):
    """A current notice offers a space of its own association: naming
    another's, it would present that hall as its own offer. (A space that
    later changes hands leaves the archive as it was.)"""
    return [Problem(n.path, n.lines.get(("space",), 1), t("err_space_not_own", key="space", space=n.space,
                                                         owner=spaces[n.space].association, association=n.association))
            for n in notices if n.space in spaces and spaces[n.space].association != n.association
            and n.is_current(today, expiry_days)]


def retired_spaces(spaces, associations, t):
    """A retired association offers no premises: its spaces are refused,
    as its current notices are (a space stays offered until removed)."""
    return [Problem(s.path, s.lines.get(("association",), 1), t("err_space_association_retired", slug=s.association))
            for s in spaces
            if s.association in associations and not associations[s.association].active]


def load_spaces(content, ctx, reads=None):
    """Read content/spaces/ (after the associations: a space names its
    association): returns (spaces by slug, problems)."""
    return _load_profiles(Path(content, SPACES_DIR), read_space, ctx, reads)


def unpublished(content, published_paths, t):
    """Files under notices/ and pages/ that did not become a page: never skip silently.

    Pelican's source paths and these are both found by walking `content`,
    so absolute paths compare them; resolving every link (realpath) cost a
    noticeable part of a rebuild. The folders are walked from their
    absolute paths, so that each file's path comes whole from the listing:
    os.walk's sorting and joining of every name was most of this check at
    100,000 notices. Only the files found are sorted, and shown as walked."""
    published = {os.path.abspath(p) for p in published_paths}
    found = []
    for folder in (os.path.join(content, NOTICES_DIR), os.path.join(content, PAGES_DIR)):
        absolute = os.path.abspath(folder)
        found += [folder + path[len(absolute):] for path in _files_under(absolute) if path not in published]
    return [Problem(display_path(path), 1, t("err_not_published")) for path in sorted(found)]


def _files_under(folder):
    """The paths of the files under `folder`, in no order; as os.walk, not
    into a linked folder (`links` refuses every link)."""
    try:
        entries = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    with entries:
        for entry in entries:
            if not entry.is_dir():
                yield entry.path
            elif not entry.is_symlink():
                yield from _files_under(entry.path)


# What an image file (or a PDF, such as minutes) starts with. Anything else
# in a folder Pelican copies as it is (an SVG, an HTML page, a script) could
# run on the site's own address when opened, where no policy in a page's
# <head> reaches it.
_IMAGE_STARTS = {
    ".pdf": lambda b: b.startswith(b"%PDF-"),
    ".png": lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"),
    ".jpg": lambda b: b.startswith(b"\xff\xd8\xff"),
    ".jpeg": lambda b: b.startswith(b"\xff\xd8\xff"),
    ".gif": lambda b: b.startswith((b"GIF87a", b"GIF89a")),
    ".webp": lambda b: b.startswith(b"RIFF") and b[8:12] == b"WEBP",
    ".avif": lambda b: b[4:12] in (b"ftypavif", b"ftypavis"),
}


def static_files(content, settings, t):
    """Problems with files in STATIC_PATHS: only images, whose bytes say so."""
    problems = []
    for folder in settings["STATIC_PATHS"]:
        for path in all_files(Path(content, folder)):
            looks_right = _IMAGE_STARTS.get(path.suffix.lower())
            if looks_right is None or not looks_right(path.read_bytes()[:16]):
                problems.append(Problem(display_path(path), 1, t("err_static_file")))
    return problems


def in_static_paths(path, settings):
    """Is `path` (relative to the content folder) in one of STATIC_PATHS?"""
    path = os.path.normpath(path).replace(os.sep, "/")
    return any(path == folder.rstrip("/") or path.startswith(folder.rstrip("/") + "/")
               for folder in settings["STATIC_PATHS"])


def stray_files(content, settings, t):
    """Files outside the folders the site is built from would be skipped
    without a word (a notice saved one folder too high), or published only
    because a notice names them with {static}."""
    content = Path(content)
    built_from = (NOTICES_DIR, ASSOCIATIONS_DIR, SPACES_DIR, PAGES_DIR, SERIES_DIR)
    return [
        Problem(display_path(path), 1, t("err_stray_file", folder=settings["STATIC_PATHS"][0]))
        for path in all_files(content, skip=built_from)
        if path.relative_to(content).parts[0] not in built_from
        and not in_static_paths(str(path.relative_to(content)), settings)
    ]


# Folders the build writes itself, beside those named in the settings
# (bulletin_pages' submission form, bulletin_search's index).
BUILT_FOLDERS = ("laheta", "pagefind", "pagefind-delta", "julisteet", "kuvakkeet")
# Folders the build names as it goes: the search's archive bundles by year.
BUILT_PREFIXES = ("pagefind-",)


def built_folders(settings):
    """First segments of every address the build writes: a page must not take one."""
    addresses = [*settings["BULLETIN_URLS"].values(), *settings["BULLETIN_FEED_URLS"].values(),
                 settings["ARTICLE_URL"], settings["THEME_STATIC_DIR"], *BUILT_FOLDERS]
    return {address.split("/", 1)[0] for address in addresses}


def page_addresses(pages, settings, t):
    """Problems of pages ((path, slug) pairs) whose address is taken: by
    another page, or by a page the build writes itself."""
    folders = built_folders(settings)

    def taken(slug):
        return slug in folders or slug.startswith(BUILT_PREFIXES)

    problems = [Problem(path, 1, t("err_page_address", url=f"/{slug}/", suggestion=f"{slug}-sivu.md"))
                for path, slug in sorted(pages) if taken(slug)]
    return problems + _one_address([(path, slug) for path, slug in pages if not taken(slug)], t, "/{}/")


def same_addresses(notices, t):
    """Two notices that would be written to one address stop the build.
    Their files are paired with the addresses only when two share one:
    pairing every notice's was most of this check at 100,000 notices."""
    slugs = [notice.slug for notice in notices]
    if len(set(slugs)) == len(slugs):
        return []
    return _one_address([(notice.path, notice.slug) for notice in notices], t, "{}/")


def _one_address(files, t, url):
    """Problems of files ((path, slug) pairs) written to one address: each
    after the first by path names the first, and the first names the
    second (a check of either file alone refuses it, as the build does).
    In order of path: only the files of a shared address are sorted
    (sorting every pair was 0.3 s of a rebuild at 100,000 notices)."""
    paths_by_slug = {}
    for path, slug in files:
        paths_by_slug.setdefault(slug, []).append(path)
    shared = []
    for slug, paths in paths_by_slug.items():
        if len(paths) > 1:
            first, second, *_ = sorted(paths)
            shared.extend((path, slug, first, path if path != first else second) for path in paths)
    return [Problem(path, 1, t("err_same_address", first=first, second=second, url=url.format(slug)))
            for path, slug, first, second in sorted(shared)]


def _not_a_notice(path, outside, content, t):
    """The problem of a file read as a notice that cannot be one. From
    outside the folder, a .yml file is the profile or space form's
    download: checked in its folder, among the files it names."""
    if outside and path.suffix in (".yml", ".yaml"):
        folders = {key: display_path(content / name) for key, name in
                   (("associations", ASSOCIATIONS_DIR), ("spaces", SPACES_DIR), ("series", SERIES_DIR))}
        return Problem(display_path(path), 1, t("err_profile_outside", name=path.name, **folders))
    return Problem(display_path(path), 1, t("err_not_published"))


def check_content(content, settings, t, only=None, today=None, extra=()):
    """Validate a content folder: (notices, problems).

    With `only` (real paths), problems are reported for those files alone, but
    every file is still read, so a new notice that takes an existing notice's
    address is caught. `extra` are notice files from elsewhere (a submission
    not yet placed), read as if they were in the folder: the same verdict
    as once they are.
    """
    content = Path(content)
    associations, _, problems, ctx = load_profiles(content, settings, t)
    problems.extend(links(content, t))
    spaces, space_problems = load_spaces(content, ctx)
    problems.extend(space_problems)
    problems.extend(retired_spaces(spaces.values(), associations, t))
    ctx = replace(ctx, spaces=set(spaces))
    notices = []
    for path in [*all_files(content / NOTICES_DIR), *extra]:
        if not is_notice_file(path):
            problems.append(_not_a_notice(path, path in extra, content, t))
            continue
        try:
            notices.append(read_notice(path, path.read_bytes(), ctx))
        except ContentError as err:
            problems.extend(err.problems)
    pages = []
    for path in all_files(content / PAGES_DIR):
        if not is_notice_file(path):
            problems.append(Problem(display_path(path), 1, t("err_not_published")))
            continue
        try:
            pages.append((display_path(path), read_page(path, path.read_bytes(), ctx)[0]))
        except ContentError as err:
            problems.extend(err.problems)
    problems.extend(static_files(content, settings, t))
    problems.extend(stray_files(content, settings, t))
    problems.extend(same_addresses(notices, t))
    problems.extend(page_addresses(pages, settings, t))
    if today is not None:
        problems.extend(retired(notices, associations, today, settings["BULLETIN_EXPIRY_DAYS"], t))
        problems.extend(foreign_spaces(notices, spaces, today, settings["BULLETIN_EXPIRY_DAYS"], t))
    if only is not None:
        shown = {display_path(p) for p in only}
        problems = [p for p in problems if p.path in shown]
    return notices, sorted(set(problems))
