"""Tools for developing the atlas, outside the runtime package: synthetic data, the benchmarks, the browser
harness they share with the browser tests, and the scripts that build the country and route geometries.

Run from the repository root as ``python -m devtools.<tool>``.
"""
