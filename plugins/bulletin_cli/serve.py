"""`bulletin serve`: build, serve on 127.0.0.1, rebuild when sources change."""
import errno
import functools
import sys
import threading
import traceback
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import watch

from bulletin_contract.problems import ContentError
from bulletin_i18n import translator_for

from bulletin_settings import SettingsError

from .project import UsageError, build, project_root


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as a static host would.
        page = Path(self.directory, "404.html")
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _rebuild(load):
    try:
        settings = load()  # settings are read anew: pelicanconf.py may have changed
        build(settings)
        print("Rakennettu / built.", file=sys.stderr)
        return True
    except (ContentError, SettingsError, UsageError) as err:
        for problem in getattr(err, "problems", [err]):
            print(problem, file=sys.stderr)
    except Exception as err:  # noqa: BLE001 - e.g. a template being edited: keep serving the last good site
        print("".join(traceback.format_exception_only(err)).rstrip(), file=sys.stderr)
    print("Edellinen versio jää näkyviin / the previous build stays up.", file=sys.stderr)
    return False


def serve(settings, load, settings_file, port=8000):
    _rebuild(load)
    output = Path(settings["OUTPUT_PATH"])
    output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(output))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:  # another server (often the last `serve`) has the port
            raise UsageError(translator_for(settings)("serve_err_port", port=port, other=port + 1)) from None
        raise
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{port}/  (Ctrl+C lopettaa / stops)", file=sys.stderr)
    root = project_root()
    watched = [Path(settings["PATH"]), Path(settings["THEME"]), root / settings_file]
    try:
        for _changes in watch(*[p for p in watched if p.exists()],
                              watch_filter=lambda change, path: "__pycache__" not in path):
            _rebuild(load)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
