"""Settings for publishing: the example settings plus the public address."""
import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = "https://example.org/ilmoitukset"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
