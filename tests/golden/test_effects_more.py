"""SES mail as golden keeps it, from a moto state dump: ids dropped, raw messages parsed, kinds apart."""

from __future__ import annotations

from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from typing import Any

from golden.aws.effects_more import ses_messages


def _raw() -> str:
    message = MIMEMultipart("alternative")
    message["From"], message["To"], message["Subject"] = "shop@example.com", "a@example.com", "Receipt"
    message["Message-ID"] = "<generated-1@example.com>"
    message.attach(MIMEText("Paid: 12.5", "plain"))
    message.attach(MIMEText('{"paid": 12.5}', "html"))
    return message.as_string()


def test_ses_mail_is_kept_by_kind_with_raw_messages_parsed_and_ids_dropped() -> None:
    state = {
        "ses": {
            "Message": [
                {"id": "m-2", "source": "s@x.com", "subject": "b", "body": "t", "destinations": {}},
                {"id": "m-1", "source": "s@x.com", "subject": "a", "body": "t", "destinations": {}},
            ],
            "RawMessage": [
                {"id": "r-1", "source": "shop@example.com", "destinations": [], "raw_data": _raw()}
            ],
            "TemplateMessage": [
                {
                    "id": "t-1",
                    "source": "s@x.com",
                    "template": "T",
                    "template_data": '{"n": 1}',
                    "destinations": {},
                }
            ],
        }
    }
    mail: Any = ses_messages(state)  # plain JSON, walked by key below
    assert [m["subject"] for m in mail["email"]] == ["a", "b"]  # canonical order, ids gone
    assert all("id" not in m for m in mail["email"]) and mail["bulk_templated"] == []
    assert mail["templated"] == [
        {"source": "s@x.com", "template": "T", "template_data": {"n": 1}, "destinations": {}}
    ]
    (raw,) = mail["raw"]
    assert raw["message"]["headers"]["message-id"] == "<generated-1@example.com>"  # a field of its own
    assert raw["message"]["parts"] == [
        {"content_type": "text/plain", "body": "Paid: 12.5"},
        {"content_type": "text/html", "body": {"paid": 12.5}},
    ]
