"""The open area classification: loaded in batches, reloaded in place, a bad row refused."""

from __future__ import annotations

import io

import pytest
from django.db import transaction

from stocktake.customers import services
from stocktake.customers.models import Area

HEADER = "code,name,district_code,segment_code,segment_name,population\n"

pytestmark = pytest.mark.django_db


def test_areas_load_in_batches_and_a_reload_updates_them_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services, "AREA_BATCH", 3)
    rows = "".join(f"E00{n:06d},Area {n},E07000077,1A,Rural,{n}\n" for n in range(7))
    assert services.areas_load(lines=io.StringIO(HEADER + rows)) == 7
    assert Area.objects.count() == 7
    again = "E00000001,Renamed,E07000077,2B,Urban,\nE00000001,Renamed twice,E07000077,2B,Urban,5\n"
    services.areas_load(lines=io.StringIO(HEADER + again))
    area = Area.objects.get(code="E00000001")
    assert (area.name, area.segment_name, area.population) == ("Renamed twice", "Urban", 5)
    assert Area.objects.count() == 7


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("12 High St,x,E07000077,1A,Rural,1", "code '12 High St'"),
        ("E001,x,E07000077,1A,Rural,many", "population 'many'"),
        (f"E001,x,E07000077,1A,{'R' * 201},1", "segment_name is longer than 200"),
    ],
)
def test_a_bad_row_is_refused_and_nothing_is_saved(row: str, message: str) -> None:
    lines = io.StringIO(HEADER + "E002,Good,E07000077,1A,Rural,1\n" + row + "\n")
    with pytest.raises(ValueError, match=message), transaction.atomic():
        services.areas_load(lines=lines)
    assert not Area.objects.exists()
