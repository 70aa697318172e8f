from django.db import migrations

# The six strategic domains of a health and life-sciences cluster; staff may edit them.
DOMAINS = [
    ("biopharmacy", "Biopharmacy", "Biopharmacie"),
    ("cell-therapy", "Cell therapy", "Thérapie cellulaire"),
    ("radiation-health", "Radiation applied to health", "Radiations appliquées à la santé"),
    ("biomanufacturing", "Biomanufacturing", "Bioproduction"),
    (
        "medtech-ivd",
        "Medical devices and in-vitro diagnostics",
        "Dispositifs médicaux et diagnostic in vitro",
    ),
    ("data-science", "Data science", "Science des données"),
]


def add_domains(apps, schema_editor):
    domain_model = apps.get_model("members", "StrategicDomain")
    for position, (code, name, name_fr) in enumerate(DOMAINS, start=1):
        domain_model.objects.update_or_create(
            code=code, defaults={"name": name, "name_fr": name_fr, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(add_domains, migrations.RunPython.noop)]
