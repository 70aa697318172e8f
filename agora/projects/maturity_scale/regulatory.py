"""Regulatory and clinical readiness of medical devices and medicines, from status to market."""

CODE = "REG"
NAME = ("Regulatory and clinical readiness", "Maturité réglementaire et clinique")
LEVELS = [
    (
        ("Status questioned", "Statut interrogé"),
        [
            (
                "It is written down whether the product would be a medical device, an in-vitro "
                "diagnostic, a medicine, or none of these.",
                "Il est écrit si le produit serait un dispositif médical, un diagnostic in "
                "vitro, un médicament, ou rien de cela.",
            ),
            (
                "The intended medical purpose is described in one paragraph.",
                "La finalité médicale visée est décrite en un paragraphe.",
            ),
        ],
    ),
    (
        ("Rules identified", "Règles identifiées"),
        [
            (
                "A draft intended-use statement names the patients, the users, the indication "
                "and the care setting.",
                "Un projet de destination du produit nomme les patients, les utilisateurs, "
                "l'indication et le lieu de soins.",
            ),
            (
                "The regulations that apply are named (for example the EU regulations on "
                "medical devices 2017/745 or on in-vitro diagnostics 2017/746, or the law on "
                "medicines).",
                "Les réglementations applicables sont nommées (par exemple les règlements "
                "européens 2017/745 sur les dispositifs médicaux ou 2017/746 sur les "
                "diagnostics in vitro, ou la législation des médicaments).",
            ),
        ],
    ),
    (
        ("Class determined", "Classe déterminée"),
        [
            (
                "A provisional risk class (device) or product category (small molecule, "
                "biological, advanced therapy) is set, with its reasoning.",
                "Une classe de risque provisoire (dispositif) ou une catégorie de produit "
                "(petite molécule, produit biologique, thérapie innovante) est fixée, avec son "
                "raisonnement.",
            ),
            (
                "The main requirements of that route (conformity assessment, clinical trial "
                "authorisation) are listed.",
                "Les principales exigences de cette voie (évaluation de la conformité, "
                "autorisation d'essai clinique) sont listées.",
            ),
        ],
    ),
    (
        ("Strategy written", "Stratégie écrite"),
        [
            (
                "A regulatory strategy gives the route to market (notified body, European or "
                "national procedure) and its steps.",
                "Une stratégie réglementaire donne la voie d'accès au marché (organisme "
                "notifié, procédure européenne ou nationale) et ses étapes.",
            ),
            (
                "The clinical evidence needed for approval is outlined (kinds of study, main "
                "end points).",
                "Les preuves cliniques nécessaires à l'autorisation sont esquissées (types "
                "d'études, critères d'évaluation principaux).",
            ),
            (
                "Development records (laboratory notebooks, design files) are kept dated and "
                "traceable.",
                "Les dossiers de développement (cahiers de laboratoire, dossiers de conception) "
                "sont tenus datés et traçables.",
            ),
        ],
    ),
    (
        ("Quality under way", "Qualité en place"),
        [
            (
                "A quality system suited to the product (ISO 13485 for devices, good laboratory "
                "or manufacturing practice for medicines) is being set up to a written plan.",
                "Un système qualité adapté au produit (ISO 13485 pour les dispositifs, bonnes "
                "pratiques de laboratoire ou de fabrication pour les médicaments) est mis en "
                "place selon un plan écrit.",
            ),
            (
                "Risk management has started (ISO 14971 for devices, a safety plan for medicines).",
                "La gestion des risques a commencé (ISO 14971 pour les dispositifs, un plan de "
                "sécurité pour les médicaments).",
            ),
        ],
    ),
    (
        ("Ready for humans", "Prêt pour l'homme"),
        [
            (
                "The non-clinical studies needed before use in humans are done (such as "
                "biocompatibility, electrical safety, regulatory toxicology).",
                "Les études non cliniques nécessaires avant l'usage chez l'homme sont faites "
                "(comme la biocompatibilité, la sécurité électrique, la toxicologie "
                "réglementaire).",
            ),
            (
                "Advice has been obtained from an authority (such as the FAMHP or the EMA) or "
                "from a notified body.",
                "Un avis a été obtenu d'une autorité (comme l'AFMPS ou l'EMA) ou d'un "
                "organisme notifié.",
            ),
            (
                "A clinical investigation plan or trial protocol is written.",
                "Un plan d'investigation clinique ou un protocole d'essai est rédigé.",
            ),
        ],
    ),
    (
        ("Clinical study running", "Étude clinique en cours"),
        [
            (
                "An ethics committee and the competent authority have authorised the clinical "
                "study.",
                "Un comité d'éthique et l'autorité compétente ont autorisé l'étude clinique.",
            ),
            (
                "The first patients or participants are included in the study.",
                "Les premiers patients ou participants sont inclus dans l'étude.",
            ),
        ],
    ),
    (
        ("Dossier submitted", "Dossier introduit"),
        [
            (
                "A final clinical study report supports the safety and the performance or "
                "efficacy.",
                "Un rapport final d'étude clinique étaye la sécurité et la performance ou "
                "l'efficacité.",
            ),
            (
                "The technical documentation or the marketing authorisation dossier is submitted.",
                "La documentation technique ou le dossier d'autorisation de mise sur le marché "
                "est introduit.",
            ),
            (
                "The quality system is certified (ISO 13485) or the site holds a manufacturing "
                "authorisation.",
                "Le système qualité est certifié (ISO 13485) ou le site détient une "
                "autorisation de fabrication.",
            ),
        ],
    ),
    (
        ("On the market", "Sur le marché"),
        [
            (
                "The CE marking or the marketing authorisation is obtained for a first market.",
                "Le marquage CE ou l'autorisation de mise sur le marché est obtenu pour un "
                "premier marché.",
            ),
            (
                "Surveillance after placing on the market (vigilance, periodic safety reports, "
                "clinical follow-up) is running.",
                "La surveillance après mise sur le marché (vigilance, rapports périodiques de "
                "sécurité, suivi clinique) est en place.",
            ),
        ],
    ),
]
