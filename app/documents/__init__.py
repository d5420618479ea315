"""Printable documents (RULES.md 7): templates, numbering, PDF rendering and issuing."""
