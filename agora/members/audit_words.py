"""What the members app's audit entries record, in words (see `agora.core.audit_words`)."""

from django.utils.translation import gettext_lazy as _

AUDIT_WORDS = {
    "members.application.submitted": _("Application submitted"),
    "members.application.approved": _("Application approved"),
    "members.application.rejected": _("Application rejected"),
    "members.organisation.created": _("Organisation created"),
    "members.organisation.updated": _("Details changed by the staff"),
    "members.organisation.profile_changed": _("Profile changed by the member"),
    "members.organisation.imported": _("Imported from a file"),
    "members.membership.created": _("Membership period created"),
    "members.membership.confirmed": _("Membership confirmed"),
    "members.membership.renewed": _("Renewal created"),
    "members.membership.cancelled": _("Membership cancelled"),
    "members.partner_cluster.created": _("Partner cluster added"),
    "members.person.created": _("Person added"),
    "members.person.imported": _("Person imported from a file"),
    "members.invitation.sent": _("Invitation sent"),
    "members.invitation.accepted": _("Invitation accepted"),
    "members.affiliation.ended": _("Left the organisation"),
}
