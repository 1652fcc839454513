"""Part 1: build the bench database from nothing and time the regency provisioning.

Every command is a subprocess of its own, so wall-clock time includes starting Python and Django (as an
operator would see it) and the peak memory is that command's alone (os.wait4's ru_maxrss).
"""

import re
from dataclasses import dataclass, field

from bench.common import BenchDirs, Measured, log, manage, run_measured


@dataclass
class ProvisioningResult:
    scope: str
    migrate: Measured
    first: Measured | None = None
    second: Measured | None = None
    demo: Measured | None = None
    collectstatic: Measured | None = None
    villages: int | None = None
    districts: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def demo_loaded(self) -> bool:
        return self.demo is not None and self.demo.ok


def _require(step: Measured, what: str) -> None:
    if not step.ok:
        raise SystemExit(f"bench: {what} failed (exit {step.returncode}):\n{step.tail(40)}")


def _counts(output: str) -> tuple[int | None, int | None]:
    # The command ends with e.g. "18 kecamatan, 237 desa/kelurahan; 63.2 detik."
    match = re.search(r"(\d+) kecamatan, (\d+) desa/kelurahan", output)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def build(dirs: BenchDirs, regency: str, districts: list[str]) -> ProvisioningResult:
    env = dirs.env()
    dirs.media.mkdir(parents=True, exist_ok=True)
    dirs.var.mkdir(parents=True, exist_ok=True)

    log(f"migrate into {dirs.sqlite}")
    result = ProvisioningResult(
        scope="", migrate=run_measured(manage("migrate", "--no-input", "-v", "0"), env)
    )
    _require(result.migrate, "migrate")

    args = ["provision_regency", regency, "--quiet"]
    for code in districts:
        args += ["--kecamatan", code]
    result.scope = regency + (f" (kecamatan {', '.join(districts)})" if districts else " (whole regency)")

    log(f"provision_regency {' '.join(args[1:])}: first run")
    result.first = run_measured(manage(*args), env)
    _require(result.first, "provision_regency")
    result.districts, result.villages = _counts(result.first.output)
    log(f"  {result.first.seconds:.1f} s, peak {result.first.peak_rss_mib:.0f} MiB")

    log("provision_regency: second (idempotent) run")
    result.second = run_measured(manage(*args), env)
    _require(result.second, "provision_regency (second run)")
    if "tidak ada perubahan" not in result.second.output:
        result.notes.append(
            "The second provisioning run reported changes: it should have found everything in place."
        )
    log(f"  {result.second.seconds:.1f} s, peak {result.second.peak_rss_mib:.0f} MiB")

    log("load_demo")
    result.demo = run_measured(manage("load_demo"), env)
    if result.demo.ok:
        log(f"  {result.demo.seconds:.1f} s")
    else:
        reason = "not available yet" if "Unknown command" in result.demo.output else "failed"
        result.notes.append(
            f"load_demo {reason} (exit {result.demo.returncode}): the pages measured are provisioned-only, "
            "without demo content." + (f" Last output: {result.demo.tail(3)!r}" if reason == "failed" else "")
        )
        log(f"  load_demo {reason}; continuing with provisioned-only pages")

    log("collectstatic into the bench's temporary STATIC_ROOT")
    result.collectstatic = run_measured(manage("collectstatic", "--no-input", "-v", "0"), env)
    _require(result.collectstatic, "collectstatic")
    return result
