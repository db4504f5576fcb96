"""Finding the site's settings and building it, shared by the commands."""
import contextlib
import gc
import multiprocessing
import os
import shutil
import sys
import tempfile
import traceback
from datetime import date
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings
from pelican.writers import FileOverwriteFailedError

from bulletin_contract.problems import Problem
from bulletin_i18n import Translator, translator_for
from bulletin_incremental import REUSE
from bulletin_incremental import memo, unchanged
from bulletin_incremental.inplace import Replacement, files_in
from bulletin_settings import BUILD_DAYS, SettingsError, is_build_day, today, validate, with_defaults

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class UsageError(Exception):
    exitcode = 2


def project_root():
    """The folder with pelicanconf.py: here or above, else this checkout."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "pelicanconf.py").is_file() and (folder / "plugins").is_dir():
            return folder
    return PACKAGE_ROOT


def parse_today(text, t):
    if not is_build_day(text):
        raise UsageError(t("cli_err_today", value=text, first=BUILD_DAYS[0], last=BUILD_DAYS[1]))
    return date.fromisoformat(text).isoformat()


def _settings_language(settings_file):
    """The translator of the settings file's language, before the file is read as settings."""
    from .usage import language  # usage finds the project with this module's project_root
    return Translator(language(["-s", settings_file]))


def cache_path(output):
    """The content cache of a build: beside its output, never inside it,
    as the output folder is what gets published."""
    output = Path(output)
    return output.with_name(f".{output.name}-cache")


def load_settings(settings_file="pelicanconf.py", content=None, output=None, today=None):
    root = project_root()
    t = _settings_language(settings_file)
    overrides = {}
    if content:
        content = Path(content).resolve()
        if not content.is_dir():
            raise UsageError(t("cli_err_content", path=content))
        overrides["PATH"] = str(content)
    if output:
        overrides["OUTPUT_PATH"] = str(Path(output).resolve())
    if today:
        overrides["BULLETIN_TODAY"] = parse_today(today, t)
    try:
        settings = read_settings(str(root / settings_file), override=overrides)
    except Exception as err:  # the settings file is Python: any error there is the file's
        raise SettingsError(_settings_file_problem(root / settings_file, err)) from None
    if not overrides.get("OUTPUT_PATH") and not Path(settings["OUTPUT_PATH"]).is_absolute():
        settings["OUTPUT_PATH"] = str(root / settings["OUTPUT_PATH"])
    if Path(settings["OUTPUT_PATH"]).parent == Path(settings["OUTPUT_PATH"]):
        raise UsageError(t("cli_err_output_root", path=settings["OUTPUT_PATH"]))
    settings["CACHE_PATH"] = str(cache_path(settings["OUTPUT_PATH"]))
    validate(with_defaults(settings))
    return settings


def _settings_file_problem(path, err):
    """`file:line: error` for an error raised while reading a settings file."""
    line = getattr(err, "lineno", None) if isinstance(err, SyntaxError) else None
    if line is None:
        frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == str(path)]
        line = frames[-1].lineno if frames else None
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {type(err).__name__}: {err}"


def _refuse_dangerous_output(output, settings):
    """Never replace a folder that holds the site's sources or anything else."""
    output, t = output.resolve(), translator_for(settings)
    if output.exists() and not output.is_dir():
        raise UsageError(t("cli_err_output_file", path=output))
    content = Path(settings["PATH"]).resolve()
    protected = [content, project_root().resolve(), Path.cwd().resolve()]
    for folder in protected:
        if output == folder or output in folder.parents:
            raise UsageError(t("cli_err_output_holds", path=output, folder=folder))
    if content in output.parents:  # the built files and the cache beside them would be read as content
        raise UsageError(t("cli_err_output_in_content", path=output, content=content))
    if output.exists() and any(output.iterdir()) and not (output / "sitemap.xml").exists():
        raise UsageError(t("cli_err_output_other", path=output))


# Objects made between two young collections of Python's cycle collector
# during a build (Python's default: 700). A build makes millions of objects
# that live to its end; every young collection moved them on, and the older
# generations' collections walked them again: 4.5 s of a one-notice rebuild
# at 100,000 notices, 1.2-1.8 s with this, at the same peak memory.
YOUNG_COLLECTION = 50_000


@contextlib.contextmanager
def fewer_collections():
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def build(settings):
    """Build into a fresh folder and move it in only when the build succeeds,
    so a refused build leaves the previous site whole. Unchanged pages stay
    where they are in the previous site (bulletin_incremental): the fresh
    folder then holds only what changed, and only that moves in, the old
    versions kept aside until the new output is committed."""
    output = Path(settings["OUTPUT_PATH"])
    _refuse_dangerous_output(output, settings)
    caching = settings.get("CACHE_CONTENT")
    digests = unchanged.content_digests(settings) if caching else {}
    inputs = unchanged.inputs_digest(settings, today(settings), digests) if caching else None
    if inputs and unchanged.is_up_to_date(settings, output, inputs):
        print(translator_for(settings)("build_up_to_date", output=output), file=sys.stderr)
        return output
    if inputs:
        unchanged.forget(settings)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    except OSError as err:
        raise UsageError(translator_for(settings)("cli_err_output_write", path=output, error=err.strerror)) from None
    previous = str(output) if (output / "sitemap.xml").exists() else None
    REUSE.__init__()
    helpers = set(multiprocessing.active_children())
    old = output.with_name(f".{output.name}-old")
    try:
        try:
            with memo.content_digests(digests), fewer_collections():
                Pelican(dict(settings, OUTPUT_PATH=str(staging), DELETE_OUTPUT_DIRECTORY=False,
                             BULLETIN_PREVIOUS_OUTPUT=previous)).run()
        except FileOverwriteFailedError as err:
            # The checks give pages addresses of their own; should two writers
            # still meet, say where instead of showing Pelican's traceback.
            written = str(err).split('"')[1]  # Pelican names the file only in its message
            address = "/" + os.path.relpath(written, staging).replace(os.sep, "/")
            t = translator_for(settings)
            raise Problem(settings["PATH"], 1, t("err_build_overwrite", url=address)).as_error() from None
        # What the build made lives until this returns: out of the collector's
        # sight while the output moves in and its records are written (a full
        # collection there walked every notice again, 0.7 s at 20,000).
        gc.freeze()
        written = files_in(staging)
        if REUSE.kept:
            _replace_in_place(staging, output, old, written)
        else:
            _swap(staging, output, old, written)
        if inputs:
            unchanged.remember(settings, inputs)
    except BaseException:
        REUSE.rollback()
        _stop_new(helpers)
        raise
    finally:
        gc.unfreeze()
        shutil.rmtree(staging, ignore_errors=True)
    return output


def _stop_new(helpers):
    """Stop the processes this build forked (the lemma map, the matching of
    offers and needs) when it ends without using them: each waits to hand
    over its result, and would stay behind holding the output of whoever ran
    the build (a pipe, a CI step) open, so that it never ends."""
    for child in multiprocessing.active_children():
        if child not in helpers:
            child.kill()
            child.join()


def _replace_in_place(staging, output, old, written):
    """Move the files this build wrote into the output, and out of it the
    previous build's files this one does not have."""
    replacement = Replacement(staging, output, old)
    try:
        replacement.remove(set(REUSE.old_files) - set(written) - REUSE.kept)
        replacement.move_in()
        REUSE.commit(output, written)
    except BaseException:
        replacement.undo()
        raise
    replacement.discard()


def _swap(staging, output, old, written):
    """Nothing was left in place: the new output replaces the old one whole."""
    os.chmod(staging, 0o755)
    if output.exists():
        shutil.rmtree(old, ignore_errors=True)
        output.rename(old)
        staging.rename(output)
        REUSE.commit(output, written)
        shutil.rmtree(old)
    else:
        staging.rename(output)
        REUSE.commit(output, written)
