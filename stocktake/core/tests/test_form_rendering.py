"""GOV.UK markup from Django's form renderer, the tag filters and the page templates.

No database: forms are plain forms and users are unsaved.
"""

from html.parser import HTMLParser

import pytest
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory

from stocktake.core.forms import GovukBoundField, GovukFormRenderer


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


class Elements(HTMLParser):
    """Start tags with their attributes, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))

    def by_id(self, element_id: str) -> dict[str, str]:
        return next(attrs for _, attrs in self.found if attrs.get("id") == element_id)

    def classes(self, element_id: str) -> set[str]:
        return set(self.by_id(element_id).get("class", "").split())

    def with_class(self, css_class: str) -> list[dict[str, str]]:
        return [a for _, a in self.found if css_class in a.get("class", "").split()]


class ActionForm(forms.Form):
    title = forms.CharField(help_text="Say what will be done")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    priority = forms.ChoiceField(choices=[("", "Not prioritised"), ("high", "High")])
    due = forms.DateField()
    agreement = forms.ChoiceField(
        choices=[("agreed", "Agreed"), ("not_agreed", "Not agreed")], widget=forms.RadioSelect
    )
    services = forms.MultipleChoiceField(
        choices=[("housing", "Housing"), ("planning", "Planning")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    urgent = forms.BooleanField(required=False, help_text="Tick if it cannot wait")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


INVALID = {"title": "", "priority": "high", "due": "Dec 06", "agreement": "maybe"}


def test_it_renders_every_form_through_the_govuk_renderer() -> None:
    form = ActionForm()

    assert isinstance(form.renderer, GovukFormRenderer)
    assert isinstance(form["title"], GovukBoundField)


def test_it_renders_text_inputs_as_govuk_inputs_with_label_and_hint() -> None:
    page = Elements(str(ActionForm()))

    assert page.classes("id_title") == {"govuk-input"}
    assert ("label", {"class": "govuk-label", "for": "id_title"}) in page.found
    assert page.classes("id_title_helptext") == {"govuk-hint"}
    assert page.by_id("id_title")["aria-describedby"] == "id_title_helptext"


def test_it_renders_textarea_as_govuk_textarea() -> None:
    page = Elements(str(ActionForm()))

    assert page.classes("id_notes") == {"govuk-textarea"}


def test_it_renders_select_as_govuk_select() -> None:
    page = Elements(str(ActionForm()))

    assert page.classes("id_priority") == {"govuk-select"}


def test_it_renders_dates_as_narrow_govuk_inputs() -> None:
    page = Elements(str(ActionForm()))

    assert page.classes("id_due") == {"govuk-input", "govuk-input--width-10"}


def test_it_keeps_classes_set_on_the_widget() -> None:
    class WideForm(forms.Form):
        due = forms.DateField(widget=forms.DateInput(attrs={"class": "govuk-input--width-20"}))

    page = Elements(str(WideForm()))

    assert page.classes("id_due") == {"govuk-input", "govuk-input--width-20"}


def test_it_marks_invalid_fields_with_govuk_error_classes() -> None:
    form = ActionForm(data=INVALID)
    page = Elements(str(form))

    assert page.classes("id_title") == {"govuk-input", "govuk-input--error"}
    assert "govuk-input--error" in page.classes("id_due")
    assert len(page.with_class("govuk-form-group--error")) == 3
    assert page.classes("id_title_error") == {"govuk-error-message"}
    assert "govuk-select--error" not in page.classes("id_priority")


def test_it_describes_invalid_inputs_by_their_hint_and_error() -> None:
    page = Elements(str(ActionForm(data=INVALID)))

    assert page.by_id("id_title")["aria-describedby"] == "id_title_helptext id_title_error"
    assert page.by_id("id_title")["aria-invalid"] == "true"


def test_it_prefixes_error_messages_with_visually_hidden_error() -> None:
    html = str(ActionForm(data=INVALID)["title"].as_field_group())

    assert '<span class="govuk-visually-hidden">Error:</span> This field is required.' in html


def test_it_marks_an_invalid_textarea_and_select() -> None:
    class NotesForm(forms.Form):
        notes = forms.CharField(widget=forms.Textarea)
        priority = forms.ChoiceField(choices=[("", "Choose"), ("high", "High")])

    page = Elements(str(NotesForm(data={})))

    assert page.classes("id_notes") == {"govuk-textarea", "govuk-textarea--error"}
    assert page.classes("id_priority") == {"govuk-select", "govuk-select--error"}


def test_it_renders_radio_select_as_govuk_radios_in_a_fieldset() -> None:
    page = Elements(str(ActionForm(data=INVALID)["agreement"].as_field_group()))

    assert page.found[1] == (
        "fieldset",
        {"class": "govuk-fieldset", "aria-describedby": "id_agreement_error"},
    )
    assert page.with_class("govuk-fieldset__legend")
    assert page.with_class("govuk-radios")[0]["data-module"] == "govuk-radios"
    assert page.classes("id_agreement_0") == {"govuk-radios__input"}
    assert ("label", {"class": "govuk-label govuk-radios__label", "for": "id_agreement_1"}) in (
        page.found
    )


def test_it_renders_checkbox_select_multiple_as_govuk_checkboxes_in_a_fieldset() -> None:
    form = ActionForm(initial={"services": ["planning"]})
    page = Elements(str(form["services"].as_field_group()))

    assert page.with_class("govuk-fieldset")
    assert len(page.with_class("govuk-checkboxes__item")) == 2
    assert page.classes("id_services_1") == {"govuk-checkboxes__input"}
    assert "checked" in page.by_id("id_services_1")


def test_it_renders_a_boolean_as_a_single_govuk_checkbox() -> None:
    page = Elements(str(ActionForm()["urgent"].as_field_group()))

    assert not page.with_class("govuk-fieldset")
    assert len(page.with_class("govuk-checkboxes__item")) == 1
    assert page.classes("id_urgent") == {"govuk-checkboxes__input"}
    assert page.classes("id_urgent_helptext") == {"govuk-hint", "govuk-checkboxes__hint"}
    assert page.by_id("id_urgent")["aria-describedby"] == "id_urgent_helptext"


def test_it_renders_hidden_fields_without_a_form_group() -> None:
    page = Elements(str(ActionForm()))

    assert page.by_id("id_version") == {"type": "hidden", "name": "version", "id": "id_version"}
    assert len(page.with_class("govuk-form-group")) == 7


def test_it_shows_errors_of_the_whole_form_above_the_fields() -> None:
    form = ActionForm(data={})
    form.add_error(None, "These dates overlap")

    html = str(form)

    assert html.index("These dates overlap") < html.index('for="id_title"')


def test_it_escapes_labels_help_text_stays_html_and_errors_are_escaped() -> None:
    class NastyForm(forms.Form):
        name = forms.CharField(label="<b>Name</b>", help_text="Use <em>full</em> name")

        def clean_name(self) -> str:
            raise forms.ValidationError("<script>alert(1)</script>")

    html = str(NastyForm(data={"name": "x"}))

    assert "&lt;b&gt;Name&lt;/b&gt;" in html
    assert "Use <em>full</em> name" in html
    assert "<script>" not in html


def _summary(form: forms.Form) -> str:
    return render_to_string("core/forms/error_summary.html", {"form": form})


def test_error_summary_links_each_error_to_its_field() -> None:
    form = ActionForm(data=INVALID)
    form.is_valid()
    links = [a["href"] for tag, a in Elements(_summary(form)).found if tag == "a"]

    assert links == ["#id_title", "#id_due", "#id_agreement_0"]


def test_error_summary_links_errors_of_the_whole_form_to_the_first_field() -> None:
    form = ActionForm(data={})
    form.add_error(None, "These dates overlap")
    html = _summary(form)

    assert '<a href="#id_title">These dates overlap</a>' in html


def test_error_summary_uses_the_govuk_error_summary_component() -> None:
    page = Elements(_summary(ActionForm(data=INVALID)))

    assert page.with_class("govuk-error-summary")[0]["data-module"] == "govuk-error-summary"
    assert ("div", {"role": "alert"}) in page.found


def test_error_summary_is_empty_for_a_valid_or_unbound_form() -> None:
    assert _summary(ActionForm()).strip() == ""


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("blue", "Complete"),
        ("green", "On track"),
        ("amber", "At risk"),
        ("red", "Off track"),
        ("none", "No RAG"),
    ],
)
def test_rag_tag_shows_each_rating_in_its_colour(value: str, label: str) -> None:
    html = Template("{% load govuk %}{{ value|rag_tag }}").render(Context({"value": value}))

    assert html == f'<strong class="govuk-tag st-rag--{value}">{label}</strong>'


def test_rag_tag_shows_an_empty_rating_as_no_rag() -> None:
    html = Template("{% load govuk %}{{ value|rag_tag }}").render(Context({"value": ""}))

    assert html == '<strong class="govuk-tag st-rag--none">No RAG</strong>'


def test_status_tag_labels_each_progress_status() -> None:
    template = Template("{% load govuk %}{{ value|status_tag }}")

    assert template.render(Context({"value": "on_hold"})) == (
        '<strong class="govuk-tag govuk-tag--yellow">On hold</strong>'
    )
    assert template.render(Context({"value": "in_progress"})) == (
        '<strong class="govuk-tag">In progress</strong>'
    )


def test_tags_escape_values_they_do_not_know() -> None:
    template = Template("{% load govuk %}{{ value|status_tag }} {{ value|rag_tag }}")

    html = template.render(Context({"value": "<i>40% done</i>"}))

    assert "<i>" not in html
    assert html.count("&lt;i&gt;40% done&lt;/i&gt;") == 2


def _request(user: User | AnonymousUser) -> HttpRequest:
    request = RequestFactory().get("/plans/")
    request.user = user
    return request


def test_base_page_offers_sign_in_to_anonymous_users() -> None:
    html = render_to_string("core/base.html", request=_request(AnonymousUser()))

    assert '<html lang="en-GB" class="govuk-template">' in html
    assert 'href="/sign-in/"' in html
    assert "My actions" not in html
    assert "govuk-footer__copyright-logo" not in html


@pytest.mark.django_db
def test_base_page_shows_the_signed_in_user_and_a_sign_out_form() -> None:
    user = User(username="jbloggs", first_name="Jo", last_name="Bloggs")
    html = render_to_string("core/base.html", request=_request(user))
    page = Elements(html)

    assert "Jo Bloggs" in html
    assert ("form", {"method": "post", "action": "/sign-out/"}) in page.found
    assert page.with_class("govuk-service-navigation__link")[1]["href"] == "/my/actions/"
    assert any(a.get("name") == "csrfmiddlewaretoken" for _, a in page.found)


def test_base_page_shows_messages_as_notification_banners() -> None:
    request = _request(AnonymousUser())
    messages = [Message(constants.SUCCESS, "Update saved"), Message(constants.INFO, "Read me")]

    html = render_to_string("core/base.html", {"messages": messages}, request=request)
    page = Elements(html)

    banners = page.with_class("govuk-notification-banner")
    assert [b["role"] for b in banners] == ["alert", "region"]
    assert "govuk-notification-banner--success" in banners[0]["class"]
    assert "Update saved" in html


def test_server_error_page_renders_without_a_request() -> None:
    html = get_template("500.html").render()

    assert "Sorry, there is a problem with the service" in html
    assert 'href="/static/core/stocktake.css"' in html


def test_sign_in_page_shows_an_error_summary_for_an_invalid_form() -> None:
    form = AuthenticationForm(data={"username": "", "password": ""})
    html = render_to_string(
        "registration/login.html", {"form": form}, request=_request(AnonymousUser())
    )

    assert "<title>Error: Sign in" in html
    assert '<a href="#id_username">This field is required.</a>' in html
    assert "govuk-input--error" in html
