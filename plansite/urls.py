"""Links between the pages of the built site: the one place that counts how far up a link goes.

Every edition is built with directory URLs ('about.md' becomes 'about/'), in its own folder:
<site>/<edition>/ in the source language, <site>/<language>/<edition>/ in another language.
"""
from __future__ import annotations


def page_url(source_path: str) -> str:
    """The directory URL MkDocs gives a Markdown source: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = source_path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def edition_folder(edition_id: str, language: str | None = None) -> str:
    """Where an edition's pages are, from the site root: '2024-2027/', or 'pl/2024-2027/' in a
    language other than the source language (language None)."""
    return (f"{language}/" if language else "") + f"{edition_id}/"


def get_relative_url(url: str, other: str) -> str:
    """The link to url from the page at other, both paths from the same root folder.

    Like MkDocs' get_relative_url (mkdocs.utils): other is a directory URL ('a/b/', or '' for
    the root's own page), or a file ('a/404.html'), whose name is skipped. Unlike it, the link
    always climbs to the root and names the whole of url, even the folders the two share:
    a link to another edition or language reads the same from every page, and so does a link to
    the page's own edition ('../../2024-2027/'). Callers choose the root: a language's own folder
    for links that stay in that language, the site root for links between languages.
    """
    folders = other.lstrip("/").split("/")
    folders.pop()  # after the last '/': empty for a directory URL, or a file name
    return "../" * len(folders) + url.lstrip("/") or "./"


def site_address(site_url: str | None, path: str) -> str:
    """The address of a path from the site root ('2024-2027/') on the published site: joined to
    site_url, the site's address in partnership.yaml ('https://example.org/plans/2024-2027/');
    without one, from the host's root ('/2024-2027/'), right only when the site is served there."""
    root = site_url.rstrip("/") + "/" if site_url else "/"
    return root + path.lstrip("/")
