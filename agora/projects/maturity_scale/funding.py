"""Funding: from the means for first steps to a business that finances itself."""

CODE = "FUNDING"
NAME = ("Funding", "Financement")
LEVELS = [
    (
        ("First means", "Premiers moyens"),
        [
            (
                "The means for the first steps (working time, own funds, access to a laboratory) "
                "are available.",
                "Les moyens des premières étapes (temps de travail, fonds propres, accès à un "
                "laboratoire) sont disponibles.",
            ),
            (
                "The cost of those first steps is estimated.",
                "Le coût de ces premières étapes est estimé.",
            ),
        ],
    ),
    (
        ("Sources listed", "Sources listées"),
        [
            (
                "The cost of reaching the next milestone is estimated.",
                "Le coût pour atteindre le prochain jalon est estimé.",
            ),
            (
                "Possible sources of funding (public grants, own funds, investors, industrial "
                "partners) are listed.",
                "Les sources de financement possibles (subsides publics, fonds propres, "
                "investisseurs, partenaires industriels) sont listées.",
            ),
        ],
    ),
    (
        ("First budget", "Premier budget"),
        [
            (
                "A first grant or internal budget (for example a proof-of-concept fund) is "
                "obtained.",
                "Un premier subside ou budget interne (par exemple un fonds de preuve de "
                "concept) est obtenu.",
            ),
            (
                "A budget for the next twelve months is tied to milestones.",
                "Un budget pour les douze prochains mois est lié à des jalons.",
            ),
        ],
    ),
    (
        ("Funding plan", "Plan de financement"),
        [
            (
                "A funding plan covers the path to the first clinical or market validation.",
                "Un plan de financement couvre le chemin jusqu'à la première validation "
                "clinique ou commerciale.",
            ),
            (
                "At least one application for non-dilutive funding (regional, federal or "
                "European) is submitted.",
                "Au moins une demande de financement non dilutif (régional, fédéral ou "
                "européen) est introduite.",
            ),
        ],
    ),
    (
        ("Twelve months secured", "Douze mois assurés"),
        [
            (
                "Funding for at least twelve months of the work plan is secured.",
                "Le financement d'au moins douze mois du plan de travail est assuré.",
            ),
            (
                "An investor presentation or investment memorandum is ready.",
                "Une présentation pour investisseurs ou un mémorandum d'investissement est prêt.",
            ),
            (
                "At least three investors or industrial financers have been met.",
                "Au moins trois investisseurs ou financeurs industriels ont été rencontrés.",
            ),
        ],
    ),
    (
        ("Significant funding signed", "Financement significatif signé"),
        [
            (
                "A significant funding (seed round, collaborative R&D grant, industrial "
                "partnership) is signed.",
                "Un financement significatif (tour d'amorçage, subside de R&D collaborative, "
                "partenariat industriel) est signé.",
            ),
            (
                "Reports to funders have been delivered on time.",
                "Les rapports aux financeurs ont été remis dans les délais.",
            ),
        ],
    ),
    (
        ("Path to market funded", "Chemin vers le marché financé"),
        [
            (
                "Funding for the decisive steps to market (pivotal study, certification) is "
                "secured or agreed in a term sheet.",
                "Le financement des étapes décisives vers le marché (étude pivot, "
                "certification) est assuré ou convenu dans une lettre d'intention.",
            ),
            (
                "Cash covers at least eighteen months of planned spending.",
                "La trésorerie couvre au moins dix-huit mois de dépenses prévues.",
            ),
        ],
    ),
    (
        ("Launch funded", "Lancement financé"),
        [
            (
                "Funding for the launch and the commercial scale-up is secured.",
                "Le financement du lancement et de la montée en puissance commerciale est assuré.",
            ),
            (
                "Revenue from sales starts to fund part of the spending.",
                "Les revenus des ventes commencent à financer une part des dépenses.",
            ),
        ],
    ),
    (
        ("Self-financing", "Autofinancement"),
        [
            (
                "The activity finances itself from its revenue, or has access to growth "
                "financing (loans, later rounds).",
                "L'activité se finance par ses revenus, ou a accès à un financement de "
                "croissance (prêts, tours ultérieurs).",
            ),
            (
                "The annual accounts are audited.",
                "Les comptes annuels sont audités.",
            ),
        ],
    ),
]
