"""Real values whose periods, holidays and nights the desk once worded wrong (they come from
tests/data/opening-hours/corpus.csv): the words say the value's own periods, and at every
instant tried « ouvert maintenant » is what the words tell a visitor."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core import hours

READ_ON = date(2026, 12, 1)
NB = "\u00a0"
NNB = "\u202f"
PHONE = '"Please make a reservation by phone."'


def words(value: str, lang: str = "fr") -> str:
    return hours.describe(value, lang, today=READ_ON)


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (
            f"Jul 23-Jan 3: 22:00-23:00 {PHONE}; PH off",
            f"du 23{NB}juil. au 3{NB}janv.{NB}: tous les jours 22{NB}h–23{NB}h "
            f"«{NB}Please make a reservation by phone.{NB}»{NNB}; fermé les jours fériés",
            "from 23 Jul to 3 Jan: daily 22:00–23:00 “Please make a reservation by phone.”; "
            "closed on public holidays",
        ),
        (
            "Apr 1 - Nov 3 00:00-24:00",
            f"du 1er{NB}avr. au 3{NB}nov.{NB}: 24{NB}h/24",
            "from 1 Apr to 3 Nov: 24 hours",
        ),
        (
            "Jan 23-Feb 11,Feb 12 00:00-24:00; PH off",
            f"du 23{NB}janv. au 12{NB}févr.{NB}: 24{NB}h/24{NNB}; fermé les jours fériés",
            "from 23 Jan to 12 Feb: 24 hours; closed on public holidays",
        ),
        (
            "Jun 15-Sep 15: Th-Su 16:00-19:00; Sep 16-Dec 31: Sa,Su 16:00-19:00; "
            "Jan,Feb,Mar off; Dec 25,easter off",
            f"du 15{NB}juin au 15{NB}sept.{NB}: jeu.–dim. 16{NB}h–19{NB}h{NNB}; "
            f"du 16{NB}sept. au 31{NB}déc.{NB}: sam. et dim. 16{NB}h–19{NB}h{NNB}; "
            f"janv., févr. et mars{NB}: fermé{NNB}; fermé le 25{NB}déc. et à Pâques",
            "from 15 Jun to 15 Sep: Thu–Sun 16:00–19:00; from 16 Sep to 31 Dec: Sat and Sun "
            "16:00–19:00; Jan, Feb and Mar: closed; closed on 25 Dec and Easter Sunday",
        ),
        (
            "Nov-Dec Sa,Su 16:00-19:00; Dec 22 off",
            f"nov.–déc.{NB}: sam. et dim. 16{NB}h–19{NB}h{NNB}; fermé le 22{NB}déc.",
            "Nov–Dec: Sat and Sun 16:00–19:00; closed on 22 Dec",
        ),
        (
            "Nov-Mar off; Apr,May,Sep,Oct Tu-Su 10:00-14:30; Jun Tu-Su 09:00-16:00; "
            "Jul,Aug Tu-Su 10:00-17:00",
            f"nov.–mars{NB}: fermé{NNB}; avr., mai, sept. et oct.{NB}: mar.–dim. "
            f"10{NB}h–14{NB}h{NB}30{NNB}; juin{NB}: mar.–dim. 9{NB}h–16{NB}h{NNB}; "
            f"juil. et août{NB}: mar.–dim. 10{NB}h–17{NB}h",
            "Nov–Mar: closed; Apr, May, Sep and Oct: Tue–Sun 10:00–14:30; Jun: Tue–Sun "
            "9:00–16:00; Jul and Aug: Tue–Sun 10:00–17:00",
        ),
        (
            "Mo-Sa 17:15-01:00, PH,Su 17:15-24:00",
            f"lun.–sam. 17{NB}h{NB}15–1{NB}h{NNB}; dim. 17{NB}h{NB}15–24{NB}h{NNB}; "
            f"jours fériés{NB}: 17{NB}h{NB}15–24{NB}h",
            "Mon–Sat 17:15–1:00; Sun 17:15–24:00; public holidays: 17:15–24:00",
        ),
        (
            "Mo,Tu,We,Th,Fr,Su 11:00-01:00; Sa 11:00-02:00",
            f"lun.–jeu. et dim. 11{NB}h–1{NB}h{NNB}; ven. et sam. 11{NB}h–24{NB}h",
            "Mon–Thu and Sun 11:00–1:00; Fri and Sat 11:00–24:00",
        ),
    ],
)
def test_a_value_is_said_with_its_own_periods(value: str, french: str, english: str) -> None:
    assert words(value) == french
    assert words(value, "en") == english


@pytest.mark.parametrize(
    ("value", "moments"),
    [
        (
            f"Jul 23-Jan 3: 22:00-23:00 {PHONE}; PH off",
            {
                "2027-01-03 22:30": True,  # the last day of the period
                "2027-01-04 22:30": False,
                "2027-07-22 22:30": False,
                "2027-07-23 22:30": True,  # its first day
                "2026-12-25 22:30": False,  # a public holiday within it
                "2027-07-23 21:30": False,
            },
        ),
        (
            "Apr 1 - Nov 3 00:00-24:00",
            {
                "2027-03-31 23:30": False,
                "2027-04-01 00:30": True,
                "2027-11-03 23:30": True,
                "2027-11-04 00:30": False,
            },
        ),
        (
            "Jan 23-Feb 11,Feb 12 00:00-24:00; PH off",
            {
                "2027-01-22 12:00": False,
                "2027-02-11 23:30": True,
                "2027-02-12 12:00": True,
                "2027-02-13 12:00": False,
            },
        ),
        (
            "Jun 15-Sep 15: Th-Su 16:00-19:00; Sep 16-Dec 31: Sa,Su 16:00-19:00; "
            "Jan,Feb,Mar off; Dec 25,easter off",
            {
                "2027-09-09 17:00": True,  # a Thursday of the summer period
                "2027-09-23 17:00": False,  # a Thursday of the autumn one
                "2027-09-18 17:00": True,  # a Saturday of the autumn one
                "2026-12-26 17:00": True,  # a Saturday
                "2027-12-25 17:00": False,  # Christmas, a Saturday
                "2027-01-02 17:00": False,  # a Saturday of January
                "2027-06-12 17:00": False,  # a Saturday between the periods
            },
        ),
        (
            "Nov-Dec Sa,Su 16:00-19:00; Dec 22 off",
            {
                "2026-12-19 17:00": True,
                "2026-12-22 17:00": False,
                "2027-01-02 17:00": False,
                "2027-11-06 17:00": True,
            },
        ),
        (
            "Nov-Mar off; Apr,May,Sep,Oct Tu-Su 10:00-14:30; Jun Tu-Su 09:00-16:00; "
            "Jul,Aug Tu-Su 10:00-17:00",
            {
                "2027-03-30 12:00": False,  # a Tuesday of the closed season
                "2027-04-06 12:00": True,
                "2027-04-05 12:00": False,  # a Monday
                "2027-06-08 15:30": True,
                "2027-07-06 16:30": True,
                "2027-09-07 16:30": False,
                "2027-11-02 12:00": False,
            },
        ),
        (
            "Mo-Sa 17:15-01:00, PH,Su 17:15-24:00",
            {
                "2027-07-14 18:00": True,  # a public holiday, a Wednesday
                "2026-12-06 00:30": True,  # Saturday's night
                "2026-12-07 00:30": False,  # not Sunday's
                "2026-12-06 17:00": False,
            },
        ),
        (
            # A later rule takes over the whole day it names: Saturday 0:00–1:00 is not
            # Friday's any more (the OSM specification, as the evaluator computes it).
            "Mo,Tu,We,Th,Fr,Su 11:00-01:00; Sa 11:00-02:00",
            {
                "2026-12-04 00:30": True,  # Thursday's night
                "2026-12-05 00:30": False,
                "2026-12-05 23:30": True,
                "2026-12-06 00:30": False,
                "2026-12-07 00:30": True,  # Sunday's night
            },
        ),
    ],
)
def test_open_now_agrees_with_the_words(value: str, moments: dict[str, bool]) -> None:
    for moment, is_open in moments.items():
        assert hours.open_at(value, datetime.fromisoformat(moment)) is is_open, moment
