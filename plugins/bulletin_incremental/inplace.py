"""Putting a rebuild's files into the previous output, where the unchanged
ones were left (reuse.py): only what changed moves.

Moving every unchanged page into a fresh folder and deleting the old one
cost more than the rest of a rebuild with nothing changed. Instead the
files a build wrote (its staging folder holds only those) move into the
output, each old version of a file first into a backup folder, and the
files the build no longer has move into the backup too. Every move is
recorded, so that `undo` puts the previous output back as it was should
anything fail before the build is committed.
"""
import os
import shutil


def files_in(folder):
    """The files under `folder`, as paths relative to it with `/`."""
    found = []
    for path, _, names in os.walk(folder):
        relative = os.path.relpath(path, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names]
    return found


class Replacement:
    def __init__(self, staging, output, backup):
        self.staging, self.output, self.backup = str(staging), str(output), str(backup)
        self.done = []  # (from, to) of each move, or (None, folder) of a folder removed
        shutil.rmtree(self.backup, ignore_errors=True)

    def _move(self, source, target):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.rename(source, target)
        self.done.append((source, target))

    def remove(self, names):
        """Move the files `names` (relative to the output) out of it, and the
        folders they leave empty: a cold build has no empty folders."""
        for name in sorted(names):
            target = os.path.join(self.output, name)
            if not os.path.lexists(target):
                continue  # removed by hand: nothing to keep
            self._move(target, os.path.join(self.backup, name))
            folder = os.path.dirname(name)
            while folder:
                try:
                    os.rmdir(os.path.join(self.output, folder))
                except OSError:  # not empty
                    break
                self.done.append((None, folder))
                folder = os.path.dirname(folder)

    def move_in(self, relative=""):
        """Move every file of staging into the output, a folder the output
        does not have in one move."""
        with os.scandir(os.path.join(self.staging, relative)) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                name = os.path.join(relative, entry.name)
                target = os.path.join(self.output, name)
                if entry.is_dir(follow_symlinks=False) and os.path.isdir(target) and not os.path.islink(target):
                    self.move_in(name)
                    continue
                if os.path.lexists(target):
                    self._move(target, os.path.join(self.backup, name))
                self._move(entry.path, target)

    def undo(self):
        for source, target in reversed(self.done):
            if source is None:
                os.mkdir(os.path.join(self.output, target))
            else:
                os.makedirs(os.path.dirname(source), exist_ok=True)
                os.rename(target, source)
        self.discard()

    def discard(self):
        """The new output is committed (or the old one back): the backup goes."""
        shutil.rmtree(self.backup, ignore_errors=True)
        self.done = []
