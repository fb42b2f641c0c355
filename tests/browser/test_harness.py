"""The browser harness itself: the server process, a page, login and mail."""

import re


def test_home_page_renders_in_chromium(open_page):
    page = open_page(375)
    response = page.goto("/")
    assert response.status == 200
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_demo_resident_logs_in(open_page, login):
    # Staff accounts may have two-step login set up by other browser tests: a resident has not.
    page = open_page()
    login(page, "bewoner")
    page.goto("/account/")
    assert "Fatima" in page.content()


def test_password_reset_mail_reaches_the_mail_folder(open_page, site_server):
    page = open_page()
    page.goto("/accounts/password/reset/")
    page.locator("main input[name=email]").fill("bewoner@demo.buurtkracht.nl")
    page.locator("main form button[type=submit]").first.click()
    mail = site_server.wait_for_mail("bewoner@demo.buurtkracht.nl")
    assert re.search(r"http://127\.0\.0\.1:\d+/accounts/password/reset/key/", mail.body)
