"""Which languages a plan has, and which way each is written."""
from __future__ import annotations

from ..model import Plan


def default_language(plan: Plan) -> str:
    return plan.languages[0]["code"] if plan.languages else "en"


def translated_languages(plan: Plan) -> list[dict]:
    """Every configured language but the source language."""
    return plan.languages[1:]


def text_direction(language: str) -> str:
    """'rtl' for a language written right to left (CLDR's character order), otherwise 'ltr'."""
    from babel import Locale

    return "rtl" if Locale.parse(language.replace("-", "_")).character_order == "right-to-left" else "ltr"
