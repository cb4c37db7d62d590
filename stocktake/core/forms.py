"""GOV.UK Frontend form rendering, applied to every form through FORM_RENDERER.

Pages write `{{ form }}` (or `{{ form.field.as_field_group }}`) and get GOV.UK markup;
no page template repeats the form-group, label, hint or error markup.
"""

from django.forms import BoundField, Widget
from django.forms.renderers import TemplatesSetting

# GOV.UK class for each BoundField.widget_type; the error modifier is added when invalid.
WIDGET_CLASSES: dict[str, tuple[str, str]] = {
    "text": ("govuk-input", "govuk-input--error"),
    "email": ("govuk-input", "govuk-input--error"),
    "url": ("govuk-input", "govuk-input--error"),
    "password": ("govuk-input", "govuk-input--error"),
    "number": ("govuk-input govuk-input--width-10", "govuk-input--error"),
    "date": ("govuk-input govuk-input--width-10", "govuk-input--error"),
    "datetime": ("govuk-input govuk-input--width-20", "govuk-input--error"),
    "time": ("govuk-input govuk-input--width-5", "govuk-input--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "nullbooleanselect": ("govuk-select", "govuk-select--error"),
    "selectmultiple": ("govuk-select", "govuk-select--error"),
    "checkbox": ("govuk-checkboxes__input", ""),
    "checkboxselectmultiple": ("govuk-checkboxes__input", ""),
    "radioselect": ("govuk-radios__input", ""),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
    "clearablefile": ("govuk-file-upload", "govuk-file-upload--error"),
}


class GovukBoundField(BoundField):
    """Adds the GOV.UK class for the widget type to the widget's own classes."""

    def build_widget_attrs(
        self, attrs: dict[str, str | bool], widget: Widget | None = None
    ) -> dict[str, str | bool]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        base, error = WIDGET_CLASSES.get(self.widget_type, ("", ""))
        if widget.is_hidden or not base:
            return attrs
        # Keep classes set by the form (admin's vTextField, a chosen input width).
        own = str(attrs.get("class") or widget.attrs.get("class") or "")
        if "govuk-input--width-" in own:
            base = base.split(" ")[0]
        classes = [base, error if self.errors else "", own]
        attrs["class"] = " ".join(c for c in classes if c)
        return attrs


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    bound_field_class = GovukBoundField
