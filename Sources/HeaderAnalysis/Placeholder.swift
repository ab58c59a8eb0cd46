// Header analysis.
