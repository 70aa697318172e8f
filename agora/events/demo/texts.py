"""Data tables of the events demo: programmes, opportunity titles, messages, guests. No Django."""

# (start "HH:MM", end, title, room, speakers) of the cluster day of 2018.
CLUSTER_DAY_2018_PROGRAMME = (
    ("08:30", "09:15", "Welcome coffee and registration", "Foyer", ""),
    ("09:15", "09:45", "Opening: artificial intelligence for health in Wallonia", "Auditorium",
     "Chair of the cluster; Walloon Minister for the Economy"),
    ("09:45", "10:30", "Keynote: learning from a million radiology images", "Auditorium",
     "Prof. Hélène Marchal, University Hospital of Liège"),
    ("10:00", "12:00", "B2B meetings (morning session)", "Hall B2B", ""),
    ("10:45", "12:00", "Panel: data sharing between hospitals and start-ups", "Auditorium",
     "Hospital CIOs, a data-protection officer and two founders"),
    ("12:00", "13:30", "Networking lunch and poster session", "Foyer", ""),
    ("13:30", "14:15", "Regulation of AI medical devices under the MDR", "Room 2",
     "Notified body and federal agency speakers"),
    ("14:00", "16:40", "B2B meetings (afternoon session)", "Hall B2B", ""),
    ("14:30", "15:30", "Pitch session: ten AI start-ups of the cluster", "Auditorium",
     "Start-up founders; jury of investors"),
    ("16:45", "17:30", "Closing and cluster awards", "Auditorium", "Cluster management"),
)  # fmt: skip

CLUSTER_DAY_QUESTIONS = (
    ("Dietary requirements", "text", ""),
    ("Which afternoon track interests you most?", "choice", "Regulation|Pitch session|Posters"),
)
DIETS = ("vegetarian", "vegan", "no pork", "gluten-free", "lactose-free")
TRACKS = ("Regulation", "Pitch session", "Posters")

# Per opportunity kind, titles for what one offers and what one looks for; {topic} is a
# phrase of one of the six domains.
OPPORTUNITY_TITLES = {
    "licensing": (
        ("Licence available: patented {topic}", "Exclusive licence on {topic} for Europe"),
        ("Looking to in-license {topic}", "Seeking a licence on {topic}"),
    ),
    "rd_partnership": (
        ("Academic partner for a joint project on {topic}", "Consortium place on {topic}"),
        ("R&D partner wanted for {topic}", "Co-development partner for {topic}"),
    ),
    "investment": (
        ("Seed and series A funding for {topic}", "Investment ticket for {topic} start-ups"),
        ("Raising a series A for {topic}", "Investors wanted for {topic}"),
    ),
    "service": (
        ("Contract research on {topic}", "Regulatory support for {topic}"),
        ("Looking for a CRO in {topic}", "Consultancy wanted on {topic}"),
    ),
    "supply": (
        ("Supplier of {topic}", "Small-batch manufacturing of {topic}"),
        ("Sourcing {topic}", "Second source wanted for {topic}"),
    ),
    "recruitment": (
        ("Internships and theses on {topic}", "Experts available in {topic}"),
        ("Hiring engineers in {topic}", "Recruiting a team lead for {topic}"),
    ),
}
TOPICS = {
    "biopharmacy": ("antibody fragments", "oral peptide delivery", "biomarker panels"),
    "cell-therapy": ("CAR-T manufacturing", "mesenchymal stem cells", "cell viability assays"),
    "radiation-health": ("theranostic isotopes", "proton therapy planning", "dosimetry software"),
    "biomanufacturing": ("single-use bioreactors", "viral vector production", "GMP fill-finish"),
    "medtech-ivd": ("point-of-care diagnostics", "wearable ECG sensors", "AI triage in imaging"),
    "data-science": ("medical image segmentation", "federated learning on hospital data",
                     "clinical NLP", "predictive models for sepsis"),
}  # fmt: skip

PITCHES = (
    "We build {topic} and look for clinical and industrial partners.",
    "A team of {size} working on {topic}, from research to the market.",
    "Spin-off with a validated prototype in {topic}; first pilots in Belgian hospitals.",
    "We help companies bring {topic} to patients faster.",
)

MESSAGES = (
    "Your work on {topic} fits our plans: could we meet at the cluster day?",
    "We would like to present our {topic} project and hear your needs.",
    "Looking forward to discussing a possible collaboration on {topic}.",
    "Could we have twenty minutes on {topic}? We have a pilot starting next year.",
)

# Non-member participants: people of hospitals, foreign companies and agencies.
GUEST_FIRST_NAMES = (
    "Lucas", "Emma", "Noah", "Louise", "Arthur", "Alice", "Jules", "Chloé", "Victor", "Léa",
    "Hugo", "Manon", "Elias", "Sarah", "Adam", "Julie", "Matteo", "Anna", "Sven", "Ingrid",
)  # fmt: skip
GUEST_LAST_NAMES = (
    "Dubois", "Lejeune", "Maes", "Jacobs", "Willems", "Mertens", "Wouters", "Dupont", "Lemaire",
    "Hermans", "Simon", "Laurent", "Rossi", "Müller", "Schmidt", "Van Damme", "Fontaine",
    "Leclercq", "Bernard", "Martin",
)  # fmt: skip
GUEST_ORGANISATIONS = (
    "CHU de Namur-Sud", "Hôpital de la Citadelle", "Clinique Saint-Luc", "Maastricht Health Lab",
    "Aachen MedTech GmbH", "Lille Santé Numérique", "Federal Agency for Medicines",
    "Regional Investment Fund", "Luxembourg Health Data Institute", "Eindhoven Imaging BV",
)  # fmt: skip
GUEST_TITLES = ("Physician", "Data scientist", "Head of innovation", "Investment manager",
                "Project officer", "Researcher")  # fmt: skip
