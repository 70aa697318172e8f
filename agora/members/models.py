import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agora.members.enterprise_number import EnterpriseNumberError, normalise_enterprise_number
from agora.members.status import Period, Status, compute_status, grants_benefits


def validate_enterprise_number(value: str) -> None:
    try:
        normalise_enterprise_number(value)
    except EnterpriseNumberError as error:
        raise ValidationError(str(error), code="enterprise_number") from error


class Region(models.TextChoices):
    WALLONIA = "wallonia", _("Wallonia")
    BRUSSELS = "brussels", _("Brussels")
    FLANDERS = "flanders", _("Flanders")
    ABROAD = "abroad", _("Abroad")


class StrategicDomain(models.Model):
    """One of the cluster's strategic domains; data, so a cluster can set its own."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("strategic domain")
        verbose_name_plural = _("strategic domains")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_fr if translation.get_language() == "fr" else self.name


class Organisation(models.Model):
    """A company, university, hospital or other body; a member when it holds a membership."""

    class Kind(models.TextChoices):
        LARGE_COMPANY = "large_company", _("Large company")
        SME = "sme", _("SME")
        STARTUP = "startup", _("Start-up")
        UNIVERSITY = "university", _("University")
        HOSPITAL = "hospital", _("Hospital")
        RESEARCH_CENTRE = "research_centre", _("Research centre")
        INVESTOR = "investor", _("Investor")
        PUBLIC_BODY = "public_body", _("Public body")
        SERVICE_PROVIDER = "service_provider", _("Service provider")
        OTHER = "other", _("Other")

    legal_name = models.CharField(_("legal name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("address in the directory"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SME)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices)
    country = models.CharField(
        _("country"), max_length=2, default="BE", help_text=_("ISO 3166 code, e.g. BE, FR.")
    )
    enterprise_number = models.CharField(
        _("enterprise number"),
        max_length=12,
        blank=True,
        validators=[validate_enterprise_number],
        help_text=_("Belgian enterprise number (BCE/KBO), e.g. 0123.456.749."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    domains = models.ManyToManyField(
        StrategicDomain, verbose_name=_("strategic domains"), blank=True, related_name="+"
    )
    expertise = models.CharField(
        _("expertise keywords"), max_length=500, blank=True, help_text=_("Separated by commas.")
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    is_listed = models.BooleanField(
        _("listed in the public directory"),
        default=False,
        help_text=_("Consent to show name, kind, region, domains and description publicly."),
    )
    shows_contact = models.BooleanField(
        _("shows its contact details publicly"),
        default=False,
        help_text=_("Consent to show the website and the representatives' names publicly."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # The domains are tracked too: the annual report counts members by domain as of a past day.
    history = HistoricalRecords(m2m_fields=[domains])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise_number"],
                condition=~models.Q(enterprise_number=""),
                name="unique_enterprise_number",
            ),
            models.CheckConstraint(
                condition=~models.Q(region="abroad", country="BE"),
                name="abroad_is_not_belgium",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.legal_name

    @property
    def display_name(self) -> str:
        return self.short_name or self.legal_name

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.expertise.split(",") if word.strip()]


class Person(models.Model):
    """Someone the cluster knows; may have a user account."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Affiliation(models.Model):
    """A person's tie to an organisation; membership rights flow through it."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        EMPLOYEE = "employee", _("Employee")
        RESEARCHER = "researcher", _("Researcher")
        BOARD = "board", _("Board member")
        OTHER = "other", _("Other")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    start_date = models.DateField(_("since"), default=date.today)
    end_date = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"],
                condition=models.Q(end_date__isnull=True),
                name="one_open_affiliation_per_person_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date >= timezone.localdate()


class PartnerCluster(models.Model):
    """Another cluster the cluster works with (co-membership, co-labelling, joint events)."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.SlugField(unique=True)
    country = models.CharField(_("country"), max_length=2, default="BE")
    region = models.CharField(_("region"), max_length=10, choices=Region.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner cluster")
        verbose_name_plural = _("partner clusters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class CoMembershipAgreement(models.Model):
    """Members of a partner cluster may be granted co-member status under this agreement."""

    partner = models.ForeignKey(PartnerCluster, on_delete=models.PROTECT, related_name="agreements")
    signed_on = models.DateField(_("signed on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    benefits = models.TextField(_("benefits"), blank=True)
    fee = models.DecimalField(_("co-member fee"), max_digits=10, decimal_places=2, default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("co-membership agreement")
        verbose_name_plural = _("co-membership agreements")
        ordering = ["-signed_on"]

    def __str__(self) -> str:
        return f"{self.partner} ({self.signed_on:%Y})"

    def is_valid_on(self, day: date) -> bool:
        return self.signed_on <= day and (self.valid_until is None or day <= self.valid_until)


class Membership(models.Model):
    """One period of membership of an organisation; a renewal is the next period."""

    class Type(models.TextChoices):
        FULL = "full", _("Full member")
        ASSOCIATE = "associate", _("Associate member")
        CO_MEMBER = "co_member", _("Co-member through a partner cluster")
        HONORARY = "honorary", _("Honorary member")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    type = models.CharField(_("type"), max_length=12, choices=Type.choices, default=Type.FULL)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    fee = models.DecimalField(
        _("fee"), max_digits=10, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    agreement = models.ForeignKey(
        CoMembershipAgreement,
        verbose_name=_("co-membership agreement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    confirmed_on = models.DateField(
        _("confirmed on"), null=True, blank=True, help_text=_("Empty while pending.")
    )
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancellation_reason = models.CharField(_("cancellation reason"), max_length=300, blank=True)
    renewal_of = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewal",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(type="co_member", agreement__isnull=True),
                name="co_member_needs_agreement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.start_date:%Y-%m-%d}–{self.end_date:%Y-%m-%d}"

    def status_on(self, day: date) -> Status:
        # Lists of periods annotate has_renewal (an EXISTS) so that each row's status costs no
        # query of its own; without it, ask the database.
        renewed = getattr(self, "has_renewal", None)
        if renewed is None:
            renewed = Membership.objects.filter(renewal_of=self).exists()
        period = Period(
            self.start_date, self.end_date, self.confirmed_on, self.cancelled_on, renewed
        )
        return compute_status(period, day)

    @property
    def status(self) -> Status:
        return self.status_on(timezone.localdate())

    @property
    def grants_benefits(self) -> bool:
        return grants_benefits(self.status)


def invitation_token() -> str:
    return secrets.token_urlsafe(24)


def invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """A representative invites a colleague to join the organisation's account."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Affiliation.Role.choices,
        default=Affiliation.Role.EMPLOYEE,
    )
    token = models.CharField(max_length=64, unique=True, default=invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class MembershipApplication(models.Model):
    """A "become a member" request from the public site, decided by staff."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    legal_name = models.CharField(_("legal name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Organisation.Kind.choices)
    enterprise_number = models.CharField(
        _("enterprise number"), max_length=12, blank=True, validators=[validate_enterprise_number]
    )
    region = models.CharField(_("region"), max_length=10, choices=Region.choices)
    country = models.CharField(_("country"), max_length=2, default="BE")
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("what your organisation does"))
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    domains = models.ManyToManyField(
        StrategicDomain, verbose_name=_("strategic domains"), related_name="+"
    )
    membership_type = models.CharField(
        _("membership wanted"),
        max_length=12,
        choices=Membership.Type.choices,
        default=Membership.Type.FULL,
    )
    partner = models.ForeignKey(
        PartnerCluster,
        verbose_name=_("partner cluster you are a member of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only for co-membership through a partner cluster."),
    )
    first_name = models.CharField(_("your first name"), max_length=100)
    last_name = models.CharField(_("your last name"), max_length=100)
    email = models.EmailField(_("your e-mail"))
    phone = models.CharField(_("your phone"), max_length=40, blank=True)
    job_title = models.CharField(_("your job title"), max_length=150, blank=True)
    message = models.TextField(_("message"), blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.legal_name} ({self.get_state_display()})"


class ContactMessage(models.Model):
    """A message sent through the public "get in touch" form."""

    name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("your e-mail"))
    organisation = models.CharField(_("your organisation"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    is_handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.subject} – {self.name}"
