"""Analyses of a loaded dataset: filtering (the reader's view), flows, the actor network, timelines, stories,
charts, the data check and revision tables — pure functions from frames to frames or charts.
"""
