"""Publish a partnership's plans, written as YAML, as an accessible website."""
