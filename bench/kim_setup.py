"""Part 6 helper: KIM data inside the bench database, run as a subprocess with the bench's environment.

    python -m bench.kim_setup members N      # N bench members with accounts, spread over the villages
    python -m bench.kim_setup inspect FILE   # FILE: JSON {"keys": [...], "photo_check": [...]}
    python -m bench.kim_setup photo-cost F…  # in-process cost of sinergi.kim.photos.clean_photo

Members are made the way the demo makes them (sinergi/demo/kim_content.py): a KimMember of a Kim in a
provisioned village, linked to a user account whose username is its e-mail (as `username_for` gives a
member without a phone). All bench members share one password, hashed once. Each command prints one
JSON object on its last line of stdout.
"""

import json
import statistics
import sys
import time
from pathlib import Path

EMAIL_DOMAIN = "bench.example"
PASSWORD = "sinergi-bench-sandi"


def member_email(n: int) -> str:
    return f"bench-kim-{n:03d}@{EMAIL_DOMAIN}"


def create_members(count: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django_scopes import scope

    from sinergi.kim.models import Kim, KimMember
    from sinergi.regions.models import Village

    villages = list(Village.objects.filter(page__isnull=False).select_related("page").order_by("code"))
    if not villages:
        raise SystemExit("no provisioned village with a site: nothing to attach KIM members to")
    villages = villages[:count]
    # One PBKDF2 hash for everyone: the server checks each member's password on sign-in all the same.
    password = make_password(PASSWORD)
    user_model = get_user_model()
    members = []
    with transaction.atomic():
        for n in range(count):
            village = villages[n % len(villages)]
            with scope(village=village):
                kim = Kim.objects.filter(village=village, is_active=True).order_by("pk").first()
                if kim is None:
                    kim = Kim.objects.create(village=village, name=f"KIM Bench {village.name}")
                email = member_email(n)
                user, created = user_model.objects.get_or_create(
                    username=email, defaults={"email": email, "first_name": "Bench", "last_name": f"{n:03d}"}
                )
                if created:
                    user.password = password
                    user.save(update_fields=["password"])
                KimMember.objects.get_or_create(
                    user=user, defaults={"kim": kim, "name": f"Anggota Bench {n:03d}", "email": email}
                )
            members.append({"email": email, "village": village.code})
    return {"password": PASSWORD, "members": members, "villages": len(villages)}


def inspect(request: dict) -> dict:
    """Reports and photos of the bench members in the database, for checking the accepted responses.

    `keys`: client_keys the bench saw accepted; `photo_check`: client_keys whose stored photos are opened
    to check their size and that no EXIF (GPS, camera) survived.
    """
    from django_scopes import scopes_disabled
    from PIL import Image

    from sinergi.kim.models import Report, ReportPhoto

    with scopes_disabled():
        reports = Report.objects.filter(author__user__username__endswith=f"@{EMAIL_DOMAIN}")
        rows = {}
        for key, state in reports.values_list("client_key", "state"):
            rows.setdefault(str(key), []).append(state)
        photo_counts: dict[str, int] = {}
        for key in ReportPhoto.objects.filter(report__in=reports).values_list(
            "report__client_key", flat=True
        ):
            photo_counts[str(key)] = photo_counts.get(str(key), 0) + 1
        checked = []
        for key in request.get("photo_check", []):
            for photo in ReportPhoto.objects.filter(report__client_key=key, report__in=reports):
                # Report photos live in the private storage (not under MEDIA_ROOT): read them through it.
                with photo.file.open("rb") as handle, Image.open(handle) as image:
                    exif = image.getexif()
                    checked.append(
                        {
                            "bytes": photo.file.size,
                            "size": list(image.size),
                            "format": image.format,
                            "exif_tags": len(exif),
                            "gps": bool(exif.get_ifd(0x8825)),
                        }
                    )
    wanted = request.get("keys", [])
    return {
        "total_reports": sum(len(states) for states in rows.values()),
        "total_photos": sum(photo_counts.values()),
        "keys": {
            key: {
                "rows": len(rows.get(key, [])),
                "photos": photo_counts.get(key, 0),
                "states": rows.get(key, []),
            }
            for key in wanted
        },
        "photos_checked": checked,
    }


def photo_cost(files: list[str]) -> dict:
    """Median seconds per photo, in this process: decoding the original alone, `clean_photo` of the
    original as uploaded, and `clean_photo` again of its cleaned copy (what a second pass would cost)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from sinergi.kim.photos import clean_photo

    decode, first, second = [], [], []
    for name in files:
        path = Path(name)
        started = time.perf_counter()
        with Image.open(path) as image:
            image.load()
        decode.append(time.perf_counter() - started)
        started = time.perf_counter()
        cleaned = clean_photo(SimpleUploadedFile(path.name, path.read_bytes(), content_type="image/jpeg"))
        first.append(time.perf_counter() - started)
        copy = SimpleUploadedFile(path.name, cleaned.content.read(), content_type="image/jpeg")
        started = time.perf_counter()
        clean_photo(copy)
        second.append(time.perf_counter() - started)
    return {
        "decode": statistics.median(decode),
        "clean_original": statistics.median(first),
        "clean_copy": statistics.median(second),
        "files": len(files),
    }


def main(argv: list[str]) -> None:
    import django

    django.setup()
    command, args = argv[0], argv[1:]
    if command == "members":
        result = create_members(int(args[0]))
    elif command == "inspect":
        result = inspect(json.loads(Path(args[0]).read_text()))
    elif command == "photo-cost":
        result = photo_cost(args)
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
