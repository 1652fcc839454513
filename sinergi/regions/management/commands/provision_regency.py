import time

from django.core.management.base import BaseCommand, CommandError

from sinergi.regions.provisioning import ProvisioningError, provision_regency


class Command(BaseCommand):
    help = "Buat atau lengkapi portal kabupaten/kota beserta website setiap desa dari kode Kemendagri."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Kode Kemendagri kabupaten/kota, misalnya 64.02")
        parser.add_argument(
            "--kecamatan", action="append", dest="districts", metavar="KODE",
            help="Batasi pada kecamatan ini (boleh diulang), misalnya 64.02.17",
        )  # fmt: skip
        parser.add_argument("--quiet", action="store_true", help="Cetak ringkasan saja")

    def handle(self, *args, code, districts, quiet, **options):
        started = time.perf_counter()
        try:
            report = provision_regency(code, district_codes=districts)
        except ProvisioningError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started

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
