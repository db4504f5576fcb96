"""`bulletin publish`: build with publishconf.py and publish to gh-pages.

The site is built into a fresh folder first (see project.build); only a build
that succeeded, logged no errors and holds the site's own pages is handed to
ghp-import, which commits it as the one commit of the gh-pages branch (with
.nojekyll, and CNAME when BULLETIN_CNAME is set) and pushes it.
"""
import contextlib
import logging
import subprocess
from pathlib import Path

import ghp_import

from bulletin_contract.problems import ContentError

from .project import UsageError, build, project_root

# Pages every whole build writes; without one of them the build is partial.
REQUIRED_OUTPUT = ("index.html", "404.html", "sitemap.xml")


class PublishError(UsageError):
    exitcode = 1


class _ErrorCount(logging.Handler):
    """Counts errors Pelican logs without stopping (a template that failed...)."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)


def check_repository(root, remote, push, t):
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise UsageError(t("publish_err_no_git", path=root))
    if push and _git(root, "remote", "get-url", remote).returncode != 0:
        raise UsageError(t("publish_err_no_remote", remote=remote))


def uncommitted(root, content):
    """Files in the content folder that differ from the last commit, or
    are not in git at all: published from here, they would be on the site
    but in no commit an editor can review or take back."""
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", str(content))
    return [line[3:] for line in status.stdout.splitlines() if line.strip()]


def build_for_publishing(settings, t):
    """Build; returns the output folder, or raises PublishError."""
    counter = _ErrorCount()
    logger = logging.getLogger()
    logger.addHandler(counter)
    try:
        output = build(settings)
    except ContentError:
        raise  # the problems are printed, then publish_err_build
    except Exception as err:  # Pelican's own failures: nothing is published
        raise PublishError(f"{t('publish_err_build')} ({err})") from err
    finally:
        logger.removeHandler(counter)
    if counter.count:
        raise PublishError(t.count("publish_err_errors_logged", counter.count))
    for name in REQUIRED_OUTPUT:
        if not (Path(output) / name).is_file():
            raise PublishError(t("publish_err_partial", missing=name))
    return output


def publish(settings, t, remote="origin", branch="gh-pages", push=True, allow_dirty=False):
    root = project_root()
    check_repository(root, remote, push, t)
    dirty = [] if allow_dirty else uncommitted(root, settings["PATH"])
    if dirty:
        shown = ", ".join(dirty[:10]) + (" …" if len(dirty) > 10 else "")
        raise PublishError(t("publish_err_dirty", files=shown))
    output = build_for_publishing(settings, t)
    try:
        with contextlib.chdir(root):  # ghp-import works on the current folder's repository
            ghp_import.ghp_import(
                str(output), remote=remote, branch=branch, push=push, nojekyll=True,
                cname=settings.get("BULLETIN_CNAME"), mesg=f"Julkaistu / published: {settings['SITEURL']}",
                # One commit, replaced each time: nightly rebuilds do not grow the repository.
                no_history=True, force=True,
            )
    except ghp_import.GhpError as err:
        raise PublishError(t("publish_err_git", error=err)) from err
    return t("publish_ok" if push else "publish_ok_local", branch=branch, remote=remote)
