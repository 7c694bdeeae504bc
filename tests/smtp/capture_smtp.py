#!/usr/bin/python3
"""A real SMTP server on loopback for tests (Debian's python3-aiosmtpd).

Every message it accepts is written to DIR as <n>.eml (the raw message as received, with the
envelope in X-Envelope-From / X-Envelope-To headers on top). Prints "listening PORT" on stdout
once it accepts connections, then serves until killed (SIGTERM) or until its stdin closes, so a
test that dies never leaves it behind.

usage: capture_smtp.py DIR [PORT] [DELAY_MS]   (PORT 0 or absent: any free port; DELAY_MS: how
long it waits after keeping a message before saying it accepted it, as a slow relay does)
"""
import asyncio
import os
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Capture:
    def __init__(self, folder, delay_ms=0):
        self.folder = folder
        self.delay = delay_ms / 1000.0
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            number = self.count
        path = os.path.join(self.folder, "%d.eml" % number)
        head = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (
            envelope.mail_from, ", ".join(envelope.rcpt_tos))
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path + ".tmp", "wb") as out:
            out.write(head.encode("ascii") + data)
        os.rename(path + ".tmp", path)  # a reader never sees half a message
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    delay_ms = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    os.makedirs(folder, exist_ok=True)
    port = port or free_port()
    controller = Controller(Capture(folder, delay_ms), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening %d" % port, flush=True)
    try:
        sys.stdin.read()  # returns when the parent closes our stdin or dies
    except KeyboardInterrupt:
        pass
    controller.stop()


if __name__ == "__main__":
    main()
