"""Pure domain values: the model, target reading, working days, Indonesian formatting, problems."""
