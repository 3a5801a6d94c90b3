"""What the shipped Streamlit configuration and repository settings promise a public deployment."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from gasatlas.config import PROJECT_ROOT
from gasatlas.news.extract import MAX_FILE_BYTES

SHIPPED = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_the_public_never_sees_an_errors_details() -> None:
    assert SHIPPED["client"]["showErrorDetails"] == "none", "no exception type, message or traceback"


def test_streamlit_reads_the_shipped_options_as_meant() -> None:
    script = ("from streamlit import config; config.get_config_options(); "
              "print(config.get_option('client.showErrorDetails'), config.get_option('server.allowedHosts'))")
    shown = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                           check=True).stdout.strip()

    assert shown == "none ['localhost', '127.0.0.1']"


def test_the_deployments_secrets_file_is_never_committed() -> None:
    ignored = subprocess.run(["git", "check-ignore", "--quiet", ".streamlit/secrets.toml"], cwd=PROJECT_ROOT,
                             check=False)
    assert ignored.returncode == 0


def test_what_a_browser_may_send_is_bounded_to_what_the_atlas_reads() -> None:
    server = SHIPPED["server"]
    assert server["maxUploadSize"] * 1_000_000 == MAX_FILE_BYTES, "an upload no larger than a file the atlas reads"
    assert server["maxWidgetStateSize"] <= 2
    assert server["maxMessageSize"] <= 50
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True


def test_a_public_server_spends_no_script_run_watching_source_files() -> None:
    assert SHIPPED["server"]["fileWatcherType"] == "none"
    assert SHIPPED["server"]["runOnSave"] is False
