#!/usr/bin/env python
"""Back up and restore Sinergi: the PostgreSQL database and every uploaded file.

    python deploy/backup.py backup DIR     # make backup BACKUP_DIR=DIR
    python deploy/backup.py restore DIR    # make restore BACKUP_DIR=DIR

Reads the same environment as the app (/etc/sinergi/sinergi.env): DATABASE_URL, and either the object
store (S3_BUCKET, S3_PRIVATE_BUCKET, S3_ENDPOINT_URL, S3_REGION, AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY) or, without S3, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.

DIR receives `database.dump` (pg_dump's custom format), `objects/<store>/<key>` for every object (or
`files/<store>/` copies of the folders) and `manifest.json` (what was copied, with sizes and content
types). The database is dumped first, then the files: a file uploaded meanwhile is in the copy but not
in the dump (harmless), never the other way round, as long as nothing deletes files during the backup.

`restore` needs an empty database (createdb) and empty buckets (created when missing) or folders: point
DATABASE_URL and S3_BUCKET at them. It refuses a database that already has tables.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def database_url() -> str:
    url = env("DATABASE_URL")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("backup: DATABASE_URL must point at PostgreSQL (postgres://user:password@host:5432/db)")
    return url.replace("postgresql+psycopg://", "postgresql://")


def s3_client():
    import boto3
    from botocore.config import Config

    style = env("S3_ADDRESSING_STYLE") or None
    return boto3.client(
        "s3",
        endpoint_url=env("S3_ENDPOINT_URL") or None,
        region_name=env("S3_REGION") or None,
        config=Config(s3={"addressing_style": style} if style else {}),
    )


def stores() -> dict[str, str]:
    """The buckets (with S3) or folders (without) that hold uploads: {name in the backup: bucket/path}."""
    bucket = env("S3_BUCKET")
    if bucket:
        found = {"media": bucket}
        private = env("S3_PRIVATE_BUCKET")
        if private and private != bucket:
            found["private"] = private
        return found
    return {
        "media": env("MEDIA_ROOT", str(ROOT / "media")),
        "private": env(
            "PRIVATE_MEDIA_ROOT", str(Path(env("SINERGI_VAR_DIR", str(ROOT / "var"))) / "private")
        ),
    }


def backup(target: Path) -> dict:
    target.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    dump = target / "database.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}", database_url()],
        check=True,
    )
    manifest = {"created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "database": dump.name, "stores": {}}
    if env("S3_BUCKET"):
        client = s3_client()
        for name, bucket in stores().items():
            objects = []
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
                for item in page.get("Contents", []):
                    key = item["Key"]
                    path = target / "objects" / name / key
                    path.parent.mkdir(parents=True, exist_ok=True)
                    answer = client.get_object(Bucket=bucket, Key=key)
                    with open(path, "wb") as out:
                        shutil.copyfileobj(answer["Body"], out)
                    objects.append(
                        {"key": key, "bytes": item["Size"], "content_type": answer.get("ContentType")}
                    )
            try:
                policy = client.get_bucket_policy(Bucket=bucket)["Policy"]
            except client.exceptions.ClientError:
                policy = None  # none set
            manifest["stores"][name] = {"bucket": bucket, "policy": policy, "objects": objects}
    else:
        for name, folder in stores().items():
            copy = target / "files" / name
            if Path(folder).is_dir():
                shutil.copytree(folder, copy, dirs_exist_ok=True)
            count = sum(1 for p in copy.rglob("*") if p.is_file()) if copy.exists() else 0
            manifest["stores"][name] = {"folder": folder, "files": count}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    files = sum(len(s.get("objects", [])) or s.get("files", 0) for s in manifest["stores"].values())
    print(f"Cadangan di {target}: basis data ({dump.stat().st_size:,} B) dan {files} berkas, "
          f"{time.monotonic() - started:.1f} detik.")  # fmt: skip
    return manifest


def restore(source: Path) -> None:
    manifest = json.loads((source / "manifest.json").read_text())
    url = database_url()
    tables = subprocess.run(
        ["psql", "-tAc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", url],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    if tables != "0":
        sys.exit(f"restore: the database of DATABASE_URL already has {tables} tables; restore into a new one")
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={url}",
         str(source / manifest["database"])],
        check=True,
    )  # fmt: skip
    targets = stores()
    if env("S3_BUCKET"):
        client = s3_client()
        for name, saved in manifest["stores"].items():
            bucket = targets.get(name, targets["media"])
            existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
            if bucket not in existing:
                client.create_bucket(Bucket=bucket)
            if saved.get("policy"):
                # The same public-read rule, for the new bucket's name.
                policy = saved["policy"].replace(f":::{saved['bucket']}/", f":::{bucket}/")
                client.put_bucket_policy(Bucket=bucket, Policy=policy)
            for item in saved.get("objects", []):
                extra = {"ContentType": item["content_type"]} if item.get("content_type") else {}
                client.upload_file(str(source / "objects" / name / item["key"]), bucket, item["key"],
                                   ExtraArgs=extra)  # fmt: skip
    else:
        for name, folder in targets.items():
            copy = source / "files" / name
            if copy.is_dir():
                shutil.copytree(copy, folder, dirs_exist_ok=True)
    print(f"Dipulihkan dari {source}.")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=["backup", "restore"])
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    if args.action == "backup":
        backup(args.directory)
    else:
        restore(args.directory)


if __name__ == "__main__":
    main()
