"""Business model: from a first idea of value to a profitable, recurring business."""

CODE = "BUSINESS"
NAME = ("Business model", "Modèle d'affaires")
LEVELS = [
    (
        ("Value idea", "Idée de valeur"),
        [
            (
                "A first idea of how the project would create value (product, service, licence) "
                "is written down.",
                "Une première idée de la façon dont le projet créerait de la valeur (produit, "
                "service, licence) est mise par écrit.",
            ),
            (
                "A first guess of who would pay for the solution is written down.",
                "Une première hypothèse sur qui paierait la solution est mise par écrit.",
            ),
        ],
    ),
    (
        ("Options listed", "Options listées"),
        [
            (
                "Possible business models (sale, licence, subscription, service) are listed and "
                "compared.",
                "Les modèles d'affaires possibles (vente, licence, abonnement, service) sont "
                "listés et comparés.",
            ),
            (
                "The main costs of bringing the product to market are listed.",
                "Les principaux coûts de la mise sur le marché du produit sont listés.",
            ),
        ],
    ),
    (
        ("Model described", "Modèle décrit"),
        [
            (
                "The chosen business model is described on one page (customers, value, "
                "channels, revenue, costs, partners).",
                "Le modèle d'affaires choisi est décrit sur une page (clients, valeur, canaux, "
                "revenus, coûts, partenaires).",
            ),
            (
                "The key assumptions (price, volume, costs) are listed with how each will be "
                "tested.",
                "Les hypothèses clés (prix, volume, coûts) sont listées avec la façon de tester "
                "chacune.",
            ),
        ],
    ),
    (
        ("First figures", "Premiers chiffres"),
        [
            (
                "A first price is compared with what buyers pay today for the current alternative.",
                "Un premier prix est comparé à ce que les acheteurs paient aujourd'hui pour "
                "l'alternative actuelle.",
            ),
            (
                "Revenue and cost projections over at least five years exist, with their "
                "assumptions.",
                "Des projections de revenus et de coûts sur au moins cinq ans existent, avec "
                "leurs hypothèses.",
            ),
        ],
    ),
    (
        ("Payment route analysed", "Voie de paiement analysée"),
        [
            (
                "Who pays in the first target country (patient, hospital, insurer, public "
                "health system) and through which reimbursement route is analysed.",
                "Qui paie dans le premier pays visé (patient, hôpital, mutuelle, système de "
                "santé public) et par quelle voie de remboursement est analysé.",
            ),
            (
                "Possible partners of the value chain (manufacturing, distribution, licensing) "
                "are identified by name.",
                "Des partenaires possibles de la chaîne de valeur (fabrication, distribution, "
                "licence) sont identifiés nommément.",
            ),
        ],
    ),
    (
        ("Assumptions tested", "Hypothèses testées"),
        [
            (
                "The key assumptions have been tested with customers or partners (for example "
                "the price in interviews) and the results are recorded.",
                "Les hypothèses clés ont été testées auprès de clients ou de partenaires (par "
                "exemple le prix en entretien) et les résultats sont consignés.",
            ),
            (
                "A business plan gives the financial projections and the money needed up to "
                "break-even.",
                "Un plan d'affaires donne les projections financières et les besoins de "
                "financement jusqu'au seuil de rentabilité.",
            ),
        ],
    ),
    (
        ("Partners negotiating", "Partenaires en négociation"),
        [
            (
                "Term sheets or draft agreements with partners of the value chain (licensee, "
                "distributor, manufacturer) are being negotiated.",
                "Des lettres d'intention chiffrées ou des projets d'accord avec des partenaires "
                "de la chaîne de valeur (licencié, distributeur, fabricant) sont en négociation.",
            ),
            (
                "The cost per unit and the gross margin are computed from real quotes or "
                "production data.",
                "Le coût unitaire et la marge brute sont calculés à partir de devis réels ou de "
                "données de production.",
            ),
        ],
    ),
    (
        ("Model confirmed", "Modèle confirmé"),
        [
            (
                "Agreements with the key partners of the value chain are signed.",
                "Les accords avec les partenaires clés de la chaîne de valeur sont signés.",
            ),
            (
                "First revenue confirms the planned price and margin within 20 %.",
                "Les premiers revenus confirment le prix et la marge prévus à 20 % près.",
            ),
        ],
    ),
    (
        ("Profitable and recurring", "Rentable et récurrent"),
        [
            (
                "Each unit sold brings a positive margin and revenue recurs from year to year.",
                "Chaque unité vendue dégage une marge positive et les revenus se répètent d'une "
                "année à l'autre.",
            ),
            (
                "The business model is reviewed every year against actual figures.",
                "Le modèle d'affaires est revu chaque année par rapport aux chiffres réels.",
            ),
        ],
    ),
]
