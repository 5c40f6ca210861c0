"""ave: AVE-triage, op- en afschalen en een lokaal caselog voor casusoverleggen."""

__version__ = "0.1.0"
