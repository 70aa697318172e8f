from django.urls import URLPattern, path

from agora.events.views import b2b, b2b_setup

# The members' "pk" converter is registered only when their URLs load, after these.

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/b2b/profile/", b2b.profile, name="b2b-profile"),
    path(
        "<slug:slug>/b2b/opportunities/new/",
        b2b.opportunity_create,
        name="b2b-opportunity-create",
    ),
    path(
        "<slug:slug>/b2b/opportunities/<pk:pk>/edit/",
        b2b.opportunity_edit,
        name="b2b-opportunity-edit",
    ),
    path(
        "<slug:slug>/b2b/opportunities/<pk:pk>/delete/",
        b2b.opportunity_delete,
        name="b2b-opportunity-delete",
    ),
    path("<slug:slug>/b2b/marketplace/", b2b.marketplace, name="b2b-marketplace"),
    path(
        "<slug:slug>/b2b/participants/<pk:pk>/request/",
        b2b.request_create,
        name="b2b-request-create",
    ),
    path("<slug:slug>/b2b/requests/", b2b.request_list, name="b2b-request-list"),
    path("<slug:slug>/b2b/requests/<pk:pk>/", b2b.request_detail, name="b2b-request-detail"),
    path(
        "<slug:slug>/b2b/requests/<pk:pk>/accept/",
        b2b.request_accept,
        name="b2b-request-accept",
    ),
    path(
        "<slug:slug>/b2b/requests/<pk:pk>/decline/",
        b2b.request_decline,
        name="b2b-request-decline",
    ),
    path(
        "<slug:slug>/b2b/requests/<pk:pk>/cancel/",
        b2b.request_cancel,
        name="b2b-request-cancel",
    ),
    path("<slug:slug>/manage/b2b/", b2b_setup.manage, name="b2b-manage"),
    path("<slug:slug>/manage/b2b/slots/", b2b_setup.slots_generate, name="b2b-slots-generate"),
    path(
        "<slug:slug>/manage/b2b/slots/<pk:pk>/delete/",
        b2b_setup.slot_delete,
        name="b2b-slot-delete",
    ),
    path("<slug:slug>/manage/b2b/tables/", b2b_setup.tables_add, name="b2b-tables-add"),
    path(
        "<slug:slug>/manage/b2b/tables/<pk:pk>/",
        b2b_setup.table_rename,
        name="b2b-table-rename",
    ),
    path(
        "<slug:slug>/manage/b2b/home-tables/",
        b2b_setup.home_table_assign,
        name="b2b-home-table-assign",
    ),
    path("<slug:slug>/manage/b2b/cap/", b2b_setup.request_cap_set, name="b2b-request-cap-set"),
    path("<slug:slug>/manage/b2b/rules/", b2b_setup.request_rule_add, name="b2b-rule-add"),
    path(
        "<slug:slug>/manage/b2b/rules/<pk:pk>/delete/",
        b2b_setup.request_rule_remove,
        name="b2b-rule-remove",
    ),
    path(
        "<slug:slug>/manage/b2b/requests/",
        b2b_setup.request_overview,
        name="b2b-request-overview",
    ),
]
