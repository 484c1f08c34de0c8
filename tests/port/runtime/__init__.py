"""Property tests for the jsrt Go runtime: random inputs through jsrt and through node agree."""
