"""Publishing the whole site, every edition in every language, to a git branch for GitHub Pages."""
import json
import os
import subprocess

import pytest

from conftest import POLISH
from plansite.commands import CommandFailed, _commit_tree, publish

IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(root, *args):
    env = dict(os.environ, **IDENTITY)
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repository(site_project, monkeypatch):
    """The small project, committed to a git repository, with a site/ from an earlier build."""
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    root = site_project.root
    site_project.write("plan_data/languages.yaml", POLISH)
    site_project.write(".gitignore", "site/\n.cache/\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "plan")
    site_project.write("site/index.html", "<p>the officer's last build</p>\n")
    return site_project


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_publish_every_edition_and_language_to_a_branch(repository, tmp_path_factory):
    root = repository.root
    site_before = snapshot(root / "site")
    head, status = git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain")
    remote = tmp_path_factory.mktemp("remote")
    git(remote, "init", "-q", "--bare")
    git(root, "remote", "add", "origin", str(remote))
    message = publish(root, branch="gh-pages", push=True, echo=lambda _: None)
    commit = git(root, "rev-parse", "gh-pages").strip()
    assert message == ("Published 2 editions (3 builds, with their translations) to the branch gh-pages "
                       f"(commit {commit[:12]}), with 'latest' leading to the current one. It was pushed to origin.")
    assert git(remote, "rev-parse", "gh-pages").strip() == commit
    # The whole site as `build` lays it out (mike's layout): English at <edition>/, Polish at
    # pl/<edition>/ (the current edition is built in every language), each with versions.json.
    versions = json.loads(git(root, "show", "gh-pages:versions.json"))
    assert versions == [
        {"version": "2020-2023-refresh-2021", "title": "2021/22 refresh of the 2020–23 plan", "aliases": ["latest"]},
        {"version": "2020-2023", "title": "2020–23 plan", "aliases": []},
    ]
    assert [v["version"] for v in json.loads(git(root, "show", "gh-pages:pl/versions.json"))] == [
        "2020-2023-refresh-2021"]
    files = set(git(root, "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {"index.html", ".nojekyll", "latest/index.html", "2020-2023/priorities/asb/index.html",
            "2020-2023-refresh-2021/changes/index.html", "pl/index.html", "pl/latest/index.html",
            "pl/2020-2023-refresh-2021/index.html"} <= files
    assert ".build-state.json" not in files
    assert 'lang="pl"' in git(root, "show", "gh-pages:pl/2020-2023-refresh-2021/index.html")
    assert "This is an archived plan." in git(root, "show", "gh-pages:2020-2023/index.html")
    # Nothing else changed: site/, the checkout, its index and HEAD are as they were.
    assert snapshot(root / "site") == site_before
    assert git(root, "rev-parse", "HEAD") == head and git(root, "status", "--porcelain") == status
    assert git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"


def test_each_publish_is_a_commit_on_top_of_the_last(repository, tmp_path):
    root = repository.root
    for number in (1, 2):
        folder = tmp_path / f"site{number}"
        folder.mkdir()
        (folder / "index.html").write_text(f"<p>{number}</p>\n")
        _commit_tree(root, root / ".git", folder, "gh-pages", tmp_path / "index", f"Publish {number}")
    log = git(root, "log", "--format=%s", "gh-pages").split("\n")
    assert log[:2] == ["Publish 2", "Publish 1"]
    assert git(root, "show", "gh-pages:index.html") == "<p>2</p>\n"
    assert git(root, "ls-tree", "--name-only", "gh-pages").split() == ["index.html"]


def test_an_unfinished_edition_is_not_published(repository):
    root = repository.root
    repository.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "We added a priority.",
                       "\"FILL IN: what changed.\"")
    with pytest.raises(CommandFailed) as refused:
        publish(root, branch="gh-pages", push=False, echo=lambda _: None)
    assert str(refused.value).startswith(
        "These lines still say FILL IN, so the editions they belong to cannot be published:\n"
        "  plan_data/editions/2020-2023-refresh-2021.yaml:13: summary: \"FILL IN: what changed.\"\n")
    assert str(refused.value).endswith("\nNothing was published.")
    with pytest.raises(subprocess.CalledProcessError):
        git(root, "rev-parse", "--verify", "gh-pages")


def test_publish_outside_git_says_what_to_do(site_project):
    with pytest.raises(CommandFailed) as failure:
        publish(site_project.root, branch="gh-pages", push=False, echo=lambda _: None)
    assert str(failure.value).startswith(
        "This folder is not a git repository. Run `git init` and commit the project, then try again.\n")


SITE_URL_MISSING = (
    "plan_data/partnership.yaml: {severity} [missing-site-url] The site's public address is not given\n"
    "  at: site_url\n"
    "  problem: there is no 'site_url', so the leaflets cannot say where to read the plan, and the page-not-found "
    "page cannot link to the plan from every address.\n"
    "  fix: Add a line 'site_url: https://...' with the address the site is published at, as the host gives it "
    "(for example https://example.org/community-safety/). {when}")


def test_without_the_site_address_nothing_is_published(repository):
    root = repository.root
    repository.replace("plan_data/partnership.yaml", "site_url: https://example.org/community-safety/\n", "")
    with pytest.raises(CommandFailed) as refused:
        publish(root, branch="gh-pages", push=False, echo=lambda _: None)
    assert str(refused.value) == (
        "Found 1 problem in 1 file:\n\n"
        + SITE_URL_MISSING.format(severity="error", when="Nothing is published without it.")
        + "\n\nNothing was published. Fix the problems above, then run `.venv/bin/python build_plan.py validate` again.")
    with pytest.raises(subprocess.CalledProcessError):
        git(root, "rev-parse", "--verify", "gh-pages")


def test_validate_warns_that_the_site_address_is_missing(project):
    from plansite.commands import validate

    project.replace("plan_data/partnership.yaml", "site_url: https://example.org/community-safety/\n", "")
    valid, report = validate(project.root)
    assert valid is True
    assert report == (
        "The plan data is valid: 2 editions, 1 measure, 4 figures.\n\nBefore this can be published:\n\n"
        + SITE_URL_MISSING.format(severity="warning", when=(
            "Until then a build is a preview: its leaflets say that they must not be handed out, and publish "
            "refuses.")))
    warnings = json.loads(validate(project.root, as_json=True)[1])["warnings"]
    assert [(w["code"], w["severity"], w["path"]) for w in warnings] == [("missing-site-url", "warning", "site_url")]


@pytest.mark.parametrize("address", ["http://example.org/", "javascript:alert(1)", "https://example.org/a b",
                                     'https://example.org/"onmouseover="x', "example.org"])
def test_a_site_address_that_is_not_https_is_refused(project, address):
    from plansite.commands import validate

    project.replace("plan_data/partnership.yaml", "site_url: https://example.org/community-safety/",
                    f"site_url: '{address}'")
    valid, report = validate(project.root)
    assert valid is False
    assert "plan_data/partnership.yaml:13:11: error [invalid-format]" in report and "  at: site_url\n" in report
