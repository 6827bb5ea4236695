"""The one helper that counts how far up a link goes, and the site's URL rules."""
from __future__ import annotations

import pytest

from plansite.urls import edition_folder, get_relative_url, page_url


@pytest.mark.parametrize("url, other, expected", [
    # The site root's own page, and a page at the root.
    ("2024-2027/", "", "2024-2027/"),
    ("2024-2027/", "404.html", "2024-2027/"),
    # An edition's home (an index page) and pages nested below it.
    ("2017-2020/", "2024-2027/", "../2017-2020/"),
    ("2017-2020/", "2024-2027/editions/", "../../2017-2020/"),
    ("2024-2027/about/", "2017-2020/priorities/vulnerable-people/", "../../../2024-2027/about/"),
    ("2024-2027/", "2024-2027/404.html", "../2024-2027/"),
    # The page's own edition is named too, not shortened to '../'.
    ("2024-2027/", "2024-2027/editions/", "../../2024-2027/"),
    ("2024-2027/editions/", "2024-2027/editions/", "../../2024-2027/editions/"),
    # The language prefix: from a page in Polish to English, to Polish, and from English to Polish.
    ("2024-2027/about/", "pl/2024-2027/about/", "../../../2024-2027/about/"),
    ("pl/2024-2027/", "pl/2024-2027/languages/", "../../../pl/2024-2027/"),
    ("pl/2024-2027/", "2024-2027/languages/", "../../pl/2024-2027/"),
    # A leading slash means the same root.
    ("/2024-2027/", "/latest/about/", "../../2024-2027/"),
    # Nothing to climb and nowhere to go.
    ("", "", "./"),
])
def test_get_relative_url(url, other, expected):
    assert get_relative_url(url, other) == expected


@pytest.mark.parametrize("source, url", [
    ("index.md", ""), ("about.md", "about/"), ("priorities/index.md", "priorities/"),
    ("priorities/vulnerable-people.md", "priorities/vulnerable-people/"),
])
def test_page_url(source, url):
    assert page_url(source) == url


def test_edition_folder_has_the_language_prefix_only_in_another_language():
    assert edition_folder("2024-2027") == "2024-2027/"
    assert edition_folder("2024-2027", "pl") == "pl/2024-2027/"


@pytest.mark.parametrize("site_url, path, expected", [
    ("https://example.org/community-safety/", "2024-2027/", "https://example.org/community-safety/2024-2027/"),
    ("https://example.org/community-safety", "pl/2024-2027/", "https://example.org/community-safety/pl/2024-2027/"),
    ("https://example.org", "/2024-2027/", "https://example.org/2024-2027/"),
    (None, "2024-2027/editions/", "/2024-2027/editions/"),
])
def test_site_address(site_url, path, expected):
    from plansite.urls import site_address

    assert site_address(site_url, path) == expected
