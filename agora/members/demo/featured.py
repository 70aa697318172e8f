"""Hand-written parts of the demo: the logins, their organisations, applications, messages."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from agora.members.demo.specs import OrganisationSpec, PersonSpec


@dataclass(frozen=True)
class DemoLogin:
    """A fixed demo account: who it is, how to sign in, what to try first."""

    role: str
    email: str
    password: str
    full_name: str
    first_try: str
    is_staff: bool = False


LOGINS = (
    DemoLogin(
        "staff",
        "staff@agora.example",
        "demo-staff-2026",
        "Anne Collard",
        (
            "Open /admin/: applications awaiting a decision, memberships by status, partners; "
            "/reports/: publish the 2018 annual report."
        ),
        is_staff=True,
    ),
    DemoLogin(
        "representative",
        "representative@agora.example",
        "demo-representative-2026",
        "Sophie Lambert",
        "Represents Meusalis Biotherapeutics (Gosselies): edit its profile, invite a colleague.",
    ),
    DemoLogin(
        "member",
        "member@agora.example",
        "demo-member-2026",
        "Thomas Renard",
        (
            "Works at Meusalis Biotherapeutics: browse the member directory, see the team, "
            "read the 2017 annual report."
        ),
    ),
    DemoLogin(
        "expert",
        "expert@agora.example",
        "demo-expert-2026",
        "Isabelle Delvaux",
        "An external expert with no organisation: what a signed-in non-member sees.",
    ),
    DemoLogin(
        "other representative",
        "representative2@agora.example",
        "demo-representative2-2026",
        "Jeroen Peeters",
        "Represents Kempenstraal Medical (Geel): another member's view of the same pages.",
    ),
)
LOGIN_EMAILS = {login.role: login.email for login in LOGINS}
MARKER_SLUG = "meusalis"  # the demo is loaded when this organisation exists


def meusalis() -> OrganisationSpec:
    """The well-filled Walloon biotech of the representative and member logins."""
    return OrganisationSpec(
        legal_name="Meusalis Biotherapeutics SA",
        short_name="Meusalis",
        slug=MARKER_SLUG,
        kind="sme",
        region="wallonia",
        country="BE",
        postcode="6041",
        city="Gosselies",
        street="Rue Auguste Piccard 37",
        enterprise_number="0654.912.722",
        website="https://www.meusalis.example",
        description=(
            "Meusalis develops allogeneic cell therapies for liver and bone diseases and makes "
            "them in its own GMP facility at the Gosselies biopark. Founded as a university "
            "spin-off, it runs two phase II trials with Belgian and French hospitals."
        ),
        employees=64,
        domains=("cell-therapy", "biopharmacy", "biomanufacturing"),
        expertise="allogeneic therapy, stem cells, GMP manufacturing, ATMP, clinical trials",
        is_listed=True,
        shows_contact=True,
        joined=date(2012, 1, 1),
        membership_type="full",
        fee=Decimal(1800),
        people=[
            PersonSpec("Sophie", "Lambert", LOGIN_EMAILS["representative"], "CEO",
                       role="representative", login="representative"),
            PersonSpec("Thomas", "Renard", LOGIN_EMAILS["member"], "R&D Project Manager",
                       login="member"),
            PersonSpec("Nathalie", "Gérard", "nathalie.gerard@meusalis.example",
                       "Head of Regulatory Affairs"),
            PersonSpec("Pieter", "Claes", "pieter.claes@meusalis.example", "Chair of the Board",
                       role="board"),
        ],
    )  # fmt: skip


def kempenstraal() -> OrganisationSpec:
    """A Flemish medtech member, for the second representative login."""
    return OrganisationSpec(
        legal_name="Kempenstraal Medical NV",
        short_name="Kempenstraal",
        slug="kempenstraal",
        kind="sme",
        region="flanders",
        country="BE",
        postcode="2440",
        city="Geel",
        street="Kleinhoefstraat 5",
        enterprise_number="0721.583.691",
        website="https://www.kempenstraal.example",
        description=(
            "Kempenstraal designs compact X-ray and dosimetry devices for interventional "
            "cardiology and makes them in Geel."
        ),
        employees=38,
        domains=("medtech-ivd", "radiation-health"),
        expertise="dosimetry, medical imaging, MDR compliance, implants",
        is_listed=True,
        shows_contact=False,
        joined=date(2019, 3, 18),
        membership_type="full",
        fee=Decimal(900),
        people=[
            PersonSpec("Jeroen", "Peeters", LOGIN_EMAILS["other representative"],
                       "Managing Director", role="representative", login="other representative"),
            PersonSpec("Els", "Wouters", "els.wouters@kempenstraal.example", "QA Manager"),
        ],
    )  # fmt: skip


@dataclass(frozen=True)
class PartnerData:
    """A partner cluster and its co-membership agreement (invented names)."""

    slug: str
    name: str
    short_name: str
    country: str
    region: str
    description: str
    signed_on: date
    fee: Decimal
    benefits: str


PARTNERS = {
    "nordsante": PartnerData(
        slug="nordsante",
        name="NordSanté – pôle d'innovation en santé des Hauts-de-France",
        short_name="NordSanté",
        country="FR",
        region="abroad",
        description="The health and biotech cluster of northern France, 200 members.",
        signed_on=date(2018, 6, 14),
        fee=Decimal(250),
        benefits="Member rate at each other's events; access to both directories; joint "
        "cross-border R&D calls.",
    ),
    "forgeo": PartnerData(
        slug="forgeo",
        name="Forgéo – pôle wallon du génie mécanique",
        short_name="Forgéo",
        country="BE",
        region="wallonia",
        description="The Walloon cluster of mechanical engineering and advanced manufacturing.",
        signed_on=date(2021, 3, 9),
        fee=Decimal(200),
        benefits="Co-member status for its medical-device makers; joint events on "
        "manufacturing for health.",
    ),
}

# (year, spec): each takes one of its year's new-member places in its region.
FEATURED = ((2012, meusalis), (2019, kempenstraal))

LOOSE_PEOPLE = (
    PersonSpec("Anne", "Collard", LOGIN_EMAILS["staff"], "Membership Manager", login="staff"),
    PersonSpec("Isabelle", "Delvaux", LOGIN_EMAILS["expert"],
               "Independent expert, regulatory affairs and clinical evaluation", login="expert"),
)  # fmt: skip


class ApplicationData(NamedTuple):
    """A membership application of the demo, sent `days_ago` days before today."""

    legal_name: str
    kind: str
    region: str
    country: str
    city: str
    domains: tuple[str, ...]
    membership_type: str
    partner: str
    first_name: str
    last_name: str
    email: str
    description: str
    days_ago: int


class ContactData(NamedTuple):
    """A "get in touch" message of the demo."""

    name: str
    email: str
    organisation: str
    subject: str
    message: str
    days_ago: int
    is_handled: bool


SUBMITTED_APPLICATIONS = (
    ApplicationData(
        "Corvassio Health Data SRL",
        "startup",
        "brussels",
        "BE",
        "Ixelles",
        ("data-science",),
        "full",
        "",
        "Amandine",
        "Massart",
        "amandine.massart@corvassio.example",
        "Federated learning on hospital data for early sepsis detection.",
        3,
    ),
    ApplicationData(
        "Nete Bioprocess BV",
        "sme",
        "flanders",
        "BE",
        "Geel",
        ("biomanufacturing",),
        "full",
        "",
        "Koen",
        "Aerts",
        "koen.aerts@netebioprocess.example",
        "Process development and GMP production of plasmid DNA.",
        9,
    ),
    ApplicationData(
        "Quinvetis Diagnostics SAS",
        "sme",
        "abroad",
        "FR",
        "Lille",
        ("medtech-ivd",),
        "co_member",
        "nordsante",
        "Julien",
        "Hardy",
        "julien.hardy@quinvetis.example",
        "Rapid molecular tests for hospital-acquired infections; member of NordSanté.",
        14,
    ),
    ApplicationData(
        "Fondation Lumenta",
        "other",
        "wallonia",
        "BE",
        "Namur",
        ("biopharmacy", "data-science"),
        "associate",
        "",
        "Martine",
        "Degive",
        "martine.degive@lumenta.example",
        "Patient foundation funding research on rare paediatric diseases.",
        21,
    ),
)
REJECTED_APPLICATION = ApplicationData(
    "Ambrura Cosmetics SRL", "sme", "wallonia", "BE", "Wavre", ("biopharmacy",), "full", "",
    "Hugues", "Malherbe", "hugues.malherbe@ambrura.example",
    "Natural cosmetics sold online.", 60,
)  # fmt: skip
REJECTION_NOTE = "Cosmetics retail lies outside the cluster's six strategic domains."

CONTACT_MESSAGES = (
    ContactData(
        "Lotte Hermans",
        "lotte.hermans@dendermed.example",
        "Dendermed",
        "Joining as a start-up",
        "We are a six-person medtech start-up in Aalst. What does membership cost for us?",
        2,
        False,
    ),
    ContactData(
        "Marc Thiry",
        "marc.thiry@mail.example",
        "",
        "Press: annual report",
        "Could you send me the latest annual figures of the cluster for an article?",
        5,
        False,
    ),
    ContactData(
        "Katharina Becker",
        "k.becker@aachen-medtech.example",
        "Aachen MedTech Verbund",
        "Joint event in 2027",
        "We would like to co-organise a partnering day on surgical "
        "robotics with your members next spring.",
        11,
        False,
    ),
    ContactData(
        "Grégory Bastin",
        "gregory.bastin@selvexa.example",
        "Selvexa Analytics",
        "Invoice address",
        "Please send our membership invoice to accounting@selvexa.example.",
        26,
        True,
    ),
    ContactData(
        "Céline Dumont",
        "celine.dumont@mail.example",
        "",
        "Internship",
        "I am a bioengineering student looking for a six-month internship in cell therapy.",
        40,
        True,
    ),
)
