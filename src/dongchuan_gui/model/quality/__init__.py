"""Data quality without Qt: validation rules between figures, outlier flags with their
reasons, targets and progress against them, and one list of findings to review."""
