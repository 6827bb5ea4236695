#!/usr/bin/env python3
"""Build, check and preview the plan website. Run `python build_plan.py --help`."""
import sys

from plansite.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="build_plan.py"))
