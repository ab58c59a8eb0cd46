// Placeholder until the suite has real tests.
