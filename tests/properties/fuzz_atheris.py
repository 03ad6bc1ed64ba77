"""Coverage-guided fuzzing of parsing and alignment with atheris (optional).

    python -m tests.properties.fuzz_atheris -max_total_time=600

Run from the repository root with the package importable; any libFuzzer flag works. The test
suite runs it for a few seconds when atheris is installed (``test_fuzz.py``).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from tests.properties.fuzz_targets import check_bytes


def one_input(data: bytes) -> None:
    check_bytes(data)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
