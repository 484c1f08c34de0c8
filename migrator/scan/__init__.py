"""`migrate scan`: static facts about every Node.js Lambda handler in a tree."""
