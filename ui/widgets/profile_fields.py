"""The practice profile's fields on the Settings page: labels, limits and choices."""

from __future__ import annotations

TEXT_FIELDS = (
    ("practitioner_name", "Your &name"),
    ("business_name", "&Business name"),
    ("qualifications", "&Qualifications"),
    ("registration", "&Registration"),
    ("email", "Email"),  # E is the Edit menu's
    ("phone", "&Phone"),
    ("website", "&Website"),
)

#: Offered in the lists; any other ISO code or Babel locale can be typed.
CURRENCIES = ("GBP", "EUR", "USD", "AUD", "CAD", "NZD", "CHF", "SEK", "NOK", "DKK", "ZAR")
LOCALES = (
    ("en_GB", "English (United Kingdom)"),
    ("en_IE", "English (Ireland)"),
    ("en_US", "English (United States)"),
    ("en_AU", "English (Australia)"),
    ("en_CA", "English (Canada)"),
    ("en_NZ", "English (New Zealand)"),
    ("de_DE", "Deutsch (Deutschland)"),
    ("fr_FR", "Français (France)"),
    ("es_ES", "Español (España)"),
    ("nl_NL", "Nederlands (Nederland)"),
)

#: (field, label, minimum, maximum, suffix)
NUMBER_FIELDS = (
    ("default_session_minutes", "Session length", 5, 600, " min"),
    ("default_prep_minutes", "Preparation per session", 0, 600, " min"),
    ("default_writeup_minutes", "Write-up per session", 0, 600, " min"),
    ("default_support_call_minutes", "Support &call length", 1, 600, " min"),
    ("quiet_after_days", "Client is quiet after", 1, 365, " days"),
    ("retention_years", "Keep records for", 1, 100, " years"),
    ("auto_lock_minutes", "Lock after idle", 0, 240, " min"),
)

#: Practice details the standard terms print through merge fields:
#: (field, label, placeholder, several lines)
TERMS_FIELDS = (
    (
        "payment_details",
        "How to pa&y you",
        "e.g. Bank transfer to Quiet Harbour Therapy, sort code 00-00-00, account 12345678",
        True,
    ),
    (
        "professional_body",
        "Professional bo&dy",
        "e.g. the British Association for Counselling and Psychotherapy (BACP)",
        False,
    ),
    (
        "complaints_route",
        "How to compla&in",
        "e.g. by email to mira@quietharbour.example, or in writing to the address above",
        True,
    ),
    (
        "data_protection_number",
        "Data-protection registration",
        "e.g. ICO registration ZA123456",
        False,
    ),
)
