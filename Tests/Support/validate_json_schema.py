#!/usr/bin/env python3
"""Validate a JSON document against a JSON Schema.

Usage: validate_json_schema.py SCHEMA INSTANCE

The validator class follows the schema's "$schema" (draft-04, draft-07, 2020-12, ...).
Exit status: 0 valid; 1 invalid (each error printed on stderr); 2 usage, I/O or setup error
(such as the jsonschema module missing: `pip install jsonschema`).
"""

import json
import sys


def main(argv):
    if len(argv) != 3:
        print("usage: validate_json_schema.py SCHEMA INSTANCE", file=sys.stderr)
        return 2
    try:
        import jsonschema
        from jsonschema import validators
    except ImportError:
        print("the python module 'jsonschema' is missing: pip install jsonschema", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            schema = json.load(handle)
        with open(argv[2], encoding="utf-8") as handle:
            instance = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"cannot read input: {error}", file=sys.stderr)
        return 2
    cls = validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"invalid schema: {error.message}", file=sys.stderr)
        return 2
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{path}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
