"""Central Asia Gas Atlas — entry script: page setup, shared view state, navigation."""

import streamlit as st

from gasatlas import ui
from gasatlas.i18n import t

st.set_page_config(page_title="Central Asia Gas Atlas", page_icon=ui.FAVICON, layout="wide")
ui.ensure_vendor_assets()
atlas = ui.dataset()
ui.init_view_from_url(atlas)
lang = ui.language_selector()

# URL paths deliberately differ from the file names: Streamlit also registers every
# file in pages/ as a legacy page under its file name, and a rerun that names such a
# page would run that file alone, without this entry script.
page = st.navigation(
    [st.Page("pages/map_workspace.py", title=t("nav_map", lang), icon=":material/map:", url_path="map", default=True)]
)
page.run()
ui.publish_view(ui.current_view())
