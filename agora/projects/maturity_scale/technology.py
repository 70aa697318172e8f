"""Technology: from an observed principle to a product in routine use (after the TRL 1-9 idea)."""

CODE = "TECH"
NAME = ("Technology", "Technologie")
LEVELS = [
    (
        ("Principle observed", "Principe observé"),
        [
            (
                "The scientific principle behind the idea is described in writing, with references "
                "to published or in-house observations.",
                "Le principe scientifique à la base de l'idée est décrit par écrit, avec des "
                "références à des observations publiées ou internes.",
            ),
            (
                "At least one possible health application of the principle is written down.",
                "Au moins une application possible du principe dans la santé est décrite par "
                "écrit.",
            ),
        ],
    ),
    (
        ("Concept formulated", "Concept formulé"),
        [
            (
                "A concept note describes the intended product or service and how it would work.",
                "Une note de concept décrit le produit ou service visé et son fonctionnement.",
            ),
            (
                "A search of publications and patents shows how the concept differs from existing "
                "solutions.",
                "Une recherche dans les publications et les brevets montre en quoi le concept "
                "diffère des solutions existantes.",
            ),
            (
                "The key technical unknowns are listed.",
                "Les principales inconnues techniques sont listées.",
            ),
        ],
    ),
    (
        ("Proof of concept", "Preuve de concept"),
        [
            (
                "Laboratory or computer experiments have tested the key function, and their "
                "results are recorded.",
                "Des expériences en laboratoire ou sur ordinateur ont testé la fonction clé, et "
                "leurs résultats sont consignés.",
            ),
            (
                "The results meet a success criterion that was set before the experiments.",
                "Les résultats atteignent un critère de réussite fixé avant les expériences.",
            ),
        ],
    ),
    (
        ("Validated in the laboratory", "Validé en laboratoire"),
        [
            (
                "A first prototype (device, lead compound or software version) combining the main "
                "components exists.",
                "Un premier prototype (dispositif, molécule candidate ou version du logiciel) "
                "réunissant les principaux composants existe.",
            ),
            (
                "Its performance has been measured in the laboratory against target "
                "specifications.",
                "Ses performances ont été mesurées en laboratoire par rapport à des "
                "spécifications cibles.",
            ),
            (
                "The key experiments have been repeated with consistent results.",
                "Les expériences clés ont été répétées avec des résultats cohérents.",
            ),
        ],
    ),
    (
        ("Validated in a relevant setting", "Validé dans un environnement représentatif"),
        [
            (
                "The prototype has been tested in conditions close to real use (relevant "
                "biological model, patient samples, simulated care setting).",
                "Le prototype a été testé dans des conditions proches de l'usage réel (modèle "
                "biologique pertinent, échantillons de patients, soins simulés).",
            ),
            (
                "Written product requirements exist and are kept under version control.",
                "Des exigences écrites du produit existent et sont gérées en versions.",
            ),
        ],
    ),
    (
        ("Demonstrated in a relevant setting", "Démontré dans un environnement représentatif"),
        [
            (
                "A prototype close to the final design has been demonstrated in a relevant "
                "setting (animal model, usability test with intended users).",
                "Un prototype proche de la conception finale a été démontré dans un environnement "
                "représentatif (modèle animal, test d'utilisabilité avec les utilisateurs visés).",
            ),
            (
                "Making the prototype is documented well enough for someone else to repeat it.",
                "La fabrication du prototype est documentée assez pour qu'un tiers la reproduise.",
            ),
            (
                "A written analysis of the main technical risks gives a mitigation for each.",
                "Une analyse écrite des principaux risques techniques donne une mesure pour "
                "chacun.",
            ),
        ],
    ),
    (
        ("Demonstrated in real use", "Démontré en conditions réelles"),
        [
            (
                "A pre-series version has been used in the real setting (first use in humans, "
                "pilot in a hospital department).",
                "Une version de présérie a été utilisée en conditions réelles (première "
                "utilisation chez l'homme, pilote dans un service hospitalier).",
            ),
            (
                "The design is frozen and any change goes through documented change control.",
                "La conception est figée et toute modification suit une gestion des changements "
                "documentée.",
            ),
        ],
    ),
    (
        ("Complete and qualified", "Complet et qualifié"),
        [
            (
                "The final product has passed every verification and validation test needed "
                "for its release.",
                "Le produit final a réussi tous les essais de vérification et de validation "
                "nécessaires à sa mise sur le marché.",
            ),
            (
                "Production at the intended scale runs under a quality system (such as ISO 13485 "
                "or good manufacturing practice).",
                "La production à l'échelle visée fonctionne sous un système qualité (comme "
                "ISO 13485 ou les bonnes pratiques de fabrication).",
            ),
        ],
    ),
    (
        ("Proven in routine use", "Éprouvé en usage courant"),
        [
            (
                "The product is in routine use by customers or in clinical practice.",
                "Le produit est utilisé couramment par des clients ou en pratique clinique.",
            ),
            (
                "Data from use in the field (complaints, incidents, feedback) are collected and "
                "reviewed at least once a year.",
                "Les données d'usage sur le terrain (réclamations, incidents, retours) sont "
                "recueillies et revues au moins une fois par an.",
            ),
        ],
    ),
]
