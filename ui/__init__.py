"""The desktop app: thin PySide6 widgets over the services in practice/."""
