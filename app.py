"""Central Asia Gas Atlas — entry script: page setup, the shared view, navigation."""

import streamlit as st

from gasatlas.i18n import t
from gasatlas.ui import controls, resources, state

st.set_page_config(page_title="Central Asia Gas Atlas", page_icon=resources.FAVICON, layout="wide")
resources.ensure_vendor_assets()
atlas = resources.dataset(state.url_language())
state.init(atlas)
lang = controls.language_selector()
controls.filter_sidebar(atlas, lang)

# URL paths deliberately differ from the file names: Streamlit also registers every
# file in pages/ as a legacy page under its file name, and a rerun that names such a
# page would run that file alone, without this entry script.
page = st.navigation(
    [st.Page("pages/map_workspace.py", title=t("nav_map", lang), icon=":material/map:", url_path="map", default=True)]
)
page.run()
state.publish(atlas)
