"""A minimal HTTP/1.1 keep-alive client that counts the exact bytes the server sent.

http.client hides the raw status line, headers and chunk framing; page weight wants them, so this reads
the socket itself. Synchronous and simple: only for the page-weight fetches, not for load.
"""

import gzip
import socket
from dataclasses import dataclass

USER_AGENT = "Mozilla/5.0 (sinergi-bench) Gecko/20100101 Firefox/128.0"


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    header_bytes: int  # status line + headers + blank line, as sent
    body_bytes: int  # body as sent (compressed, including any chunk framing)
    body: bytes  # decoded (de-chunked, gunzipped)
    raw: bytes  # de-chunked but still compressed

    @property
    def wire_bytes(self) -> int:
        return self.header_bytes + self.body_bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()


class Client:
    def __init__(self, host: str, port: int, timeout: float = 60):
        self.host, self.port, self.timeout = host, port, timeout
        self._sock = None
        self._file = None

    def close(self) -> None:
        if self._file:
            self._file.close()
        if self._sock:
            self._sock.close()
        self._sock = self._file = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _connect(self) -> None:
        if self._sock is None:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._file = self._sock.makefile("rb")

    def get(self, path: str, accept: str = "*/*", gzip_ok: bool = True) -> Response:
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nUser-Agent: {USER_AGENT}\r\n"
            f"Accept: {accept}\r\nAccept-Language: id-ID,id;q=0.9\r\n"
            + ("Accept-Encoding: gzip\r\n" if gzip_ok else "")
            + "Connection: keep-alive\r\n\r\n"
        ).encode("latin-1")
        for attempt in (1, 2):
            self._connect()
            try:
                self._sock.sendall(request)
                return self._read(path)
            except (ConnectionError, EOFError):
                # The server closed an idle keep-alive connection: once, reconnect and retry.
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _line(self) -> bytes:
        line = self._file.readline(65537)
        if not line:
            raise EOFError("connection closed")
        return line

    def _read(self, path: str) -> Response:
        status_line = self._line()
        header_bytes = len(status_line)
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = self._line()
            header_bytes += len(line)
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("latin-1").partition(":")
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()

        raw, body_bytes = b"", 0
        if status in (204, 304) or 100 <= status < 200:
            pass
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size_line = self._line()
                body_bytes += len(size_line)
                size = int(size_line.split(b";")[0], 16)
                chunk = self._file.read(size + 2) if size else b""
                body_bytes += len(chunk)
                parts.append(chunk[:size])
                if size == 0:
                    while True:  # trailers
                        line = self._line()
                        body_bytes += len(line)
                        if line in (b"\r\n", b"\n"):
                            break
                    break
            raw = b"".join(parts)
        elif "content-length" in headers:
            length = int(headers["content-length"])
            raw = self._file.read(length)
            if len(raw) != length:
                raise EOFError("short body")
            body_bytes = length
        else:
            raw = self._file.read()
            body_bytes = len(raw)
            self.close()

        if headers.get("connection", "").lower() == "close":
            self.close()
        body = gzip.decompress(raw) if headers.get("content-encoding", "").lower() == "gzip" else raw
        return Response(path, status, headers, header_bytes, body_bytes, body, raw)
