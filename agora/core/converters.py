"""URL converters shared by every app."""


class PkConverter:
    """A primary key: digits, short enough for any database (longer is a 404, not a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
