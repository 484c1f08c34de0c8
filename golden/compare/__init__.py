"""Judging a case: outcomes normalized and compared semantically, noise and clocks discounted, latency
measured."""
