"""Public: which buurt and wijk does my postcode belong to? A plain GET form, no JavaScript."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from buurtkracht.areas.forms import PostcodeForm
from buurtkracht.areas.queries import postcode_lookup


@require_GET
def postcode_lookup_view(request):
    form = PostcodeForm(request.GET or None)
    buurt = None
    searched = form.is_bound and form.is_valid()
    if searched:
        buurt = postcode_lookup(form.cleaned_data["postcode"])
    return render(
        request,
        "areas/postcode_lookup.html",
        {"form": form, "buurt": buurt, "searched": searched},
    )
