"""What the bundle keeps of ICU's data: French and English, and what every language needs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "icu_data", Path(__file__).resolve().parents[2] / "packaging" / "icu_data.py"
)
assert _SPEC is not None and _SPEC.loader is not None
icu_data = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(icu_data)

KEPT = [
    "root.res", "pool.res", "res_index.res", "fr.res", "fr_FR.res", "fr_CA.res", "en.res",
    "en_GB.res", "en_001.res", "coll/root.res", "coll/fr.res", "coll/ucadata.icu",
    "zone/fr.res", "zone/root.res", "zoneinfo64.res", "metaZones.res", "supplementalData.res",
    "likelySubtags.res", "plurals.res", "uprops.icu", "ucase.icu", "nfc.nrm", "uts46.nrm",
    "cnvalias.icu", "ibm-5348_P100-1997.cnv", "iso-8859_15-1999.cnv", "brkitr/root.res",
    "brkitr/word.brk", "curr/en.res", "unit/fr.res", "rbnf/fr.res",
]  # fmt: skip
DROPPED = [
    "de.res", "zh_Hant_TW.res", "ast.res", "coll/de.res", "coll/de_.res", "zone/sr_Latn.res",
    "lang/ja.res", "gb18030.cnv", "ibm-1047_P100-1995.cnv", "brkitr/thaidict.dict",
    "brkitr/cjdict.dict", "translit/root.res",
]  # fmt: skip


@pytest.mark.parametrize("item", KEPT)
def test_what_french_and_english_need_is_kept(item: str) -> None:
    assert not icu_data.unused(item)


@pytest.mark.parametrize("item", DROPPED)
def test_other_languages_legacy_charsets_and_dictionaries_go(item: str) -> None:
    assert icu_data.unused(item)
