import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from sinergi.demo.content import DemoError, load_demo
from sinergi.demo.data import DEMO_PASSWORD


class Command(BaseCommand):
    help = _(
        "Isi konten contoh untuk 11 desa Kecamatan Marang Kayu dan portal kabupaten, serta buat akun demo. "
        "Jalankan setelah provision_regency 64.02; aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help=_("Setel ulang kata sandi akun demo yang sudah ada ke kata sandi demo"),
        )

    def handle(self, *args, reset_passwords=False, **options):
        started = time.perf_counter()
        try:
            report = load_demo(reset_passwords=reset_passwords)
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started

        if report.changed:
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(report.counts.items()))
            self.stdout.write(
                self.style.SUCCESS(_("Konten demo dimuat: %(summary)s.") % {"summary": summary})
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Konten demo sudah ada, tidak ada yang diubah.")))
        self.stdout.write(_("Selesai dalam %(seconds).1f detik.") % {"seconds": elapsed})

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(_("Akun demo")))
        for account in report.accounts:
            if account.password_set:
                password = DEMO_PASSWORD
            else:
                password = _("(tidak diubah; pakai --reset-passwords untuk menyetel '%(password)s')") % {
                    "password": DEMO_PASSWORD
                }
            self.stdout.write(f"  {account.username}")
            self.stdout.write(
                _("    masuk di   : /admin/ dengan nama pengguna %(username)s")
                % {"username": account.username}
            )
            self.stdout.write(_("    kata sandi : %(password)s") % {"password": password})
            self.stdout.write(_("    peran      : %(role)s") % {"role": account.role})
            self.stdout.write(_("    bisa       : %(scope)s") % {"scope": account.scope})

        port = int(os.environ.get("PORT") or 8000)
        # Canonical and social links carry the address the demo is served on.
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None and (site.hostname, site.port) != ("127.0.0.1", port):
            site.hostname, site.port = "127.0.0.1", port
            site.save()
        base = f"http://127.0.0.1:{port}"
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(_("Buka di peramban")))
        self.stdout.write(_("  Portal kabupaten : %(url)s/") % {"url": base})
        if report.villages:
            district = report.villages[0].page.get_parent()
            self.stdout.write(_("  Kecamatan        : %(url)s%(path)s") % {"url": base, "path": district.url})
        for village in report.villages[:2]:
            self.stdout.write(
                _("  %(name)-16s : %(url)s%(path)s")
                % {"name": village.display_name, "url": base, "path": village.page.url}
            )
        self.stdout.write(_("  Admin (masuk)    : %(url)s/admin/") % {"url": base})

        # KIM: a KIM per village with members, reports in every state and activities; two member accounts.
        from sinergi.demo.kim_content import load_kim_demo

        self.stdout.write("")
        load_kim_demo(self.stdout)

        # APBDes: 2025 with realisation and 2026, imported from filled-in templates and published.
        from sinergi.demo.apbdes_content import load_apbdes_demo

        self.stdout.write("")
        load_apbdes_demo(self.stdout)
        # PPID: requests in every state per village (one overdue, one extended, one with an objection).
        from sinergi.demo.ppid_requests_content import load_ppid_request_demo

        load_ppid_request_demo(self.stdout)
        # Complaints: a dozen cases per village across categories and states, with public replies.
        from sinergi.demo.complaints_content import load_complaints_demo

        self.stdout.write("")
        load_complaints_demo(self.stdout)
        # The completeness index: today's scores from all of the above, 13 months of generated history.
        from sinergi.demo.index_content import load_index_demo

        self.stdout.write("")
        load_index_demo(self.stdout)
