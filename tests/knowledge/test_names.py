"""Person names: parts, surname keys for matching, honorifics."""

from __future__ import annotations

import pytest

from graph.knowledge.names import is_single_name, parse_name, strip_honorific, surname_key


@pytest.mark.parametrize(
    ("full", "alone"),
    [
        ("Hamdi al-Rashed", "Al-Rashed"),
        ("Ayman al-Zawahiri", "Zawahiri"),
        ("Abdel Fattah el-Sisi", "el-Sisi"),
        ("Osama bin Laden", "Bin Laden"),
        ("Robert S. Mueller III", "Mr Mueller"),
        ("Charles de Gaulle", "de Gaulle"),
        ("Robert Kilroy-Silk", "Kilroy-Silk"),
    ],
)
def test_a_surname_alone_has_the_full_names_surname_key(full, alone):
    assert parse_name(full).surname_key == parse_name(strip_honorific(alone)).surname_key
    assert is_single_name(alone) and not is_single_name(full)


def test_full_name_drops_title_and_suffix_but_keeps_the_middle_initial():
    assert parse_name("Dr Robert S. Mueller III").full == "Robert S. Mueller"


def test_surname_keys_fold_accents_and_case():
    assert surname_key("Müller") == surname_key("MULLER") == "muller"


def test_strip_honorific_keeps_a_lone_word():
    assert strip_honorific("Mr Blair") == "Blair" and strip_honorific("Mr") == "Mr"
