"""A word of the translation table as a value of a message: the rules that
find a fault (bulletin_contract) know no language, the message is put in
the reader's when it is written (Translator)."""
from dataclasses import dataclass


@dataclass(frozen=True)
class TableWord:
    """`table[name][index]`: a weekday's name by its number, 0 for Monday;
    `table[name]` without an index (a script's name)."""

    name: str
    index: int = None

    def in_table(self, table):
        return table[self.name] if self.index is None else table[self.name][self.index]
