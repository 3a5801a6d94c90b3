"""The record model: what an event, route, facility, actor and flow are, and the words the atlas uses for them.

The bottom layer: pydantic models (``schema``), the closed vocabularies (``vocab``), dates and periods
(``datewindow``, ``periods``), places (``geo``), record states (``status``, ``records``), the colours of each
kind (``palette``) and text hygiene (``sanitize``). It imports nothing else of the atlas but ``config``.
"""
