"""Problems found in content: where they are and what to write instead."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    missing: tuple = ()  # the key path of a required field that is not there


    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"

    def as_error(self):
        return ContentError([self])

    def as_github(self):
        # GitHub workflow command: shown inline on the pull request's diff.
        # Escaped as GitHub's own toolkit does: data, and property values
        # (a comma or colon in a file name would end the property).
        def data(text):
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        file = data(self.path).replace(":", "%3A").replace(",", "%2C")
        return f"::error file={file},line={self.line}::{data(self.message)}"


class ContentError(Exception):
    """Content that must not be built; carries every problem found."""

    exitcode = 1

    def __init__(self, problems):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Invalid(Exception):
    """A value breaks its rule: a translation key and the values it names."""

    def __init__(self, message_key, **values):
        super().__init__(message_key)
        self.message_key = message_key
        self.values = values
        self.item = None  # the index of the list item at fault, for its line
        self.more = []  # the same rule broken by further items: all are told in one run
