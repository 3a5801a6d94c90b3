"""Central Asia Gas Atlas — entry script: page setup, the shared view, navigation."""

import streamlit as st

from gasatlas.ui import controls, navigation, resources, state

st.set_page_config(page_title="Central Asia Gas Atlas", page_icon=resources.FAVICON, layout="wide")
resources.ensure_vendor_assets()
atlas = resources.dataset(state.url_language())
state.init(atlas)
lang = controls.language_selector()
controls.filter_sidebar(atlas, lang)

st.navigation(navigation.pages(lang)).run()
state.publish(atlas)
