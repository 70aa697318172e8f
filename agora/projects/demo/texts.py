"""The words of the projects demo: the 2018 submissions, the experts' fields, letters."""

from typing import NamedTuple


class ProjectText(NamedTuple):
    acronym: str
    title: str
    summary: str
    keywords: str
    domain: str


# The 2018 call's submissions, in the order they were submitted.
SUBMISSIONS_2018 = (
    ProjectText(
        "HEPACELL",
        "Allogeneic liver cells to bridge patients with acute liver failure to transplantation",
        "Expanding adult liver progenitor cells under GMP and infusing them into patients with "
        "acute liver failure, to keep them alive until a graft is available.",
        "cell therapy, liver failure, GMP manufacturing, progenitor cells",
        "cell-therapy",
    ),
    ProjectText(
        "RADIOPEP",
        "Lutetium-labelled peptides against neuroendocrine tumours resistant to first-line care",
        "A new peptide vector binding a receptor over-expressed in resistant neuroendocrine "
        "tumours, labelled with lutetium-177, taken to a first dosimetry study.",
        "radiopharmaceuticals, lutetium-177, peptide, neuroendocrine tumours, dosimetry",
        "radiation-health",
    ),
    ProjectText(
        "SEPSIGNAL",
        "Predicting sepsis six hours earlier from routine intensive-care data",
        "A machine-learning model trained on the vital signs and laboratory results of three "
        "Walloon intensive-care units, validated prospectively, embedded in the bedside monitor.",
        "machine learning, sepsis, intensive care, clinical decision support",
        "data-science",
    ),
    ProjectText(
        "VIRAFLOW",
        "Continuous purification of viral vectors for gene therapy",
        "Replacing batch chromatography by a continuous process to triple the yield of "
        "adeno-associated viral vectors and cut the cost of a dose.",
        "viral vectors, AAV, continuous processing, chromatography, gene therapy",
        "biomanufacturing",
    ),
    ProjectText(
        "OSTEOGRAFT",
        "A bone substitute made of the patient's own cells for large bone defects",
        "Cells from a bone-marrow aspirate grown on a resorbable scaffold and implanted in "
        "non-union fractures; a first-in-human study in two university hospitals.",
        "bone regeneration, mesenchymal stem cells, scaffold, orthopaedics",
        "cell-therapy",
    ),
    ProjectText(
        "NANOTB",
        "A paper-based test that finds tuberculosis in twenty minutes",
        "Gold nanoparticles and a lateral-flow strip detect a tuberculosis antigen in urine, "
        "for screening in clinics without a laboratory.",
        "in-vitro diagnostics, lateral flow, tuberculosis, nanoparticles, point of care",
        "medtech-ivd",
    ),
    ProjectText(
        "ANTIBIOME",
        "Bacteriophage cocktails against antibiotic-resistant hospital infections",
        "Selecting and producing phage cocktails against multi-resistant Pseudomonas, with the "
        "quality file needed for compassionate use in burn units.",
        "bacteriophages, antimicrobial resistance, Pseudomonas, biologics",
        "biopharmacy",
    ),
    ProjectText(
        "PROTONPLAN",
        "Faster treatment planning for proton therapy with adaptive dose calculation",
        "A GPU dose engine and an automatic re-planning workflow so that proton plans follow the "
        "patient's anatomy from one session to the next.",
        "proton therapy, treatment planning, dose calculation, GPU, adaptive radiotherapy",
        "radiation-health",
    ),
    ProjectText(
        "CARDIOWATCH",
        "A patch that follows heart-failure patients at home",
        "A wearable patch measuring thoracic impedance and heart rhythm, with alerts to the "
        "cardiology nurse before the patient needs the hospital.",
        "medical device, heart failure, remote monitoring, wearable sensor",
        "medtech-ivd",
    ),
    ProjectText(
        "GLYCOMAB",
        "Sugar-engineered antibodies with a stronger effect against lymphoma",
        "Changing the glycosylation of a therapeutic antibody in the producing cell line to "
        "strengthen its killing of lymphoma cells, up to the preclinical package.",
        "monoclonal antibody, glycoengineering, lymphoma, cell line development",
        "biopharmacy",
    ),
    ProjectText(
        "BIOREACT4",
        "Single-use bioreactors with built-in sensors for cell-therapy production",
        "Optical sensors moulded into single-use bags measure oxygen, glucose and cell density "
        "during the culture and steer the feeding automatically.",
        "single-use bioreactor, process analytical technology, sensors, cell culture",
        "biomanufacturing",
    ),
    ProjectText(
        "PATHOLEARN",
        "Deep learning to grade prostate biopsies on digital slides",
        "A grading assistant trained on twenty thousand annotated slides from Belgian pathology "
        "laboratories, with a study of agreement between pathologists.",
        "digital pathology, deep learning, prostate cancer, image analysis",
        "data-science",
    ),
    ProjectText(
        "IMMUNOVAX",
        "An adjuvant that makes elderly people respond to flu vaccines",
        "A new saponin-based adjuvant formulated with a seasonal flu antigen, tested on the "
        "immune response of people over seventy-five.",
        "vaccine, adjuvant, influenza, immunosenescence, formulation",
        "biopharmacy",
    ),
    ProjectText(
        "ISOTOPIA",
        "Producing medical isotopes with an accelerator instead of a reactor",
        "An electron accelerator line producing molybdenum-99 for technetium generators, to "
        "secure the supply of nuclear medicine departments.",
        "medical isotopes, molybdenum-99, accelerator, nuclear medicine",
        "radiation-health",
    ),
    ProjectText(
        "DIABSENSE",
        "A continuous glucose sensor that lasts a month",
        "An implantable fluorescent sensor read through the skin by a smartphone, with the "
        "biocompatibility tests a class III device needs.",
        "diabetes, continuous glucose monitoring, implantable sensor, medical device",
        "medtech-ivd",
    ),
    ProjectText(
        "CARTECH",
        "Automated, closed production of CAR-T cells in the hospital",
        "A closed automated system making CAR-T cells in eight days next to the patient, "
        "instead of shipping them to a central factory.",
        "CAR-T, automation, point-of-care manufacturing, cell therapy",
        "cell-therapy",
    ),
    ProjectText(
        "GENOTRIAL",
        "Finding patients for clinical trials from their genomic reports",
        "Matching the molecular profile in tumour sequencing reports with open trials across "
        "Belgian hospitals, with the patient's consent managed end to end.",
        "genomics, clinical trials, patient matching, data protection",
        "data-science",
    ),
    ProjectText(
        "ENZYMIX",
        "Enzymes made by yeast to replace chemical steps in drug synthesis",
        "Engineering yeast strains that secrete enzymes for two steps in the synthesis of an "
        "active ingredient, with less solvent and waste.",
        "biocatalysis, enzymes, yeast, green chemistry, active pharmaceutical ingredient",
        "biomanufacturing",
    ),
    ProjectText(
        "SKINREPAIR",
        "A cell spray for the treatment of severe burns",
        "Keratinocytes sprayed on the wound in a fibrin gel, shortening healing time for burns "
        "over a fifth of the body.",
        "burns, keratinocytes, wound healing, advanced therapy medicinal product",
        "cell-therapy",
    ),
    ProjectText(
        "ALLERGOCHIP",
        "Testing a hundred allergens from one drop of blood",
        "A microarray chip and a desktop reader giving an allergy profile in forty minutes at "
        "the general practitioner's.",
        "allergy, microarray, in-vitro diagnostics, point of care",
        "medtech-ivd",
    ),
)

# Per domain, the expertise keywords an expert of that field gives.
EXPERT_KEYWORDS = {
    "biopharmacy": "monoclonal antibody, vaccine, biologics, preclinical development, formulation",
    "cell-therapy": "cell therapy, stem cells, advanced therapy, GMP manufacturing",
    "radiation-health": "radiopharmaceuticals, dosimetry, proton therapy, nuclear medicine",
    "biomanufacturing": "bioprocess, continuous processing, bioreactor, scale-up, purification",
    "medtech-ivd": "medical device, in-vitro diagnostics, sensors, CE marking, point of care",
    "data-science": "machine learning, clinical data, image analysis, data protection",
}
EXPERTISE = {
    "biopharmacy": "Development of biological medicines from the candidate to the clinic.",
    "cell-therapy": "Manufacturing and clinical development of cell and tissue therapies.",
    "radiation-health": "Medical physics, radiopharmacy and radiation protection.",
    "biomanufacturing": "Process development and scale-up of biological production.",
    "medtech-ivd": "Design, certification and market access of devices and diagnostics.",
    "data-science": "Statistics and machine learning on health data.",
}
EXTERNAL_EXPERTS = (
    ("Marc", "Vandenberghe", "marc.vandenberghe@experts.example"),
    ("Claire", "Dumont", "claire.dumont@experts.example"),
    ("Hendrik", "Claes", "hendrik.claes@experts.example"),
    ("Nathalie", "Fournier", "nathalie.fournier@experts.example"),
    ("Pieter", "Wouters", "pieter.wouters@experts.example"),
    ("Sabine", "Leroy", "sabine.leroy@experts.example"),
    ("Olivier", "Gérard", "olivier.gerard@experts.example"),
    ("Ingrid", "Maes", "ingrid.maes@experts.example"),
    ("Laurent", "Moreau", "laurent.moreau@experts.example"),
    ("Véronique", "Thiry", "veronique.thiry@experts.example"),
)
EXTERNAL_PARTNERS = (
    "CHU de Lille",
    "Universitätsklinikum Aachen",
    "Maastricht UMC+",
    "Institut Pasteur de Lille",
)
CRITERIA_2018 = (
    (
        "Scientific and technical excellence",
        35,
        "Novelty, soundness of the approach, state of the art.",
    ),
    ("Innovation and market potential", 30, "Unmet need, market, route to patients."),
    ("Quality of the consortium", 20, "Complementary partners, each with a clear role."),
    ("Economic impact in Wallonia", 15, "Jobs, investment and activity in the region."),
)
COMMENTS = {
    "high": (
        "A convincing project: the need is real, the plan is realistic and the partners "
        "complement each other well."
    ),
    "middle": (
        "Interesting, but the work plan underestimates the regulatory steps and the market "
        "analysis stays general."
    ),
    "low": (
        "The idea is not new enough compared with what is on the market, and the consortium "
        "lacks an industrial partner able to take it further."
    ),
}
# A criterion's comment by score: 0-4, 5-6, 7-10.
SCORE_COMMENTS = (
    "Below what the call expects; see the overall comments.",
    "Acceptable, with weaknesses the applicants should address.",
    "Strong on this criterion.",
)
LETTER_LABELLED = (
    "Dear applicants,\n\nThe jury of the 2018 call examined {acronym} on 5 July 2018 and decided "
    "to label it. The experts praised the quality of the science and the complementarity of "
    "the consortium. The label is sent to the Walloon Region with our recommendation for "
    "funding.\n\nCongratulations,\nThe cluster's jury"
)
LETTER_NOT_LABELLED = (
    "Dear applicants,\n\nThe jury of the 2018 call examined {acronym} on 5 July 2018 and decided "
    "not to label it. The experts found the project of interest but considered that its market "
    "analysis and its work plan are not mature enough yet. The cluster's team will gladly help "
    "you prepare a stronger proposal, starting with a maturity diagnosis.\n\nThe cluster's jury"
)
