"""Public routes of the Daftar Informasi Publik under the village's PPID section."""


class DipRoutes:
    """Mixed into ppid.PpidPage: the DIP and its downloads."""
