"""Readers for deployment configuration: serverless.yml, SAM/CloudFormation, bare package.json."""
