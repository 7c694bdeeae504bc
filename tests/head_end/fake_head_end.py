#!/usr/bin/python3
"""An AMI head-end on loopback for tests: speaks the command protocol orders::HttpHeadEnd sends
through (docs/orders.md, "The head-end"), with nothing but the Python standard library.

  POST /v1/commands            Authorization: Bearer TOKEN
  {"command": "disconnect" | "connect", "meter": "E1000017", "reference": "SO000123"}
  -> 202 {"transaction_id": "tx-1", "expires_at": "2026-12-07T14:05:00Z"}

  GET /v1/commands/tx-1        Authorization: Bearer TOKEN
  -> 200 {"transaction_id": "tx-1", "status": "pending" | "succeeded" | "failed", "reason": "..."}

  POST /v1/pings               Authorization: Bearer TOKEN
  {"meters": ["E1000017", ...], "reference": "OUT000123"}
  -> 200 {"meters": [{"meter": "E1000017", "energized": true | false | null}]}

Like a head-end, it answers commands at once and does the work later: a command is pending on its first
status request and done on the next. What it does is chosen per meter by files in DIR:
DIR/fail-<meter> makes that meter's commands fail ("the meter did not respond to the switch");
DIR/silent-<meter> leaves them pending forever (the answer expires) and its pings unanswered
(energized null); DIR/dark-<meter> makes its pings answer energized false (the meter has no
power); any other meter answers a ping energized true. Each command is written to DIR/<n>.json,
each ping to DIR/<n>.ping. Wrong credentials are 401; an unknown transaction 404; a command that
is neither connect nor disconnect, or has no meter, 400. Commands expire EXPIRY seconds after they are taken.
Prints "listening PORT" once it accepts connections, then serves until its stdin closes.

usage: fake_head_end.py DIR TOKEN EXPIRY [PORT]   (PORT 0 or absent: any free port)
"""
import datetime
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from doubles.loopback import serve_until_stdin_closes  # noqa: E402


class HeadEnd(BaseHTTPRequestHandler):
    folder = ""
    token = ""
    expiry = 60
    commands = {}  # transaction id -> {"meter", "command", "polls"}
    pings = 0
    lock = threading.Lock()

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def authorised(self):
        if self.headers.get("Authorization") == "Bearer " + self.token:
            return True
        self.answer(401, {"error": "unauthorised"})
        return False

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        if self.path not in ("/v1/commands", "/v1/pings"):
            return self.answer(404, {"error": "no such path"})
        if not self.authorised():
            return None
        try:
            body = json.loads(raw)
        except ValueError:
            return self.answer(400, {"error": "the body is not JSON"})
        if self.path == "/v1/pings":
            return self.ping(body)
        if body.get("command") not in ("connect", "disconnect") or not body.get("meter"):
            return self.answer(400, {"error": "a command is connect or disconnect, for a meter"})
        with self.lock:
            number = len(HeadEnd.commands) + 1
            transaction = "tx-%d" % number
            HeadEnd.commands[transaction] = {"meter": body["meter"], "command": body["command"],
                                             "polls": 0}
        target = os.path.join(self.folder, "%d.json" % number)
        with open(target + ".tmp", "w", encoding="utf-8") as out:
            json.dump(body, out)
        os.rename(target + ".tmp", target)
        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(
            seconds=self.expiry)
        self.answer(202, {"transaction_id": transaction,
                          "expires_at": expires.strftime("%Y-%m-%dT%H:%M:%SZ")})

    def ping(self, body):
        meters = body.get("meters")
        if not isinstance(meters, list) or not meters or len(meters) > 1000:
            return self.answer(400, {"error": "meters lists 1 to 1,000 meters"})
        with self.lock:
            HeadEnd.pings += 1
            number = HeadEnd.pings
        target = os.path.join(self.folder, "%d.ping" % number)
        with open(target + ".tmp", "w", encoding="utf-8") as out:
            json.dump(body, out)
        os.rename(target + ".tmp", target)
        answers = []
        for meter in meters:
            energized = True
            if os.path.exists(os.path.join(self.folder, "silent-" + str(meter))):
                energized = None
            elif os.path.exists(os.path.join(self.folder, "dark-" + str(meter))):
                energized = False
            answers.append({"meter": meter, "energized": energized})
        return self.answer(200, {"meters": answers})

    def do_GET(self):
        prefix = "/v1/commands/"
        if not self.path.startswith(prefix):
            return self.answer(404, {"error": "no such path"})
        if not self.authorised():
            return None
        transaction = self.path[len(prefix):]
        with self.lock:
            command = HeadEnd.commands.get(transaction)
            if command is None:
                return self.answer(404, {"error": "no such transaction"})
            command["polls"] += 1
            polls = command["polls"]
        meter = command["meter"]
        status, reason = "succeeded", ""
        if polls < 2 or os.path.exists(os.path.join(self.folder, "silent-" + meter)):
            status = "pending"
        elif os.path.exists(os.path.join(self.folder, "fail-" + meter)):
            status, reason = "failed", "the meter did not respond to the switch"
        self.answer(200, {"transaction_id": transaction, "status": status, "reason": reason})


def main():
    HeadEnd.folder, HeadEnd.token, HeadEnd.expiry = sys.argv[1], sys.argv[2], int(sys.argv[3])
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    os.makedirs(HeadEnd.folder, exist_ok=True)
    serve_until_stdin_closes(HeadEnd, port)


if __name__ == "__main__":
    main()
