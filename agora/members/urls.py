from django.urls import path

from agora.members.views import portal, public, staff

app_name = "members"
urlpatterns = [
    path("", public.home, name="home"),
    path("members/", public.directory, name="directory"),
    path("members/<slug:slug>/", public.organisation_detail, name="organisation-detail"),
    path("join/", public.application_create, name="application-create"),
    path("join/thanks/", public.application_thanks, name="application-thanks"),
    path("contact/", public.contact, name="contact"),
    path("partners/", public.partner_list, name="partner-list"),
    path("portal/", portal.dashboard, name="portal"),
    path("portal/<slug:slug>/edit/", portal.profile_edit, name="organisation-edit"),
    path("portal/<slug:slug>/team/", portal.team, name="organisation-team"),
    path("invitations/<str:token>/", portal.invitation_accept, name="invitation-accept"),
    path("staff/applications/", staff.application_list, name="application-list"),
    path("staff/applications/<pk:pk>/", staff.application_detail, name="application-detail"),
    path(
        "staff/applications/<pk:pk>/approve/",
        staff.application_approve,
        name="application-approve",
    ),
    path("staff/applications/<pk:pk>/reject/", staff.application_reject, name="application-reject"),
    path("staff/organisations/<slug:slug>/", staff.organisation_detail, name="organisation-staff"),
    path("staff/memberships/<pk:pk>/", staff.membership_detail, name="membership-detail"),
    path("staff/memberships/<pk:pk>/confirm/", staff.membership_confirm, name="membership-confirm"),
    path("staff/memberships/<pk:pk>/renew/", staff.membership_renew, name="membership-renew"),
    path("staff/memberships/<pk:pk>/cancel/", staff.membership_cancel, name="membership-cancel"),
]
