// Scenarios and compensation quotes are added in the following commits.
