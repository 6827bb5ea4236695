import pytest

from plansite.errors import format_path
from plansite.load import load_document, load_project


def test_positions_point_at_keys_and_values(project):
    loaded, errors = load_project(project.root)
    assert errors == []
    plan = next(d for d in loaded.editions if d.data["id"] == "2020-2023")
    assert plan.position(("priorities", 1, "title")) == (24, 12)
    assert plan.position(("priorities", 1, "title"), key=True) == (24, 5)
    # A path that does not exist falls back to its nearest ancestor.
    assert plan.position(("priorities", 1, "nothing-here")) == (23, 5)
    # A block mapping is located at its key, not at its first line.
    assert plan.position(("period",)) == (4, 1)


def test_dates_stay_text_as_written(project):
    project.replace("plan_data/editions/2020-2023.yaml", 'date: "2020"', "date: 2020-04-01")
    loaded, _ = load_project(project.root)
    plan = next(d for d in loaded.editions if d.data["id"] == "2020-2023")
    assert plan.data["published"]["date"] == "2020-04-01"


def test_byte_order_mark_is_accepted(project, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffname: x\n".encode("utf-8"))
    errors = []
    doc = load_document(path, "bom.yaml", errors)
    assert errors == [] and doc.data == {"name": "x"}


def test_format_path_reads_like_yaml():
    assert format_path(("changes", "priorities", "add", 0, "id")) == "changes.priorities.add[0].id"
    assert format_path(()) == ""


def load_text(tmp_path, content: bytes):
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    errors = []
    doc = load_document(path, "hostile.yaml", errors)
    return doc, [e.format() for e in errors]


BOMB = (b'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        + b"".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n".encode() for p, n in zip("abcdefgh", "bcdefghi")))


@pytest.mark.parametrize("content, expected", [
    (b"a: " + b"[" * 500 + b"]" * 500 + b"\n",
     "hostile.yaml:1:53: error [yaml-too-deep] The YAML is nested too deeply\n"
     "  problem: the values are nested more than 50 levels deep.\n"
     "  fix: Plan data needs only a few levels: check the brackets and the indentation here."),
    ("".join("  " * i + f"k{i}:\n" for i in range(300)).encode(),
     "hostile.yaml:51:101: error [yaml-too-deep] The YAML is nested too deeply\n"
     "  problem: the values are nested more than 50 levels deep.\n"
     "  fix: Plan data needs only a few levels: check the brackets and the indentation here."),
    (BOMB,
     "hostile.yaml:5:1: error [yaml-too-large] The YAML is too large, or its aliases expand too far\n"
     "  problem: the file expands to more than 50,000 values, because of aliases (*name) that repeat other parts.\n"
     "  fix: Write the values out instead of using anchors (&name) and aliases (*name)."),
    (b"x: *nowhere\n",
     "hostile.yaml:1:4: error [yaml-syntax] The file is not valid YAML\n"
     "  problem: found undefined alias.\n"
     "  fix: Check the indentation and punctuation on this line and the one above it: every nested key is indented "
     "by the same number of spaces, text containing ': ' or starting with a special character is put in quotes, and "
     "list items start with '- '."),
    (b"x: &a [*a]\n",
     "hostile.yaml:1:4: error [yaml-too-deep] The YAML is nested too deeply\n"
     "  problem: the values are nested more than 50 levels deep.\n"
     "  fix: Plan data needs only a few levels: check the indentation, and remove aliases (*name) that refer to "
     "the part they are in."),
    (b"a: 1\nb: !!python/object/apply:os.system [ls]\n",
     "hostile.yaml:2:4: error [yaml-tag] A YAML tag is not allowed\n"
     "  problem: the tag '!!python/object/apply:os.system' is not allowed in plan data.\n"
     "  fix: Delete '!!python/object/apply:os.system'; write the value as plain text, in quotes if it starts "
     "with a special character."),
    (b"a: !include other.yaml\n",
     "hostile.yaml:1:4: error [yaml-tag] A YAML tag is not allowed\n"
     "  problem: the tag '!include' is not allowed in plan data.\n"
     "  fix: Delete '!include'; write the value as plain text, in quotes if it starts with a special character."),
    (b"a: !!int twelve\n",
     "hostile.yaml:1:4: error [yaml-tag] A YAML tag is not allowed\n"
     "  problem: 'twelve' cannot be read as the type !!int it is tagged with.\n"
     "  fix: Remove the tag !!int, or correct the value."),
    (b"name: x\nvision: caf\xe9 here\n",
     "hostile.yaml:2:12: error [yaml-syntax] The file is not valid YAML\n"
     "  problem: the file is not UTF-8 text: this line holds a character saved in another encoding (such as "
     "Windows-1252).\n"
     "  fix: Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8)."),
    (b"name: x\nvision: a\x07b\n",
     "hostile.yaml:2:10: error [yaml-syntax] The file is not valid YAML\n"
     "  problem: the file holds a control character (#x0007) that YAML does not allow.\n"
     "  fix: Delete the invisible character on this line (retyping the line removes it); it often comes from "
     "copying text out of another program."),
])
def test_hostile_yaml_is_an_error_with_a_line(tmp_path, content, expected):
    doc, errors = load_text(tmp_path, content)
    assert doc is None and errors == [expected]


def test_a_few_aliases_are_still_read(tmp_path):
    doc, errors = load_text(tmp_path, b"a: &x [1, 2]\nb: *x\n")
    assert errors == [] and doc.data == {"a": [1, 2], "b": [1, 2]}


def test_too_many_aliases(tmp_path):
    content = b"a: &x 1\nb: [" + b", ".join([b"*x"] * 101) + b"]\n"
    doc, errors = load_text(tmp_path, content)
    assert doc is None and errors[0].splitlines()[0] == "hostile.yaml:2:405: error [yaml-too-large] The YAML is too large, or its aliases expand too far"


def test_a_huge_yaml_file_is_not_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as out:
        out.truncate(11 << 20)
    errors = []
    assert load_document(path, "huge.yaml", errors) is None
    assert [e.format() for e in errors] == [
        "huge.yaml: error [yaml-too-large] The YAML is too large, or its aliases expand too far\n"
        "  problem: the file is 11 MB; plan data files are a few hundred KB at most, and one over 10 MB is not read.\n"
        "  fix: Check that this is the file you meant to save here; split a very long file into several."]


def test_keys_that_are_lists_are_not_written_out(tmp_path):
    doc, errors = load_text(tmp_path, b"a: &x [1, 2]\n? *x\n: 1\n")
    assert errors == [] and doc.data == {"a": [1, 2], "(a list used as a key)": 1}


@pytest.mark.parametrize("text", [b".inf", b"-.Inf", b".nan", b"!!float 1e999"])
def test_numbers_that_are_not_finite(tmp_path, text):
    doc, errors = load_text(tmp_path, b"value: " + text + b"\n")
    shown = text.decode().removeprefix("!!float ")
    assert errors == [
        f"hostile.yaml:1:8: error [out-of-range] A number is out of range\n"
        f"  problem: '{shown}' is not a finite number.\n"
        "  fix: Write the number itself, such as 100 or 5.6."]
