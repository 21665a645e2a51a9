"""The alert sinks against real servers started on 127.0.0.1 (an HTTP server, aiosmtpd)."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import dagster as dg
import pytest
from aiosmtpd.controller import Controller

from dagster_project.defs.alerts.sensors import alert_on_run_failure
from dagster_project.defs.alerts.sinks import Alert, AlertSink

ENV = ("FDW_ALERTS_LOG", "FDW_ALERT_WEBHOOK_URL", "FDW_SMTP_HOST", "FDW_SMTP_PORT", "FDW_ALERT_EMAIL_FROM",
       "FDW_ALERT_EMAIL_TO")
ALERT = Alert(kind="dq_check", title="N_CLASS_AMOUNT failed for wuhan.txt", run_id="run-1", rule_id="N_CLASS_AMOUNT",
              message="narrative gpb_class_amount[201] printed 1,407.71 against table 5 row 201 printed 1,407.17",
              document_id="doc-1", expected_value=1407.17, observed_value=1407.71)


@pytest.fixture(autouse=True)
def no_alert_environment(monkeypatch):
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def webhook():
    received = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append((self.path, json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hooks/dq", received
    server.shutdown()
    server.server_close()


@pytest.fixture
def smtp_server():
    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 Message accepted for delivery"

    with socket.socket() as probe:  # a free port (aiosmtpd's readiness probe cannot use port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, received
    controller.stop()


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_by_default_an_alert_is_one_json_line_and_a_log_line(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("FDW_ALERTS_LOG", str(tmp_path / "logs" / "alerts.jsonl"))
    AlertSink().send([ALERT, ALERT])
    written = lines(tmp_path / "logs" / "alerts.jsonl")
    assert [a["rule_id"] for a in written] == ["N_CLASS_AMOUNT", "N_CLASS_AMOUNT"]
    assert written[0]["observed_value"] == 1407.71
    assert "ALERT [dq_check] N_CLASS_AMOUNT failed for wuhan.txt" in caplog.text


def test_the_webhook_receives_a_slack_compatible_message(tmp_path, webhook):
    url, received = webhook
    AlertSink(alerts_log=str(tmp_path / "a.jsonl"), webhook_url=url).send([ALERT])
    assert len(received) == 1
    path, body = received[0]
    assert path == "/hooks/dq"
    assert "N_CLASS_AMOUNT" in body["text"] and "1,407.71" in body["text"]


def test_the_webhook_is_configured_by_the_environment(tmp_path, webhook, monkeypatch):
    url, received = webhook
    monkeypatch.setenv("FDW_ALERT_WEBHOOK_URL", url)
    AlertSink(alerts_log=str(tmp_path / "a.jsonl")).send([ALERT])
    assert len(received) == 1


def test_email_goes_out_over_smtp(tmp_path, smtp_server, monkeypatch):
    controller, received = smtp_server
    monkeypatch.setenv("FDW_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FDW_SMTP_PORT", str(controller.port))
    monkeypatch.setenv("FDW_ALERT_EMAIL_FROM", "fdw@example.org")
    monkeypatch.setenv("FDW_ALERT_EMAIL_TO", "analyst@example.org, lead@example.org")
    AlertSink(alerts_log=str(tmp_path / "a.jsonl")).send([ALERT])
    assert len(received) == 1
    envelope = received[0]
    assert envelope.mail_from == "fdw@example.org"
    assert envelope.rcpt_tos == ["analyst@example.org", "lead@example.org"]
    assert "N_CLASS_AMOUNT" in envelope.content.decode("utf-8")


def test_an_unreachable_webhook_is_logged_not_raised(tmp_path, caplog):
    AlertSink(alerts_log=str(tmp_path / "a.jsonl"), webhook_url="http://127.0.0.1:9/closed",
              timeout_seconds=2).send([ALERT])
    assert len(lines(tmp_path / "a.jsonl")) == 1
    assert "alert webhook" in caplog.text


def test_a_failed_dagster_run_goes_through_the_same_sink(tmp_path):
    @dg.op
    def breaks():
        raise RuntimeError("the warehouse file is locked")

    @dg.job
    def fragile():
        breaks()

    instance = dg.DagsterInstance.ephemeral()
    result = fragile.execute_in_process(instance=instance, raise_on_error=False)
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "PIPELINE_FAILURE")
    context = dg.build_run_status_sensor_context(
        sensor_name="alert_on_run_failure", dagster_event=failure, dagster_instance=instance,
        dagster_run=result.dagster_run).for_run_failure()
    alert_on_run_failure(context, alert_sink=AlertSink(alerts_log=str(tmp_path / "a.jsonl")))
    [alert] = lines(tmp_path / "a.jsonl")
    assert alert["kind"] == "run_failure" and alert["run_id"] == result.run_id
    assert alert["title"] == "run of fragile failed"
