"""Shared template components. Each tag's docstring lists its arguments.

Load with `{% load components %}`. Forms: `{% form_body form %}` draws the error summary and
every field; `{% field bound_field %}` and `{% error_summary form %}` draw one part each.
"""

from django import forms, template
from django.forms.boundfield import BoundWidget
from django.http import QueryDict

register = template.Library()

TEXT_INPUT_TYPES = {
    "text",
    "email",
    "password",
    "number",
    "url",
    "tel",
    "search",
    "date",
    "datetime-local",
    "time",
    "month",
    "week",
}


def _kind(bound_field) -> str:
    """What the field looks like to the user: decides markup and classes."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choice_list"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    if getattr(widget, "input_type", None) in TEXT_INPUT_TYPES:
        return "textbox"
    return "other"


def _classes(kind: str, invalid: bool) -> str:
    names = {
        "textbox": ["utrecht-textbox", "utrecht-textbox--html-input"],
        "textarea": ["utrecht-textarea", "utrecht-textarea--html-textarea"],
        "select": ["utrecht-select", "utrecht-select--html-select"],
        "checkbox": ["utrecht-checkbox", "utrecht-checkbox--html-input"],
        "file": ["bk-file-input"],
    }.get(kind, [])
    if invalid and names and kind != "file":
        names.append(f"{names[0]}--invalid")
    if invalid and kind == "file":
        names.append("bk-file-input--invalid")
    return " ".join(names)


def field_anchor(bound_field) -> str:
    """The id the error summary links to: the input itself, or the first option of a list."""
    if bound_field.is_hidden or not bound_field.auto_id:
        return ""
    if _kind(bound_field) == "choice_list":
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


@register.inclusion_tag("components/error_summary.html")
def error_summary(form):
    """A `role="alert"` list of every error in `form`, each linked to its field.

    form: a Django form (nothing is shown while it is unbound or valid).
    """
    items = []
    if form is not None and form.is_bound and form.errors:
        for error in form.non_field_errors():
            items.append({"id": "", "label": "", "message": error})
        for bound in form:
            for error in bound.errors:
                items.append({"id": field_anchor(bound), "label": bound.label, "message": error})
    return {"items": items}


@register.inclusion_tag("components/field.html")
def field(bound_field, hint=None):
    """One labelled input with its help text and errors tied to it by aria-describedby.

    bound_field: a BoundField. hint: optional help text; defaults to the field's help_text.
    Text inputs, textareas, selects, single checkboxes and file inputs get a `<label>`;
    radio and checkbox lists get a `<fieldset>` with a `<legend>`. Required fields say
    "verplicht" in words. Placeholders are dropped: put examples in the hint.
    """
    kind = _kind(bound_field)
    hint = hint or bound_field.help_text
    field_id = bound_field.auto_id or bound_field.html_name
    invalid = bool(bound_field.errors)
    described = [f"{field_id}-hint"] if hint else []
    if invalid:
        described.append(f"{field_id}-error")

    widget = bound_field.field.widget
    attrs = {}
    classes = " ".join(filter(None, [widget.attrs.get("class", ""), _classes(kind, invalid)]))
    if classes:
        attrs["class"] = classes
    if invalid:
        attrs["aria-invalid"] = "true"
    # A placeholder vanishes while typing and is read as if it were the value: the label
    # and the hint say what to fill in (forms such as allauth's set one).
    attrs["placeholder"] = False
    if described and kind != "choice_list":
        attrs["aria-describedby"] = " ".join(described)

    context = {
        "field": bound_field,
        "kind": kind,
        "field_id": field_id,
        "hint": hint,
        "described_by": " ".join(described),
        "required": bound_field.field.required,
        "invalid": invalid,
    }
    if kind == "choice_list":
        # CheckboxSelectMultiple subclasses RadioSelect: ask whether it allows several.
        is_radio = isinstance(widget, forms.RadioSelect) and not widget.allow_multiple_selected
        option_class = (
            "utrecht-radio-button utrecht-radio-button--html-input"
            if is_radio
            else "utrecht-checkbox utrecht-checkbox--html-input"
        )
        if invalid:
            option_class += (
                " utrecht-radio-button--invalid" if is_radio else " utrecht-checkbox--invalid"
            )
        option_attrs = {**widget.attrs, "class": option_class}
        if bound_field.auto_id:
            option_attrs["id"] = bound_field.auto_id
        context["is_radio"] = is_radio
        context["options"] = [
            BoundWidget(widget, data, bound_field.form.renderer)
            for data in widget.subwidgets(bound_field.html_name, bound_field.value(), option_attrs)
        ]
    else:
        context["widget_html"] = bound_field.as_widget(attrs=attrs)
    return context


@register.inclusion_tag("components/form_body.html")
def form_body(form):
    """The error summary followed by every visible field and the hidden ones.

    form: a Django form.
    """
    return {"form": form}


@register.inclusion_tag("components/form_fields.html")
def form_fields(form):
    """Every field of `form` without the error summary, for a form that shows it elsewhere.

    form: a Django form.
    """
    return {"form": form}


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(items):
    """A breadcrumb trail in a `<nav>`; the last item is the current page, not a link.

    items: a list of (label, url) pairs, home first, e.g. built in the view.
    """
    return {"items": [{"label": label, "url": url} for label, url in items]}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, param="page"):
    """Previous/next links and "pagina X van Y" for a Django `Page`; keeps the query string.

    page_obj: a `django.core.paginator.Page`. param: the query parameter for the page.
    Shows nothing when everything fits on one page.
    """
    request = context.get("request")

    def url_for(number: int) -> str:
        query = request.GET.copy() if request is not None else QueryDict(mutable=True)
        query[param] = number
        return "?" + query.urlencode()

    return {
        "page": page_obj,
        "previous_url": url_for(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": url_for(page_obj.next_page_number()) if page_obj.has_next() else "",
    }
