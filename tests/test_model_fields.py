"""A schema property named as a name the model modules use (a Python type such as
`list`, or a name their header imports such as `Field`) becomes a model attribute with
a trailing underscore, the property's own name kept as its alias. Left as it was, it
would hide that name from the fields below it, and datamodel-code-generator would rename
the name in the whole module instead (`list_aliased`), which no module split from its
output imports: the generated models failed to import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.cli import main
from tests.catalog_versions import versions_of

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
VERSION = versions_of(MINI)[-1]
FIRST = versions_of(MINI)[0]
# Each named as a name the models use, beside fields of the types they would hide.
SHADOWING = """\
  list:
    type: integer
    description: A count named like Python's list.
  str:
    type: boolean
  Field:
    type: string
  tags:
    type: array
    items:
      type: string
  labels:
    type: object
    additionalProperties: true
"""


# The newest version drops `list`: only the versions before it have a field hiding a type.
DROPPED = """\
  - kind: remove_field
    schema: contact
    field: list
    note: Gone again.
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The newest version's tree made alone, and every version's folder of a run of all."""
    base = tmp_path_factory.mktemp("shadowing")
    catalog = base / "catalog"
    shutil.copytree(MINI, catalog)
    contact = catalog / "schemas" / "contact.yaml"
    contact.write_text(contact.read_text() + SHADOWING)
    rules = catalog / "versions" / f"{VERSION}.yaml"
    rules.write_text(rules.read_text().replace("rules:\n", "rules:\n" + DROPPED, 1))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERCOM_GEN_CACHE", str(base / "cache"))
        for arguments in (["--version", VERSION, "--out", str(base / "one")], ["--out", str(base / "all")]):
            result = CliRunner().invoke(main, ["--catalog", str(catalog), *arguments])
            assert result.exit_code == 0, result.output
    return base / "one" / VERSION, base / "all"


def test_such_fields_are_renamed_and_the_models_load_and_validate(generated: tuple[Path, Path]) -> None:
    one = generated[1] / FIRST
    payload = {"id": "1", "list": 3, "str": True, "Field": "f", "tags": ["a"], "labels": {"k": "v"}}
    script = f"""
import json
from intercom_api.models import Contact
contact = Contact.model_validate({payload!r})
print(json.dumps([contact.list_, contact.str_, contact.Field_, contact.tags, contact.labels, contact.model_dump(by_alias=True, exclude_none=True)]))
"""
    environment = {**os.environ, "PYTHONPATH": str(one / "python")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [3, True, "f", ["a"], {"k": "v"}, payload]
    module = (one / "python" / "intercom_api" / "models" / "contact.py").read_text()
    assert "_aliased" not in module
    assert '    list_: int | None = Field(None, alias="list")' in module


def test_the_models_read_the_same_made_alone_or_with_every_version(generated: tuple[Path, Path]) -> None:
    """The newest version has no field hiding `list`; a run of every version, whose
    older versions have one, must not change how its models are written."""
    one, every = generated[0], generated[1] / VERSION
    assert "list_" not in (one / "python" / "intercom_api" / "models" / "contact.py").read_text()
    models = Path("python") / "intercom_api" / "models"
    for path in sorted((one / models).iterdir()):
        assert path.read_text() == (every / models / path.name).read_text(), path.name
