"""ComplaintDesk desktop client: PySide6 widgets over the app/ services. No SQL here."""
