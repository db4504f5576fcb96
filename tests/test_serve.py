"""`bulletin serve`: builds, serves on 127.0.0.1 and rebuilds on changes."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ROOT, notice_text


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()
    except OSError:
        return None, ""


def wait_for(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return predicate()


def as_from_a_terminal():
    """Ctrl+C reaches the server as from a shell: an ignored or blocked
    SIGINT would be inherited from the test run (late in the whole suite the
    server once did not stop)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_serve_builds_serves_and_rebuilds(site):
    site.notice("a.md", notice_text("Ensimmäinen versio"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bulletin_cli.cli", "serve", "--content", str(site.content),
         "--output", str(site.output), "--today", "2026-12-01", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        preexec_fn=as_from_a_terminal)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: "Ensimmäinen versio" in fetch(base + "/ilmoitukset/a/")[1])
        # the site's own 404 page, as a static host serves it
        status, body = fetch(base + "/ei-ole/")
        assert status == 404 and "Sivua ei löytynyt" in body
        site.notice("a.md", notice_text("Toinen versio"))
        assert wait_for(lambda: "Toinen versio" in fetch(base + "/ilmoitukset/a/")[1])
        # a broken change leaves the last good site up
        site.notice("b.md", "rikki")
        time.sleep(3)
        assert "Toinen versio" in fetch(base + "/ilmoitukset/a/")[1]
    finally:
        os.killpg(process.pid, signal.SIGINT)
        output = process.communicate(timeout=60)[0].decode()
    assert "b.md:1:" in output


def test_serve_on_a_busy_port_says_so_in_one_finnish_line(site, capsys):
    from bulletin_cli.cli import main
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["serve", "--content", str(site.content), "--output", str(site.output),
                       "--port", str(port), "--today", "2026-12-01"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err[-1] == (f"bulletin serve: Portti {port} on jo käytössä, ehkä aiemmin käynnistetyllä bulletin serve -komennolla. "
                       f"Sulje se tai valitse toinen portti: bulletin serve --port {port + 1}")
    assert not any("Traceback" in line or "OSError" in line for line in err)
