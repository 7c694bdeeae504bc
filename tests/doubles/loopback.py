"""Serving a test double on loopback until its parent lets go.

Every double (the SMS provider, the head-end, the webhook receiver) is started by a test with a
pipe on its stdin: it listens on 127.0.0.1 (port 0: any free one), prints "listening <port>" for
the parent to read, and stops when the parent closes its stdin or dies.
"""
import sys
import threading
from http.server import ThreadingHTTPServer


def serve_until_stdin_closes(handler, port=0):
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("listening %d" % server.server_address[1], flush=True)
    try:
        sys.stdin.read()  # returns when the parent closes our stdin or dies
    except KeyboardInterrupt:
        pass
    server.shutdown()
