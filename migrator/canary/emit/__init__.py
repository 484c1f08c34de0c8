"""`migrate canary emit`: the same rollout as SAM, CloudFormation (CodeDeploy) or Terraform.

Templates are package data in `templates/`, rendered from `model.RolloutModel` only; pass a jinja
loader to `emit_rollout` to override one of them. The formats (`sam.py`, `cloudformation.py`,
`terraform.py`) are registered in `formats.EMIT_FORMATS`; `run.py` is the command.
"""

from __future__ import annotations

import json
import re

import jinja2

from migrator.canary.emit.model import EmitOptions, build_model

__all__ = ["EmitOptions", "emit_rollout"]

_TEMPLATES = {
    "sam": "sam.yaml.jinja",
    "cloudformation": "cloudformation.yaml.jinja",
    "terraform": "terraform.tf.jinja",
}


def emit_rollout(options: EmitOptions, format: str, loader: jinja2.BaseLoader | None = None) -> str:
    """The rollout in `format` (a name of `formats.EMIT_FORMATS`), as text ending in a newline."""
    model = build_model(options, codedeploy=format != "terraform")
    package = jinja2.PackageLoader("migrator.canary.emit", "templates")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([loader, package]) if loader else package,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(q=_yaml_string, hcl=_hcl_string, snake=_snake)
    return env.get_template(_TEMPLATES[format]).render(m=model).rstrip("\n") + "\n"


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def _hcl_string(value: str) -> str:
    """An HCL string literal whose text is taken literally (template sequences escaped)."""
    return json.dumps(value, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")


def _snake(value: str) -> str:
    """`OrdersApiV2` → `orders_api_v2`, a Terraform resource name."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", value).lower()
