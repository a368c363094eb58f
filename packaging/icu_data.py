"""ICU's data cut to what a French or English desk uses, for the Linux bundle.

Qt's Linux wheels ship ICU with the data of every language (``libicudata.so``, 31 MB); the
desk speaks French and English. With ICU's own tools (``icupkg``, ``genccode``, from the
``icu-devtools`` package, and a C compiler), the data package is taken out of the library,
the other languages' locale data, the legacy character sets, the word-break dictionaries of
Asian scripts and the transliterators are removed, and the rest is linked again into a
library of the same name and symbol (4.5 MB). Qt's collation, case mapping, time-zone names
and number formats in French and English are unchanged (checked by the bundle's tests).
Windows' Qt uses the system's ICU: nothing to do there.

``python packaging/icu_data.py LIBICUDATA OUTDIR`` does it by hand.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

TOOLS = ("icupkg", "genccode", "gcc", "nm", "readelf")
# A locale's own data: « fr.res », « en_GB.res », « coll/fr.res », « zone/sr_Latn.res »…
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*_?\.res$")
_KEPT_LANGUAGES = ("fr", "en")
# Character sets a French file may still come in: Windows-1252 and the ISO 8859 family.
_KEPT_CHARSETS = ("ibm-5348", "ibm-1252", "iso-8859")


def unused(item: str) -> bool:
    """Whether a French or English desk can do without this item of the package."""
    base = item.rsplit("/", 1)[-1]
    if item.startswith("translit/") or base.endswith(".dict"):
        return True
    if base.endswith(".cnv"):
        return not base.startswith(_KEPT_CHARSETS)
    if base == "res_index.res":  # each tree's index of its locales, named like one
        return False
    return bool(_LOCALE.match(base)) and not base.startswith(_KEPT_LANGUAGES)


def _run(*command: str, cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout + done.stderr


def _package(library: Path) -> tuple[str, bytes]:
    """The data symbol's name (« icudt73_dat ») and the package's bytes."""
    symbols = _run("nm", "-D", "--defined-only", str(library), cwd=library.parent)
    found = re.search(r"^([0-9a-f]+) [RD] (icudt\d+_dat)$", symbols, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"no ICU data symbol in {library.name}")
    address, symbol = int(found.group(1), 16), found.group(2)
    sections = _run("readelf", "-S", "-W", str(library), cwd=library.parent)
    for line in sections.splitlines():
        parts = line.replace("[ ", "[").split()
        if len(parts) > 5 and parts[1] == ".rodata":
            start, offset, size = int(parts[3], 16), int(parts[4], 16), int(parts[5], 16)
            if start <= address < start + size:
                data = library.read_bytes()
                begin = offset + address - start
                return symbol, data[begin : offset + size]
    raise RuntimeError(f"the ICU data of {library.name} is not in its .rodata")


def trim(library: Path, work: Path) -> Path:
    """A smaller copy of ``library`` (same file name, soname and symbol) in ``work``."""
    library, work = library.resolve(), work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    symbol, package = _package(library)
    name = symbol.removesuffix("_dat") + "l"  # « icudt73l »: little-endian package
    original = work / "full" / f"{name}.dat"
    original.parent.mkdir(exist_ok=True)
    original.write_bytes(package)  # trailing bytes past the package are ignored by icupkg
    items = _run("icupkg", "-l", str(original), cwd=work).split()
    removed = {item for item in items if unused(item)}
    cut = work / name / f"{name}.dat"
    cut.parent.mkdir(exist_ok=True)
    # Removing a locale can orphan an alias of it (« coll/de_.res »): remove those too.
    while True:
        listing = work / "removed.txt"
        listing.write_text("\n".join(sorted(removed)) + "\n", encoding="utf-8")
        said = subprocess.run(
            ["icupkg", "-r", str(listing), str(original), str(cut)],
            cwd=work, capture_output=True, text=True, check=False,
        )  # fmt: skip
        orphans = set(re.findall(r"Item (\S+) depends on missing item", said.stderr))
        if not orphans - removed:
            break
        removed |= orphans
    if said.returncode != 0 or not cut.exists():
        raise RuntimeError(f"icupkg: {said.stderr.strip()}")
    entry = symbol.removesuffix("_dat")
    _run("genccode", "-a", "gcc", "-e", entry, "-d", str(cut.parent), str(cut), cwd=work)
    assembly = cut.parent / f"{name}_dat.S"
    target = work / library.name
    soname = library.name
    _run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target),
         str(assembly), cwd=work)  # fmt: skip
    return target


def available() -> bool:
    return all(shutil.which(tool) for tool in TOOLS)


if __name__ == "__main__":
    made = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{made}: {made.stat().st_size // 1024} KiB")
