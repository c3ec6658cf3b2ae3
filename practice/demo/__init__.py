"""The sample practice: realistic, invented data made through the services.

``generate_demo(db, clients=30, years=2, seed=2024, today=None)`` fills an empty
database; see :mod:`practice.demo.generator` for what "the same seed" guarantees.
"""

from practice.demo.generator import (
    DEFAULT_CLIENTS,
    DEFAULT_SEED,
    DEFAULT_YEARS,
    DemoSummary,
    NotEmptyError,
    Progress,
    generate_demo,
)

__all__ = [
    "DEFAULT_CLIENTS",
    "DEFAULT_SEED",
    "DEFAULT_YEARS",
    "DemoSummary",
    "NotEmptyError",
    "Progress",
    "generate_demo",
]
