"""gunicorn's settings for Sinergi (sinergi-web.service runs `gunicorn -c deploy/gunicorn.conf.py`).

Options given on the command line win over these (make prodcheck binds its own loopback ports that way).
A reload (`systemctl reload sinergi-web`, SIGHUP) starts new workers with the code now on disk and lets
the old ones finish their requests: the listening socket stays open, so no request is refused.
"""

import os

# One app server per machine; nginx's upstream lists every machine's address (deploy/nginx/sinergi.conf).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Processes x threads: a page waits on PostgreSQL and Redis, so a few threads per process pay off.
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A KIM report with 10 photos takes a few seconds to clean; nothing legitimate takes a minute.
timeout = 60
# On reload or stop, requests in progress get this long to finish.
graceful_timeout = 30
keepalive = 5  # above nginx's upstream keepalive_timeout (4 s, deploy/nginx/sinergi.conf)
# Each worker is replaced after this many requests (with jitter, so not all at once): memory that the
# image library kept after a large upload is given back.
max_requests = 2000
max_requests_jitter = 200
# nginx on the same machine (or the load balancer's addresses) may set X-Forwarded-*; Django decides
# what to trust (BEHIND_PROXY, TRUSTED_PROXY_COUNT).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Errors to stderr (the journal: journalctl -u sinergi-web); requests are logged by nginx.
errorlog = "-"
accesslog = None
loglevel = "warning"
proc_name = "sinergi-web"
