"""The rules an office works under, as data: profiles, states, transitions, reason codes,
dated rule sets of deadlines (RULES.md sections 1–4). A new rule set is a new table in
tables.py, never a new branch in code."""
