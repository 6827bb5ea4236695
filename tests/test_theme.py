"""The corrections made to the theme's HTML, on small inline pages."""
import json

from plansite.theme import fix_html

PAGE = """<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-option" type="radio" name="p" id="p0">
<a tabindex="" href="#">x</a>
<div class="md-search" data-md-component="search" role="dialog">
<label class="md-nav__title" for="__toc"><span></span>Table of contents</label>
<script id="__config" type="application/json">{"base": ".", "translations": {"select.version": "Select version"}}</script>
"""


def test_fix_html():
    html = fix_html(PAGE, version_label="Plan 2017 to 2020: choose another edition")
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in html
    assert '<a href="#">x</a>' in html
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">' in html
    assert '<div class="md-nav__title"><span></span>Table of contents</div>' in html
    config = json.loads(html.split('application/json">')[1].split("</script>")[0])
    assert config["translations"]["select.version"] == "Plan 2017 to 2020: choose another edition"


def test_toc_label_kept_when_its_control_exists():
    page = '<input id="__toc"><label class="md-nav__title" for="__toc">T</label>'
    assert fix_html(page, version_label="v") == page
