"""Each association's present values for the profile form, one small JSON
file beside the form (yhdistyksen-tiedot/<slug>.json).

The form's page once carried every association's values, so it grew with
the site (2.4 MB of HTML at 2,500 associations); now it lists the names and
the script fetches the one file of the association the reader picks. A file
shows one association's values and nothing else, so its text is its key:
an unchanged association's file is left from the previous build.
"""
import json
import os

from bulletin_contract.writer import association_values
from bulletin_incremental import REUSE


def values_text(profile):
    return json.dumps(association_values(profile), ensure_ascii=False, sort_keys=True)


def write_profile_values(output_path, folder, associations):
    """Write `folder`<slug>.json for every association that changed."""
    for slug, profile in associations.items():
        name = f"{folder}{slug}.json"
        text = values_text(profile)
        if not REUSE.take_made(name, text):
            target = os.path.join(output_path, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as out:
                out.write(text + "\n")
