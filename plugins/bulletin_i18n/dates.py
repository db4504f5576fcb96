"""Dates and times written the Finnish way (or the table's language's way).

Short `5.12.2023`, with weekday `ti 5.12.2023 klo 18.00`, spelled out
`tiistaina 5. joulukuuta 2023 klo 18.00`; a dot between hours and minutes and
an en dash in ranges (`klo 13–15`).
"""
from datetime import date, datetime

DASH = "\u2013"


def has_time(value):
    return isinstance(value, datetime)


class DateFormatter:
    def __init__(self, table):
        self.table = table

    def clock(self, value):
        # 18.00, 9.30: hours without a leading zero, minutes always two digits.
        return f"{value.hour}.{value.minute:02d}"

    def short_date(self, value):
        return f"{value.day}.{value.month}.{value.year}"

    def weekday_date(self, value):
        day = self.table["weekdays_short"][value.weekday()]
        text = f"{day} {self.short_date(value)}"
        if has_time(value):
            text += f" {self.table['time_prefix']} {self.clock(value)}"
        return text

    def long_date(self, value):
        weekday = self.table["weekdays_essive"][value.weekday()]
        month = self.table["months_partitive"][value.month - 1]
        text = f"{weekday} {value.day}. {month} {value.year}"
        if has_time(value):
            text += f" {self.table['time_prefix']} {self.clock(value)}"
        return text

    def _range(self, start, end, one_day):
        if end is None:
            return one_day(start)
        same_day = end.date() == start.date() if has_time(end) and has_time(start) else (
            not has_time(start) and not has_time(end) and start == end
        )
        if same_day and has_time(start):
            # klo 13.00–15.00 on one day
            return f"{one_day(start)}{DASH}{self.clock(end)}"
        if same_day:
            return one_day(start)
        return f"{one_day(start)} {DASH} {one_day(end)}"

    def when_short(self, event):
        return self._range(event.start, event.end, self.weekday_date)

    def when_long(self, event):
        return self._range(event.start, event.end, self.long_date)

    @staticmethod
    def iso(value):
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        if isinstance(value, date):
            return value.isoformat()
        return str(value)
