"""Customer and market: from a felt need to recurring sales."""

CODE = "MARKET"
NAME = ("Customer and market", "Client et marché")
LEVELS = [
    (
        ("Need described", "Besoin décrit"),
        [
            (
                "The health problem or need is described in a few sentences, with who suffers "
                "from it.",
                "Le problème ou le besoin de santé est décrit en quelques phrases, avec les "
                "personnes qui en souffrent.",
            ),
            (
                "A first guess of who the users and the customers would be is written down.",
                "Une première hypothèse sur les utilisateurs et les clients est mise par écrit.",
            ),
        ],
    ),
    (
        ("Users and payers told apart", "Utilisateurs et payeurs distingués"),
        [
            (
                "Who uses the solution, who decides to adopt it and who pays for it are named "
                "separately.",
                "Qui utilise la solution, qui décide de l'adopter et qui la paie sont nommés "
                "séparément.",
            ),
            (
                "The size of the problem is estimated from at least one public source "
                "(prevalence, number of procedures, cost of care).",
                "L'ampleur du problème est estimée à partir d'au moins une source publique "
                "(prévalence, nombre d'actes, coût des soins).",
            ),
        ],
    ),
    (
        ("First conversations", "Premiers entretiens"),
        [
            (
                "At least five conversations with possible users or customers (clinicians, "
                "patients, buyers) have been held and summarised in writing.",
                "Au moins cinq entretiens avec des utilisateurs ou clients possibles (cliniciens, "
                "patients, acheteurs) ont eu lieu et sont résumés par écrit.",
            ),
            (
                "The current alternatives (competing products, usual care) are listed with "
                "their shortcomings.",
                "Les alternatives actuelles (produits concurrents, prise en charge habituelle) "
                "sont listées avec leurs limites.",
            ),
        ],
    ),
    (
        ("Need confirmed", "Besoin confirmé"),
        [
            (
                "At least fifteen interviews confirm that the problem matters to the intended "
                "users.",
                "Au moins quinze entretiens confirment que le problème compte pour les "
                "utilisateurs visés.",
            ),
            (
                "A value proposition states the benefit over current practice in measurable terms.",
                "Une proposition de valeur énonce le bénéfice par rapport à la pratique actuelle "
                "en termes mesurables.",
            ),
            (
                "The addressable market is estimated, with its assumptions written down.",
                "Le marché accessible est estimé, avec ses hypothèses mises par écrit.",
            ),
        ],
    ),
    (
        ("First segment chosen", "Premier segment choisi"),
        [
            (
                "Possible customers have reacted to a demonstration, mock-up or prototype, and "
                "their reactions are recorded.",
                "Des clients possibles ont réagi à une démonstration, une maquette ou un "
                "prototype, et leurs réactions sont consignées.",
            ),
            (
                "The first customer segment to address is chosen and the choice is justified.",
                "Le premier segment de clients à viser est choisi et ce choix est justifié.",
            ),
            (
                "The care pathway is mapped, showing where the product fits in the patient's "
                "journey.",
                "Le parcours de soins est cartographié et montre où le produit s'insère dans le "
                "parcours du patient.",
            ),
        ],
    ),
    (
        ("Customers committed", "Clients engagés"),
        [
            (
                "At least one possible customer or clinical partner has signed a letter of "
                "intent, a pilot agreement or a collaboration agreement.",
                "Au moins un client possible ou partenaire clinique a signé une lettre "
                "d'intention, un accord de pilote ou un accord de collaboration.",
            ),
            (
                "A competitive analysis compares the solution with the alternatives on the "
                "points that matter to the buyer.",
                "Une analyse concurrentielle compare la solution aux alternatives sur les points "
                "qui comptent pour l'acheteur.",
            ),
        ],
    ),
    (
        ("Pilot in progress", "Pilote en cours"),
        [
            (
                "A pilot with a customer (hospital, company, group of patients) is running or "
                "finished, and its results are measured.",
                "Un pilote avec un client (hôpital, entreprise, groupe de patients) est en cours "
                "ou terminé, et ses résultats sont mesurés.",
            ),
            (
                "The clinical and economic evidence buyers need before adopting the product is "
                "identified.",
                "Les preuves cliniques et économiques dont les acheteurs ont besoin avant "
                "d'adopter le produit sont identifiées.",
            ),
        ],
    ),
    (
        ("First sales", "Premières ventes"),
        [
            (
                "A first sale is made, or a purchase or reimbursement agreement is signed.",
                "Une première vente est réalisée, ou un accord d'achat ou de remboursement est "
                "signé.",
            ),
            (
                "A sales plan names the channels and distribution partners for each target "
                "country.",
                "Un plan commercial désigne les canaux et les distributeurs pour chaque pays visé.",
            ),
        ],
    ),
    (
        ("Recurring sales", "Ventes récurrentes"),
        [
            (
                "Several customers who were not pilot partners buy again.",
                "Plusieurs clients qui n'étaient pas partenaires du pilote achètent à nouveau.",
            ),
            (
                "Sales and market figures are followed at least every quarter.",
                "Les chiffres de vente et de marché sont suivis au moins chaque trimestre.",
            ),
        ],
    ),
]
