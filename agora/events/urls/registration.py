from django.urls import URLPattern, path

from agora.events.views import registration, registration_manage

urlpatterns: list[URLPattern] = [
    path("", registration.event_list, name="event-list"),
    path("my/", registration.my_registrations, name="my-registrations"),
    path("<slug:slug>/", registration.event_detail, name="event-detail"),
    path("<slug:slug>/register/", registration.registration_create, name="registration-create"),
    path(
        "<slug:slug>/register/colleagues/<slug:organisation>/",
        registration.colleagues_register,
        name="registration-colleagues",
    ),
    path(
        "<slug:slug>/registrations/<pk:pk>/cancel/",
        registration.registration_cancel,
        name="registration-cancel",
    ),
    path("<slug:slug>/participants/", registration.participant_list, name="participant-list"),
    path(
        "<slug:slug>/manage/registrations/",
        registration_manage.registration_list,
        name="registration-list",
    ),
    path(
        "<slug:slug>/manage/registrations/add/",
        registration_manage.guest_register,
        name="registration-add",
    ),
    path(
        "<slug:slug>/manage/waiting-list/promote/",
        registration_manage.waiting_list_promote,
        name="waiting-list-promote",
    ),
    path(
        "<slug:slug>/manage/registrations.csv",
        registration_manage.registration_export,
        name="registration-export",
    ),
    path("<slug:slug>/manage/check-in/", registration_manage.check_in_list, name="check-in-list"),
    path(
        "<slug:slug>/manage/check-in/<pk:pk>/",
        registration_manage.registration_check_in,
        name="registration-check-in",
    ),
    path("<slug:slug>/manage/check-in.pdf", registration_manage.check_in_pdf, name="check-in-pdf"),
    path("<slug:slug>/manage/badges.pdf", registration_manage.badges, name="badges-pdf"),
    path("<slug:slug>/manage/badges/", registration_manage.badges_page, name="badges"),
    path(
        "<slug:slug>/manage/badges/prepare/",
        registration_manage.badges_prepare,
        name="badges-prepare",
    ),
    path(
        "<slug:slug>/manage/badges/download.pdf",
        registration_manage.badges_download,
        name="badges-download",
    ),
]
