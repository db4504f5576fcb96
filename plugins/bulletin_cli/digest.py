"""`bulletin digest`: a week's letter as an e-mail, written to a file or
sent to the list address, never the same week twice, never an empty one."""
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from bulletin_i18n import translator_for
from bulletin_letter.generator import BUILT
from bulletin_letter.letters import WeekId
from bulletin_letter.mail import MailError, Record, SmtpSettings, addresses, message
from bulletin_settings import is_build_day, today

from .project import UsageError, build, load_settings, project_root

RECORD = "viikkokirjeet.txt"


class NotSent(UsageError):
    """The server could not be reached or refused the letter: nothing was
    sent and the week is not recorded."""
    exitcode = 1


def add_arguments(cmd, t):
    cmd.add_argument("--week", help=t("cli_week"))
    cmd.add_argument("--output", metavar="FILE.eml", help=t("cli_digest_output"))
    cmd.add_argument("--send", action="store_true", help=t("cli_send"))
    cmd.add_argument("--record", metavar="FILE", help=t("cli_record", record=RECORD))
    cmd.add_argument("--content", help=t("cli_content"))
    cmd.add_argument("--today", help=t("cli_digest_today"))


def _week(text, settings, t):
    if text is None:
        return WeekId.of(today(settings))
    try:
        week = WeekId.parse(text)
    except ValueError:
        week = None
    # a week no build can make: no --today could be suggested for it
    if week is None or not (is_build_day(week.monday) and is_build_day(week.sunday)):
        raise UsageError(t("digest_err_week", week=text))
    return week


def _writable(path, option, t):
    """UsageError unless a file can be written at `path`, said before the
    build: a record found unwritable after sending left the week unrecorded,
    to be sent to the list again."""
    if path.is_dir() or not path.parent.is_dir() or not os.access(path if path.exists() else path.parent, os.W_OK):
        raise UsageError(t("digest_err_cannot_write", option=option, path=path))


def _note(text):
    print(f"bulletin digest: {text}", file=sys.stderr)


def run(args):
    settings = load_settings(args.settings, content=args.content, today=args.today)
    t = translator_for(settings)
    week = _week(args.week, settings, t)
    record = Record(Path(args.record) if args.record else project_root() / RECORD)
    to_stdout = args.output == "-" or (not args.output and not args.send)
    if args.output and args.output != "-":
        _writable(Path(args.output), "--output", t)
    if args.send:
        _writable(record.path, "--record", t)
        if week.iso in record.weeks():
            _note(t("digest_already_sent", week=week.iso, record=record.path))
            return 1
    try:
        smtp = SmtpSettings(os.environ, settings, t) if args.send else None
        sender, recipient = (smtp.sender, smtp.recipient) if smtp else addresses(os.environ, settings, t)
    except MailError as err:
        raise UsageError(str(err)) from None
    with tempfile.TemporaryDirectory(prefix="bulletin-digest-") as folder:
        # standard output is the message's (`bulletin digest > kirje.eml`): the build says its words on stderr
        with contextlib.redirect_stdout(sys.stderr):
            build(dict(settings, OUTPUT_PATH=str(Path(folder) / "site"),
                       CACHE_PATH=str(Path(folder) / "cache")))
        letter = BUILT.letters.get(week)
        if letter is None:
            weeks = sorted(BUILT.letters, key=lambda w: w.monday)
            raise UsageError(t("digest_err_no_letter", week=week.iso, first=weeks[0].iso, last=weeks[-1].iso,
                               monday=week.monday.isoformat()))
        if letter.empty:
            # Where the letter was to be written, exit 1: a file kept from an
            # earlier week (`--output` leaves it as it was) or an empty pipe
            # must not go on to be sent as this week's letter.
            if to_stdout or args.output:
                _note(t("digest_empty_stdout", week=week.iso) if to_stdout else
                      t("digest_empty_file", week=week.iso, path=args.output))
                return 1
            _note(t("digest_empty", week=week.iso))
            return 0
        msg = message(letter, BUILT, settings, t, sender or "", recipient)
    if to_stdout:
        sys.stdout.buffer.write(bytes(msg))
    elif args.output:
        Path(args.output).write_bytes(bytes(msg))
    if smtp:
        try:
            smtp.send(msg)
        except MailError as err:
            raise NotSent(f"{err} {t('digest_not_recorded', week=week.iso)}") from None
        record.add(week)
        _note(t("digest_sent", week=week.iso, recipient=smtp.recipient, record=record.path))
    return 0
