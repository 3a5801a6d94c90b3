"""Central Asia Gas Atlas — entry script: everything around the pages is in ``gasatlas.ui.shell``."""

from gasatlas.ui import shell

shell.run_app()
