from django.urls import URLPattern, path

# The "pk" converter is registered by the members URLs (see urls/projects.py).
import agora.members.urls  # noqa: F401
from agora.projects.views import maturity

urlpatterns: list[URLPattern] = [
    path("<pk:pk>/maturity/", maturity.diagnosis_list, name="diagnosis-list"),
    path("<pk:pk>/maturity/new/", maturity.diagnosis_create, name="diagnosis-create"),
    path("maturity/<pk:pk>/", maturity.diagnosis_detail, name="diagnosis-detail"),
    path("maturity/<pk:pk>/pdf/", maturity.diagnosis_pdf, name="diagnosis-pdf"),
    path("maturity/<pk:pk>/targets/", maturity.target_set, name="target-set"),
    path("maturity/<pk:pk>/actions/", maturity.action_point_add, name="action-point-add"),
    path(
        "maturity/actions/<pk:pk>/done/",
        maturity.action_point_complete,
        name="action-point-complete",
    ),
]
