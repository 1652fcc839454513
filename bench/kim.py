"""Part 6: the KIM newsroom accepting reports from members' phones, over HTTP, on the bench's gunicorn.

Each member signs in the way a phone does (the login form, with its CSRF token), opens the report form
(its CSRF token, categories and the server's own size limits), then sends reports the way
static/kim/report.js does: a multipart POST to /kim/laporan/baru/ with `Accept: application/json`,
the X-CSRFToken header, a fresh client_key and send_key, the consent checkbox and action=submit
("Kirim ke desa"). A send counts as accepted only if the answer is HTTP 200 with JSON saying ok, saved,
not a replay, state "submitted" and the client_key sent; anything else is an error, shown as such.
Afterwards a subprocess (bench.kim_setup inspect) counts the Report and ReportPhoto rows in the database.

The figures:
- one report with 10 photos of ~5 MB each: wall-clock time of the whole request over loopback (median of
  a few runs) and the peak resident memory of the gunicorn worker that handled it (VmHWM from
  /proc/<pid>/status, reset before each run through /proc/<pid>/clear_refs), and its increase;
- reports accepted per second while many members send at once, each member one send at a time and
  staying under the per-member limit of 20 reports an hour, with p50/p99 latency and errors;
- whether the database holds every accepted report exactly once, with its photos and no EXIF left.
"""

import http.client
import io
import json
import re
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from PIL import Image, ImageFilter

from bench import cpu, load
from bench.common import HOST, PYTHON, BenchDirs, log, run_measured
from bench.load import LoadResult
from bench.wire import USER_AGENT

LOGIN = "/kim/masuk/"
REPORT_NEW = "/kim/laporan/baru/"
MIB = 1024 * 1024

BIG_PHOTOS = 10
BIG_PHOTO_BYTES = 5 * MIB
BIG_PHOTO_PIXELS = (4000, 3000)  # a 12-megapixel phone camera
SMALL_PHOTO_BYTES = 200 * 1024
SMALL_PHOTO_PIXELS = (1280, 960)  # a photo a chat app has already shrunk
JPEG_QUALITY = 92
REPORTS_PER_HOUR = 20  # sinergi.kim.limits.reports_per_hour(): the bench stays under it per member
# The server closes a keep-alive connection idle for 2 s (gunicorn's default): reconnect before that.
IDLE_RECONNECT = 1.0

BODY = (
    "Warga Dusun II bergotong royong membersihkan saluran air di sepanjang jalan desa pada Sabtu pagi. "
    "Kegiatan dipimpin Ketua RT 05 dan diikuti sekitar empat puluh warga, bapak-bapak dan ibu-ibu. "
    "Lumpur dan sampah plastik yang menutup saluran diangkat dengan cangkul lalu dibawa ke tempat "
    "pembuangan sementara. Menurut Ketua RT, kerja bakti ini rutin digelar menjelang musim hujan agar air "
    "tidak naik ke jalan dan masuk ke rumah warga.\n\nIbu-ibu PKK menyiapkan teh manis dan kue untuk warga "
    "yang bekerja. Pemerintah desa meminjamkan peralatan dan berencana memperbaiki dua gorong-gorong yang "
    "rusak tahun ini."
)


class KimBenchError(Exception):
    """The KIM measurement could not go on (a sign-in or the form failed): reported, not hidden."""


# --------------------------------------------------------------------------- photos


def _exif(n: int) -> Image.Exif:
    """What a phone camera writes: make, model, time and a GPS position, for the server to strip."""
    exif = Image.Exif()
    exif[0x010F] = "BenchPhone"  # Make
    exif[0x0110] = "BP-12"  # Model
    exif[0x0112] = 1  # Orientation: as stored
    exif[0x0132] = f"2026:01:02 08:{n % 60:02d}:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (0.0, 12.0, 34.5 + n), 3: "E", 4: (117.0, 15.0, 10.25), 5: 0, 6: 12.5})
    return exif


def make_photos(directory: Path, prefix: str, count: int, pixels: tuple[int, int], target: int) -> list[Path]:
    """`count` different JPEGs of `pixels`, each close to `target` bytes, with EXIF and GPS.

    Not pure random noise: at this quality a noise JPEG of 5 MiB has only ~5.5 megapixels, less than half
    of what the server must decode and resize in a 12-megapixel phone photo of the same size. So each
    photo is a smooth random picture with a fine grain on top, and the grain's weight is chosen (by
    bisection on the first photo) so that the file comes out at the target size for these dimensions.
    """
    width, height = pixels
    grain = Image.effect_noise(pixels, 64)
    grains = [
        grain,
        grain.transpose(Image.Transpose.ROTATE_180),
        grain.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
        grain.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
    ]

    def picture(n: int, weight: float) -> Image.Image:
        low = Image.merge("RGB", [Image.effect_noise((width // 16, height // 16), 50) for _ in range(3)])
        scene = low.filter(ImageFilter.GaussianBlur(2)).resize(pixels, Image.Resampling.BILINEAR)
        texture = Image.merge("RGB", [grains[(n + c) % len(grains)] for c in range(3)])
        return Image.blend(scene, texture, weight)

    def encode(image: Image.Image, n: int) -> bytes:
        out = io.BytesIO()
        image.save(out, "JPEG", quality=JPEG_QUALITY, exif=_exif(n))
        return out.getvalue()

    low, high, weight = 0.0, 1.0, 0.5
    first = b""
    for _ in range(12):
        weight = (low + high) / 2
        first = encode(picture(0, weight), 0)
        if abs(len(first) - target) <= target * 0.01:
            break
        low, high = (weight, high) if len(first) < target else (low, weight)
    paths = []
    for n in range(count):
        path = directory / f"{prefix}-{n + 1:02d}.jpg"
        path.write_bytes(first if n == 0 else encode(picture(n, weight), n))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- HTTP, as a phone's browser


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float  # request start → whole response read
    upload_seconds: float  # request start → last byte of the body handed to the kernel

    def json(self) -> dict | None:
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def snippet(self) -> str:
        data = self.json()
        if data is not None:
            return str(data.get("message") or "") + (f" {data['errors']}" if data.get("errors") else "")
        text = self.body.decode("utf-8", "replace")
        title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
        return " ".join((title.group(1) if title else text[:120]).split())


class Connection:
    """One HTTP/1.1 keep-alive connection, reopened before the server would close it as idle."""

    def __init__(self, port: int, timeout: float = 600):
        self.port, self.timeout = port, timeout
        self.conn: http.client.HTTPConnection | None = None
        self.last_used = 0.0

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> Answer:
        if self.conn is not None and time.monotonic() - self.last_used > IDLE_RECONNECT:
            self.close()
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            self.conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            if body or method == "POST":
                headers = {**headers, "Content-Length": str(len(body))}
            for name, value in headers.items():
                self.conn.putheader(name, value)
            self.conn.endheaders()
            if body:
                self.conn.send(body)
            sent = time.perf_counter()
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        done = time.perf_counter()
        self.last_used = time.monotonic()
        if response.will_close:
            self.close()
        return Answer(response.status, response.headers, data, done - started, sent - started)


class _FormReader(HTMLParser):
    """The hidden inputs, the category options and the data-* attributes of one form."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.select = form_id, False, None
        self.inputs: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self.data: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
            self.data = {k: v for k, v in attrs.items() if k.startswith("data-")}
        elif self.inside and tag == "input" and attrs.get("type") == "hidden":
            self.inputs[attrs.get("name", "")] = attrs.get("value", "")
        elif self.inside and tag == "select":
            self.select = attrs.get("name", "")
            self.options[self.select] = []
        elif self.inside and tag == "option" and self.select and attrs.get("value"):
            self.options[self.select].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def read_form(html: bytes, form_id: str) -> _FormReader:
    reader = _FormReader(form_id)
    reader.feed(html.decode("utf-8", "replace"))
    return reader


@dataclass
class Member:
    """One member's browser: the cookies, and what the report form gave it."""

    email: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: str = ""
    categories: list[str] = field(default_factory=list)
    max_photo_bytes: int = 0
    max_request_bytes: int = 0
    sent: int = 0

    def headers(self, **extra: str) -> dict[str, str]:
        headers = {
            "Host": f"{HOST}:{self.port}",
            "User-Agent": USER_AGENT,
            "Accept-Language": "id-ID,id;q=0.9",
            **extra,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def remember(self, answer: Answer) -> None:
        for header in answer.headers.get_all("Set-Cookie") or []:
            pair, _, attributes = header.partition(";")
            name, _, value = pair.strip().partition("=")
            if not value or "max-age=0" in attributes.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def call(self, conn: Connection, method: str, path: str, body: bytes = b"", **headers: str) -> Answer:
        answer = conn.request(method, path, self.headers(**headers), body)
        self.remember(answer)
        return answer

    def sign_in(self, conn: Connection, password: str) -> None:
        """The login form, then the report form: as a member opening /kim/ on the phone."""
        page = self.call(conn, "GET", LOGIN, Accept="text/html")
        token = read_form(page.body, "kim-login").inputs.get("csrfmiddlewaretoken")
        if page.status != 200 or not token:
            raise KimBenchError(
                f"GET {LOGIN}: HTTP {page.status}, CSRF token {'found' if token else 'missing'}"
            )
        form = urlencode({"csrfmiddlewaretoken": token, "next": "/kim/", "username": self.email,
                          "password": password}).encode()  # fmt: skip
        answer = self.call(
            conn, "POST", LOGIN, form, Accept="text/html", Origin=f"http://{HOST}:{self.port}",
            **{"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise KimBenchError(f"sign-in of {self.email}: HTTP {answer.status}, {answer.snippet()!r}")
        page = self.call(conn, "GET", REPORT_NEW, Accept="text/html")
        form = read_form(page.body, "kim-report-form")
        if (
            page.status != 200
            or not form.inputs.get("csrfmiddlewaretoken")
            or "client_key" not in form.inputs
        ):
            raise KimBenchError(f"GET {REPORT_NEW} as {self.email}: HTTP {page.status}, no report form")
        self.csrf = form.inputs["csrfmiddlewaretoken"]
        self.categories = form.options.get("category", [])
        self.max_photo_bytes = int(form.data.get("data-max-photo-bytes") or 0)
        self.max_request_bytes = int(form.data.get("data-max-request-bytes") or 0)


def multipart(fields: dict[str, str], files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    boundary = f"----sinergi-bench-{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for filename, data in files:
        parts += [
            f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; filename="{filename}"\r\n'
            "Content-Type: image/jpeg\r\n\r\n".encode(),
            data,
            b"\r\n",
        ]
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


@dataclass
class Sent:
    """One send of the report form and what its answer means."""

    member: str
    client_key: str
    status: int = 0
    accepted: bool = False
    problem: str = ""
    report_id: int | None = None
    started: float = 0.0
    done: float = 0.0
    upload_seconds: float = 0.0

    @property
    def seconds(self) -> float:
        return self.done - self.started


def send_report(conn: Connection, member: Member, photos: list[tuple[str, bytes]], *, live: bool) -> Sent:
    """POST the report form as report.js does ("Kirim ke desa") and check that the answer means accepted.

    `live`: the member is looking at the form (X-Kim-Send: live, the server also queues a message for
    the next page); otherwise a send from the phone's offline queue.
    """
    client_key = str(uuid.uuid4())
    member.sent += 1
    fields = {
        "client_key": client_key,
        "title": f"Warga Dusun II Gotong Royong Membersihkan Saluran Air ({member.sent})",
        "body": BODY,
        "category": member.categories[0] if member.categories else "",
        "event_date": time.strftime("%Y-%m-%d"),
        "place": "Dusun II RT 05",
        "latitude": "-0.209123",
        "longitude": "117.251234",
        "consent_confirmed": "on",
        "action": "submit",
        "send_key": str(uuid.uuid4()),
    }
    content_type, body = multipart(fields, photos)
    sent = Sent(member.email, client_key, started=time.perf_counter())
    try:
        answer = member.call(
            conn, "POST", REPORT_NEW, body, Accept="application/json", Origin=f"http://{HOST}:{member.port}",
            **{"Content-Type": content_type, "X-CSRFToken": member.csrf, "X-Kim-Send": "live" if live else "queue"},
        )  # fmt: skip
    except (OSError, http.client.HTTPException) as error:
        sent.done, sent.problem = time.perf_counter(), f"connection: {error!r}"
        return sent
    sent.done, sent.status, sent.upload_seconds = time.perf_counter(), answer.status, answer.upload_seconds
    data = answer.json()
    if data is None:
        sent.problem = f"HTTP {answer.status}, not JSON: {answer.snippet()!r}"
        return sent
    sent.report_id = data.get("id")
    expected = {"ok": True, "saved": True, "replay": False, "state": "submitted", "client_key": client_key}
    wrong = {k: data.get(k) for k, v in expected.items() if data.get(k) != v}
    if answer.status != 200 or wrong or data.get("errors"):
        sent.problem = f"HTTP {answer.status} {wrong} {answer.snippet()!r}"
    else:
        sent.accepted = True
    return sent


# --------------------------------------------------------------------------- server memory


def workers(master: int) -> dict[int, float]:
    """gunicorn's worker processes (children of the master) and the CPU seconds each has used."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := cpu._stat(entry.name)) and stat[0] == master:
            found[int(entry.name)] = stat[1]
    return found


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of a process, in KiB, from /proc/<pid>/status."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values


def reset_peak(pid: int) -> bool:
    """Set VmHWM back to the current RSS (Linux ≥ 4.0, own processes), so it measures what comes next."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


@dataclass
class BigRun:
    sent: Sent
    worker: int = 0
    rss_before_kib: int = 0
    peak_kib: int = 0
    rss_after_kib: int = 0
    peak_reset: bool = True
    cpu_seconds: float = 0.0  # CPU the handling worker used for the request

    @property
    def increase_kib(self) -> int:
        return self.peak_kib - self.rss_before_kib


def big_upload(conn: Connection, member: Member, master: int, photos: list[tuple[str, bytes]]) -> BigRun:
    before = workers(master)
    resets = [reset_peak(pid) for pid in before]
    rss = {pid: memory_kib(pid)["VmRSS"] for pid in before}
    sent = send_report(conn, member, photos, live=True)
    after = workers(master)
    handler = max(before, key=lambda pid: after.get(pid, 0.0) - before[pid])
    memory = memory_kib(handler)
    return BigRun(
        sent, handler, rss[handler], memory["VmHWM"], memory["VmRSS"], all(resets),
        after.get(handler, 0.0) - before[handler],
    )  # fmt: skip


# --------------------------------------------------------------------------- many members at once


def many_members(
    port: int, members: list[Member], clients: int, warmup: float, duration: float, photo, server_pid: int
) -> tuple[LoadResult, list[Sent], bool]:
    """`clients` concurrent senders, each with its own share of the members, one send at a time per
    member, each member at most REPORTS_PER_HOUR sends in all. Sends completed within the `duration`
    after the `warmup` count for the rate; every send counts for the errors and the database check."""
    result = LoadResult(REPORT_NEW, clients, duration)
    sends: list[Sent] = []
    exhausted = threading.Event()
    start = time.perf_counter() + 0.05
    measure_from, stop_at = start + warmup, start + warmup + duration

    def client(mine: list[Member]) -> None:
        conn = Connection(port)
        turn = 0
        try:
            while time.perf_counter() < stop_at:
                ready = [m for m in mine if m.sent < REPORTS_PER_HOUR]
                if not ready:
                    exhausted.set()
                    return
                sends.append(send_report(conn, ready[turn % len(ready)], photo, live=False))
                turn += 1
        except Exception as error:  # a bug here must not pass for a quiet sender
            result.failure = result.failure or f"a sender stopped: {error!r}"
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(members[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, measure_from - time.perf_counter()))
    before = load._cpu_sample(server_pid)
    time.sleep(max(0.0, stop_at - time.perf_counter()))
    after = load._cpu_sample(server_pid)
    for thread in threads:
        thread.join()
    result.cpu_window, result.client_cpu, result.server_cpu, result.machine_cpu = (
        a - b for a, b in zip(after, before, strict=True)
    )
    for sent in sends:
        if measure_from <= sent.done <= stop_at:
            if sent.accepted:
                result.completed += 1
                result.latencies.append(sent.seconds)
            else:
                result.errors += 1
                result.statuses[sent.status] = result.statuses.get(sent.status, 0) + 1
    return result, sends, exhausted.is_set()


# --------------------------------------------------------------------------- the whole part


@dataclass
class KimResult:
    members: int
    clients: int
    villages: int = 0
    big_photo_sizes: list[int] = field(default_factory=list)
    big_pixels: tuple[int, int] = BIG_PHOTO_PIXELS
    small_photo_size: int = 0
    max_photo_bytes: int = 0
    max_request_bytes: int = 0
    big_request_bytes: int = 0
    sign_in_seconds: float = 0.0
    big_runs: list[BigRun] = field(default_factory=list)
    load: LoadResult | None = None
    sends: list[Sent] = field(default_factory=list)
    exhausted: bool = False
    database: dict = field(default_factory=dict)
    photo_cost: dict = field(default_factory=dict)
    failure: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> list[Sent]:
        return [s for s in self.sends if s.accepted]

    @property
    def big_accepted(self) -> list[BigRun]:
        return [r for r in self.big_runs if r.sent.accepted]


def _setup(dirs: BenchDirs, *args: str) -> dict:
    step = run_measured([PYTHON, "-m", "bench.kim_setup", *args], dirs.env())
    if not step.ok:
        raise KimBenchError(f"bench.kim_setup {args[0]} failed (exit {step.returncode}): {step.tail(5)}")
    try:
        return json.loads(step.output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise KimBenchError(f"bench.kim_setup {args[0]} printed no result: {step.tail(5)!r}") from None


def measure(
    dirs: BenchDirs, port: int, server_pid: int, *, members: int, clients: int, repeats: int,
    warmup: float, duration: float,
) -> KimResult:  # fmt: skip
    result = KimResult(members, clients)
    photo_dir = dirs.tmp / "kim-photos"
    photo_dir.mkdir(exist_ok=True)
    log(
        f"KIM: {BIG_PHOTOS} photos of ~{BIG_PHOTO_BYTES / MIB:.0f} MiB and one of ~{SMALL_PHOTO_BYTES // 1024} KiB"
    )
    big_paths = make_photos(photo_dir, "big", BIG_PHOTOS, BIG_PHOTO_PIXELS, BIG_PHOTO_BYTES)
    small_path = make_photos(photo_dir, "small", 1, SMALL_PHOTO_PIXELS, SMALL_PHOTO_BYTES)[0]
    big = [(p.name, p.read_bytes()) for p in big_paths]
    small = [(small_path.name, small_path.read_bytes())]
    result.big_photo_sizes = [len(data) for _, data in big]
    result.small_photo_size = len(small[0][1])

    # One member for the big report, `members` for the load: each in a KIM of a provisioned village.
    log(f"KIM: creating {members + 1} members")
    made = _setup(dirs, "members", str(members + 1))
    result.villages = made["villages"]
    everyone = [Member(m["email"], port) for m in made["members"]]
    log(f"KIM: {len(everyone)} members sign in through the login form, {clients} at a time")
    started = time.perf_counter()

    def sign_in(member: Member) -> None:
        conn = Connection(port)
        try:
            member.sign_in(conn, made["password"])
        finally:
            conn.close()

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(sign_in, everyone))
    result.sign_in_seconds = time.perf_counter() - started
    author, crowd = everyone[0], everyone[1:]
    result.max_photo_bytes, result.max_request_bytes = author.max_photo_bytes, author.max_request_bytes

    log(f"KIM: {len(crowd)} members send reports with one photo, {clients} at a time")
    result.load, result.sends, result.exhausted = many_members(
        port, crowd, clients, warmup, duration, small, server_pid
    )

    result.big_request_bytes = len(multipart({}, big)[1])
    conn = Connection(port)
    try:
        for n in range(repeats):
            log(f"KIM: report with {BIG_PHOTOS} photos, run {n + 1}/{repeats}")
            run = big_upload(conn, author, server_pid, big)
            result.big_runs.append(run)
            log(f"  {run.sent.seconds:.1f} s, HTTP {run.sent.status}, peak {run.peak_kib / 1024:.0f} MiB")
    finally:
        conn.close()

    log("KIM: counting reports and photos in the database")
    request = dirs.tmp / "kim-inspect.json"
    accepted_keys = [s.client_key for s in result.accepted] + [r.sent.client_key for r in result.big_accepted]
    big_keys = [r.sent.client_key for r in result.big_accepted]
    request.write_text(json.dumps({"keys": accepted_keys, "photo_check": big_keys[:1]}))
    result.database = _setup(dirs, "inspect", str(request))
    log("KIM: cost of cleaning one photo, in-process")
    result.photo_cost = _setup(dirs, "photo-cost", *(str(p) for p in big_paths[:3]))
    result.problems = check(result)
    return result


def check(result: KimResult) -> list[str]:
    """What the database says against what the answers said: every accepted report exactly once."""
    problems = []
    db = result.database
    expected_rows = len(result.accepted) + len(result.big_accepted)
    if db["total_reports"] != expected_rows:
        problems.append(
            f"the database holds {db['total_reports']} reports of the bench members, but {expected_rows} "
            "sends were accepted"
        )
    big_keys = {r.sent.client_key for r in result.big_accepted}
    wrong = []
    for key, row in db["keys"].items():
        photos = BIG_PHOTOS if key in big_keys else 1
        if row["rows"] != 1 or row["photos"] != photos or row["states"] != ["submitted"]:
            wrong.append(f"{key}: {row['rows']} rows, {row['photos']} photos, states {row['states']}")
    if wrong:
        problems.append(
            f"{len(wrong)} accepted reports are not stored once, submitted, with their photos; e.g. {wrong[0]}"
        )
    expected_photos = len(result.accepted) + BIG_PHOTOS * len(result.big_accepted)
    if db["total_photos"] != expected_photos:
        problems.append(f"{db['total_photos']} photos stored, {expected_photos} expected")
    for photo in db["photos_checked"]:
        if photo["exif_tags"] or photo["gps"]:
            problems.append(f"a stored photo kept EXIF ({photo['exif_tags']} tags, GPS {photo['gps']})")
            break
    return problems


# --------------------------------------------------------------------------- the report


def _mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def rows(kim: KimResult | None) -> list[tuple[str, str, str]]:
    if kim is None:
        return []
    if kim.failure:
        return [("KIM report submission", f"**failed**: {kim.failure}", "")]
    out = []
    mean_mib = statistics.mean(kim.big_photo_sizes) / MIB
    big_label = f"KIM: accept a report with {BIG_PHOTOS} photos of {mean_mib:.1f} MiB ({kim.big_request_bytes / MIB:.0f} MiB POST)"
    runs, accepted = kim.big_runs, kim.big_accepted
    failed = len(runs) - len(accepted)
    if accepted:
        times = ", ".join(f"{r.sent.seconds:.1f}" for r in runs)
        value = f"median {statistics.median(r.sent.seconds for r in accepted):.1f} s ({len(runs)} runs: {times} s)"
    else:
        value = "**no run accepted**"
    verdict = f"**{failed} of {len(runs)} runs not accepted**" if failed else f"all {len(runs)} accepted"
    out.append((big_label, value, verdict))
    if runs:
        peak = max(runs, key=lambda r: r.peak_kib)
        out.append(
            (
                "KIM 10-photo report: peak server memory (worker RSS)",
                f"{_mib(peak.peak_kib)}, +{_mib(peak.increase_kib)} over its {_mib(peak.rss_before_kib)} before",
                "per run: " + ", ".join(f"{_mib(r.peak_kib)} (+{_mib(r.increase_kib)})" for r in runs),
            )
        )
    load_result = kim.load
    if load_result is not None:
        errors = [s for s in kim.sends if not s.accepted]
        value = (
            f"{load_result.rate:,.1f} reports/s, p50 {load_result.percentile(50) * 1000:.0f} ms, "
            f"p99 {load_result.percentile(99) * 1000:.0f} ms"
            if load_result.completed
            else "**none accepted while measuring**"
        )
        if load_result.completed and load_result.server_cpu:
            value += f"; server CPU {load_result.server_cpu / load_result.completed:.2f} s per report"
        db_ok = not kim.problems
        out.append(
            (
                f"KIM: reports accepted per second, {kim.members} members, {kim.clients} sending at once",
                value,
                f"{len(kim.accepted)} accepted, "
                + (f"**{len(errors)} errors**" if errors else "0 errors")
                + ("; database: each exactly once" if db_ok else "; **database mismatch (see notes)**"),
            )
        )
    return out


def notes(kim: KimResult | None) -> list[str]:
    if kim is None or kim.failure:
        return []
    out = []
    sizes = kim.big_photo_sizes
    w, h = kim.big_pixels
    out.append(
        f"KIM photos: {len(sizes)} JPEGs of {w}×{h} px ({w * h / 1e6:.0f} megapixels, as a phone camera), "
        f"{min(sizes):,}–{max(sizes):,} B each, quality {JPEG_QUALITY}, with EXIF (make, model, time, GPS); "
        f"made locally with Pillow. The server's limits, from the report form: "
        f"{kim.max_photo_bytes:,} B per photo, {kim.max_request_bytes:,} B per request."
    )
    over = [s for s in sizes if kim.max_photo_bytes and s > kim.max_photo_bytes]
    if over:
        out.append(f"**{len(over)} of the photos are over the server's per-photo limit**: they are refused.")
    if kim.max_request_bytes and kim.big_request_bytes > kim.max_request_bytes:
        out.append("**The 10-photo request is over the server's request limit**: it is refused (413).")
    out.append(
        f"KIM sign-in: {kim.members + 1} members (in KIMs of {kim.villages} villages) signed in through the "
        f"login form in {kim.sign_in_seconds:.1f} s, {kim.clients} at a time (a password hash per sign-in)."
    )
    runs = kim.big_runs
    refused = [r.sent for r in runs if not r.sent.accepted]
    if refused:
        out.append(
            f"**KIM 10-photo report: {len(refused)} of {len(runs)} runs not accepted**, e.g. {refused[0].problem}"
        )
    if runs:
        parts = []
        for n, run in enumerate(runs, 1):
            s = run.sent
            parts.append(
                f"run {n}: {s.seconds:.1f} s, of which {s.upload_seconds:.1f} s until the body was sent; "
                f"worker {run.worker} used {run.cpu_seconds:.1f} CPU s, RSS {_mib(run.rss_before_kib)} before, "
                f"peak {_mib(run.peak_kib)}, {_mib(run.rss_after_kib)} after"
            )
        out.append(
            'KIM 10-photo report, one member sending "Kirim ke desa" from the form (X-Kim-Send: live), one '
            "request with all photos over loopback, timed from the first byte sent to the last byte of the "
            "JSON answer: " + "; ".join(parts) + ". The time until the body was sent covers the upload and "
            "Django's multipart parsing (the server reads the body as it parses; photos over 2.5 MB go to "
            "temporary files). Peak memory is VmHWM of the worker that handled the request (the one whose CPU "
            "time went up), after resetting it to the current RSS just before the request"
            + ("" if all(r.peak_reset for r in runs) else " (**the reset failed: peaks are since start**)")
            + "."
        )
        cost = kim.photo_cost
        if cost and kim.big_accepted:
            processing = statistics.median(r.sent.seconds - r.sent.upload_seconds for r in kim.big_accepted)
            once, copy = cost["clean_original"], cost["clean_copy"]
            twice = once + copy
            closer = (
                "with"
                if abs(processing - BIG_PHOTOS * twice) < abs(processing - BIG_PHOTOS * once)
                else "without"
            )
            reading = f"{processing / (BIG_PHOTOS * once):.1f}× one pass, closer to the figure {closer} the second pass"
            out.append(
                f"Where the 10-photo time goes: `clean_photo` (decode, orientation, resize to 2000 px, re-encode "
                f"without metadata) of one original takes {once:.2f} s in a separate process (a full-size "
                f"decode alone, which clean_photo avoids by letting the JPEG decoder scale down: "
                f"{cost['decode']:.2f} s), and {copy:.2f} s again on its cleaned 2000 px copy; median of "
                f"{cost['files']} photos. {BIG_PHOTOS} photos once: {BIG_PHOTOS * once:.1f} s, and with the "
                f"second pass: {BIG_PHOTOS * twice:.1f} s. The server spent a median {processing:.1f} s after the "
                f"body was sent: {reading}."
            )
    result = kim.load
    if result is not None:
        rejected = [s for s in kim.sends if not s.accepted]
        out.append(
            f"KIM load: {kim.members} members, each a session of its own, share {kim.clients} concurrent "
            f"senders; every send is a new report with one {kim.small_photo_size:,} B photo "
            f"({SMALL_PHOTO_PIXELS[0]}×{SMALL_PHOTO_PIXELS[1]} px, EXIF with GPS) and action "
            '"Kirim ke desa", as report.js sends it from the phone\'s queue '
            "(X-Kim-Send: queue). A member has one send in flight at a time and at most "
            f"{REPORTS_PER_HOUR} in all (the hourly limit). Rate and latencies: accepted sends completed in "
            f"{result.seconds:g} s measured after a warm-up; {len(kim.sends)} sends in all, "
            f"{len(kim.accepted)} accepted."
            + (" **The members' hourly budget ran out before the time did.**" if kim.exhausted else "")
        )
        if result.failure:
            out.append(f"**KIM load: {result.failure}**")
        if rejected:
            statuses: dict[int, int] = {}
            for s in rejected:
                statuses[s.status] = statuses.get(s.status, 0) + 1
            out.append(
                f"**KIM load: {len(rejected)} sends not accepted** (by HTTP status {statuses}), e.g. "
                f"{rejected[0].problem}"
            )
    db = kim.database
    if db:
        out.append(
            f"KIM database check: {db['total_reports']} Report rows and {db['total_photos']} ReportPhoto rows "
            f"of the bench members for {len(kim.accepted) + len(kim.big_accepted)} accepted sends."
            + (
                f" Stored 10-photo report: {', '.join(sorted({'×'.join(map(str, p['size'])) for p in db['photos_checked']}))}"
                f" px, {sum(p['exif_tags'] for p in db['photos_checked'])} EXIF tags left."
                if db["photos_checked"]
                else ""
            )
        )
    out += [f"**KIM: {p}**" for p in kim.problems]
    return out
