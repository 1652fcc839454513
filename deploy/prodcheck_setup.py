"""The people `make prodcheck` needs, made inside its throwaway database (run by deploy/prodcheck.py as
`python deploy/prodcheck_setup.py VILLAGE_CODE PASSWORD` with the app's environment).

A superuser for the admin, an operator of the village with an e-mail address (the KIM notification
goes to them, sent by the task worker) and a KIM member of the same village who sends the report.
Prints one JSON object: the accounts and the village's public path.

`python deploy/prodcheck_setup.py --members N PASSWORD` (bench/faults.py) adds N more KIM members of
the first village holding a KIM (beban1@..., beban2@...) and prints their e-mails, comma-separated.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinergi.settings")


def main(village_code: str, password: str) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django_scopes import scope

    from sinergi.accounts.models import Membership
    from sinergi.kim.models import Kim, KimMember
    from sinergi.regions.models import Village
    from sinergi.villages.models import NewsIndexPage

    users = get_user_model()
    village = Village.objects.select_related("page").get(code=village_code)
    admin = users.objects.create_superuser("prodcheck-admin", "admin@prodcheck.sinergi.test", password)
    operator = users.objects.create_user(
        "prodcheck-operator", "operator@prodcheck.sinergi.test", password, first_name="Operator"
    )
    Membership.objects.create(user=operator, village=village, role=Membership.Role.OPERATOR)
    member_email = "anggota@prodcheck.sinergi.test"
    member_user = users.objects.create_user(member_email, member_email, password, first_name="Anggota")
    with scope(village=village):
        kim = Kim.objects.filter(village=village, is_active=True).order_by("pk").first()
        if kim is None:
            kim = Kim.objects.create(village=village, name=f"KIM {village.name}")
        KimMember.objects.create(user=member_user, kim=kim, name="Anggota Prodcheck", email=member_email)
    news_index = NewsIndexPage.objects.child_of(village.page).get()
    return {
        "admin": admin.username,
        "operator_email": operator.email,
        "member": member_email,
        "village_path": village.page.url,
        "news_index_id": news_index.pk,
        "news_index_path": news_index.url,
    }


def more_members(count: int, password: str) -> list[str]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django_scopes import scopes_disabled

    from sinergi.kim.models import Kim, KimMember

    users = get_user_model()
    with scopes_disabled():
        kim = Kim.objects.filter(is_active=True).order_by("pk").first()
        emails = []
        for n in range(1, count + 1):
            email = f"beban{n}@prodcheck.sinergi.test"
            user = users.objects.create_user(email, email, password, first_name=f"Beban {n}")
            KimMember.objects.create(user=user, kim=kim, name=f"Anggota Beban {n}", email=email)
            emails.append(email)
    return emails


if __name__ == "__main__":
    if sys.argv[1] == "--members":
        print(",".join(more_members(int(sys.argv[2]), sys.argv[3])))
    else:
        print(json.dumps(main(sys.argv[1], sys.argv[2])))
