"""Public routes of information requests and objections under the village's PPID section."""


class RequestRoutes:
    """Mixed into ppid.PpidPage: the request form, receipt, tracking, objection, register and report."""
