#!/usr/bin/python3
"""An SMS provider on loopback for tests: speaks the Messages API (Twilio's, which other providers
copy) that notify::SmsGateway sends through, with nothing but the Python standard library.

  POST /2010-04-01/Accounts/ACCOUNT/Messages.json
  Authorization: Basic base64(ACCOUNT:TOKEN)
  To=+15415550134&From=+15415550100&Body=...

answers 201 {"sid": "SM...", "status": "queued", ...} and writes the message to DIR/<n>.json
({"sid", "to", "from", "body"}). Like a real provider it refuses: wrong credentials (401,
code 20003), a To or From that is not E.164 or is the magic invalid number +15005550001 (400,
code 21211), an empty Body (400, code 21602). While the file DIR/unavailable exists it answers
503 (to test retries). Prints "listening PORT" once it accepts connections, then serves until its
stdin closes, so a test that dies never leaves it behind.

usage: fake_sms_provider.py DIR ACCOUNT TOKEN [PORT]   (PORT 0 or absent: any free port)
"""
import base64
import json
import os
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from doubles.loopback import serve_until_stdin_closes  # noqa: E402

E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
INVALID_NUMBER = "+15005550001"


class Provider(BaseHTTPRequestHandler):
    folder = ""
    account = ""
    token = ""
    count = 0
    lock = threading.Lock()

    protocol_version = "HTTP/1.1"  # keep-alive, as a real provider's API
    disable_nagle_algorithm = True  # the answer's header and body go out at once

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def refuse(self, status, code, message):
        self.answer(status, {"code": code, "message": message, "status": status})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        path = "/2010-04-01/Accounts/%s/Messages.json" % self.account
        if self.path != path:
            return self.refuse(404, 20404, "The requested resource %s was not found" % self.path)
        expected = "Basic " + base64.b64encode(
            ("%s:%s" % (self.account, self.token)).encode()).decode()
        if self.headers.get("Authorization") != expected:
            return self.refuse(401, 20003, "Authenticate")
        if os.path.exists(os.path.join(self.folder, "unavailable")):
            return self.refuse(503, 20500, "Service unavailable")
        if not self.headers.get("Content-Type", "").startswith(
                "application/x-www-form-urlencoded"):
            return self.refuse(400, 20001, "The request must be form-encoded")
        form = urllib.parse.parse_qs(raw, keep_blank_values=True)
        to = form.get("To", [""])[0]
        sender = form.get("From", [""])[0]
        body = form.get("Body", [""])[0]
        if not E164.match(to) or to == INVALID_NUMBER:
            return self.refuse(400, 21211, "The 'To' number %s is not a valid phone number." % to)
        if not E164.match(sender):
            return self.refuse(400, 21212, "The 'From' number %s is not a valid phone number."
                               % sender)
        if body == "":
            return self.refuse(400, 21602, "Message body is required.")
        with self.lock:
            Provider.count += 1
            number = Provider.count
        sid = "SM%032x" % number
        message = {"sid": sid, "to": to, "from": sender, "body": body}
        target = os.path.join(self.folder, "%d.json" % number)
        with open(target + ".tmp", "w", encoding="utf-8") as out:
            json.dump(message, out)
        os.rename(target + ".tmp", target)  # a reader never sees half a message
        self.answer(201, dict(message, status="queued", account_sid=self.account))


def main():
    Provider.folder, Provider.account, Provider.token = sys.argv[1], sys.argv[2], sys.argv[3]
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    os.makedirs(Provider.folder, exist_ok=True)
    serve_until_stdin_closes(Provider, port)


if __name__ == "__main__":
    main()
