"""Fixtures of the core plugin's tests."""

import copy
from pathlib import Path

import pytest


TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@pytest.fixture
def core_test_templates(settings):
    """Make the templates under ``tests/core/templates`` findable."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], TEMPLATES_DIR]
    settings.TEMPLATES = templates
