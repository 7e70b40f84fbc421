"""House-style checks for thankyou-lint (the rules are in `rules.py`)."""
