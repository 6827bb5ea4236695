"""The command line: each command's arguments reach plansite.commands, and exit codes say what happened."""
from pathlib import Path

import pytest

from plansite import cli, commands


@pytest.fixture
def calls(monkeypatch):
    """Replace the commands with recorders, so parsing is tested without building anything."""
    seen = []

    def recorder(name, result):
        def command(*args, **kwargs):
            seen.append((name, args, kwargs))
            return result
        return command

    monkeypatch.setattr(commands, "build", recorder("build", "Built."))
    monkeypatch.setattr(commands, "translations", recorder("translations", "Extracted."))
    monkeypatch.setattr(commands, "publish", recorder("publish", "Published."))
    monkeypatch.setattr(commands, "scaffold", recorder("scaffold", "Outlined."))
    monkeypatch.setattr(commands, "serve", recorder("serve", None))
    return seen


def test_build_defaults_to_site_in_the_project(calls, tmp_path, capsys):
    assert cli.main(["--project", str(tmp_path), "build"]) == 0
    assert calls == [("build", (tmp_path.resolve(), tmp_path.resolve() / "site"), {"strict": True, "jobs": None,
                                                                           "program": "plansite"})]
    assert capsys.readouterr().out == "Built.\n"


def test_build_options(calls, tmp_path):
    assert cli.main(["--project", str(tmp_path), "build", "--site-dir", "out", "--no-strict", "--jobs", "3"]) == 0
    assert calls == [("build", (tmp_path.resolve(), Path("out")), {"strict": False, "jobs": 3, "program": "plansite"})]


def test_project_defaults_to_this_folder(calls, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build"]) == 0
    assert calls[0][1][0] == tmp_path.resolve()


@pytest.mark.parametrize("argv, expected", [
    (["translations", "extract"], ("translations", ("extract", None), {})),
    (["translations", "status", "--language", "pl", "--language", "ur"], ("translations", ("status", ["pl", "ur"]), {})),
    (["publish"], ("publish", (), {"branch": "gh-pages", "push": False})),
    (["publish", "--branch", "pages", "--push"], ("publish", (), {"branch": "pages", "push": True})),
    (["new-refresh"], ("scaffold", ("refresh",), {})),
    (["new-plan"], ("scaffold", ("plan",), {})),
    (["serve"], ("serve", (), {"edition": None, "dev_addr": "127.0.0.1:8000", "language": None})),
    (["serve", "--edition", "2020-2023", "--language", "pl", "--dev-addr", "127.0.0.1:9000"],
     ("serve", (), {"edition": "2020-2023", "dev_addr": "127.0.0.1:9000", "language": "pl"})),
])
def test_each_command_reaches_its_function(calls, tmp_path, argv, expected):
    assert cli.main(["--project", str(tmp_path), *argv]) == 0
    name, args, kwargs = expected
    # Each command is told how the user ran it, for the commands its messages advise.
    assert calls == [(name, (tmp_path.resolve(), *args), {**kwargs, "program": "plansite"})]


def test_build_plan_py_advises_its_own_commands(calls, tmp_path):
    assert cli.main(["--project", str(tmp_path), "build"], prog="build_plan.py") == 0
    assert calls[0][2]["program"] == ".venv/bin/python build_plan.py"


def test_init_reaches_its_function(monkeypatch, tmp_path, capsys):
    import datetime

    seen = []
    monkeypatch.setattr(commands, "init", lambda *args, **kwargs: seen.append((args, kwargs)) or "Made.")
    assert cli.main(["init", str(tmp_path / "new"), "--name", "Safer Exampletown Partnership",
                     "--area", "Exampletown", "--force"]) == 0
    assert seen == [((tmp_path / "new",), {"name": "Safer Exampletown Partnership", "area": "Exampletown",
                                           "short_name": None, "start_year": datetime.date.today().year,
                                           "force": True, "program": "plansite"})]
    assert capsys.readouterr().out == "Made.\n"


def test_a_failed_command_prints_its_message_to_stderr_and_exits_1(monkeypatch, tmp_path, capsys):
    def fails(*args, **kwargs):
        raise commands.CommandFailed("Your previous site/ folder was left as it was.")

    monkeypatch.setattr(commands, "build", fails)
    assert cli.main(["--project", str(tmp_path), "build"]) == 1
    assert capsys.readouterr() == ("", "Your previous site/ folder was left as it was.\n")


def test_ctrl_c_exits_130(monkeypatch, tmp_path):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "serve", interrupted)
    assert cli.main(["--project", str(tmp_path), "serve"]) == 130


def test_validate_exits_0_when_valid_and_1_when_not(project, capsys):
    assert cli.main(["--project", str(project.root), "validate"]) == 0
    assert capsys.readouterr().out == "The plan data is valid: 2 editions, 1 measure, 4 figures.\n"
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: archive")
    assert cli.main(["--project", str(project.root), "validate"]) == 1
    assert capsys.readouterr().out.startswith("Found 1 problem in 1 file:\n\nplan_data/editions/2020-2023.yaml:10:9:")


def test_validate_json(project, capsys):
    import json

    project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: archive")
    assert cli.main(["--project", str(project.root), "validate", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(e["file"], e["line"]) for e in report["errors"]] == [("plan_data/editions/2020-2023.yaml", 10)]


@pytest.mark.parametrize("argv", [[], ["publsh"], ["translations"], ["translations", "delete"],
                                  ["build", "--jobs", "many"]])
def test_wrong_arguments_exit_2_with_usage(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("usage: plansite")
