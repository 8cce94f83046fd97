"""The public API is exactly what __init__ exports, sorted, and every name exists."""

import claimtrack


def test_all_is_sorted_and_unique():
    names = claimtrack.__all__
    assert list(names) == sorted(names)
    assert len(set(names)) == len(names)


def test_all_names_exist():
    for name in claimtrack.__all__:
        assert hasattr(claimtrack, name), name


def test_public_members_are_exported():
    public = {
        name
        for name, value in vars(claimtrack).items()
        if not name.startswith("_") and not isinstance(value, type(claimtrack)) and name != "annotations"
    }
    assert public <= set(claimtrack.__all__)
