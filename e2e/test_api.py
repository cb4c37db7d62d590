"""The interactive API docs render under the site's Content Security Policy, from local assets."""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_page_renders_without_policy_violations(
    live_server: object, page: Page
) -> None:
    problems: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    page.on("console", note)
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(str(live_server)) and not request.url.startswith("data:")
            else None
        ),
    )
    page.goto(f"{live_server}/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Stocktake API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    screenshot(page, "api-docs")
    assert outside == []
    assert [p for p in problems if "Content Security Policy" in p] == []
