"""Pelican reader for notices and content pages, strict by the field tables.

A file with problems is not built: its problems are kept for the end of the
reading phase, where all of them stop the build together.
"""
import html
import os
from pathlib import Path

from pelican.readers import BaseReader

from .checks import is_notice_file
from .problems import ContentError, Problem
from .render import Renderer, first_paragraph
from .validate import display_path, read_notice, read_page


class BuildState:
    """What one build has learnt so far: the rules' context and the problems."""

    def __init__(self):
        self.ctx = None
        self.associations = {}
        self.series = {}
        self.spaces = {}
        self.problems = []
        self.scheduled = []  # articles dated after the build's day: held back
        self.published = ()  # the others, newest first (order_notices), as they were put in order


STATE = BuildState()


class NoticeReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self.render = Renderer()
        self.notices_root = os.path.join(settings["PATH"], "notices") + os.sep

    def read(self, source_path):
        with open(source_path, "rb") as handle:
            raw = handle.read()
        try:
            if source_path.startswith(self.notices_root):
                return self._notice(source_path, raw)
            return self._page(source_path, raw)
        except ContentError as err:
            STATE.problems.extend(err.problems)
            return "", {"status": "skip", "title": "", "slug": ""}

    def _notice(self, source_path, raw):
        if not is_notice_file(Path(source_path)):  # as `bulletin check` says
            raise Problem(display_path(source_path), 1, STATE.ctx.t("err_not_published")).as_error()
        notice = read_notice(source_path, raw, STATE.ctx)
        content = self.render(notice.body, notice.lang)
        # Never empty: a notice that is only a poster is described by its title.
        summary = notice.summary or first_paragraph(content) or notice.title
        return content, {
            "title": notice.title,
            "date": notice.date,
            "slug": notice.slug,
            "summary": html.escape(summary),
            "summary_text": summary,
            "notice": notice,
            # looked for once, as the notice is read: looking in every
            # notice's page was 0.3 s of each rebuild at 100,000 notices
            # (bulletin_sharing takes the first picture of those with one)
            "has_picture": "<img" in content,
        }

    def _page(self, source_path, raw):
        slug, values, body = read_page(source_path, raw, STATE.ctx)
        content = self.render(body)
        return content, {"title": values["title"], "slug": slug,
                         "summary": html.escape(values.get("summary", ""))}
