"""A week's letter as a MIME e-mail (HTML and plain text), sent over SMTP to
the list address, and the record of the weeks already sent.

The SMTP settings come from environment variables, so that a scheduled
workflow takes them from its secrets and nothing secret is in the settings.
"""
import smtplib
import ssl
from email.message import EmailMessage
from datetime import datetime, timezone
from email.utils import format_datetime, getaddresses
from pathlib import Path

import css_inline

from bulletin_contract.reader import STATE
from bulletin_settings import calendar_domain, site_address


class MailError(Exception):
    """Something the person sending must fix: a variable, the server settings."""


def _text_item(lines, article, base, t, monday=None, when=None):
    lines.append(f"* {article.title}")
    if when is not None:
        status = article.notice.event.status
        prefix = f"{t('status_' + status)}: " if status else ""
        rule = f" ({t.dates.rule(article.notice.event, short=True)})" if article.notice.event.is_series else ""
        lines.append(f"  {prefix}{t.dates.when_short(when)}{rule}, {article.notice.event.location}")
        if status and article.notice.event.status_note:  # why, as the notice page says
            lines.append(f"  {article.notice.event.status_note}")
        deadline = article.notice.event.signing_up_by
        if deadline:  # in the words of the notice page and the poster
            over = article.notice.event.signing_up_over(monday)
            lines.append(f"  {t.registration_by(over)}: {t.dates.deadline(deadline)}")
    lines.append(f"  {article.association_profile.name}")
    if article.notice.category == "rahoitus" and article.notice.expires:
        lines.append("  " + t("letter_deadline", date=t.dates.short_date(article.notice.expires)))
    lines.append(f"  {article.summary_text}")
    lines.append(f"  {base}/{article.url}")
    lines.append("")


def _space_item(lines, space, base, settings, t):
    where = [t.count("space_persons", space.capacity), space.district, space.address]
    purposes = [settings["BULLETIN_SPACE_PURPOSES"].get(slug, slug) for slug in space.purposes]
    lines += [f"* {space.name}", f"  {', '.join(w for w in where if w)}",
              f"  {STATE.associations[space.association].name}",
              f"  {t('letter_space_added', date=t.dates.short_date(space.date))}"]
    lines += [f"  {', '.join(purposes)}"] if purposes else []
    lines += [f"  {base}/{settings['BULLETIN_URLS']['space'].format(slug=space.slug)}", ""]


def _heading(lines, text, underline="="):
    lines += [text, underline * len(text), ""]


def plain_text(letter, settings, t, online):
    """The letter as plain text: what a mail program without HTML shows."""
    base = site_address(settings)
    week = letter.week
    lines = []
    _heading(lines, t("letter_title", week=week.week, year=week.year))
    lines += [t("letter_intro", site=settings["SITENAME"]), f"{t('letter_mail_online')} {online}", ""]
    for number, event_week in enumerate(letter.event_weeks):
        key = "letter_events_next_week" if number else "letter_events_this_week"
        days = f"{t.dates.weekday_date(event_week.week.monday)} – {t.dates.weekday_date(event_week.week.sunday)}"
        _heading(lines, f"{t(key, week=event_week.week.week)}: {days}")
        for entry in event_week.events:
            _text_item(lines, entry.article, base, t, week.monday, entry.occurrence)
        if not event_week.events:
            lines += [t("print_no_events"), ""]
        if event_week.days_off:
            _heading(lines, t("letter_days_off"), "-")
        for off in event_week.days_off:
            lines += [f"* {off.article.title}",
                      f"  {t('series_except', days=', '.join(map(t.dates.weekday_date, off.days)))}",
                      f"  {off.article.association_profile.name}", f"  {base}/{off.article.url}", ""]
    if letter.new_by_category:
        _heading(lines, t("letter_new"))
        for _slug, label, entries in letter.new_by_category:
            _heading(lines, label, "-")
            for entry in entries:
                _text_item(lines, entry.article, base, t, week.monday, entry.occurrence)
    if letter.spaces:
        _heading(lines, t("letter_spaces"))
        for space in letter.spaces:
            _space_item(lines, space, base, settings, t)
    if letter.needs:
        _heading(lines, t("letter_needs"))
        for article in letter.needs:
            _text_item(lines, article, base, t)
    if letter.funding:
        _heading(lines, t("letter_funding"))
        for article in letter.funding:
            _text_item(lines, article, base, t)
    lines += [f"{t('letter_more')} {base}/", f"{t('letter_mail_online')} {online}", ""]
    return "\n".join(lines)


def message(letter, built, settings, t, sender, recipient=None):
    """The e-mail of `letter` (from the build `built`, bulletin_letter.BUILT)."""
    week = letter.week
    online = f"{site_address(settings)}/{settings['BULLETIN_URLS']['letter'].format(slug=week.slug)}"
    subject = t("letter_subject", site=settings["SITENAME"], week=week.week, year=week.year)
    page = built.render("letter_email.html", letter=letter, body=built.body(letter), subject=subject, online=online)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    if recipient:
        msg["To"] = recipient
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    # The same week keeps its Message-ID: a list that sees it twice drops it.
    msg["Message-ID"] = f"<viikkokirje-{week.iso}@{calendar_domain(settings)}>"
    msg["Content-Language"] = settings["BULLETIN_LANGUAGE"]
    # quoted-printable: the text stays readable in the raw message
    msg.set_content(plain_text(letter, settings, t, online), cte="quoted-printable")
    css = Path(settings["THEME"], "static", "css", "kirje.css").read_text(encoding="utf-8")
    html = css_inline.inline(page, extra_css=css, load_remote_stylesheets=False)
    msg.add_alternative(html, subtype="html", cte="quoted-printable")
    return msg


def bare_address(value):
    """The address alone of `value`, one address with or without a name
    ("Imatran järjestöt <toimitus@example.org>"); None when it is not one."""
    found = getaddresses([value])
    if len(found) != 1 or "@" not in found[0][1] or any(end in value for end in "\r\n"):
        return None
    return found[0][1]


def addresses(environ, settings, t):
    """The letter's sender (BULLETIN_DIGEST_FROM, else the setting
    BULLETIN_CONTACT_EMAIL) and recipient (BULLETIN_DIGEST_TO) as its
    headers write them, None when not given; MailError names one that is
    not one address (a line break in it would end its header)."""
    given = environ.get("BULLETIN_DIGEST_FROM")
    sender = ("BULLETIN_DIGEST_FROM", given) if given else ("BULLETIN_CONTACT_EMAIL",
                                                              settings.get("BULLETIN_CONTACT_EMAIL"))
    recipient = ("BULLETIN_DIGEST_TO", environ.get("BULLETIN_DIGEST_TO"))
    for name, value in (sender, recipient):
        if value and bare_address(value) is None:
            raise MailError(t("digest_err_address", name=name, value=repr(value)))
    return sender[1], recipient[1] or None


class SmtpSettings:
    """BULLETIN_SMTP_* and BULLETIN_DIGEST_* from the environment; `t`
    (bulletin_i18n.Translator) words what is wrong with them."""

    def __init__(self, environ, settings, t):
        self.t = t

        def need(name, value):
            if not value:
                raise MailError(t("digest_err_not_set", name=name))
            return value

        self.host = need("BULLETIN_SMTP_HOST", environ.get("BULLETIN_SMTP_HOST"))
        starttls = environ.get("BULLETIN_SMTP_STARTTLS", "1")
        if starttls not in ("0", "1"):
            raise MailError(t("digest_err_starttls_value", value=repr(starttls)))
        self.starttls = starttls == "1"
        port = environ.get("BULLETIN_SMTP_PORT") or ("587" if self.starttls else "25")
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise MailError(t("digest_err_port_value", value=repr(port)))
        self.port = int(port)
        self.user = environ.get("BULLETIN_SMTP_USER") or None
        self.password = environ.get("BULLETIN_SMTP_PASSWORD") or None
        if self.user and not self.password:
            raise MailError(t("digest_err_no_password"))
        self.sender, recipient = addresses(environ, settings, t)
        if not self.sender:
            raise MailError(t("digest_err_no_sender"))
        self.recipient = need("BULLETIN_DIGEST_TO", recipient)

    def send(self, msg):
        """Send `msg`; MailError, naming the server and what to check, when
        it could not be sent (nothing reached the list)."""
        step = "connect"
        try:
            with smtplib.SMTP(self.host, self.port, timeout=60) as smtp:
                if self.starttls:
                    step = "tls"
                    smtp.starttls(context=ssl.create_default_context())
                if self.user:
                    step = "login"
                    smtp.login(self.user, self.password)
                step = "refused"
                # the bare addresses: with a name in them ("Imatran järjestöt <…>")
                # smtplib asks for SMTPUTF8 and writes the headers unencoded
                smtp.send_message(msg, from_addr=bare_address(self.sender),
                                  to_addrs=[bare_address(self.recipient)])
                step = "sent"
        except UnicodeError:
            if step != "login":
                raise
            # smtplib logs in with ASCII only: "salasanä" fails before reaching the server
            raise MailError(self.t("digest_err_login_ascii", server=f"{self.host}:{self.port}")) from None
        except (smtplib.SMTPException, OSError) as err:  # OSError: refused, unknown host, timeout, TLS
            if step == "sent":
                return  # the server took the letter; only saying goodbye (QUIT) failed
            raise MailError(self.t(f"digest_err_{step}", server=f"{self.host}:{self.port}", error=_reason(err),
                                   user=self.user, sender=self.sender, recipient=self.recipient)) from None


def _reason(err):
    """The server's or the system's words for `err`, on one line."""
    def said(text):  # a server's words come as bytes
        return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)

    if isinstance(err, smtplib.SMTPResponseException):
        reason = f"{err.smtp_code} {said(err.smtp_error)}"
    elif isinstance(err, smtplib.SMTPRecipientsRefused):
        reason = "; ".join(f"{code} {said(text)}" for code, text in err.recipients.values())
    else:
        reason = str(err) or type(err).__name__
    return " ".join(reason.split())


class Record:
    """The weeks already sent, one `YYYY-Www` a line, oldest first."""

    def __init__(self, path):
        self.path = path

    def weeks(self):
        if not self.path.exists():
            return set()
        return {line.strip() for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()}

    def add(self, week):
        with self.path.open("a", encoding="utf-8") as out:
            out.write(f"{week.iso}\n")
