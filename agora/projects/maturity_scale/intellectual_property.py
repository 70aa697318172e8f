"""Intellectual property: from knowing who owns the results to IP that brings value."""

CODE = "IP"
NAME = ("Intellectual property", "Propriété intellectuelle")
LEVELS = [
    (
        ("Inventors known", "Inventeurs connus"),
        [
            (
                "The people who created the results so far, and their employers, are listed.",
                "Les personnes à l'origine des résultats obtenus jusqu'ici, et leurs employeurs, "
                "sont listés.",
            ),
            (
                "Nothing essential about the idea has been made public (talk, poster, article) "
                "before protection was considered.",
                "Rien d'essentiel de l'idée n'a été rendu public (exposé, poster, article) avant "
                "d'envisager sa protection.",
            ),
        ],
    ),
    (
        ("Landscape searched", "Paysage exploré"),
        [
            (
                "A first search of patents and publications close to the idea has been done.",
                "Une première recherche de brevets et de publications proches de l'idée a été "
                "faite.",
            ),
            (
                "The background knowledge each partner brings, and who owns it, is listed.",
                "Les connaissances antérieures apportées par chaque partenaire, et leur "
                "propriétaire, sont listées.",
            ),
        ],
    ),
    (
        ("Invention disclosed", "Invention déclarée"),
        [
            (
                "A dated invention disclosure is written.",
                "Une déclaration d'invention datée est rédigée.",
            ),
            (
                "A technology transfer office or a patent attorney has reviewed the invention.",
                "Un bureau de transfert de technologie ou un conseil en brevets a examiné "
                "l'invention.",
            ),
            (
                "Every outside party that received confidential material signed a "
                "confidentiality agreement first.",
                "Chaque tiers qui a reçu des informations confidentielles a d'abord signé un "
                "accord de confidentialité.",
            ),
        ],
    ),
    (
        ("Strategy decided", "Stratégie décidée"),
        [
            (
                "For each key result, the way to protect it (patent, secret, copyright, "
                "trademark) is decided.",
                "Pour chaque résultat clé, le mode de protection (brevet, secret, droit "
                "d'auteur, marque) est décidé.",
            ),
            (
                "A first review of others' patents that could block the product (freedom to "
                "operate) is done.",
                "Un premier examen des brevets de tiers qui pourraient bloquer le produit "
                "(liberté d'exploitation) est fait.",
            ),
        ],
    ),
    (
        ("First filing", "Premier dépôt"),
        [
            (
                "A first patent application is filed, or the reasons not to patent are "
                "written down.",
                "Une première demande de brevet est déposée, ou les raisons de ne pas breveter "
                "sont mises par écrit.",
            ),
            (
                "An agreement between the partners settles who owns and may use the results.",
                "Un accord entre partenaires règle la propriété et l'usage des résultats.",
            ),
        ],
    ),
    (
        ("Freedom to operate checked", "Liberté d'exploitation vérifiée"),
        [
            (
                "A patent attorney's freedom-to-operate analysis covers the first target markets.",
                "Une analyse de liberté d'exploitation par un conseil en brevets couvre les "
                "premiers marchés visés.",
            ),
            (
                "A map links each key feature of the product to the rights that protect it.",
                "Une cartographie relie chaque caractéristique clé du produit aux droits qui la "
                "protègent.",
            ),
        ],
    ),
    (
        ("Protection extended", "Protection étendue"),
        [
            (
                "The key patents are extended abroad (international application or national "
                "phases), or the reasons not to are written down.",
                "Les brevets clés sont étendus à l'étranger (demande internationale ou phases "
                "nationales), ou les raisons de ne pas le faire sont mises par écrit.",
            ),
            (
                "Licences needed from others are obtained or being negotiated.",
                "Les licences nécessaires auprès de tiers sont obtenues ou en négociation.",
            ),
        ],
    ),
    (
        ("Rights granted", "Droits obtenus"),
        [
            (
                "At least one key patent is granted in a main market, or the chosen protection "
                "is in force.",
                "Au moins un brevet clé est délivré dans un marché principal, ou la protection "
                "choisie est en vigueur.",
            ),
            (
                "The product's name is registered as a trademark in the target markets.",
                "Le nom du produit est enregistré comme marque dans les marchés visés.",
            ),
        ],
    ),
    (
        ("Rights managed", "Droits gérés"),
        [
            (
                "Renewal fees are paid on time and competitors' filings are watched.",
                "Les annuités sont payées à temps et les dépôts des concurrents sont surveillés.",
            ),
            (
                "The rights bring value that can be shown: licence income or an exclusive "
                "position on the market.",
                "Les droits apportent une valeur démontrable : revenus de licence ou position "
                "exclusive sur le marché.",
            ),
        ],
    ),
]
