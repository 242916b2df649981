"""The verdict: schema and cross-file rules, form rules shared with the browser, sealed history, CODEOWNERS."""
