"""Listings split into pages of BULLETIN_PAGE_SIZE entries.

A listing (a category, an archive month, a tag, an association's notices,
the events, the print sheet) is a run of named sections, each a list of
entries: ("current", [...]), ("earlier", [...]). The run is cut into pages
of at most `size` entries whatever the sections, so no page grows with the
archive: page 1 is at the listing's own address, page n at
`{listing}sivu/{n}/` (BULLETIN_URLS["listing_page"]).
"""
from dataclasses import dataclass

# Page numbers shown around the current one; the first and the last are always shown.
AROUND = 2


@dataclass
class Page:
    number: int  # from 1
    urls: list  # the address of every page of the listing, page 1 first
    sections: list  # [(key, entries)] on this page, in the listing's order, none empty
    totals: dict  # key -> the number of entries of that section in the whole listing

    @property
    def count(self):
        return len(self.urls)

    @property
    def url(self):
        return self.urls[self.number - 1]

    @property
    def prev_url(self):
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self):
        return self.urls[self.number] if self.number < self.count else None

    def items(self, key):
        """The entries of section `key` on this page (often none)."""
        return next((entries for name, entries in self.sections if name == key), [])

    def numbers(self):
        """The page numbers the navigation links, None for a gap: 1 … 4 5 6 7 8 … 20."""
        shown = [n for n in range(1, self.count + 1)
                 if n in (1, self.count) or abs(n - self.number) <= AROUND]
        numbered = []
        for n in shown:
            if numbered and n - numbered[-1] > 1:
                numbered.append(None)
            numbered.append(n)
        return numbered


def page_address(pattern, listing, number):
    return listing if number == 1 else pattern.format(listing=listing, number=number)


def paginate(listing, sections, size, pattern):
    """The pages of the listing at address `listing`: [Page], at least one."""
    sections = [(key, list(entries)) for key, entries in sections]
    flat = [(key, entry) for key, entries in sections for entry in entries]
    chunks = [flat[i:i + size] for i in range(0, len(flat), size)] or [[]]
    urls = [page_address(pattern, listing, n) for n in range(1, len(chunks) + 1)]
    totals = {key: len(entries) for key, entries in sections}
    pages = []
    for number, chunk in enumerate(chunks, 1):
        on_page = []
        for key, entry in chunk:
            if not on_page or on_page[-1][0] != key:
                on_page.append((key, []))
            on_page[-1][1].append(entry)
        pages.append(Page(number, urls, on_page, totals))
    return pages
