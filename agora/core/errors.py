"""Domain errors: raised by services, shown to people as a clear message and a 4xx."""


class DomainError(Exception):
    """A rule of the domain refused the action; the message is translated and user-facing."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDeniedError(DomainError):
    status_code = 403


class ConflictError(DomainError):
    """The action clashes with the current state (full event, already decided)."""

    status_code = 409
