"""Object permissions of the members domain (django-rules), loaded by rules' autodiscovery."""

import rules

from agora.accounts.models import AnyUser
from agora.members import selectors
from agora.members.models import Organisation


@rules.predicate
def is_representative(user: AnyUser, organisation: Organisation | None) -> bool:
    return organisation is not None and selectors.is_representative_of(user, organisation)


@rules.predicate
def is_affiliated(user: AnyUser, organisation: Organisation | None) -> bool:
    return (
        organisation is not None
        and selectors.list_user_organisations(user).filter(pk=organisation.pk).exists()
    )


@rules.predicate
def is_member_user(user: AnyUser) -> bool:
    return selectors.is_member_user(user)


is_staff = rules.is_staff

rules.add_perm("members.edit_profile", is_staff | is_representative)
rules.add_perm("members.invite_colleague", is_staff | is_representative)
rules.add_perm("members.view_team", is_staff | is_affiliated)
rules.add_perm("members.use_member_benefits", is_staff | is_member_user)
rules.add_perm("members.decide_application", is_staff)
rules.add_perm("members.manage_memberships", is_staff)
