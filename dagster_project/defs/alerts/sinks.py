"""Where alerts go: always one JSON line per alert in the alerts log and a line in the run's
log; optionally a Slack-compatible webhook and e-mail over SMTP (off unless configured).

Configuration: the resource's fields, else the environment (read when an alert is sent):
FDW_ALERTS_LOG (default logs/alerts.jsonl beside the warehouse file), FDW_ALERT_WEBHOOK_URL, FDW_SMTP_HOST,
FDW_SMTP_PORT (default 25), FDW_ALERT_EMAIL_FROM, FDW_ALERT_EMAIL_TO (comma-separated)."""

from __future__ import annotations

import json
import logging
import os
import smtplib
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import dagster as dg

from ... import config


@dataclass(frozen=True)
class Alert:
    kind: str  # 'dq_check' | 'run_failure'
    title: str
    message: str
    run_id: str
    rule_id: str | None = None
    document_id: str | None = None
    source_path: str | None = None
    expected_value: float | None = None
    observed_value: float | None = None
    raised_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    def line(self) -> str:
        return f"ALERT [{self.kind}] {self.title}: {self.message}"


def append_jsonl(path: Path, alerts: list[Alert]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(asdict(a), ensure_ascii=False) + "\n" for a in alerts)


def summary_text(alerts: list[Alert]) -> str:
    return f"{len(alerts)} data-quality alert(s)\n" + "\n".join(f"• {a.line()}" for a in alerts)


def post_webhook(url: str, alerts: list[Alert], timeout: float) -> None:
    """One Slack-compatible message ({"text": ...}) for the batch."""
    body = json.dumps({"text": summary_text(alerts)}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def send_email(host: str, port: int, sender: str, recipients: list[str], alerts: list[Alert], timeout: float) -> None:
    message = EmailMessage()
    message["Subject"] = f"[fdw] {len(alerts)} alert(s): {alerts[0].title}"
    message["From"], message["To"] = sender, ", ".join(recipients)
    message.set_content(summary_text(alerts))
    with smtplib.SMTP(host, port, timeout=timeout) as smtp:
        smtp.send_message(message)


class AlertSink(dg.ConfigurableResource):
    """The configurable sink every alert goes through (checks and run failures)."""

    alerts_log: str = ""
    webhook_url: str = ""
    smtp_host: str = ""
    smtp_port: int = 0
    email_from: str = ""
    email_to: str = ""
    timeout_seconds: float = 10.0

    def log_path(self) -> Path:
        return Path(self.alerts_log or os.environ.get("FDW_ALERTS_LOG") or config.warehouse_path().parent / "logs" / "alerts.jsonl")

    def send(self, alerts: list[Alert], log: logging.Logger | None = None) -> None:
        """Deliver `alerts`. The log file and the run log always; a failing webhook or SMTP server
        is reported in the run log, never breaks the run."""
        if not alerts:
            return
        log = log or logging.getLogger(__name__)
        append_jsonl(self.log_path(), alerts)
        for alert in alerts:
            log.warning(alert.line())
        env = os.environ.get
        webhook = self.webhook_url or env("FDW_ALERT_WEBHOOK_URL", "")
        if webhook:
            try:
                post_webhook(webhook, alerts, self.timeout_seconds)
            except OSError as exc:
                log.error(f"alert webhook {webhook} failed: {exc}")
        host = self.smtp_host or env("FDW_SMTP_HOST", "")
        recipients = [r.strip() for r in (self.email_to or env("FDW_ALERT_EMAIL_TO", "")).split(",") if r.strip()]
        if host and recipients:
            port = self.smtp_port or int(env("FDW_SMTP_PORT") or 25)
            sender = self.email_from or env("FDW_ALERT_EMAIL_FROM") or "fdw@localhost"
            try:
                send_email(host, port, sender, recipients, alerts, self.timeout_seconds)
            except (OSError, smtplib.SMTPException) as exc:
                log.error(f"alert e-mail via {host}:{port} failed: {exc}")


def run_failure_alert(run_id: str, job_name: str, reason: str) -> Alert:
    return Alert(kind="run_failure", title=f"run of {job_name} failed", message=reason, run_id=run_id)
