"""Where the user config lives. Its own small module so that the language can be read from the
config at start-up without importing the rest of the package."""

from __future__ import annotations

import os
from pathlib import Path

APP = "ave"

# Every environment variable ave reads, and what it sets (README, "Options shared by the commands").
ENV_VARS = {
    "AVE_LOG": "the case log (like --log)",
    "AVE_KAPSTOK": "the kapstok, a bundled name or a file (like --kapstok)",
    "AVE_BY": "who decides (like --by)",
    "AVE_LANG": "the language, nl or en (like --lang)",
    "AVE_CONFIG": "the user config file",
    "AVE_CACHE_DIR": "the folder of the derived index",
}


def config_path() -> Path:
    """The user config file: $AVE_CONFIG, else the platformdirs user config dir."""
    if os.environ.get("AVE_CONFIG"):
        return Path(os.environ["AVE_CONFIG"]).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP) / "config.toml"
