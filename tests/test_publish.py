"""Publishing every edition with mike to a git branch, for teams that use GitHub Pages."""
import json
import os
import subprocess

import pytest

from plansite.commands import publish


def git(root, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def test_publish_with_mike_to_a_branch(site_project, monkeypatch):
    root = site_project.root
    for name, value in (("GIT_AUTHOR_NAME", "Test"), ("GIT_AUTHOR_EMAIL", "test@example.org"),
                        ("GIT_COMMITTER_NAME", "Test"), ("GIT_COMMITTER_EMAIL", "test@example.org")):
        monkeypatch.setenv(name, value)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "plan")
    message = publish(root, branch="gh-pages", push=False, echo=lambda _: None)
    assert message == ("Published 2 editions to the branch gh-pages, with 'latest' as the default. "
                       "Push it with `git push origin gh-pages`.")
    versions = json.loads(git(root, "show", "gh-pages:versions.json"))
    assert versions == [
        {"version": "2020-2023-refresh-2021", "title": "Example Plan 2021/22 refresh", "aliases": ["latest"]},
        {"version": "2020-2023", "title": "Example Plan 2020 to 2023", "aliases": []},
    ]
    files = git(root, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "2020-2023/priorities/asb/index.html" in files
    assert "2020-2023-refresh-2021/changes/index.html" in files
    archived = git(root, "show", "gh-pages:2020-2023/index.html")
    assert "This is an archived plan." in archived


def test_publish_outside_git_says_what_to_do(site_project):
    from plansite.commands import CommandFailed
    with pytest.raises(CommandFailed) as failure:
        publish(site_project.root, branch="gh-pages", push=False, echo=lambda _: None)
    assert str(failure.value).endswith(
        "Check that this folder is a git repository with at least one commit, then try again.")
