"""Invent one plausible organisation with its people, from a seeded random generator. No ORM."""

import random
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.text import slugify

from agora.members.demo import names
from agora.members.demo.specs import OrganisationSpec, PersonSpec
from agora.members.enterprise_number import normalise_enterprise_number

DOMAIN_WEIGHTS = {
    "biopharmacy": 26,
    "cell-therapy": 10,
    "radiation-health": 8,
    "biomanufacturing": 14,
    "medtech-ivd": 28,
    "data-science": 14,
}
COMPANY_KINDS = {"large_company", "sme", "startup", "service_provider"}
ACADEMIC_KINDS = {"university", "hospital", "research_centre"}
INSTITUTION_KINDS = ACADEMIC_KINDS | {"investor", "public_body"}
# (low, high) head counts by kind.
EMPLOYEES = {
    "large_company": (250, 3000),
    "sme": (10, 249),
    "startup": (2, 30),
    "university": (1500, 6000),
    "hospital": (800, 5000),
    "research_centre": (20, 300),
    "investor": (3, 25),
    "public_body": (15, 200),
    "service_provider": (5, 120),
    "other": (2, 40),
}
# (low, high) number of people the cluster knows at an organisation of that kind.
PEOPLE = {"large_company": (3, 4), "university": (3, 4), "hospital": (3, 4), "sme": (2, 3)}
FULL_FEES = {
    "large_company": 6000,
    "startup": 350,
    "university": 3000,
    "hospital": 3000,
    "research_centre": 1200,
    "service_provider": 900,
}
ASSOCIATE_FEE = Decimal(450)
PERSON_LANGUAGE = {"FR": "fr", "LU": "fr", "NL": "nl", "DE": "de"}


@dataclass(frozen=True)
class Placement:
    """Where and when an organisation joins, and what it is."""

    kind: str
    region: str
    country: str
    joined: date
    membership_type: str
    partner: str = ""
    fee: Decimal | None = None  # a co-member pays its agreement's fee


def ascii_word(text: str) -> str:
    """`Gérard-Dubois` as `gerarddubois`, for e-mail addresses."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(character for character in plain.lower() if character.isalnum())


def enterprise_number(rng: random.Random) -> str:
    """A random Belgian enterprise number with valid mod-97 check digits."""
    body = f"0{rng.randint(4_000_000, 8_999_999):07d}"
    return normalise_enterprise_number(f"{body}{97 - int(body) % 97:02d}")


def membership_fee(kind: str, membership_type: str, employees: int) -> Decimal:
    """The yearly fee of a direct member, by kind, type and size."""
    if membership_type == "honorary":
        return Decimal(0)
    if membership_type == "associate":
        return ASSOCIATE_FEE
    if kind == "sme":
        return Decimal(900 if employees < 50 else 1800)
    return Decimal(FULL_FEES.get(kind, 900))


class OrganisationMaker:
    """Makes unique organisations: names, slugs, numbers and domains are never reused."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def make(self, placement: Placement) -> OrganisationSpec:
        """A new organisation placed as asked, with one to four people."""
        rng = self.rng
        language = self.language(placement)
        domains = self.domains(placement.kind, placement.partner)
        legal_name, short_name = self.name(placement, language, domains[0])
        slug = self.unique(slugify(short_name or legal_name)[:90])
        postcode, city = self.city(placement)
        streets = names.STREETS[placement.country if placement.region == "abroad" else language]
        employees = rng.randint(*EMPLOYEES[placement.kind])
        organisation = OrganisationSpec(
            legal_name=legal_name,
            short_name=short_name,
            slug=slug,
            kind=placement.kind,
            region=placement.region,
            country=placement.country,
            postcode=postcode,
            city=city,
            street=f"{rng.choice(streets)} {rng.randint(1, 120)}",
            enterprise_number=self.enterprise_number() if placement.country == "BE" else "",
            website=f"https://www.{self.email_domain(legal_name, short_name)}.example",
            description=self.description(short_name or legal_name, placement.kind, domains),
            employees=employees,
            domains=domains,
            expertise=self.expertise(domains),
            is_listed=rng.random() < 0.88,
            shows_contact=rng.random() < 0.6,
            joined=placement.joined,
            membership_type=placement.membership_type,
            fee=placement.fee
            if placement.fee is not None
            else membership_fee(placement.kind, placement.membership_type, employees),
            partner=placement.partner,
        )
        organisation.people = self.people(organisation, language)
        return organisation

    def unique(self, text: str) -> str:
        """`text`, or `text-2`, `text-3`… so that it is used once."""
        candidate, counter = text, 2
        while candidate in self.used:
            candidate, counter = f"{text}-{counter}", counter + 1
        self.used.add(candidate)
        return candidate

    def email_domain(self, legal_name: str, short_name: str) -> str:
        """`corvalis` for Corvalis Therapeutics, `chfamenne` for Centre Hospitalier de Famenne."""
        words = slugify(short_name or legal_name).split("-")
        if short_name:
            candidates = [words[0], "".join(words[:2])]
        else:
            candidates = ["".join(word[0] for word in words[:-1]) + words[-1]]
        for candidate in candidates:
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        return self.unique(candidates[-1])

    def enterprise_number(self) -> str:
        """A valid enterprise number not given to another organisation."""
        number = enterprise_number(self.rng)
        while number in self.used:
            number = enterprise_number(self.rng)
        self.used.add(number)
        return number

    def language(self, placement: Placement) -> str:
        """The organisation's language: a country code abroad, else fr or nl."""
        if placement.region == "abroad":
            return placement.country
        if placement.region == "brussels":
            return "fr" if self.rng.random() < 0.7 else "nl"
        return "nl" if placement.region == "flanders" else "fr"

    def domains(self, kind: str, partner: str) -> tuple[str, ...]:
        """One to three strategic domains, the main one first; institutions span more."""
        rng = self.rng
        if partner == "forgeo":
            return ("medtech-ivd", "biomanufacturing")
        codes = list(DOMAIN_WEIGHTS)
        main = rng.choices(codes, weights=list(DOMAIN_WEIGHTS.values()))[0]
        if kind in INSTITUTION_KINDS:
            count = rng.choice((2, 3, 3))
        else:
            count = rng.choices((1, 2, 3), weights=(50, 38, 12))[0]
        others = rng.sample([code for code in codes if code != main], count - 1)
        return (main, *others)

    def name(self, placement: Placement, language: str, domain: str) -> tuple[str, str]:
        """A legal name not used before, and the short name companies go by."""
        for _attempt in range(50):
            legal_name, short_name = self.invent_name(placement, language, domain)
            if legal_name not in self.used:
                self.used.add(legal_name)
                return legal_name, short_name
        raise RuntimeError(f"No unused name left for a {placement.kind} in {language}.")

    def invent_name(self, placement: Placement, language: str, domain: str) -> tuple[str, str]:
        """A candidate legal name and short name."""
        if placement.kind in COMPANY_KINDS:
            return self.company_name(placement, language, domain)
        pattern_language = "nl" if language == "nl" else "fr"
        pattern = self.rng.choice(names.INSTITUTION_PATTERNS[(placement.kind, pattern_language)])
        place, of_place = self.rng.choice(names.PLACES_FR)
        # Drawn in the order the names were always drawn in, so the demo stays the same.
        values = {
            "place": self.rng.choice(names.PLACES_NL) if language == "nl" else place,
            "of_place": of_place,
            "saint": self.rng.choice(names.SAINTS_FR),
            "saint_nl": self.rng.choice(names.SAINTS_NL),
            "topic_fr": self.rng.choice(names.TOPICS_FR),
            "topic_nl": self.rng.choice(names.TOPICS_NL),
            "stem": self.stem(language),
        }
        elided = values["topic_fr"][0] in "aeiouhéè"
        values["of_topic_fr"] = ("d'" if elided else "de ") + values["topic_fr"]
        legal_name = pattern.format(**values)
        return legal_name, ""

    def company_name(self, placement: Placement, language: str, domain: str) -> tuple[str, str]:
        """`Corvalis Therapeutics SA`: a made-up stem, a word of its trade, a legal form."""
        rng = self.rng
        if placement.partner == "forgeo":
            words: tuple[str, ...] = names.MECHANICAL_WORDS
        elif placement.kind == "service_provider":
            words = names.SERVICE_WORDS
        else:
            words = names.DOMAIN_WORDS[domain]
        short_name = f"{self.stem(language)} {rng.choice(words)}"
        return f"{short_name} {rng.choice(names.LEGAL_FORMS[language])}", short_name

    def stem(self, language: str) -> str:
        """A made-up word, or now and then a river or land of the region."""
        rng = self.rng
        if language in {"fr", "nl"} and rng.random() < 0.15:
            return (
                rng.choice(names.PLACES_NL) if language == "nl" else rng.choice(names.PLACES_FR)[0]
            )
        return rng.choice(names.STEM_STARTS) + rng.choice(names.STEM_ENDS)

    def city(self, placement: Placement) -> tuple[str, str]:
        """A real postcode and city of the region (or country, abroad)."""
        if placement.region == "abroad":
            return self.rng.choice(names.CITIES_ABROAD[placement.country])
        cities = names.CITIES[placement.region]
        postcode, city, _weight = self.rng.choices(cities, weights=[c[2] for c in cities])[0]
        return postcode, city

    def description(self, name: str, kind: str, domains: tuple[str, ...]) -> str:
        """Two sentences: what it does in its main domain, what kind of body it is."""
        activity = self.rng.choice(names.ACTIVITIES[domains[0]])
        return f"{name} {activity}. {names.KIND_SENTENCES[kind]}"

    def expertise(self, domains: tuple[str, ...]) -> str:
        """Three to five keywords from its domains, separated by commas."""
        pool = sorted({word for code in domains for word in names.KEYWORDS[code]})
        return ", ".join(self.rng.sample(pool, min(len(pool), self.rng.randint(3, 5))))

    def people(self, organisation: OrganisationSpec, language: str) -> list[PersonSpec]:
        """The representative first, then colleagues; e-mails at the organisation's domain."""
        rng = self.rng
        low, high = PEOPLE.get(organisation.kind, (1, 2))
        people: list[PersonSpec] = []
        for index in range(rng.randint(low, high)):
            first_name, last_name = self.person_name(PERSON_LANGUAGE.get(language, language))
            role = "representative" if index == 0 else self.colleague_role(organisation.kind)
            email = f"{ascii_word(first_name)}.{ascii_word(last_name)}"
            people.append(
                PersonSpec(
                    first_name=first_name,
                    last_name=last_name,
                    email=f"{email}@{organisation.email_domain}",
                    job_title=self.job_title(organisation.kind, role),
                    role=role,
                )
            )
        return people

    def person_name(self, language: str) -> tuple[str, str]:
        """A first and last name, mostly of the language, sometimes of the other community."""
        if language in {"fr", "nl"} and self.rng.random() < 0.2:
            language = "nl" if language == "fr" else "fr"
        first_name = self.rng.choice(names.FIRST_NAMES[language])
        return first_name, self.rng.choice(names.LAST_NAMES[language])

    def colleague_role(self, kind: str) -> str:
        """Researchers at universities, hospitals and research centres; employees elsewhere."""
        if kind in ACADEMIC_KINDS:
            return "researcher"
        return "board" if self.rng.random() < 0.08 else "employee"

    def job_title(self, kind: str, role: str) -> str:
        """A job title fitting the role and kind of organisation."""
        group = kind if kind in names.REPRESENTATIVE_TITLES else "other"
        if kind in COMPANY_KINDS:
            group = "company"
        if role == "representative":
            return self.rng.choice(names.REPRESENTATIVE_TITLES[group])
        if role == "board":
            return "Board member"
        staff_group = "academic" if kind in ACADEMIC_KINDS else group
        return self.rng.choice(names.STAFF_TITLES.get(staff_group, names.STAFF_TITLES["other"]))
