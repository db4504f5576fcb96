"""`bulletin publish` into a throwaway clone of the site with a local bare remote."""
import shutil
import subprocess

import pytest

from bulletin_cli.cli import main
from conftest import ROOT, notice_text


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo):
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Sisältöä")


@pytest.fixture
def site_repo(tmp_path, monkeypatch):
    """The site's files in a folder of their own, the current folder."""
    repo = tmp_path / "sivusto"
    repo.mkdir()
    shutil.copy(ROOT / "pelicanconf.py", repo)
    (repo / "publishconf.py").write_text((ROOT / "publishconf.py").read_text(encoding="utf-8")
                                         + 'BULLETIN_CNAME = "ilmoitukset.example.org"\n', encoding="utf-8")
    shutil.copytree(ROOT / "content", repo / "content")
    (repo / "plugins").symlink_to(ROOT / "plugins")
    (repo / "theme").symlink_to(ROOT / "theme")
    monkeypatch.chdir(repo)
    return repo


@pytest.fixture
def with_remote(site_repo, tmp_path):
    git(site_repo, "init", "-q", "-b", "main")
    git(site_repo, "config", "user.name", "Toimittaja")
    git(site_repo, "config", "user.email", "toimitus@example.org")
    git(site_repo, "add", ".")
    git(site_repo, "commit", "-q", "-m", "Sivusto")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(site_repo, "remote", "add", "origin", str(remote))
    return remote


def test_publish_pushes_the_built_site_to_gh_pages(with_remote, capsys):
    assert main(["publish"]) == 0
    assert "Julkaistu haaraan gh-pages (origin)." in capsys.readouterr().err
    files = git(with_remote, "ls-tree", "-r", "--name-only", "gh-pages").split("\n")
    assert {".nojekyll", "CNAME", "index.html", "404.html", "sitemap.xml", "laheta/index.html",
            "theme/js/submit.js"} <= set(files)
    assert git(with_remote, "show", "gh-pages:CNAME") == "ilmoitukset.example.org"
    # built with publishconf.py: the public address is in the pages
    assert "https://example.org/ilmoitukset/laheta/" in git(with_remote, "show", "gh-pages:index.html")
    # published again, the branch stays one commit: nightly rebuilds do not pile up
    assert main(["publish"]) == 0
    assert git(with_remote, "rev-list", "--count", "gh-pages") == "1"


def test_publish_refuses_a_failed_build_and_leaves_the_published_site(with_remote, site_repo, capsys):
    assert main(["publish"]) == 0
    published = git(with_remote, "rev-parse", "gh-pages")
    (site_repo / "content" / "notices" / "rikki.md").write_text(notice_text(date="31.2.2026"), encoding="utf-8")
    commit(site_repo)  # committed: a build that fails, not content left out of git
    assert main(["publish"]) == 1
    err = capsys.readouterr().err
    assert "rikki.md:5:" in err and "Sivuston rakentaminen epäonnistui, joten mitään ei julkaistu." in err
    assert git(with_remote, "rev-parse", "gh-pages") == published


def test_publish_refuses_a_failed_build_before_anything_is_pushed(with_remote, site_repo, capsys):
    (site_repo / "content" / "associations" / "rikki.yml").write_text("nimi: väärä avain\n", encoding="utf-8")
    commit(site_repo)
    assert main(["publish"]) == 1
    assert "rikki.yml" in capsys.readouterr().err
    assert git(with_remote, "branch", "--list", "gh-pages") == ""


def test_publish_without_a_git_repository(site_repo, capsys):
    assert main(["publish"]) == 2
    assert "ei ole git-varasto" in capsys.readouterr().err
    assert not (site_repo / "output").exists()  # nothing built for nowhere


def test_publish_without_a_remote(site_repo, capsys):
    git(site_repo, "init", "-q")
    assert main(["publish"]) == 2
    assert "Git-varastolla ei ole etävarastoa origin. Lisää se: git remote add origin OSOITE." in capsys.readouterr().err


def test_publish_without_push_commits_locally(site_repo, capsys):
    git(site_repo, "init", "-q")
    git(site_repo, "config", "user.name", "Toimittaja")
    git(site_repo, "config", "user.email", "toimitus@example.org")
    commit(site_repo)
    assert main(["publish", "--no-push"]) == 0
    assert "index.html" in git(site_repo, "ls-tree", "--name-only", "gh-pages").split("\n")


def test_publish_refuses_uncommitted_content_naming_the_files(with_remote, site_repo, capsys):
    (site_repo / "content" / "notices" / "uusi.md").write_text(notice_text(association="koskenpallo"), encoding="utf-8")
    assert main(["publish"]) == 1
    err = capsys.readouterr().err
    assert "joita ei ole tallennettu gitiin" in err and "content/notices/uusi.md" in err
    assert "--allow-dirty" in err
    assert subprocess.run(["git", "rev-parse", "--verify", "gh-pages"], cwd=with_remote,
                          capture_output=True).returncode != 0  # nothing was published
    assert main(["publish", "--allow-dirty"]) == 0
