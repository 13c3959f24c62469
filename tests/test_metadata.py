"""Metadata in one shape: ISO dates, registered-domain sites, clean titles, authors that are names."""

from __future__ import annotations

import pytest

from claimpipe.metadata import clean_title, iso_date, normalise_metadata, url_site, valid_authors


@pytest.mark.parametrize("value, expected", [
    ("12 May 2019", "2019-05-12"),
    ("2019-05-12", "2019-05-12"),
    ("Monday, 12 March, 2005, 10:15 GMT", "2005-03-12T10:15:00+00:00"),
    ("2019-05-12T10:30:00Z", "2019-05-12T10:30:00+00:00"),
    ("05/12/2019", "2019-12-05"),
    ("Published: March 3, 2021", "2021-03-03"),
    ("May 2019", None),
    ("yesterday", None),
    ("", None),
])
def test_metadata_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize("url, site", [
    ("http://news.bbc.co.uk/2/hi/uk_news/1.stm", "bbc.co.uk"),
    ("https://www.bbc.co.uk/news/uk-1", "bbc.co.uk"),
    ("https://edition.cnn.com/2020/x.html", "cnn.com"),
    ("not a url", None),
    (None, None),
])
def test_metadata_url_site_is_the_registered_domain(url: str | None, site: str | None) -> None:
    assert url_site(url) == site


@pytest.mark.parametrize("title, sitename, site, expected", [
    ("Cuts ahead for schools - News Nation", None, "newsnation.in", "Cuts ahead for schools"),
    ("Cuts ahead for schools | The Guardian", "The Guardian", "theguardian.com", "Cuts ahead for schools"),
    ("BBC NEWS | Politics | Blair to meet Bush", None, "bbc.co.uk", "Politics | Blair to meet Bush"),
    ("Picasso - the late works", None, "theguardian.com", "Picasso - the late works"),
    ("News Nation", "News Nation", None, "News Nation"),
])
def test_metadata_clean_title(title: str, sitename: str | None, site: str | None, expected: str) -> None:
    assert clean_title(title, sitename=sitename, site=site) == expected


@pytest.mark.parametrize("value, expected", [
    ("JERUSALEM POST STAFF NOVEMBER", None),
    ("By Fredreka Schouten, USA TODAY", "Fredreka Schouten"),
    ("Jane Doe and John Smith", "Jane Doe; John Smith"),
    ("Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("Reuters", None),
    ("Staff Reporter", None),
])
def test_metadata_valid_authors(value: str, expected: str | None) -> None:
    assert valid_authors(value) == expected


def test_metadata_normalise_notes_what_it_could_not_read() -> None:
    meta, notes = normalise_metadata({"title": "T - Site", "author": "NEWS DESK", "published": "soon"},
                                     sitename="Site")
    assert meta == {"title": "T", "author": None, "published": None}
    assert notes == ["published date 'soon' not understood; left empty", "author 'NEWS DESK' names no person; left empty"]
