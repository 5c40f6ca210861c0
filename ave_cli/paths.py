"""Where the user config lives. Its own small module so that the language can be read from the
config at start-up without importing the rest of the package."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "ave"

# Every environment variable ave reads, and what it sets (README, "Options shared by the commands").
ENV_VARS = {
    "AVE_LOG": "the case log, or a team's postgresql:// store (like --log)",
    "AVE_TEAM": "the team a new case belongs to in a store (like --team)",
    "AVE_KAPSTOK": "the kapstok, a bundled name or a file (like --kapstok)",
    "AVE_BY": "who decides (like --by)",
    "AVE_LANG": "the language, nl or en (like --lang)",
    "AVE_CONFIG": "the user config file",
    "AVE_CACHE_DIR": "the folder of the derived index",
}


def config_path() -> Path:
    """The user config file: $AVE_CONFIG, else the platformdirs user config dir. On Linux the
    rule platformdirs follows (the XDG base directory spec: $XDG_CONFIG_HOME, else ~/.config) is
    applied here, because every start reads this path to find the language and importing
    platformdirs costs 15 ms of it (a test checks both give the same path)."""
    if os.environ.get("AVE_CONFIG"):
        return Path(os.environ["AVE_CONFIG"]).expanduser()
    if sys.platform == "linux":
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(base) / APP / "config.toml"
    from platformdirs import user_config_path  # 15 ms, off Linux only

    return user_config_path(APP) / "config.toml"
