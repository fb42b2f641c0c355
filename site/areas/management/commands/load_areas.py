"""`manage.py load_areas path.csv`: load or update a district's wijken, buurten, postcodes."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from buurtkracht.areas.services import AreasCSVError, areas_load_csv


class Command(BaseCommand):
    help = _("Laad wijken, buurten en postcodes uit een CSV-bestand (zie areas/services.py).")

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("Pad naar het CSV-bestand"))

    def handle(self, *args, path, **options):
        try:
            with open(path, "rb") as file:
                counts = areas_load_csv(file=file)
        except FileNotFoundError as exc:
            raise CommandError(_("Het bestand %(path)s bestaat niet.") % {"path": path}) from exc
        except AreasCSVError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Klaar: %(wijken)s wijken (%(wn)s nieuw), %(buurten)s buurten (%(bn)s nieuw), "
                    "%(postcodes)s postcodes (%(pn)s nieuw)."
                )
                % {
                    "wijken": counts.wijken_created + counts.wijken_updated,
                    "wn": counts.wijken_created,
                    "buurten": counts.buurten_created + counts.buurten_updated,
                    "bn": counts.buurten_created,
                    "postcodes": counts.postcodes_created + counts.postcodes_updated,
                    "pn": counts.postcodes_created,
                }
            )
        )
