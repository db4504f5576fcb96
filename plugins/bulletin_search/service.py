"""Pagefind's indexing service, driven message by message.

The Pagefind binary's `--service` mode is what its Python and Node indexing
APIs drive: it indexes a folder of pages as its command line does, and
takes records that are not pages of their own (records.py). Its Python
package reads one answer per tenth of a second, which for a site's offers
and needs was seconds of a build, so this asks and reads in turn, or, for
a bundle's pages and records, keeps a few requests on their way (ask_each):
each message is base64 of JSON followed by a comma, each answer likewise.
The service answers the messages one by one, in the order they came.
"""
import base64
import binascii
import collections
import json
import subprocess
import tempfile

from pagefind.service import get_executable


# Requests on their way at once (ask_each). The service reads its input on a
# thread of its own whatever it is doing, and an answer to adding a page is a
# few hundred bytes: those not yet read stay far below what a pipe holds, so
# neither side waits for the other to read.
AHEAD = 16


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
        return self._answer_to(self._send(payload))

    def ask_each(self, payloads):
        """Ask every one of `payloads` (pages and records to add), up to
        AHEAD at a time: Pagefind reads the next page while this process
        makes the one after, where asking one at a time left each waiting
        for the other (a fifth of adding a bundle's pages)."""
        waiting = collections.deque()
        for payload in payloads:
            waiting.append(self._send(payload))
            if len(waiting) >= AHEAD:
                self._answer_to(waiting.popleft())
        while waiting:
            self._answer_to(waiting.popleft())

    def _send(self, payload):
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}, ensure_ascii=False)
        try:
            self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        except BrokenPipeError:
            raise ServiceError(self._stopped()) from None
        return self.sent

    def _answer_to(self, message_id):
        """The payload of the next answer, which must be to `message_id`."""
        try:
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
            answer = json.loads(binascii.a2b_base64(view[:end]))
        del self.pending[:end + 1]
        reply = answer["payload"]
        if reply.get("type") == "Error":
            raise ServiceError(reply.get("message", reply))
        if answer.get("message_id") != message_id:
            raise ServiceError(f"Pagefind answered message {answer.get('message_id')}, not {message_id}")
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
