"""Data tables of the demo: invented names, real cities and postcodes, titles, phrases. No Django.

Every organisation name is invented from made-up stems and generic words; any resemblance to a
real company or institution is accidental. Cities and postcodes are real.
"""

# Made-up company stems: a prefix and an ending (25 × 12 = 300 stems).
STEM_STARTS = (
    "Alv", "Ambr", "Arv", "Bell", "Cald", "Cend", "Corv", "Darv", "Elv", "Emb", "Fav", "Gald",
    "Helv", "Iv", "Kald", "Lum", "Merv", "Norv", "Orv", "Palm", "Quinv", "Rosv", "Selv", "Tarv",
    "Zelv",
)  # fmt: skip
STEM_ENDS = (
    "alis", "ora", "enta", "ivia", "exa", "odia", "ura", "assio", "etis", "avio", "ondra", "ysse",
)  # fmt: skip
# Walloon lands and rivers with the French for "of" them; Flemish ones, for "Ourthe Bioprocess",
# "Université du Condroz", "AZ Demer".
PLACES_FR = (
    ("Hesbaye", "de Hesbaye"), ("Condroz", "du Condroz"), ("Famenne", "de Famenne"),
    ("Ourthe", "de l'Ourthe"), ("Amblève", "de l'Amblève"), ("Lesse", "de la Lesse"),
    ("Semois", "de la Semois"), ("Sambre", "de la Sambre"), ("Dyle", "de la Dyle"),
    ("Fagne", "de la Fagne"), ("Hoyoux", "du Hoyoux"), ("Molignée", "de la Molignée"),
    ("Gileppe", "de la Gileppe"), ("Vesdre", "de la Vesdre"), ("Haine", "de la Haine"),
)  # fmt: skip
PLACES_NL = (
    "Kempen", "Dender", "Nete", "Demer", "Haspengouw", "Leie", "Durme", "Mandel", "Zenne",
    "Rupel", "Dijle", "Gete",
)  # fmt: skip

# What a company calls itself after its stem, by its main strategic domain.
DOMAIN_WORDS = {
    "biopharmacy": ("Therapeutics", "Pharma", "Biologics", "Biosciences", "Antibodies"),
    "cell-therapy": ("Cell Therapies", "Regenerative", "CellWorks", "Immunotherapies"),
    "radiation-health": ("Isotopes", "Radiopharma", "Imaging", "Proton Systems", "Dosimetry"),
    "biomanufacturing": ("Bioprocess", "Biomanufacturing", "Bioproduction", "Fermentation"),
    "medtech-ivd": ("Medical", "Diagnostics", "Dx", "Surgical", "Devices", "Orthopaedics"),
    "data-science": ("Analytics", "Health Data", "Digital Health", "Informatics", "AI"),
}
SERVICE_WORDS = (
    "Regulatory Consulting", "Clinical Research", "Quality Services", "Labs", "IP Partners",
    "Validation Services", "Market Access", "Translations", "Engineering",
)  # fmt: skip
MECHANICAL_WORDS = ("Precision", "Mechatronics", "Machining", "Micro-Engineering")

# Legal forms by language or country.
LEGAL_FORMS = {
    "fr": ("SA", "SRL", "SRL"),
    "nl": ("NV", "BV", "BV"),
    "FR": ("SAS",),
    "NL": ("B.V.",),
    "DE": ("GmbH",),
    "LU": ("S.A.",),
}

# Institutions: "{place}" is a land or river of the region's language, "{of_place}" its French
# "of" form.
INSTITUTION_PATTERNS = {
    ("university", "fr"): ("Université {of_place}", "Haute École {of_place}"),
    ("university", "nl"): ("Universiteit {place}", "Hogeschool {place}"),
    ("hospital", "fr"): (
        "Centre Hospitalier {of_place}",
        "Grand Hôpital {of_place}",
        "Clinique {saint}",
        "CHU {saint}",
    ),
    ("hospital", "nl"): ("AZ {place}", "Ziekenhuis {place}", "AZ {saint_nl}"),
    ("research_centre", "fr"): (
        "Institut {of_topic_fr} {of_place}",
        "Centre de recherche en {topic_fr} – {place}",
    ),
    ("research_centre", "nl"): ("Onderzoekscentrum {topic_nl} {place}",),
    ("investor", "fr"): ("{place} Capital", "{stem} Ventures", "Fonds d'amorçage {of_place}"),
    ("investor", "nl"): ("{place} Capital", "{stem} Ventures", "Investeringsfonds {place}"),
    ("public_body", "fr"): (
        "Agence de développement {of_place}",
        "Intercommunale d'innovation {of_place}",
    ),
    ("public_body", "nl"): ("Ontwikkelingsmaatschappij {place}",),
    ("other", "fr"): ("Fondation {stem}", "Association pour la recherche en {topic_fr}"),
    ("other", "nl"): ("Stichting {stem}", "Patiëntenvereniging {place}"),
}
SAINTS_FR = (
    "Sainte-Ermelinde", "Saint-Materne", "Saint-Feuillen", "Sainte-Begge", "Saint-Hadelin",
    "Saint-Remacle", "Notre-Dame des Fagnes", "Sainte-Aldegonde", "Saint-Monon",
)  # fmt: skip
SAINTS_NL = ("Sint-Rumoldus", "Sint-Dimpna", "Sint-Amalberga", "Sint-Gudula", "Sint-Trudo")
TOPICS_FR = (
    "radiobiologie", "biothérapies", "bio-ingénierie", "imagerie médicale",
    "médecine régénérative", "bio-informatique", "immunologie",
)  # fmt: skip
TOPICS_NL = ("Beeldvorming", "Biotechnologie", "Regeneratieve Geneeskunde", "Bio-informatica")

# (postcode, city, weight): where the cluster's members are.
CITIES = {
    "wallonia": (
        ("6041", "Gosselies", 8), ("4000", "Liège", 8), ("1435", "Mont-Saint-Guibert", 6),
        ("1348", "Louvain-la-Neuve", 6), ("5000", "Namur", 4), ("4031", "Angleur", 4),
        ("5030", "Gembloux", 3), ("6000", "Charleroi", 3), ("7000", "Mons", 3),
        ("1300", "Wavre", 3), ("4102", "Seraing", 2), ("4040", "Herstal", 2),
        ("6220", "Fleurus", 2), ("1400", "Nivelles", 2), ("7500", "Tournai", 2),
        ("1420", "Braine-l'Alleud", 1), ("6900", "Marche-en-Famenne", 1), ("4800", "Verviers", 1),
        ("6800", "Libramont-Chevigny", 1), ("6700", "Arlon", 1),
    ),
    "brussels": (
        ("1070", "Anderlecht", 3), ("1050", "Ixelles", 2), ("1200", "Woluwe-Saint-Lambert", 3),
        ("1000", "Bruxelles", 3), ("1180", "Uccle", 1), ("1090", "Jette", 2),
        ("1140", "Evere", 1), ("1040", "Etterbeek", 1),
    ),
    "flanders": (
        ("9052", "Zwijnaarde", 3), ("3001", "Heverlee", 3), ("3000", "Leuven", 2),
        ("2000", "Antwerpen", 2), ("2800", "Mechelen", 2), ("9000", "Gent", 2),
        ("3590", "Diepenbeek", 1), ("2440", "Geel", 1), ("8500", "Kortrijk", 1),
        ("3500", "Hasselt", 1),
    ),
}  # fmt: skip
CITIES_ABROAD = {
    "FR": (("59000", "Lille"), ("51100", "Reims"), ("67000", "Strasbourg"), ("80000", "Amiens")),
    "NL": (("6229 ER", "Maastricht"), ("5656 AE", "Eindhoven"), ("2333 CA", "Leiden")),
    "DE": (("52074", "Aachen"), ("50667", "Köln")),
    "LU": (("L-4362", "Esch-sur-Alzette"), ("L-1855", "Luxembourg")),
}
STREETS = {
    "fr": (
        "Rue de l'Industrie", "Avenue Jean Mermoz", "Rue du Bois Saint-Jean", "Rue Granbonpré",
        "Avenue Pasteur", "Boulevard du Roi Albert II", "Rue des Chasseurs Ardennais",
        "Rue Auguste Piccard", "Avenue Georges Lemaître", "Rue de la Science", "Chaussée de Namur",
    ),
    "nl": (
        "Technologiepark", "Industrieweg", "Kapeldreef", "Ottergemsesteenweg", "Stationsstraat",
        "Gaston Geenslaan", "Researchpark", "Kleinhoefstraat",
    ),
    "FR": ("Rue du Professeur Calmette", "Avenue de la République", "Rue Pierre et Marie Curie"),
    "NL": ("Oxfordlaan", "High Tech Campus", "Bioscience Park"),
    "DE": ("Pauwelsstraße", "Friesenplatz"),
    "LU": ("Avenue des Hauts-Fourneaux", "Rue de l'Innovation"),
}  # fmt: skip

FIRST_NAMES = {
    "fr": (
        "Sophie", "Thomas", "Nathalie", "Julien", "Isabelle", "Nicolas", "Céline", "Antoine",
        "Aurélie", "Benoît", "Caroline", "Damien", "Émilie", "François", "Géraldine", "Hugues",
        "Laurence", "Marc", "Martine", "Olivier", "Pascale", "Philippe", "Sarah", "Vincent",
        "Valérie", "Xavier", "Amandine", "Grégory", "Charlotte", "Maxime", "Louise", "Arnaud",
    ),
    "nl": (
        "Jeroen", "An", "Pieter", "Els", "Wouter", "Katrien", "Bart", "Liesbeth", "Koen", "Sofie",
        "Tom", "Griet", "Stijn", "Hanne", "Dirk", "Veerle", "Joris", "Ellen", "Maarten", "Nele",
        "Bram", "Inge", "Tim", "Lotte",
    ),
    "de": ("Anna", "Jonas", "Katharina", "Lukas", "Stefan", "Julia"),
}  # fmt: skip
LAST_NAMES = {
    "fr": (
        "Lambert", "Renard", "Gérard", "Dubois", "Lemaire", "Collard", "Delvaux", "Piron",
        "Lhoest", "Fontaine", "Hubert", "Mathieu", "Dethier", "Thiry", "Jacquet", "Leclercq",
        "Lejeune", "Simon", "Laurent", "Dumont", "Hardy", "Marchal", "Henrard", "Dardenne",
        "Lecomte", "Massart", "Wilmotte", "Degive", "Bastin", "Remacle", "Gillet", "Malherbe",
    ),
    "nl": (
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Vermeulen", "Van Damme", "Verstraete", "De Clercq", "Van den Broeck",
        "Aerts", "Hermans", "Coppens", "Vandenberghe", "De Backer",
    ),
    "de": ("Becker", "Schneider", "Hoffmann", "Krämer", "Wagner", "Schulz"),
}  # fmt: skip

REPRESENTATIVE_TITLES = {
    "company": ("CEO", "Managing Director", "Chief Business Officer", "Founder and CEO"),
    "university": ("Director, Technology Transfer Office", "Vice-Rector for Research"),
    "hospital": ("Director of Innovation", "Chief Medical Officer"),
    "research_centre": ("Scientific Director", "Director"),
    "investor": ("Managing Partner", "Investment Director"),
    "public_body": ("Director General", "Head of Economic Development"),
    "other": ("Chair", "Secretary General"),
}
STAFF_TITLES = {
    "company": (
        "R&D Project Manager", "Regulatory Affairs Manager", "QA Manager", "Principal Scientist",
        "Clinical Operations Lead", "Data Scientist", "Head of Manufacturing", "CFO",
        "Business Developer", "Process Engineer",
    ),
    "academic": (
        "Professor", "Research Group Leader", "Postdoctoral Researcher", "Valorisation Officer",
        "Clinical Research Coordinator",
    ),
    "other": ("Project Officer", "Communication Officer", "Analyst"),
}  # fmt: skip

# Per domain: what the organisation does (after its name) and its expertise keywords.
ACTIVITIES = {
    "biopharmacy": (
        "develops antibody therapies for solid tumours",
        "develops small molecules for rare inflammatory diseases",
        "designs mRNA vaccines against respiratory viruses",
        "develops peptide drugs for metabolic disorders",
    ),
    "cell-therapy": (
        "develops allogeneic CAR-T cell therapies",
        "engineers mesenchymal stem cells for bone repair",
        "develops cell therapies for liver diseases",
    ),
    "radiation-health": (
        "produces medical isotopes for nuclear imaging",
        "develops radioligand therapies for prostate cancer",
        "builds dosimetry software for proton therapy",
    ),
    "biomanufacturing": (
        "manufactures viral vectors under GMP for clinical trials",
        "offers process development and scale-up of biologics",
        "builds single-use bioreactors for vaccine production",
    ),
    "medtech-ivd": (
        "develops point-of-care tests for infectious diseases",
        "designs implantable neurostimulators",
        "develops minimally invasive surgical instruments",
        "develops molecular diagnostics for oncology",
    ),
    "data-science": (
        "builds machine-learning models on real-world clinical data",
        "develops AI for medical image analysis",
        "runs a secure platform for hospital data sharing",
    ),
}
KEYWORDS = {
    "biopharmacy": (
        "monoclonal antibodies", "small molecules", "drug discovery", "preclinical development",
        "vaccines", "rare diseases", "oncology", "clinical trials",
    ),
    "cell-therapy": (
        "CAR-T", "stem cells", "allogeneic therapy", "tissue engineering", "ATMP",
        "regenerative medicine",
    ),
    "radiation-health": (
        "radiopharmaceuticals", "proton therapy", "nuclear imaging", "dosimetry", "isotopes",
        "theranostics",
    ),
    "biomanufacturing": (
        "GMP manufacturing", "viral vectors", "bioprocess development", "scale-up",
        "single-use systems", "fill and finish",
    ),
    "medtech-ivd": (
        "in-vitro diagnostics", "point of care", "implants", "MDR compliance", "biosensors",
        "surgical robotics", "IVDR",
    ),
    "data-science": (
        "machine learning", "real-world data", "medical imaging AI", "bioinformatics",
        "interoperability", "GDPR", "digital therapeutics",
    ),
}  # fmt: skip
KIND_SENTENCES = {
    "large_company": "A group with production sites in Belgium and customers worldwide.",
    "sme": "Serves pharmaceutical companies and hospitals across Europe.",
    "startup": "A young company preparing its first clinical or market milestones.",
    "university": "Teaching and research institution with a technology transfer office.",
    "hospital": "Hospital taking part in clinical research and innovation projects.",
    "research_centre": "Applied research centre working with companies on joint projects.",
    "investor": "Invests in life-sciences companies from seed to growth stage.",
    "public_body": "Public body supporting innovation and economic development.",
    "service_provider": "Helps life-sciences companies from development to market.",
    "other": "Non-profit organisation active in health innovation.",
}
CANCELLATION_REASONS = (
    "Acquired by a group that is not a member.",
    "Company in liquidation.",
    "Activities moved outside Belgium.",
    "Membership fee no longer in the budget.",
    "Merged with another member organisation.",
)
