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
from buurtkracht.accounts.queries import membership_list, user_data_export
from buurtkracht.accounts.services import MESSAGES, user_delete, user_profile_update


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
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "memberships": membership_list(user=user)},
    )


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
