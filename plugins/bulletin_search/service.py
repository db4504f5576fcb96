"""Pagefind's indexing service, driven message by message.

The Pagefind binary's `--service` mode is what its Python and Node indexing
APIs drive: it indexes a folder of pages as its command line does, and
takes records that are not pages of their own (records.py). Its Python
package reads one answer per tenth of a second, which for a site's offers
and needs was seconds of a build, so this asks and reads in turn: each
message is base64 of JSON followed by a comma, each answer likewise.
"""
import base64
import binascii
import json
import subprocess
import tempfile

from pagefind.service import get_executable


class ServiceError(RuntimeError):
    pass


class Service:
    """One indexing session: start the binary, ask, answer, close."""

    def __init__(self):
        self.errors = tempfile.TemporaryFile()  # a file: a pipe not read could fill and stop it
        self.process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors)
        self.sent = 0
        self.pending = bytearray()

    def ask(self, **payload):
        """Pagefind's answer to one request (see pagefind.service.types)."""
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}, ensure_ascii=False)
        try:
            self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self.process.stdin.flush()
        except BrokenPipeError:
            raise ServiceError(self._stopped()) from None
        # an answer may be megabytes (GetFiles): read in chunks, keep what
        # follows its comma, and look for the comma only in what is new
        seen = 0
        while (end := self.pending.find(b",", seen)) < 0:
            seen = len(self.pending)
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                raise ServiceError(self._stopped())
            self.pending += chunk
        # decoded from where it was read, without copying it (a bundle's
        # files, twice in base64, are tens of megabytes at 100,000 notices)
        with memoryview(self.pending) as view:
            message = binascii.a2b_base64(view[:end])
        del self.pending[:end + 1]
        reply = json.loads(message)["payload"]
        if reply.get("type") == "Error":
            raise ServiceError(reply.get("message", reply))
        return reply

    def _stopped(self):
        self.process.wait()
        self.errors.seek(0)
        return f"Pagefind stopped ({self.process.returncode}): {self.errors.read().decode(errors='replace').strip()}"

    def close(self):
        """End the session; the binary leaves when its input closes."""
        if self.process.stdin and not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        self.process.wait()
        self.process.stdout.close()
        self.errors.close()

    def kill(self):
        self.process.kill()
        self.close()
