import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from buurtkracht.accounts.forms import DeleteAccountForm, ProfileForm
from buurtkracht.accounts.models import ApiToken
from buurtkracht.accounts.queries import membership_list, user_data_export
from buurtkracht.accounts.services import (
    MESSAGES,
    api_token_create,
    api_token_delete,
    user_delete,
    user_profile_update,
)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                user_profile_update(user=user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, MESSAGES["profile_saved"])
                return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={"display_name": user.display_name, "home_wijk": user.home_wijk_id}
        )
    return _profile_page(request, form)


def _profile_page(request, form, new_api_token: str = ""):
    user = request.user
    context = {
        "form": form,
        "memberships": membership_list(user=user),
        "api_token": ApiToken.objects.filter(user=user).first(),
        "new_api_token": new_api_token,
    }
    return render(request, "accounts/profile.html", context)


@never_cache
@login_required
@require_http_methods(["POST"])
def api_token(request):
    """Make (or replace) the personal API token and show it once; or delete it."""
    if request.POST.get("action") == "verwijderen":
        api_token_delete(user=request.user)
        messages.success(request, MESSAGES["api_token_deleted"])
        return redirect("accounts:profile")
    token = api_token_create(user=request.user)
    user = request.user
    form = ProfileForm(initial={"display_name": user.display_name, "home_wijk": user.home_wijk_id})
    return _profile_page(request, form, new_api_token=token)


@never_cache
@login_required
@require_GET
def data_export(request):
    data = user_data_export(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="buurtkracht-mijn-gegevens.json"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            user_delete(user=request.user)
            logout(request)
            messages.success(request, MESSAGES["account_deleted"])
            return redirect("/")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form})
