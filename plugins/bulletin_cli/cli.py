"""The `bulletin` command: check, build and serve the bulletin."""
import argparse
import logging
import os
import sys
from pathlib import Path

from bulletin_contract.checks import check_content, context_for, load_associations
from bulletin_contract.problems import ContentError
from bulletin_contract.validate import read_notice
from bulletin_i18n import translator_for
from bulletin_settings import SettingsError

from .project import UsageError, build, load_settings


def _print_problems(problems, fmt="text", stream=None):
    stream = stream or sys.stdout
    for problem in problems:
        print(problem.as_github() if fmt == "github" else str(problem), file=stream)


def cmd_check(args):
    settings = load_settings(args.settings, content=args.content)
    t = translator_for(settings)
    content = Path(settings["PATH"])
    inside, outside = [], []
    for name in args.files:
        path = Path(name).resolve()
        if not path.is_file():
            raise UsageError(f"{name}: no such file")
        (inside if content.resolve() in path.parents else outside).append(path)
    only = {os.path.realpath(p) for p in inside} if args.files else None
    notices, problems = check_content(content, settings, t, only=only) if (inside or not args.files) else ([], [])
    if outside:  # a file not yet in the content folder, e.g. a submission
        associations, _ = load_associations(content, context_for(settings, t))
        ctx = context_for(settings, t, associations=set(associations))
        for path in outside:
            try:
                read_notice(path, path.read_bytes(), ctx)
            except ContentError as err:
                problems.extend(err.problems)
    _print_problems(problems, args.format)
    count = len(args.files) if args.files else len(notices)
    summary = t("check_failed", count=len(problems)) if problems else t("check_ok", count=count)
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


def parser():
    p = argparse.ArgumentParser(prog="bulletin", description="Build and check the associations' bulletin.")
    p.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file (default: pelicanconf.py)")
    sub = p.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check notices and associations; one line per problem")
    check.add_argument("--content", help="content folder (default: the settings' PATH)")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: annotations for pull requests")
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
    return p


def main(argv=None):
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = parser().parse_args(argv)
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
