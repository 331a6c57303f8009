"""The shipped country records (reader/data/countries.json) are what pycountry/countryinfo give."""

from reader.countries import extract, load, main
from reader.gazetteer import load_gazetteer


def test_shipped_records_are_up_to_date():
    assert main(["--check"]) == 0


def test_records_hold_the_fields_the_gazetteer_reads():
    records = load()
    assert records == extract()
    france = next(r for r in records if r["iso"] == "FR")
    assert france["strict"] == ["FR", "France"]
    assert france["capital"] == "Paris"
    assert "French" in france["demonym"]


def test_gazetteer_reads_countries_without_the_packages():
    gaz = load_gazetteer()
    assert gaz.names["Paris"] == "france"
    assert gaz.demonyms["French"] == "france"
    assert gaz.entries["france"].kind == "country"
