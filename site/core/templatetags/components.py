"""Shared template components. Each tag's docstring lists its arguments."""

from django import template

register = template.Library()


@register.inclusion_tag("components/error_summary.html")
def error_summary(form):
    """A `role="alert"` list of every error in `form`, each linked to its field.

    form: a bound Django form (nothing is shown when it has no errors).
    """
    items = []
    if form is not None and form.is_bound and form.errors:
        for error in form.non_field_errors():
            items.append({"id": "", "label": "", "message": error})
        for bound in form:
            for error in bound.errors:
                items.append({"id": bound.id_for_label, "label": bound.label, "message": error})
    return {"items": items}


@register.inclusion_tag("components/field.html")
def field(bound_field, hint=None):
    """One labelled input with its help text and errors tied to it by aria-describedby.

    bound_field: a BoundField. hint: optional extra help text shown under the label.
    """
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", None)
    hint = hint or bound_field.help_text
    field_id = bound_field.id_for_label
    described = [f"{field_id}-hint"] if hint else []
    if bound_field.errors:
        described.append(f"{field_id}-error")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    return {
        "field": bound_field,
        "widget_html": bound_field.as_widget(attrs=attrs),
        "hint": hint,
        "is_checkbox": input_type == "checkbox" and not hasattr(widget, "allow_multiple_selected"),
        "is_choice_list": input_type in {"radio", "checkbox"} and hasattr(widget, "choices"),
    }


@register.inclusion_tag("components/form_body.html")
def form_body(form):
    """The error summary followed by every visible field and the hidden ones.

    form: a Django form.
    """
    return {"form": form}
