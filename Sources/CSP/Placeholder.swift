// Content-Security-Policy Level 3.
