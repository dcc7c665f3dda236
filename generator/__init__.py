"""intercom-gen: a declarative code generator for the Intercom REST API."""

__version__ = "0.1.0"
