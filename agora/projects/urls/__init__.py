"""The projects app's URLs, one module per part of the app."""

from agora.projects.urls import evaluation, maturity, projects

app_name = "projects"
urlpatterns = [*projects.urlpatterns, *maturity.urlpatterns, *evaluation.urlpatterns]
