from django.conf import settings
from django.http import HttpRequest


def agora(request: HttpRequest) -> dict[str, object]:
    """What every page needs: the cluster's name."""
    return {"cluster_name": settings.AGORA_CLUSTER_NAME}
