"""The browser harness follows script runs by the fields of Streamlit's messages (devtools/script_runs.js): the
numbers it reads must be Streamlit's own, or every browser test would wait for runs it can no longer see."""

from __future__ import annotations

import re

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from devtools.browser_harness import COUNT_SCRIPT_RUNS


def test_the_run_tracker_reads_streamlits_own_field_numbers() -> None:
    read = {name: int(number) for name, number in re.findall(r"\b([A-Z][A-Z_]+) = (\d+)", COUNT_SCRIPT_RUNS)}

    assert read == {
        "NEW_SESSION": ForwardMsg.DESCRIPTOR.fields_by_name["new_session"].number,
        "SCRIPT_FINISHED": ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number,
        "FINISHED_EARLY_FOR_RERUN": ForwardMsg.FINISHED_EARLY_FOR_RERUN,
        "RERUN_SCRIPT": BackMsg.DESCRIPTOR.fields_by_name["rerun_script"].number,
        "IS_AUTO_RERUN": ClientState.DESCRIPTOR.fields_by_name["is_auto_rerun"].number,
    }
