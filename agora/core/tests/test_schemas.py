"""API input schemas refuse NUL characters wherever they hide."""

import pytest
from pydantic import ValidationError

from agora.core.schemas import InputSchema


class Sample(InputSchema):
    name: str = ""
    tags: list[str] = []
    extra: dict[str, str] = {}


@pytest.mark.parametrize(
    "data", [{"name": "a\x00"}, {"tags": ["ok", "b\x00"]}, {"extra": {"k\x00": "v"}}]
)
def test_nul_anywhere_is_refused(data):
    with pytest.raises(ValidationError) as error:
        Sample(**data)

    assert "Null characters are not allowed." in str(error.value)


def test_text_without_nul_passes():
    assert Sample(name="Zoë ☃", tags=["a"]).name == "Zoë ☃"
