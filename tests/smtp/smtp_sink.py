#!/usr/bin/python3
"""A fast SMTP server on loopback for benchmarks: it speaks SMTP (RFC 5321: EHLO/HELO, MAIL,
RCPT, DATA with dot-unstuffing left undone, RSET, NOOP, QUIT; PIPELINING) and keeps nothing but
a count, so a benchmark measures the sender rather than the receiver. tests/smtp/capture_smtp.py
(aiosmtpd) keeps every message and takes a few hundred microseconds a message for it; this one
looks for the end of DATA in each chunk it reads instead of line by line.

When its stdin closes it writes DIR/count.txt (the messages accepted) and stops. Prints
"listening PORT" on stdout once it accepts connections.

usage: smtp_sink.py DIR [PORT]   (PORT 0 or absent: any free port)
"""
import asyncio
import os
import sys

accepted = 0


class Session(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""
        self.in_data = False
        transport.write(b"220 127.0.0.1 ESMTP sink\r\n")

    def data_received(self, data):
        global accepted
        self.buffer += data
        replies = []
        while True:
            if self.in_data:
                # The message ends at a line holding only "."; it may follow the DATA line at once.
                if self.buffer.startswith(b".\r\n"):
                    end, skip = 0, 3
                else:
                    end = self.buffer.find(b"\r\n.\r\n")
                    if end < 0:
                        # Keep the tail: the terminator may be split across reads.
                        if len(self.buffer) > 8:
                            self.buffer = self.buffer[-8:]
                        break
                    skip = 5
                self.buffer = self.buffer[end + skip:]
                self.in_data = False
                accepted += 1
                replies.append(b"250 2.0.0 accepted\r\n")
                continue
            line_end = self.buffer.find(b"\r\n")
            if line_end < 0:
                break
            line = self.buffer[:line_end]
            self.buffer = self.buffer[line_end + 2:]
            verb = line[:4].upper()
            if verb == b"EHLO":
                replies.append(b"250-127.0.0.1\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 33554432\r\n")
            elif verb == b"DATA":
                self.in_data = True
                replies.append(b"354 end with <CRLF>.<CRLF>\r\n")
            elif verb == b"QUIT":
                replies.append(b"221 2.0.0 bye\r\n")
                self.transport.write(b"".join(replies))
                self.transport.close()
                return
            elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                replies.append(b"250 2.0.0 ok\r\n")
            else:
                replies.append(b"502 5.5.2 not implemented\r\n")
        if replies:
            self.transport.write(b"".join(replies))


async def serve(folder, port):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Session, "127.0.0.1", port)
    print("listening %d" % server.sockets[0].getsockname()[1], flush=True)
    stdin_closed = loop.create_future()

    def read_stdin():
        if not sys.stdin.buffer.read1(4096):
            loop.remove_reader(sys.stdin.fileno())
            stdin_closed.set_result(True)

    loop.add_reader(sys.stdin.fileno(), read_stdin)
    await stdin_closed
    server.close()
    with open(os.path.join(folder, "count.txt"), "w") as out:
        out.write("%d\n" % accepted)


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(folder, exist_ok=True)
    asyncio.run(serve(folder, port))


if __name__ == "__main__":
    main()
