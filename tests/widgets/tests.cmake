# widget tests
