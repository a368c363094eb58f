"""The Windows installer script and its CI workflow cannot run here (no Windows runner):
these checks keep them in step with the spec and the files they name."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "aiguillage.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
SPEC = ROOT / "packaging" / "aiguillage.spec"


def sections(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading.group(1)
            found.setdefault(current, [])
        elif current:
            found[current].append(line)
    return found


def test_the_installer_is_per_user_and_keeps_the_desk_s_data() -> None:
    script = sections(ISS.read_text(encoding="utf-8"))
    setup = dict(line.split("=", 1) for line in script["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\Aiguillage"  # %LOCALAPPDATA%\Programs
    # Nothing beyond what it installed is removed: the data folder is not named anywhere.
    assert "UninstallDelete" not in script
    assert not any("localappdata" in line.lower() for lines in script.values() for line in lines)
    # The Start-menu entry opens the window with the program that has no console.
    assert any(
        line.startswith(r'Name: "{autoprograms}\Aiguillage"') and "aiguillagew.exe" in line
        for line in script["Icons"]
    )
    assert {line.split(";")[0] for line in script["Languages"]} == {'Name: "fr"', 'Name: "en"'}
    # Windows file properties take numbers only: a version like 0.2.0rc1 goes in AppVersion.
    assert setup["VersionInfoVersion"] == "{#NumVersion}"


def test_the_files_the_installer_names_exist_or_are_made_by_the_spec() -> None:
    text = ISS.read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE)
    assert icon and (ISS.parent / icon.group(1).replace("\\", "/")).resolve().is_file()
    spec = SPEC.read_text(encoding="utf-8")
    assert 'program("aiguillagew", False)' in spec and 'program("aiguillage", True)' in spec
    assert r'#define Bundle "..\..\dist\aiguillage"' in text  # COLLECT(name="aiguillage")
    assert 'name="aiguillage"' in spec


def test_the_workflow_builds_checks_and_compiles_the_installer() -> None:
    import yaml

    workflow = WORKFLOW.read_text(encoding="utf-8")
    parsed = yaml.safe_load(workflow)
    job = parsed["jobs"]["installer"]
    assert job["runs-on"].startswith("windows-")
    names = [step.get("name", step.get("uses")) for step in job["steps"]]
    assert names.index("Build the bundle") < names.index("Compile the installer (Inno Setup 6)")
    assert all("run" in step or "uses" in step for step in job["steps"])
    for step in (
        # The desk's extra: the core's dependencies alone have no Qt.
        '".[desk,package]"',
        r"pyinstaller --noconfirm --clean packaging\aiguillage.spec",
        r"aiguillage.exe" + '" --smoke',
        r"packaging\windows\aiguillage.iss",
        "/CURRENTUSER",
        "unins000.exe",
        "the uninstaller removed the desk's data",
    ):
        assert step in workflow, step
