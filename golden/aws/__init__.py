"""The AWS the handlers reach: a moto server per side, the resources a function expects, the effects it
made."""
