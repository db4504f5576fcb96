"""A word of the translation table as a value of a message: the rules that
find a fault (bulletin_contract) know no language, the message is put in
the reader's when it is written (Translator)."""
from dataclasses import dataclass


@dataclass(frozen=True)
class TableWord:
    """`table[name][index]`: a weekday's name by its number, 0 for Monday."""

    name: str
    index: int

    def in_table(self, table):
        return table[self.name][self.index]
