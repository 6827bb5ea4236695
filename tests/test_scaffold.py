"""new-refresh and new-plan outline the next edition; a build then publishes it as current."""
from datetime import date

import pytest
from bs4 import BeautifulSoup

from plansite.commands import build, scaffold, validate
from plansite.scaffold import ScaffoldError, new_refresh
from plansite.validate import load_valid_plan


def unstatus(project):
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived\n", "")
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: current\n", "")


def test_new_refresh_then_build_publishes_it_as_current(site_project):
    unstatus(site_project)
    message = scaffold(site_project.root, "refresh")
    assert message.startswith("Created plan_data/editions/2020-2023-refresh-2022.yaml and an entry 'refresh-2022-23'")
    valid, report = validate(site_project.root)
    assert valid and report.startswith("The plan data is valid, but these lines still say FILL IN:")
    built = build(site_project.root, site_project.root / "site")
    assert "still say FILL IN" in built
    plan = load_valid_plan(site_project.root)
    assert plan.current_edition_id() == "2020-2023-refresh-2022"
    assert plan.editions["2020-2023-refresh-2021"]["status"] == "archived"
    old_home = BeautifulSoup((site_project.root / "site" / "2020-2023-refresh-2021" / "index.html").read_text(), "html.parser")
    assert old_home.select_one(".plan-banner").a["href"] == "../2020-2023-refresh-2022/"


def test_new_plan_starts_when_the_last_plan_ends(project):
    scaffold(project.root, "plan")
    assert (project.root / "plan_data/editions/2023-2026.yaml").is_file()
    valid, _ = validate(project.root)
    assert valid
    assert "- id: plan-2023-2026" in (project.root / "plan_data/sources.yaml").read_text()


def test_no_year_left_to_refresh(project):
    plan = load_valid_plan(project.root)
    new_refresh(project.root, plan, today=date(2022, 1, 1))
    plan = load_valid_plan(project.root)
    with pytest.raises(ScaffoldError) as error:
        new_refresh(project.root, plan)
    assert str(error.value) == ("The plan 2020-2023 (2020 to 2023) has no year left to refresh. "
                                "Start the next plan with `python build_plan.py new-plan`.")


def test_refuses_to_overwrite(project):
    from plansite.scaffold import new_plan
    plan = load_valid_plan(project.root)
    target = project.root / "plan_data/editions/2023-2026.yaml"
    target.write_text("# mine\n")
    with pytest.raises(ScaffoldError) as error:
        new_plan(project.root, plan)
    assert str(error.value) == f"{target} already exists. Edit it, or delete it to start again."
    assert target.read_text() == "# mine\n"
