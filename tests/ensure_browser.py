"""Make sure Debian's Chromium is there for the browser tests.

``make test`` runs this first. As root it installs the ``chromium`` package
with apt-get when it is missing; otherwise it says what to install. Playwright's
own browser download cannot work on a closed network, so it is never used.
"""

import os
import shutil
import subprocess
import sys


CHROMIUM = "/usr/bin/chromium"


def main():
    if os.path.exists(CHROMIUM):
        return 0
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(apt-get install chromium) to run the browser tests.",
            file=sys.stderr,
        )
        return 1
    print("Installing Debian's chromium for the browser tests...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-core"],
        check=True,
        env=env,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
