"""Team: from one committed person to an organisation that runs the business."""

CODE = "TEAM"
NAME = ("Team", "Équipe")
LEVELS = [
    (
        ("Champion", "Porteur"),
        [
            (
                "At least one person is committed to the project and masters its science or "
                "medicine.",
                "Au moins une personne est engagée dans le projet et maîtrise sa science ou sa "
                "médecine.",
            ),
            (
                "That person has written down which skills are missing.",
                "Cette personne a mis par écrit les compétences qui manquent.",
            ),
        ],
    ),
    (
        ("Leader named", "Responsable désigné"),
        [
            (
                "A project leader is named.",
                "Un responsable du projet est désigné.",
            ),
            (
                "The skills the project needs (science, clinical, regulatory, business) are "
                "compared with those of the team.",
                "Les compétences nécessaires au projet (science, clinique, réglementaire, "
                "affaires) sont comparées à celles de l'équipe.",
            ),
        ],
    ),
    (
        ("Small team", "Petite équipe"),
        [
            (
                "At least two people work on the project, each with a written role.",
                "Au moins deux personnes travaillent sur le projet, chacune avec un rôle écrit.",
            ),
            (
                "An adviser or mentor covers at least one missing skill.",
                "Un conseiller ou un mentor couvre au moins une compétence manquante.",
            ),
        ],
    ),
    (
        ("Commitments agreed", "Engagements convenus"),
        [
            (
                "Each member's share of working time on the project is agreed in writing.",
                "La part du temps de travail de chaque membre consacrée au projet est convenue "
                "par écrit.",
            ),
            (
                "The team has, or can call on, business development skills.",
                "L'équipe dispose de compétences en développement commercial, ou peut y faire "
                "appel.",
            ),
        ],
    ),
    (
        ("Clinical voice", "Voix clinique"),
        [
            (
                "A clinician or end-user expert takes part (as adviser, partner or team member).",
                "Un clinicien ou un expert des utilisateurs finaux participe (comme conseiller, "
                "partenaire ou membre de l'équipe).",
            ),
            (
                "A recruitment plan for the missing key roles has dates.",
                "Un plan de recrutement des rôles clés manquants comporte des dates.",
            ),
            (
                "How decisions are taken in the team and between partners is written down.",
                "La façon de prendre les décisions dans l'équipe et entre partenaires est mise "
                "par écrit.",
            ),
        ],
    ),
    (
        ("Key roles filled", "Rôles clés pourvus"),
        [
            (
                "The key roles of the next stage (regulatory affairs, quality, operations) are "
                "filled or being recruited.",
                "Les rôles clés de l'étape suivante (affaires réglementaires, qualité, "
                "opérations) sont pourvus ou en recrutement.",
            ),
            (
                "The project leader works on the project full time.",
                "Le responsable du projet y travaille à temps plein.",
            ),
            (
                "A steering committee or advisory board meets at least twice a year, with minutes.",
                "Un comité de pilotage ou un conseil consultatif se réunit au moins deux fois "
                "par an, avec procès-verbal.",
            ),
        ],
    ),
    (
        ("Experienced management", "Direction expérimentée"),
        [
            (
                "The management includes someone who has already brought a health product to "
                "market.",
                "La direction compte une personne qui a déjà mis un produit de santé sur le "
                "marché.",
            ),
            (
                "Key people are kept by written incentives (shares, bonuses, contracts).",
                "Les personnes clés sont fidélisées par des incitants écrits (parts, primes, "
                "contrats).",
            ),
        ],
    ),
    (
        ("Organisation for launch", "Organisation de lancement"),
        [
            (
                "People are in place for production, sales, quality and customer support of the "
                "launched product.",
                "Des personnes sont en place pour la production, la vente, la qualité et le "
                "support client du produit lancé.",
            ),
            (
                "A governing body with at least one independent member oversees the activity.",
                "Un organe de gouvernance comptant au moins un membre indépendant supervise "
                "l'activité.",
            ),
        ],
    ),
    (
        ("Organisation that grows", "Organisation en croissance"),
        [
            (
                "The team runs the activity routinely and hires as it grows.",
                "L'équipe gère l'activité en routine et recrute au fil de la croissance.",
            ),
            (
                "Succession is planned for every key position.",
                "La succession est prévue pour chaque poste clé.",
            ),
        ],
    ),
]
