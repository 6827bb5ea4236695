"""Every control works from the keyboard, with a visible focus, at desktop and phone widths."""
import pytest

from browser import launch, require_tools, settle

PRIORITY = "2017-2020-refresh-2018/priorities/tackling-asb-environmental-crime/"

_FOCUS = """() => {
  const e = document.activeElement;
  const target = e.classList.contains('md-option') ? e.nextElementSibling : e;
  const style = getComputedStyle(target);
  const box = target.getBoundingClientRect();
  return {tag: e.tagName, cls: e.className, name: (e.getAttribute('aria-label') || e.textContent || '').trim(),
          overflows: e.scrollWidth > e.clientWidth + 1,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
                   box.top < innerHeight && box.left < innerWidth && style.visibility !== 'hidden'};
}"""

# The transitions a focus check does not wait for: colour and opacity changes cannot alter
# what _FOCUS measures (place, size, visibility, outline). It waits for the theme's others, which
# can move, hide or outline the focused control (search, menus, drawers), so what it sees stays.
_NOT_WAITED_FOR = ("color", "background-color", "border-color", "box-shadow", "opacity", "fill")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    require_tools()
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def open_page(browser, url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(url, wait_until="load")
    return page


def wait_until_unchanged(page, selector, quiet_ms=400, limit_ms=10000):
    """Wait until the element's HTML has stayed the same for quiet_ms."""
    previous, same_for = None, 0
    for _ in range(limit_ms // 100):
        html = page.inner_html(selector)
        same_for = same_for + 100 if html == previous else 0
        if same_for >= quiet_ms:
            return
        previous = html
        page.wait_for_timeout(100)
    raise AssertionError(f"{selector} kept changing for {limit_ms} ms")


def tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if predicate(focus):
            return focus
    raise AssertionError("the control was not reached with the Tab key")


@pytest.mark.parametrize("width", [1280, 375])
def test_skip_link_is_first_and_moves_to_the_content(browser, real_site_url, width):
    page = open_page(browser, real_site_url + PRIORITY, width)
    page.keyboard.press("Tab")
    focus = page.evaluate(_FOCUS)
    assert (focus["name"], focus["visible"], focus["outline"]) == ("Skip to content", True, True)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    target = page.evaluate("document.querySelector(location.hash).closest('article') !== null")
    assert target
    page.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_every_focus_stop_is_visible_with_an_outline(browser, real_site_url, width):
    page = open_page(browser, real_site_url + PRIORITY, width)
    problems = []
    for _ in range(60):
        page.keyboard.press("Tab")
        settle(page, ignored=_NOT_WAITED_FOR)
        focus = page.evaluate(_FOCUS)
        if focus["tag"] == "BODY":
            break
        if not (focus["visible"] and focus["outline"]):
            problems.append(focus)
    assert problems == []
    page.close()


def test_palette_toggle_works_from_the_keyboard(browser, real_site_url):
    page = open_page(browser, real_site_url + PRIORITY, 1280)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    tab_until(page, lambda f: "md-option" in f["cls"])
    page.keyboard.press("Space")
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}
    page.close()


def test_version_selector_works_from_the_keyboard(browser, real_site_url):
    page = open_page(browser, real_site_url + PRIORITY, 1280)
    page.wait_for_selector(".md-version__current")  # the theme adds it once versions.json arrives
    tab_until(page, lambda f: "md-version__current" in f["cls"])
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "2018/19 refresh of the 2017–20 plan: choose another edition")
    # The edition being read is marked as the current one, for screen readers too.
    assert page.evaluate("[...document.querySelectorAll('.md-version__link[aria-current=page]')]"
                         ".map(a => a.textContent.trim())") == ["2018/19 refresh of the 2017–20 plan"]
    tab_until(page, lambda f: f["name"] == "2024–27 plan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/2024-2027/" in page.url
    page.close()


def test_language_selector_works_from_the_keyboard_and_keeps_the_page(browser, real_site_url):
    page = open_page(browser, real_site_url + "2024-2027/priorities/", 1280)
    button = tab_until(page, lambda f: f["tag"] == "BUTTON" and f["name"] == "Select language")
    assert button["outline"] and button["visible"]
    polish = tab_until(page, lambda f: f["name"] == "Polski")
    assert polish["visible"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == real_site_url + "pl/2024-2027/priorities/"
    assert page.evaluate("document.documentElement.lang") == "pl"
    # And back, from the Polish page, whose button is named in Polish.
    tab_until(page, lambda f: f["tag"] == "BUTTON" and f["name"] == "Wybierz język")
    tab_until(page, lambda f: f["name"] == "English")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == real_site_url + "2024-2027/priorities/"
    page.close()


def test_urdu_pages_run_right_to_left(browser, real_site_url):
    page = open_page(browser, real_site_url + "ur/2024-2027/", 375)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The article's text starts on the right: its headings end at the right edge of the content.
    box = page.evaluate("(() => { const h = document.querySelector('article h1').getBoundingClientRect();"
                        "const a = document.querySelector('article').getBoundingClientRect();"
                        "return [h.right, a.right]; })()")
    assert abs(box[0] - box[1]) < 40
    page.close()


def test_search_works_from_the_keyboard(browser, real_site_url):
    page = open_page(browser, real_site_url + PRIORITY, 1280)
    tab_until(page, lambda f: "md-search__input" in f["cls"])
    page.keyboard.type("fly-tipping")
    page.wait_for_selector(".md-search-result__link", timeout=10000)
    # The search runs in a worker and redraws the results as it goes, for half a second or more
    # after the last key on a busy machine: wait until they have stopped changing.
    wait_until_unchanged(page, ".md-search-result__list")
    # The theme moves through results with the arrow keys, as a list box does.
    page.keyboard.press("ArrowDown")
    page.wait_for_function("document.activeElement.classList.contains('md-search-result__link')", timeout=5000)
    focus = page.evaluate(_FOCUS)
    assert "md-search-result__link" in focus["cls"] and focus["visible"] and focus["outline"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(real_site_url + "2017-2020-refresh-2018/")
    page.close()


def test_wide_tables_scroll_from_the_keyboard_on_a_phone(browser, real_site_url):
    # The editions table stacks its rows on a phone; the history table still scrolls.
    page = open_page(browser, real_site_url + "2017-2020/history/", 375)
    focus = tab_until(page, lambda f: "md-typeset__scrollwrap" in f["cls"] and f["overflows"], limit=300)
    assert focus["visible"] and focus["outline"]
    before = page.evaluate("document.activeElement.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=3000)
    assert page.evaluate("document.activeElement.scrollLeft") > before
    page.close()


def test_menu_opens_from_the_keyboard_on_a_phone(browser, real_site_url):
    page = open_page(browser, real_site_url + PRIORITY, 375)
    focus = tab_until(page, lambda f: f["name"] == "Menu")
    assert focus["visible"] and focus["outline"]
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.wait_for_timeout(300)
    tab_until(page, lambda f: f["name"] == "Home" and f["visible"])
    page.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_header_name_leads_home_from_the_keyboard(browser, real_site_url, width):
    page = open_page(browser, real_site_url + PRIORITY, width)
    focus = tab_until(page, lambda f: "plan-header__name" in f["cls"])
    assert focus["visible"] and focus["outline"]
    # The yellow of the focus style, which shows on the dark header and on both palettes.
    assert page.evaluate("getComputedStyle(document.activeElement).backgroundColor") == "rgb(255, 221, 0)"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == real_site_url + "2017-2020-refresh-2018/"
    page.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_footer_links_work_from_the_keyboard(browser, real_site_url, width):
    page = open_page(browser, real_site_url + PRIORITY, width)
    # Tab on from the footer's name, as a reader who has scrolled down to it.
    page.click(".plan-footer__name")
    names = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        assert focus["visible"] and focus["outline"], focus
        names.append(focus["name"])
    assert names == ["Contact the partnership", "Accessibility statement", "Open data"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == real_site_url + "2017-2020-refresh-2018/open-data/"
    page.close()


def test_search_every_plan_works_from_the_keyboard(browser, real_site_url):
    """The page that searches every plan: its field, its button and each result, by Tab and Enter."""
    page = open_page(browser, real_site_url + "2024-2027/search-all/", 1280)
    focus = tab_until(page, lambda f: f["tag"] == "INPUT" and "plan-search-all-query" in page.evaluate(
        "document.activeElement.id"))
    assert focus["visible"] and focus["outline"]
    page.keyboard.type("fly-tipping")
    focus = tab_until(page, lambda f: f["tag"] == "BUTTON", limit=3)
    assert focus["visible"] and focus["outline"]
    page.keyboard.press("Enter")
    page.wait_for_selector(".plan-search-all__results a", timeout=15000)
    wait_until_unchanged(page, ".plan-search-all__results")
    # The result count is announced (a status region), and each result names its plan.
    assert page.inner_text(".plan-search-all__status").strip() != ""
    assert all(text.startswith("Plan: ") for text in page.locator(".plan-search-all__plan").all_inner_texts())
    focus = tab_until(page, lambda f: f["tag"] == "A" and page.evaluate(
        "!!document.activeElement.closest('.plan-search-all__results')"), limit=5)
    assert focus["visible"] and focus["outline"]
    href = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href and page.url.startswith(real_site_url)
    page.close()
