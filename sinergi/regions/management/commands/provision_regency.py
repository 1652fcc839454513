import time

from django.core.management.base import BaseCommand, CommandError

from sinergi.regions.provisioning import ProvisioningError, expand_codes, provision_regency


class Command(BaseCommand):
    help = (
        "Buat atau lengkapi portal kabupaten/kota beserta website setiap desa dari kode Kemendagri. "
        "Kode provinsi (misalnya 33) berarti semua kabupaten/kotanya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "codes", nargs="+", metavar="KODE",
            help="Kode Kemendagri kabupaten/kota (64.02) atau provinsi (33); boleh beberapa",
        )  # fmt: skip
        parser.add_argument(
            "-k", "--kecamatan", action="append", dest="districts", metavar="KODE",
            help="Batasi kabupaten/kota kecamatan ini pada kecamatan yang disebut (boleh diulang), "
            "misalnya 64.02.17",
        )  # fmt: skip
        parser.add_argument("--quiet", action="store_true", help="Cetak ringkasan saja")
        parser.add_argument(
            "--satu-per-satu", action="store_true", dest="one_by_one",
            help="Buat desa satu per satu (jalur lama, lambat); untuk pembanding",
        )  # fmt: skip

    def handle(self, *args, codes, districts, quiet, one_by_one, **options):
        try:
            regencies = expand_codes(codes)
        except ProvisioningError as exc:
            raise CommandError(str(exc)) from exc
        started_all = time.perf_counter()
        total_villages = 0
        for code in regencies:
            limit = [d for d in districts or [] if d.startswith(f"{code}.")] or None
            started = time.perf_counter()
            try:
                report = provision_regency(code, district_codes=limit, bulk=not one_by_one)
            except ProvisioningError as exc:
                raise CommandError(str(exc)) from exc
            elapsed = time.perf_counter() - started
            total_villages += self._summary(report, elapsed, quiet)
        if len(regencies) > 1:
            elapsed = time.perf_counter() - started_all
            self.stdout.write(
                self.style.SUCCESS(
                    f"Semua: {len(regencies)} kabupaten/kota, {total_villages} desa/kelurahan; "
                    f"{elapsed:.1f} detik."
                )
            )

    def _summary(self, report, elapsed, quiet) -> int:
        if not quiet:
            for line in report.created:
                self.stdout.write(f"  + {line}")
        regency = report.regency
        villages = regency.districts.values_list("villages", flat=True).count()
        if report.changed:
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(report.counts.items()))
            self.stdout.write(self.style.SUCCESS(f"{regency.name} ({regency.code}): dibuat {summary}."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{regency.name} ({regency.code}): sudah lengkap, tidak ada perubahan.")
            )
        self.stdout.write(
            f"{regency.districts.count()} kecamatan, {villages} desa/kelurahan; {elapsed:.1f} detik."
        )
        return villages
