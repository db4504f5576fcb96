"""The `bulletin` command: check, build and serve the bulletin, and the
editors' commands that turn submissions into notice files and publish."""
import argparse
import logging
import os
import sys
from pathlib import Path

from bulletin_contract.checks import check_content
from bulletin_contract.duplicates import duplicate_pairs
from bulletin_contract.frontmatter import decode
from bulletin_contract.problems import ContentError
from bulletin_contract.validate import display_path
from bulletin_i18n import translator_for
from bulletin_settings import SettingsError, today

from . import add, digest, from_issue, issue_form, new, new_space, profile_issue, publish
from .mail_message import is_mime
from .placing import Site
from .project import UsageError, build, load_settings


def _print_problems(problems, fmt="text", stream=None):
    stream = stream or sys.stdout
    for problem in problems:
        print(problem.as_github() if fmt == "github" else str(problem), file=stream)


def cmd_check(args):
    settings = load_settings(args.settings, content=args.content, today=args.today)
    t = translator_for(settings)
    content = Path(settings["PATH"])
    paths = []
    for name in args.files:
        path = Path(name).resolve()
        if not path.is_file():
            raise UsageError(f"{name}: no such file")
        paths.append(path)
    # a file not yet in the content folder (a submission) is read with it
    outside = [p for p in paths if content.resolve() not in p.parents]
    only = {os.path.realpath(p) for p in paths} if args.files else None
    notices, problems = check_content(content, settings, t, only=only, today=today(settings), extra=outside)
    repeats = duplicate_pairs(notices)
    if only is not None:  # every file was read; these were asked about
        notices = [n for n in notices if os.path.realpath(n.path) in only]
    _print_problems(problems, args.format)
    asked = {n.path for n in notices}
    for later, first in repeats:  # a warning: two may be meant (exit status stays)
        if later.path in asked:
            print(f"{later.path}:1: {t('warn_duplicate_notice', path=first.path)}", file=sys.stderr)
    day = today(settings)
    for notice in notices:  # information, not a problem: exit status stays 0
        if notice.is_scheduled(day):
            print(t("check_scheduled", path=notice.path, day=t.dates.short_date(notice.date)), file=sys.stderr)
    count = len(args.files) if args.files else len(notices)
    summary = t.count("check_failed", len(problems)) if problems else t.count("check_ok", count)
    print(summary, file=sys.stderr)
    return 1 if problems else 0


def cmd_build(args):
    settings = load_settings(args.settings, content=args.content, output=args.output, today=args.today)
    output = build(settings)
    print(f"{output}", file=sys.stderr)
    return 0


def cmd_serve(args):
    from .serve import serve

    def load():
        return load_settings(args.settings, content=args.content, output=args.output, today=args.today)

    return serve(load(), load, args.settings, port=args.port)


def _site(args):
    settings = load_settings(args.settings, content=args.content, today=getattr(args, "today", None))
    t = translator_for(settings)
    return Site(settings["PATH"], settings, t), settings


def _print_paths(paths):
    for path in paths:
        print(display_path(path))
    return 0


def _read_bytes(name):
    """(source, the bytes of a submission) from a file or standard input;
    (source, text) when standard input is already text (a test's StringIO)."""
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return "stdin", (sys.stdin.read() if stream is None else stream.read())
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"{name}: no such file")
    return name, path.read_bytes()


def _read_input(name, t):
    """The text of a submission, from a file or standard input. Decoded
    strictly: a file in another encoding gets the check's message with its
    line, never replacement characters in a published notice."""
    source, raw = _read_bytes(name)
    return source, (raw if isinstance(raw, str) else decode(source, raw, t))


def cmd_from_issue(args):
    site, settings = _site(args)
    source, text = _read_input(args.file, site.t)
    comment = Path(args.comment) if args.comment else None
    if profile_issue.is_profile(text, site.t):
        return _print_paths(profile_issue.run(source, text, site, comment))
    return _print_paths(from_issue.run(source, text, site, today(settings), comment))


def cmd_add(args):
    site, _settings = _site(args)
    source, raw = _read_bytes(args.file)
    if isinstance(raw, bytes) and is_mime(raw):  # a whole e-mail, as saved or piped from a mailbox
        return _print_paths(add.add_message(source, raw, site, args.new_association))
    text = raw if isinstance(raw, str) else decode(source, raw, site.t)
    return _print_paths(add.add_notice(source, text, site, args.new_association))


def cmd_new(args):
    site, settings = _site(args)
    if args.space:
        return _print_paths([new_space.new_space(site)])
    return _print_paths([new.new_notice(args, site, today(settings))])


def cmd_publish(args):
    settings = load_settings(args.settings, content=args.content, output=args.output)
    t = translator_for(settings)
    try:
        message = publish.publish(settings, t, remote=args.remote, branch=args.branch, push=not args.no_push,
                                  allow_dirty=args.allow_dirty)
    except ContentError as err:
        _print_problems(err.problems, stream=sys.stderr)
        print(t("publish_err_build"), file=sys.stderr)
        return 1
    print(message, file=sys.stderr)
    return 0


def cmd_issue_form(args):
    settings = load_settings(args.settings)
    if args.space:
        text = issue_form.space_form_yaml(settings, translator_for(settings))
    else:
        text = issue_form.form_yaml(settings, translator_for(settings), profile=args.profile)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def parser():
    p = argparse.ArgumentParser(prog="bulletin", description="Build and check the associations' bulletin.")
    p.add_argument("-s", "--settings",
                   help="settings file (default: pelicanconf.py; publishconf.py for publish)")
    sub = p.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check notices and associations; one line per problem")
    check.add_argument("--content", help="content folder (default: the settings' PATH)")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: annotations for pull requests")
    check.add_argument("--today", help="the day scheduled notices are told from, YYYY-MM-DD (default: today)")
    check.add_argument("files", nargs="*", help="only these files (default: all)")
    check.set_defaults(run=cmd_check)

    for name, run, text in (("build", cmd_build, "build the site"),
                            ("serve", cmd_serve, "build, serve on 127.0.0.1 and rebuild on changes")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--content", help="content folder (default: the settings' PATH)")
        cmd.add_argument("--output", help="output folder (default: the settings' OUTPUT_PATH)")
        cmd.add_argument("--today", help="the day expiry is computed from, YYYY-MM-DD (default: today)")
        if name == "serve":
            cmd.add_argument("--port", type=int, default=8000)
        cmd.set_defaults(run=run)

    cmd = sub.add_parser("from-issue", help="a GitHub issue-form body to a notice file (or, from the profile "
                                             "form, an association file); prints its path")
    cmd.add_argument("file", help="the issue's body, saved to a file (- reads standard input)")
    cmd.add_argument("--comment", help="also write the reply to the submitter (Markdown) to this file")
    cmd.add_argument("--today", help="the day used when the issue gives no date, YYYY-MM-DD")
    cmd.set_defaults(run=cmd_from_issue)

    cmd = sub.add_parser("add", help="check a submitted notice (a file or an e-mail) and place it; prints its path")
    cmd.add_argument("file", help="the form's file or an e-mail holding it (- reads standard input)")
    cmd.add_argument("--new-association", metavar="NAME",
                     help="the notice's association is new: make its file with this name")
    cmd.set_defaults(run=cmd_add)

    cmd = sub.add_parser("new", help="a new notice from flags, or from questions in a terminal; prints its path")
    new.add_arguments(cmd)
    cmd.add_argument("--today", help="the day used when --date is not given, YYYY-MM-DD")
    cmd.add_argument("--space", action="store_true",
                     help="a space offered (content/spaces/) instead of a notice, from questions in a terminal")
    cmd.set_defaults(run=cmd_new)

    cmd = sub.add_parser("publish", help="build with publishconf.py and publish to the gh-pages branch")
    cmd.add_argument("--output", help="output folder (default: the settings' OUTPUT_PATH)")
    cmd.add_argument("--remote", default="origin", help="git remote to push to (default: origin)")
    cmd.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    cmd.add_argument("--no-push", action="store_true", help="commit to the branch but do not push")
    cmd.add_argument("--allow-dirty", action="store_true",
                     help="publish content that is not committed (by default refused, naming the files)")
    cmd.set_defaults(run=cmd_publish, default_settings="publishconf.py")

    cmd = sub.add_parser("digest", help="the weekly letter as an e-mail: to a file, or sent over SMTP")
    digest.add_arguments(cmd)
    cmd.set_defaults(run=digest.run, default_settings="publishconf.py")

    cmd = sub.add_parser("issue-form", help="write the GitHub issue form for notices (YAML)")
    cmd.add_argument("--output", help=f"file to write (default: standard output), e.g. {issue_form.TEMPLATE_PATH}")
    cmd.add_argument("--profile", action="store_true",
                     help=f"the association profile form instead, e.g. {issue_form.PROFILE_TEMPLATE_PATH}")
    cmd.add_argument("--space", action="store_true",
                     help=f"the form for a space offered instead, e.g. {issue_form.SPACE_TEMPLATE_PATH}")
    cmd.set_defaults(run=cmd_issue_form)

    for name in ("from-issue", "add", "new", "publish"):
        sub.choices[name].add_argument("--content", help="content folder (default: the settings' PATH)")
    return p


def main(argv=None):
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = parser().parse_args(argv)
    if args.settings is None:
        args.settings = getattr(args, "default_settings", "pelicanconf.py")
    try:
        return args.run(args)
    except ContentError as err:
        _print_problems(err.problems, stream=sys.stderr)
        return 1
    except (UsageError, SettingsError) as err:
        print(f"bulletin {args.command}: {err}", file=sys.stderr)
        return err.exitcode


if __name__ == "__main__":
    sys.exit(main())
