"""Central Asia Gas Atlas — entry script: everything around the pages is in ``gasatlas.ui.shell``.

``streamlit run app.py`` finds ``app`` below and serves it (Streamlit's ``st.App``): the server imports
the pages' modules before it listens (``gasatlas.ui.startup``), then runs this file as ``__main__``
for every script run.
"""

import streamlit as st

from gasatlas.ui import startup

if __name__ == "__main__":
    from gasatlas.ui import shell

    shell.run_app()
else:
    app = st.App(__file__, lifespan=startup.lifespan)
