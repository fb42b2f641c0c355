"""Admin: the moderators' queues for submitted initiatieven and reports (groups moderator/beheer).

Plain admin views (not a ModelViewSet) because a moderator only decides: publish or
reject with a reason, hide or keep with a reason. Editing stays with the owners.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from buurtkracht.accounts import rules
from buurtkracht.areas.models import Wijk
from initiatieven import services
from initiatieven.forms import DecisionForm, apply_errors
from initiatieven.models import Initiatief, Melding

PAGE_SIZE = 25


def _require_moderator(request) -> None:
    rules.require(request.user, rules.MODERATE)


def submitted_index(request):
    """Initiatieven waiting for a decision; filter by wijk and kind."""
    _require_moderator(request)
    qs = (
        Initiatief.objects.filter(status=Initiatief.Status.INGEDIEND)
        .select_related("wijk", "buurt")
        .order_by("submitted_at", "pk")
    )
    wijk, kind = request.GET.get("wijk", ""), request.GET.get("kind", "")
    if wijk.isdigit():
        qs = qs.filter(wijk_id=wijk)
    if kind in Initiatief.Kind.values:
        qs = qs.filter(kind=kind)
    return render(
        request,
        "initiatieven/admin/submitted_index.html",
        {
            "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("p")),
            "wijken": Wijk.objects.order_by("name"),
            "kinds": Initiatief.Kind.choices,
            "selected": {"wijk": wijk, "kind": kind},
        },
    )


def submitted_decide(request, pk: int):
    _require_moderator(request)
    initiatief = get_object_or_404(
        Initiatief.objects.select_related("wijk", "buurt").prefetch_related("themes"), pk=pk
    )
    form = DecisionForm(
        request.POST or None,
        choices=[("publish", _("Publiceren")), ("reject", _("Afwijzen (met reden)"))],
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "publish":
                services.initiatief_publish(initiatief=initiatief, moderator=request.user)
                messages.success(request, _("Gepubliceerd; de eigenaren krijgen een e-mail."))
            else:
                services.initiatief_reject(
                    initiatief=initiatief,
                    moderator=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Afgewezen; de eigenaren krijgen de reden per e-mail."))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("initiatieven_moderatie:index")
    return render(
        request,
        "initiatieven/admin/decide.html",
        {"initiatief": initiatief, "form": form, "title": _("Besluit over een initiatief")},
    )


def report_index(request):
    """The reports queue; filter by status (open first) and wijk."""
    _require_moderator(request)
    status = request.GET.get("status", Melding.Status.OPEN)
    qs = Melding.objects.select_related("initiatief", "initiatief__wijk", "update").order_by(
        "created_at", "pk"
    )
    if status in Melding.Status.values:
        qs = qs.filter(status=status)
    wijk = request.GET.get("wijk", "")
    if wijk.isdigit():
        qs = qs.filter(initiatief__wijk_id=wijk)
    return render(
        request,
        "initiatieven/admin/report_index.html",
        {
            "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("p")),
            "wijken": Wijk.objects.order_by("name"),
            "statuses": Melding.Status.choices,
            "selected": {"wijk": wijk, "status": status},
        },
    )


def report_decide(request, pk: int):
    _require_moderator(request)
    melding = get_object_or_404(Melding.objects.select_related("initiatief", "update"), pk=pk)
    form = DecisionForm(
        request.POST or None,
        choices=[("hide", _("Verbergen")), ("keep", _("Laten staan"))],
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.melding_decide(
                melding=melding,
                moderator=request.user,
                hide=form.cleaned_data["decision"] == "hide",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Besluit opgeslagen; de eigenaren krijgen de reden."))
            return redirect("initiatieven_moderatie:reports")
    return render(
        request,
        "initiatieven/admin/report_decide.html",
        {"melding": melding, "form": form, "title": _("Besluit over een melding")},
    )


urlpatterns = [
    path("", submitted_index, name="index"),
    path("<int:pk>/", submitted_decide, name="decide"),
    path("meldingen/", report_index, name="reports"),
    path("meldingen/<int:pk>/", report_decide, name="report_decide"),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "initiatieven-moderatie/",
            include((urlpatterns, "initiatieven_moderatie"), namespace="initiatieven_moderatie"),
        )
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can(request.user, rules.MODERATE)


class ModeratorSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return rules.can(request.user, rules.MODERATE)


@hooks.register("register_admin_menu_item")
def register_moderation_menu():
    submenu = Menu(
        items=[
            ModeratorMenuItem(
                gettext_lazy("Ingediende initiatieven"),
                reverse("initiatieven_moderatie:index"),
                icon_name="tasks",
                order=10,
            ),
            ModeratorMenuItem(
                gettext_lazy("Meldingen"),
                reverse("initiatieven_moderatie:reports"),
                icon_name="warning",
                order=20,
            ),
        ]
    )
    return ModeratorSubmenu(
        gettext_lazy("Moderatie initiatieven"), submenu, icon_name="resubmit", order=260
    )
