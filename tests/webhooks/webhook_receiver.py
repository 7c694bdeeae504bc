#!/usr/bin/python3
"""A work-management system's webhook receiver on loopback for tests: takes POST /hooks and writes
each request to DIR/<n>.json ({"delivery", "signature", "body"}), answering 204. While the file
DIR/fail exists it answers 500 instead (to test retries). Prints "listening PORT" once it accepts
connections, then serves until its stdin closes.

usage: webhook_receiver.py DIR [PORT]   (PORT 0 or absent: any free port)
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from doubles.loopback import serve_until_stdin_closes  # noqa: E402


class Receiver(BaseHTTPRequestHandler):
    folder = ""
    count = 0
    lock = threading.Lock()
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        if self.path != "/hooks" or os.path.exists(os.path.join(self.folder, "fail")):
            self.send_response(500 if self.path == "/hooks" else 404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with self.lock:
            Receiver.count += 1
            number = Receiver.count
        record = {"delivery": self.headers.get("Ratepayer-Delivery"),
                  "signature": self.headers.get("Ratepayer-Signature"), "body": body}
        target = os.path.join(self.folder, "%d.json" % number)
        with open(target + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.rename(target + ".tmp", target)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


def main():
    Receiver.folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(Receiver.folder, exist_ok=True)
    serve_until_stdin_closes(Receiver, port)


if __name__ == "__main__":
    main()
